import fc from 'fast-check';
import { evaluateHygiene } from '../hygiene';
import { summarizeHygiene, summaryFindings, type HygieneSummaryRow } from '../hygieneSummary';
import { indexPartnerDeals } from '../partnerDeals';
import type { Opportunity, Partner_Deal__c } from '../records';
import { withSettings, type HygieneRuleId, type PsmsSettings } from '../settings';
import { deal, opp } from './fixtures';

/**
 * Hygiene from summary rows (docs/scale.md) means what it means from records: rows that count
 * deals by owner, partner and the conditions they meet give evaluateHygiene's hygiene %, clean
 * counts per owner and partner, and findings per rule and severity, under any activation and
 * weighting of the rules. (That the org's conditions are the engine's rules is the case file's
 * job, hygieneConditions.test.ts; that the org's summary sums the records, the runtime property.)
 */
const today = '2026-05-11';
const RULES: HygieneRuleId[] = [
  'PAST_CLOSE_DATE',
  'MISSING_AMOUNT',
  'NO_NEXT_STEP',
  'STALE',
  'PUSHED',
  'STUCK_IN_STAGE',
  'CATEGORY_MISMATCH',
  'CLOSE_DATE_FAR',
  'NO_PRIMARY_PARTNER',
  'SOURCED_UNREGISTERED',
  'REGISTRATION_EXPIRES_BEFORE_CLOSE'
];

const oppArb = fc.record({
  owner: fc.constantFrom('005A', '005B'),
  partner: fc.option(fc.constantFrom('P1', 'P2')),
  role: fc.constantFrom('Sourced', 'Resell'),
  closeDate: fc.constantFrom('2026-05-01', '2026-06-01', '2027-09-01'),
  amount: fc.option(fc.constantFrom(0, 100)),
  nextStep: fc.option(fc.constant('Call')),
  activity: fc.constantFrom('2026-03-01', '2026-05-10'),
  pushes: fc.integer({ min: 0, max: 4 }),
  leadSource: fc.constantFrom('Partner', 'Web')
});
const settingsArb = fc.record({
  active: fc.array(fc.boolean(), { minLength: RULES.length, maxLength: RULES.length }),
  severe: fc.array(fc.boolean(), { minLength: RULES.length, maxLength: RULES.length }),
  zeroWeight: fc.array(fc.boolean(), { minLength: RULES.length, maxLength: RULES.length })
});

/** What the org's summary would hold: the conditions met under every rule, counted per group. */
function summaryRows(opportunities: Opportunity[], deals: Partner_Deal__c[]): HygieneSummaryRow[] {
  const all = withSettings();
  const partners = indexPartnerDeals(deals);
  const report = evaluateHygiene({ today, opportunities, partners, settings: all, allOpen: true });
  const rows = new Map<string, HygieneSummaryRow>();
  for (const o of opportunities) {
    const conditions = report.findings
      .filter((finding) => finding.recordId === o.Id)
      .map((finding) => {
        const escalated = finding.rule === 'PUSHED' && finding.severity === 'high';
        return escalated ? 'PUSHED:high' : finding.rule;
      });
    const entry = partners.get(o.Id);
    const row: HygieneSummaryRow = {
      Owner__c: o.OwnerId,
      Primary_Partner__c: entry?.primary?.Partner_Account__c ?? null,
      Partner_Involved__c: o.LeadSource === 'Partner' || (entry?.deals.length ?? 0) > 0,
      Findings__c: conditions.length === 0 ? null : conditions.join(','),
      As_Of__c: today
    };
    const key = JSON.stringify(row);
    const known = rows.get(key) ?? { ...row, Opportunity_Count__c: 0 };
    known.Opportunity_Count__c = (known.Opportunity_Count__c ?? 0) + 1;
    rows.set(key, known);
  }
  return [...rows.values()];
}

describe('hygiene from the summary', () => {
  it('reads each condition as a finding of an active rule, PUSHED:high as high', () => {
    const settings = withSettings({ hygieneRules: { STALE: { active: false } } });
    expect(summaryFindings('PAST_CLOSE_DATE,STALE,PUSHED:high', settings)).toEqual([
      { rule: 'PAST_CLOSE_DATE', severity: 'high' },
      { rule: 'PUSHED', severity: 'high' }
    ]);
    expect(summaryFindings(null, settings)).toEqual([]);
  });

  it('gives the hygiene %, the clean counts by owner and partner and the findings of the records', () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 40 }), settingsArb, (rows, choice) => {
        const opportunities = rows.map((r, i) =>
          opp(`o${i}`, {
            OwnerId: r.owner,
            CloseDate: r.closeDate,
            Amount: r.amount,
            NextStep: r.nextStep,
            LastActivityDate: r.activity,
            PushCount: r.pushes,
            LeadSource: r.leadSource
          })
        );
        const deals = rows.flatMap((r, i) => {
          if (!r.partner) return [];
          return [deal(`o${i}`, r.partner, { Role__c: r.role })];
        });
        const overrides: NonNullable<Parameters<typeof withSettings>[0]>['hygieneRules'] = {};
        RULES.forEach((rule, i) => {
          overrides[rule] = {
            active: choice.active[i],
            severity: choice.severe[i] ? 'high' : 'low',
            ...(choice.zeroWeight[i] ? { weight: 0 } : {})
          };
        });
        const settings: PsmsSettings = withSettings({ hygieneRules: overrides });
        const records = evaluateHygiene({
          today,
          opportunities,
          partners: indexPartnerDeals(deals),
          settings
        });
        const summary = summarizeHygiene({ rows: summaryRows(opportunities, deals), settings });
        expect(summary.hygienePercent).toBe(records.hygienePercent);
        expect(summary.unreliable).toBe(records.unreliable);
        // Counts per rule and severity, per owner.
        const tally = (entries: [string, number][]) => {
          const counts = new Map<string, number>();
          for (const [key, n] of entries) counts.set(key, (counts.get(key) ?? 0) + n);
          return Object.fromEntries([...counts.entries()].sort());
        };
        const ownerOf = new Map(opportunities.map((o) => [o.Id, o.OwnerId ?? '']));
        expect(tally(summary.counts.map((c) => [`${c.owner}|${c.rule}|${c.severity}`, c.count]))).toEqual(
          tally(records.findings.map((f) => [`${ownerOf.get(f.recordId)}|${f.rule}|${f.severity}`, 1]))
        );
        const dirty = new Set(records.findings.filter((f) => ownerOf.has(f.recordId)).map((f) => f.recordId));
        const evaluated = records.scores.filter((s) => ownerOf.has(s.recordId));
        for (const [owner, group] of summary.byOwner) {
          const mine = evaluated.filter((s) => ownerOf.get(s.recordId) === owner);
          const penalised = mine.filter((s) => s.score < 100);
          expect({ owner, ...group }).toEqual({
            owner,
            open: mine.length,
            clean: mine.length - penalised.length
          });
        }
        expect(summary.evaluated).toBe(evaluated.length);
        expect(dirty.size).toBeGreaterThanOrEqual(summary.evaluated - summary.clean);
      }),
      { numRuns: 300 }
    );
  });
});
