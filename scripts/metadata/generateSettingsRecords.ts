// Writes the package's custom metadata records from the engine's DEFAULT_SETTINGS, so the
// defaults have one source. Run after changing settings.ts:
//   npx tsx scripts/metadata/generateSettingsRecords.ts
// The settings test reads the records back and fails when they drift from DEFAULT_SETTINGS.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type PsmsSettings } from '../../force-app/main/default/lwc/psmsEngine/settings';
import type { CustomMetadataRecord, MetadataValue } from '../lib/customMetadataRecords';

export const SETTINGS_TYPES = [
  'PSMS_Setting',
  'Hygiene_Rule',
  'Review_Meeting',
  'Maturity_Practice'
] as const;
const RECORDS_DIR = join(__dirname, '../../force-app/main/default/customMetadata');

/** The records that reproduce `settings`; the org's fiscal year is the default, so no override is written. */
export function settingsRecords(settings: PsmsSettings): CustomMetadataRecord[] {
  const record = (
    type: string,
    label: string,
    values: Record<string, MetadataValue>,
    developerName = toDeveloperName(label)
  ) => ({
    type,
    developerName,
    label: label.slice(0, 40),
    values
  });
  return [
    record('PSMS_Setting', 'Default', {
      Protection_Days__c: settings.protectionDays,
      Max_Extensions__c: settings.maxExtensions,
      Extension_Days__c: settings.extensionDays,
      SLA_Hours__c: settings.approvalSlaHours,
      Expiring_Soon_Days__c: settings.expiringSoonDays,
      // Blank = Organization.FiscalYearStartMonth: an installed package must follow the org's calendar.
      Fiscal_Start_Override__c: null,
      Retention_Quarters__c: settings.retentionQuarters,
      Snapshot_Weekday__c: settings.snapshotWeekday,
      Hygiene_Target__c: fractionToPercent(settings.hygieneTargetPercent),
      Unreliable_Below__c: fractionToPercent(settings.unreliableBelowPercent),
      High_Weight__c: settings.severityWeights.high,
      Medium_Weight__c: settings.severityWeights.medium,
      Low_Weight__c: settings.severityWeights.low
    }),
    ...Object.entries(settings.hygieneRules).map(([id, rule]) =>
      record(
        'Hygiene_Rule',
        id,
        {
          Rule_Id__c: id,
          Active__c: rule.active,
          Severity__c: rule.severity,
          Threshold__c: rule.threshold ?? null,
          Threshold_2__c: rule.threshold2 ?? null,
          Tier__c: rule.tier ?? null,
          Weight__c: rule.weight ?? null
        },
        id
      )
    ),
    ...settings.cadence.map((meeting, index) =>
      record('Review_Meeting', meeting.name, {
        Meeting__c: meeting.name,
        Weeks__c: formatWeeks(meeting.weeks),
        Audience__c: meeting.audience,
        Agenda__c: meeting.agenda,
        Sort_Order__c: (index + 1) * 10
      })
    ),
    ...settings.maturityPractices.map((practice, index) =>
      record('Maturity_Practice', practice.name, {
        Practice_Id__c: practice.id,
        Question__c: practice.question,
        Level_1__c: practice.levels[0],
        Level_2__c: practice.levels[1],
        Level_3__c: practice.levels[2],
        Level_4__c: practice.levels[3],
        Recommendation__c: practice.recommendation,
        Sort_Order__c: (index + 1) * 10
      })
    )
  ];
}

/** Week numbers as an admin would write them: runs of three or more as ranges (`1-13`), else a list (`1,5,9`). */
export function formatWeeks(weeks: number[]): string {
  const sortedWeeks = [...new Set(weeks)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sortedWeeks.length;) {
    let end = i;
    while (end + 1 < sortedWeeks.length && sortedWeeks[end + 1] === sortedWeeks[end] + 1) end++;
    if (end - i >= 2) parts.push(`${sortedWeeks[i]}-${sortedWeeks[end]}`);
    else parts.push(...sortedWeeks.slice(i, end + 1).map(String));
    i = end + 1;
  }
  return parts.join(',');
}

/** A valid DeveloperName: letters, digits and single underscores, starting with a letter, at most 40 long. */
export function toDeveloperName(label: string): string {
  const name = label
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return /^[A-Za-z]/.test(name) ? name : `X${name}`.slice(0, 40);
}

export function recordXml(record: CustomMetadataRecord): string {
  const values = Object.entries(record.values)
    .map(([field, value]) => `  <values>\n    <field>${field}</field>\n    ${valueXml(value)}\n  </values>\n`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n' +
    `  <label>${escapeXml(record.label)}</label>\n` +
    '  <protected>false</protected>\n' +
    values +
    '</CustomMetadata>\n'
  );
}

function valueXml(value: MetadataValue): string {
  if (value === null) return '<value xsi:nil="true" />';
  const type =
    typeof value === 'number' ? 'xsd:double' : typeof value === 'boolean' ? 'xsd:boolean' : 'xsd:string';
  return `<value xsi:type="${type}">${escapeXml(String(value))}</value>`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fractionToPercent(fraction: number): number {
  return Math.round(fraction * 1e8) / 1e6;
}

export type XmlFormatter = (xml: string, file: string) => string | Promise<string>;

/**
 * The project's Prettier config, so generated files pass the format check. Its XML whitespace is
 * strict (text is never touched), so the indentation written above is the one the files keep.
 * Loaded lazily: Prettier 3 is ESM-only inside Jest.
 */
const formatWithPrettier: XmlFormatter = async (xml, file) => {
  const prettier = await import('prettier');
  return prettier.format(xml, { ...((await prettier.resolveConfig(file)) ?? {}), filepath: file });
};

/** Replaces the records of the settings types (a removed meeting must not linger) with `records`. */
export async function writeRecords(
  records: CustomMetadataRecord[],
  dir = RECORDS_DIR,
  formatXml: XmlFormatter = formatWithPrettier
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) {
    if (SETTINGS_TYPES.some((type) => file.startsWith(`${type}.`))) rmSync(join(dir, file));
  }
  for (const record of records) {
    const file = join(dir, `${record.type}.${record.developerName}.md-meta.xml`);
    writeFileSync(file, await formatXml(recordXml(record), file));
  }
}

if (require.main === module) {
  const records = settingsRecords(DEFAULT_SETTINGS);
  writeRecords(records).then(
    () => console.log(`wrote ${records.length} records to ${RECORDS_DIR}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    }
  );
}
