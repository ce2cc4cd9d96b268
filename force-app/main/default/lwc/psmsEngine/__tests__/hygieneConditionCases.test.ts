import cases from '../../../staticresources/hygieneConditionCases.json';
import { evaluateHygiene } from '../hygiene';
import { indexPartnerDeals } from '../partnerDeals';
import type { Deal_Registration__c, Opportunity, Partner_Deal__c } from '../records';
import { withSettings, type HygieneRuleId, type HygieneRuleSetting } from '../settings';

/**
 * The hygiene condition case file (SPEC §5), shared with the Apex test of HygieneConditions —
 * the conditions the pipeline summary's hygiene rows are counted by. Each case's expected list is
 * what the engine's own rules find: the rule ids in rule order, PUSHED as `PUSHED:high` when the
 * engine escalates it. So the summary's conditions can never drift from the engine's rules.
 */
interface Case {
  name: string;
  today: string;
  rules?: Partial<Record<HygieneRuleId, Partial<HygieneRuleSetting>>>;
  opportunity: Opportunity;
  partnerDeals: Partner_Deal__c[];
  registrations: Deal_Registration__c[];
  expected: string[];
}

describe('Hygiene conditions (the case file the pipeline summary shares with the engine)', () => {
  it.each((cases.cases as unknown as Case[]).map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const report = evaluateHygiene({
      today: testCase.today,
      opportunities: [testCase.opportunity],
      partners: indexPartnerDeals(testCase.partnerDeals),
      registrations: testCase.registrations,
      settings: withSettings({ hygieneRules: testCase.rules ?? {} }),
      allOpen: true
    });
    const conditionOf = (finding: (typeof report.findings)[number]): string => {
      return finding.rule === 'PUSHED' && finding.severity === 'high' ? 'PUSHED:high' : finding.rule;
    };
    expect(report.findings.map(conditionOf)).toEqual(testCase.expected);
  });
});
