// The PSMS settings from custom metadata records, wherever they were read: the package's XML
// (settingsFromMetadata.ts, for the workbench and the tests) or an org's records (the CLI's
// --org). Strict on purpose: a blank or malformed value is a configuration bug to name, not to
// paper over. Kept apart from the XML reader so that the CLI loads no XML parser.
import {
  DEFAULT_SETTINGS,
  type HygieneRuleId,
  type HygieneRuleSetting,
  type MaturityPractice,
  type PracticeId,
  type PsmsSettings,
  type ReviewMeeting,
  type Severity
} from '../../force-app/main/default/lwc/psmsEngine/settings';
import type { PartnerTier } from '../../force-app/main/default/lwc/psmsEngine/records';
import type { CustomMetadataRecord, MetadataValue } from './customMetadataRecords';

const WEEKDAYS: readonly PsmsSettings['snapshotWeekday'][] = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday'
];
const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
const TIERS: readonly PartnerTier[] = ['Registered', 'Silver', 'Gold', 'Platinum'];
const RULE_IDS = Object.keys(DEFAULT_SETTINGS.hygieneRules) as HygieneRuleId[];
const PRACTICE_IDS = DEFAULT_SETTINGS.maturityPractices.map((p) => p.id);

export interface SettingsSource {
  /** The org's Organization.FiscalYearStartMonth, used when Fiscal_Start_Override__c is blank (default 1). */
  orgFiscalYearStartMonth?: number;
}

/**
 * The settings from the four types' records, grouped by type name without `__mdt` (as
 * readCustomMetadataRecords gives them from the package's XML, or the CLI from an org's query).
 */
export function settingsFromRecords(
  records: ReadonlyMap<string, CustomMetadataRecord[]>,
  source: SettingsSource = {}
): PsmsSettings {
  const setting = only(records.get('PSMS_Setting'), 'PSMS_Setting');
  const get = reader(setting);
  const override = get.optionalNumber('Fiscal_Start_Override__c');
  return {
    fiscalYearStartMonth: override ?? source.orgFiscalYearStartMonth ?? 1,
    protectionDays: get.number('Protection_Days__c'),
    maxExtensions: get.number('Max_Extensions__c'),
    extensionDays: get.number('Extension_Days__c'),
    approvalSlaHours: get.number('SLA_Hours__c'),
    expiringSoonDays: get.number('Expiring_Soon_Days__c'),
    retentionQuarters: get.number('Retention_Quarters__c'),
    snapshotWeekday: get.oneOf('Snapshot_Weekday__c', WEEKDAYS),
    // Percent fields hold 85 for 85 %; the engine works in fractions (SPEC §9).
    hygieneTargetPercent: percentToFraction(get.number('Hygiene_Target__c')),
    unreliableBelowPercent: percentToFraction(get.number('Unreliable_Below__c')),
    severityWeights: {
      high: get.number('High_Weight__c'),
      medium: get.number('Medium_Weight__c'),
      low: get.number('Low_Weight__c')
    },
    hygieneRules: hygieneRules(records.get('Hygiene_Rule') ?? []),
    cadence: sorted(records.get('Review_Meeting') ?? []).map(toMeeting),
    maturityPractices: maturityPractices(records.get('Maturity_Practice') ?? [])
  };
}

function hygieneRules(records: CustomMetadataRecord[]): Record<HygieneRuleId, HygieneRuleSetting> {
  const rules: Partial<Record<HygieneRuleId, HygieneRuleSetting>> = {};
  for (const record of records) {
    const get = reader(record);
    const id = get.oneOf('Rule_Id__c', RULE_IDS);
    if (rules[id]) throw new Error(`Hygiene_Rule: two records for ${id}`);
    const rule: HygieneRuleSetting = {
      active: get.boolean('Active__c'),
      severity: get.oneOf('Severity__c', SEVERITIES)
    };
    // Blank thresholds and weights are left out, not set to undefined, so the result compares
    // equal to hand-written settings.
    const threshold = get.optionalNumber('Threshold__c');
    const threshold2 = get.optionalNumber('Threshold_2__c');
    const tier = get.optionalOneOf('Tier__c', TIERS);
    const weight = get.optionalNumber('Weight__c');
    if (threshold !== undefined) rule.threshold = threshold;
    if (threshold2 !== undefined) rule.threshold2 = threshold2;
    if (tier !== undefined) rule.tier = tier;
    if (weight !== undefined) rule.weight = weight;
    rules[id] = rule;
  }
  const missing = RULE_IDS.filter((id) => !rules[id]);
  if (missing.length > 0) throw new Error(`Hygiene_Rule: no record for ${missing.join(', ')}`);
  return rules as Record<HygieneRuleId, HygieneRuleSetting>;
}

