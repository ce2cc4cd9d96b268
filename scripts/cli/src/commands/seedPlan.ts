import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine, type CsvValue } from '../csv/writeCsv';
import type { DataModel } from '../../../lib/forceAppModel';
import type { DemoObjectName, DemoOrg } from '../../../demo/demoOrgTypes';
import { DEMO_OBJECT_ORDER } from '../../../demo/demoOrgTypes';

/**
 * Turns the workbench's demo org into Bulk API 2.0 upsert loads for a real org. Pure, so the
 * mapping is tested without an org:
 * - every reference to another demo record becomes `<Relationship>.External_Id__c` (the org
 *   resolves it), so a load never needs the ids the org assigned to earlier loads;
 * - references to the same object (a registration conflicting with another) go in a second
 *   load, once every record of the first exists;
 * - users are not created (a scratch org has two user licences): every user reference points
 *   at the user running the seed;
 * - only fields the org lets a client write are sent (no Id, no system or roll-up fields, no
 *   auto-number names).
 */

export const EXTERNAL_ID = 'External_Id__c';

/** Standard fields the demo sets that a client may write; the rest are computed by the platform. */
const WRITABLE_STANDARD: Readonly<Record<string, readonly string[]>> = {
  Account: ['Name', 'Website', 'Type', 'OwnerId'],
  Opportunity: [
    'Name',
    'AccountId',
    'OwnerId',
    'Amount',
    'CloseDate',
    'StageName',
    'Probability',
    'ForecastCategoryName',
    'NextStep',
    'LeadSource'
  ]
};

export interface SeedLoad {
  /** `Opportunity`, or `Deal_Registration__c (links)` for a second pass. */
  name: string;
  object: DemoObjectName;
  csv: string;
  rows: number;
}

function relationshipOf(field: string): string {
  // AccountId → Account; Partner_Account__c → Partner_Account__r.
  return field.endsWith('__c')
    ? `${field.slice(0, -3)}__r`
    : field.endsWith('Id')
      ? field.slice(0, -2)
      : field;
}

function autoNumberName(forceAppDir: string, object: string): boolean {
  const file = join(forceAppDir, 'main/default/objects', object, `${object}.object-meta.xml`);
  if (!existsSync(file)) return false;
  const nameField = /<nameField>([\s\S]*?)<\/nameField>/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return nameField.includes('<type>AutoNumber</type>');
}

function writableFields(object: DemoObjectName, model: DataModel, forceAppDir: string): Set<string> {
  const info = model.object(object);
  const fields = new Set<string>(WRITABLE_STANDARD[object] ?? []);
  for (const field of info?.fields.values() ?? []) {
    if (
      !field.implicit &&
      field.formula === undefined &&
      field.type !== 'Summary' &&
      field.name !== EXTERNAL_ID
    )
      fields.add(field.name);
  }
  if (info?.declared && !autoNumberName(forceAppDir, object)) fields.add('Name');
  return fields;
}

export function planSeedLoads(
  demo: DemoOrg,
  model: DataModel,
  forceAppDir: string,
  runningUserId: string
): SeedLoad[] {
  // Every demo id → its object and external id.
  const owners = new Map<string, { object: DemoObjectName; externalId: string }>();
  for (const object of DEMO_OBJECT_ORDER) {
    for (const record of demo.records[object])
      owners.set(record.Id, { object, externalId: record.External_Id__c });
  }
  const loads: SeedLoad[] = [];
  for (const object of DEMO_OBJECT_ORDER) {
    if (object === 'User') continue;
    const records = demo.records[object] as unknown as Record<string, unknown>[];
    if (records.length === 0) continue;
    const writable = writableFields(object, model, forceAppDir);
    const fields = new Set<string>();
    for (const record of records)
      for (const key of Object.keys(record)) if (writable.has(key)) fields.add(key);
    // A field is a reference when any value of it is a demo record id.
    const first: string[] = [];
    const second: string[] = [];
    const targetOf = new Map<string, DemoObjectName>();
    for (const field of fields) {
      const sample = records.find((r) => typeof r[field] === 'string' && owners.has(r[field] as string))?.[
        field
      ] as string | undefined;
      const target = sample === undefined ? undefined : owners.get(sample)?.object;
      if (target !== undefined) targetOf.set(field, target);
      (target === object ? second : first).push(field);
    }
    const header = (list: string[]) => [
      EXTERNAL_ID,
      ...list.map((f) =>
        targetOf.has(f) && targetOf.get(f) !== 'User' ? `${relationshipOf(f)}.${EXTERNAL_ID}` : f
      )
    ];
    const cell = (field: string, value: unknown): CsvValue => {
      if (value === null || value === undefined) return '';
      const target = targetOf.get(field);
      if (target === undefined) return value as CsvValue;
      if (target === 'User') return runningUserId;
      return owners.get(value as string)?.externalId ?? '';
    };
    const build = (list: string[], keep: (r: Record<string, unknown>) => boolean) => {
      let csv = csvLine(header(list));
      let rows = 0;
      for (const record of records) {
        if (!keep(record)) continue;
        csv += csvLine([record[EXTERNAL_ID] as string, ...list.map((f) => cell(f, record[f]))]);
        rows++;
      }
      return { csv, rows };
    };
    loads.push({ name: object, object, ...build(first, () => true) });
    if (second.length > 0) {
      const links = build(second, (r) => second.some((f) => r[f] != null && r[f] !== ''));
      if (links.rows > 0) loads.push({ name: `${object} (links)`, object, ...links });
    }
  }
  return loads;
}
