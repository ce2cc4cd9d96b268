import type { IsoDate, RecordId } from './records';
import type { HygieneRuleId, PsmsSettings, Severity } from './settings';

/**
 * Hygiene (SPEC §5) from the org's hygiene summary (docs/scale.md) instead of records: each row
 * counts open opportunities of one owner and primary partner that meet the same rule conditions
 * (`Findings__c`, as the summary's HygieneConditions wrote them; the case file
 * hygieneConditionCases.json holds those conditions to the rules of hygieneRules.ts). What the
 * conditions mean is decided here, as evaluateHygiene decides it: which rules are active, each
 * finding's severity (PUSHED escalated to high beyond the threshold), clean = no penalty (as in
 * HygieneEvaluation: a finding weighted 0 leaves a deal clean), the hygiene % over the
 * partner-involved ones and the unreliable flag.
 */
export interface HygieneSummaryRow {
  Owner__c?: RecordId | null;
  Primary_Partner__c?: RecordId | null;
  /** Whether the deals have a primary partner (the whole channel's rows name none). */
  Partner_Channel__c?: boolean | null;
  Partner_Involved__c?: boolean | null;
  /** Rule ids in rule order, comma-separated; `PUSHED:high` when pushed beyond the threshold. */
  Findings__c?: string | null;
  Opportunity_Count__c?: number | null;
  /** The day the conditions were evaluated for. */
  As_Of__c?: IsoDate | null;
}

export interface SummaryFinding {
  rule: HygieneRuleId;
  severity: Severity;
}

/** How many findings of a rule and severity the deals of one owner and primary partner have. */
export interface SummaryFindingCount extends SummaryFinding {
  /** The owner; '' on rows of the whole channel's partner grain. */
  owner: string;
  /** The primary partner; '' for direct deals and on rows of the owner grain. */
  partner: string;
  count: number;
}

export interface HygieneGroupCount {
  open: number;
  clean: number;
}

export interface HygieneSummaryReport {
  /** The earliest day the rows were evaluated for (null: no rows). */
  asOf: IsoDate | null;
  /** Open partner-involved opportunities evaluated, and the clean ones among them. */
  evaluated: number;
  clean: number;
  hygienePercent: number | null;
  unreliable: boolean;
  counts: SummaryFindingCount[];
  /** Open and clean per owner and per primary partner ('' = none). */
  byOwner: Map<string, HygieneGroupCount>;
  byPartner: Map<string, HygieneGroupCount>;
}

export interface HygieneSummaryInput {
  rows: readonly HygieneSummaryRow[];
  settings: Pick<PsmsSettings, 'hygieneRules' | 'severityWeights' | 'unreliableBelowPercent'>;
  /** Count every open opportunity, not only the partner-involved ones (as evaluateHygiene's allOpen). */
  allOpen?: boolean;
}

const PUSHED_HIGH = 'PUSHED:high';

/** The active findings a row's conditions give, in rule order, with their severities. */
export function summaryFindings(
  findings: string | null | undefined,
  settings: Pick<PsmsSettings, 'hygieneRules'>
): SummaryFinding[] {
  if (!findings) {
    return [];
  }
  const result: SummaryFinding[] = [];
  for (const condition of findings.split(',')) {
    const rule = (condition === PUSHED_HIGH ? 'PUSHED' : condition) as HygieneRuleId;
    const setting = settings.hygieneRules[rule];
    if (setting?.active) {
      result.push({ rule, severity: condition === PUSHED_HIGH ? 'high' : setting.severity });
    }
  }
  return result;
}

function addTo(groups: Map<string, HygieneGroupCount>, key: string, open: number, clean: number): void {
  const group = groups.get(key) ?? { open: 0, clean: 0 };
  group.open += open;
  group.clean += clean;
  groups.set(key, group);
}

export function summarizeHygiene(input: HygieneSummaryInput): HygieneSummaryReport {
  const report: HygieneSummaryReport = {
    asOf: null,
    evaluated: 0,
    clean: 0,
    hygienePercent: null,
    unreliable: false,
    counts: [],
    byOwner: new Map(),
    byPartner: new Map()
  };
  // Rows repeat a few hundred combinations of conditions: each is read and weighed once.
  const weighed = new Map<string, { findings: SummaryFinding[]; penalty: number }>();
  for (const row of input.rows) {
    if (input.allOpen !== true && row.Partner_Involved__c !== true) {
      continue;
    }
    const count = row.Opportunity_Count__c ?? 0;
    const owner = row.Owner__c ?? '';
    const partner = row.Primary_Partner__c ?? '';
    const conditions = row.Findings__c ?? '';
    let known = weighed.get(conditions);
    if (known === undefined) {
      const findings = summaryFindings(conditions, input.settings);
      let penalty = 0;
      for (const finding of findings) {
        penalty +=
          input.settings.hygieneRules[finding.rule].weight ??
          input.settings.severityWeights[finding.severity];
      }
      known = { findings, penalty };
      weighed.set(conditions, known);
    }
    const { findings, penalty } = known;
    const clean = penalty === 0 ? count : 0;
    report.evaluated += count;
    report.clean += clean;
    addTo(report.byOwner, owner, count, clean);
    addTo(report.byPartner, partner, count, clean);
    for (const finding of findings) {
      report.counts.push({ ...finding, owner, partner, count });
    }
    if (row.As_Of__c && (report.asOf === null || row.As_Of__c < report.asOf)) {
      report.asOf = row.As_Of__c;
    }
  }
  report.hygienePercent = report.evaluated === 0 ? null : report.clean / report.evaluated;
  report.unreliable =
    report.hygienePercent !== null && report.hygienePercent < input.settings.unreliableBelowPercent;
  return report;
}