function toMeeting(record: CustomMetadataRecord): ReviewMeeting {
  const get = reader(record);
  return {
    name: get.text('Meeting__c'),
    weeks: parseWeeks(get.text('Weeks__c')),
    audience: get.text('Audience__c'),
    agenda: get.text('Agenda__c')
  };
}

function maturityPractices(records: CustomMetadataRecord[]): MaturityPractice[] {
  const practices = sorted(records).map((record): MaturityPractice => {
    const get = reader(record);
    return {
      id: get.oneOf('Practice_Id__c', PRACTICE_IDS as readonly PracticeId[]),
      name: record.label,
      question: get.text('Question__c'),
      levels: [
        get.text('Level_1__c'),
        get.text('Level_2__c'),
        get.text('Level_3__c'),
        get.text('Level_4__c')
      ],
      recommendation: get.text('Recommendation__c')
    };
  });
  const ids = practices.map((p) => p.id);
  const missing = PRACTICE_IDS.filter((id) => !ids.includes(id));
  if (missing.length > 0 || new Set(ids).size !== ids.length) {
    throw new Error(
      `Maturity_Practice: expected one record per practice; missing ${missing.join(', ') || 'none'}, got ${ids.join(', ')}`
    );
  }
  return practices;
}

/** `1,5,9`, `1-13` or a mix (`1-3,8`) to the week numbers, each within 1–13 (SPEC §1). */
export function parseWeeks(spec: string): number[] {
  const weeks = new Set<number>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) throw new Error(`Weeks__c "${spec}": "${part}" is not a week or a range`);
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from < 1 || to > 13 || from > to) throw new Error(`Weeks__c "${spec}": weeks run from 1 to 13`);
    for (let week = from; week <= to; week++) weeks.add(week);
  }
  return [...weeks].sort((a, b) => a - b);
}

function percentToFraction(percent: number): number {
  // Rounded so that 85 gives 0.85 exactly as written, not 0.8500000000000001.
  return Math.round(percent * 1e6) / 1e8;
}

function only(records: CustomMetadataRecord[] | undefined, type: string): CustomMetadataRecord {
  if (!records || records.length !== 1)
    throw new Error(`${type}: expected exactly one record, found ${records?.length ?? 0}`);
  return records[0];
}

function sorted(records: CustomMetadataRecord[]): CustomMetadataRecord[] {
  return [...records].sort((a, b) => reader(a).number('Sort_Order__c') - reader(b).number('Sort_Order__c'));
}

/** Typed access to one record's values; every error names the record and the field. */
function reader(record: CustomMetadataRecord) {
  const where = (field: string) => `${record.type}.${record.developerName} ${field}`;
  const raw = (field: string): MetadataValue => record.values[field] ?? null;
  const optionalNumber = (field: string): number | undefined => {
    const value = raw(field);
    if (value === null) return undefined;
    if (typeof value !== 'number' || Number.isNaN(value))
      throw new Error(`${where(field)}: expected a number, got ${String(value)}`);
    return value;
  };
  const optionalOneOf = <T extends string>(field: string, allowed: readonly T[]): T | undefined => {
    const value = raw(field);
    if (value === null || value === '') return undefined;
    const match = allowed.find((a) => a === value);
    if (match === undefined)
      throw new Error(`${where(field)}: "${String(value)}" is not one of ${allowed.join(', ')}`);
    return match;
  };
  const required = <T>(field: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`${where(field)} is blank`);
    return value;
  };
  return {
    optionalNumber,
    optionalOneOf,
    number: (field: string) => required(field, optionalNumber(field)),
    oneOf: <T extends string>(field: string, allowed: readonly T[]) =>
      required(field, optionalOneOf(field, allowed)),
    text: (field: string) => {
      const value = raw(field);
      return required(field, typeof value === 'string' && value !== '' ? value : undefined);
    },
    boolean: (field: string) => {
      const value = raw(field);
      if (typeof value !== 'boolean') throw new Error(`${where(field)}: expected true or false`);
      return value;
    }
  };
}
