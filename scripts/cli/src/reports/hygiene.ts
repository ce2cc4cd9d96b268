import {
  addPartnerDeal,
  HygieneEvaluation,
  type Account,
  type Deal_Registration__c,
  type HygieneReport,
  type Opportunity,
  type OpportunityPartners,
  type Partner_Account_Plan__c,
  type Partner_Deal__c
} from '../engine';
import { IdMap } from '../data/idMap';
import { count, rowsOf, text, type Cell, type Table } from '../output/reportOutput';
import { HygieneJson } from './hygieneJson';
import { each, load, requireSource, type ReportCommand } from './reportCommand';

/**
 * Opportunities evaluated between two hand-overs of their findings to the JSON writer: few
 * enough that the findings die young (16k made them outlive a collection or two and be copied
 * into the old generation, which cost more than all the rest).
 */
const TAKE_EVERY = 256;

/** `psms hygiene`: the pipeline hygiene findings, scores and hygiene % of SPEC §5 as of --today. */

const SEVERITY_ORDER: Readonly<Record<string, number>> = { high: 0, medium: 1, low: 2 };

/** Findings per rule, most severe first: what a review meeting reads before the list. */
function byRule(report: HygieneReport): Table {
  const counts = new Map<string, { severity: string; n: number }>();
  for (const finding of report.findings) {
    const entry = counts.get(finding.rule) ?? { severity: finding.severity, n: 0 };
    entry.n++;
    counts.set(finding.rule, entry);
  }
  const rows: Cell[][] = [...counts.entries()]
    .sort(
      ([ra, a], [rb, b]) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.n - a.n || (ra < rb ? -1 : 1)
    )
    .map(([rule, { severity, n }]) => [rule, severity, n]);
  return { title: 'Findings by rule', columns: [text('Rule'), text('Severity'), count('Findings')], rows };
}

export const hygieneReport: ReportCommand = {
  name: 'hygiene',
  summary: 'pipeline hygiene findings, scores and hygiene % as of --today',
  usage: 'psms hygiene (--org <alias> | --data <dir>) [--all-open]',
  flags: [
    {
      name: 'all-open',
      kind: 'switch',
      description: 'evaluate every open opportunity, not only the partner-involved ones'
    }
  ],
  needsData: true,
  async run(context) {
    const source = requireSource(context);
    // Partner involvement first, so that each opportunity is evaluated as it is read and a
    // million of them are never held at once (only their findings and scores are).
    const partners = new IdMap<OpportunityPartners>();
    await each<Partner_Deal__c>(
      source,
      {
        object: 'Partner_Deal__c',
        fields: [
          'Id',
          'Opportunity__c',
          'Partner_Account__c',
          'Role__c',
          'Is_Primary__c',
          'Deal_Registration__c'
        ]
      },
      (deal) => addPartnerDeal(partners, deal)
    );
    const registrations = await load<Deal_Registration__c>(source, {
      object: 'Deal_Registration__c',
      fields: ['Id', 'Name', 'Partner_Account__c', 'Status__c', 'Expires_On__c', 'Opportunity__c']
    });
    const accounts = await load<Account>(source, {
      object: 'Account',
      fields: ['Id', 'Partner_Status__c', 'Partner_Tier__c'],
      where: [{ field: 'Partner_Status__c', op: 'notBlank' }]
    });
    const plans = await load<Partner_Account_Plan__c>(source, {
      object: 'Partner_Account_Plan__c',
      fields: ['Partner_Account__c', 'Status__c', 'Last_Reviewed_On__c']
    });
    const evaluation = new HygieneEvaluation({
      today: context.today,
      registrations,
      accounts,
      plans,
      allOpen: context.flags.has('all-open'),
      settings: context.settings
    });
    // --json is written as the findings come (hygieneJson.ts); the other formats sort them by
    // severity first, so they hold them.
    const streamed = context.flags.has('json') ? new HygieneJson() : null;
    let sinceTake = 0;
    await each<Opportunity>(
      source,
      {
        object: 'Opportunity',
        fields: [
          'Id',
          'Amount',
          'CloseDate',
          'StageName',
          'Probability',
          'ForecastCategoryName',
          'IsClosed',
          'IsWon',
          'NextStep',
          'LastActivityDate',
          'PushCount',
          'LastStageChangeDate',
          'CreatedDate',
          'LeadSource'
        ],
        where: [{ field: 'IsClosed', op: 'is', value: false }],
        kept: false
      },
      (opp, key) => {
        evaluation.add(opp, key === undefined ? partners.get(opp.Id) : partners.byDigits(key[0], key[1]));
        if (streamed !== null && ++sinceTake === TAKE_EVERY) {
          sinceTake = 0;
          streamed.add(evaluation.take());
        }
      }
    );
    if (streamed !== null) streamed.add(evaluation.take());
    const report = evaluation.report();
    // Only the format asked for is built (a getter each): at a million opportunities the
    // findings alone are over a million objects, and the JSON and the tables shape them twice.
    return {
      // In record id order (each record's findings in rule order): the opportunities are
      // evaluated in the order they are read, which must not show in the report.
      get json() {
        return (streamed ?? new HygieneJson()).json(report);
      },
      summary: [
        { label: 'As of', value: report.asOf, kind: 'text' },
        { label: 'Records scored', value: (streamed?.scores ?? 0) + report.scores.length, kind: 'count' },
        {
          label: 'Findings',
          value: (streamed?.findingCount ?? 0) + report.findings.length,
          kind: 'count'
        },
        { label: 'Pipeline hygiene', value: report.hygienePercent, kind: 'ratio' },
        { label: 'Target', value: context.settings.hygieneTargetPercent, kind: 'ratio' },
        { label: 'Forecast unreliable', value: report.unreliable, kind: 'text' }
      ],
      get tables(): Table[] {
        const findings = [...report.findings].sort(
          (a, b) =>
            SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
            (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0)
        );
        const flagged = report.scores
          .filter((s) => s.score < 100)
          .sort((a, b) => a.score - b.score || (a.recordId < b.recordId ? -1 : 1));
        return [
          byRule(report),
          {
            title: 'Findings',
            columns: [text('Record'), text('Rule'), text('Severity'), text('Reason'), text('Fix')],
            rows: rowsOf(findings, (f) => [f.recordId, f.rule, f.severity, f.reason, f.fix])
          },
          {
            title: 'Records below 100',
            columns: [text('Record'), count('Score')],
            rows: rowsOf(flagged, (s) => [s.recordId, s.score])
          }
        ];
      },
      csvTable: 1
    };
  }
};
