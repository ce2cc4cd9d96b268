import type { CustomMetadataRecord, MetadataValue } from '../../../lib/customMetadataRecords';
import { CliError } from '../errors';
import type { OrgClient } from './orgClient';
import { forEachRecord } from './restQuery';

/**
 * An org's PSMS settings records (the four custom metadata types), in the form the package's
 * XML reader gives them, so one mapping (scripts/lib/settingsFromRecords.ts) serves both.
 */

export const SETTINGS_TYPES = [
  'PSMS_Setting__mdt',
  'Hygiene_Rule__mdt',
  'Review_Meeting__mdt',
  'Maturity_Practice__mdt'
] as const;

/** REST sends custom fields as JSON numbers, booleans, strings or null: metadata values as they are. */
function metadataValue(type: string, field: string, value: unknown): MetadataValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as MetadataValue;
  throw new CliError(`settings: ${type}.${field} is not a plain value`);
}

/**
 * One query per type. FIELDS(CUSTOM) takes whatever fields the org's version of the type has,
 * so the mapping (not this query) decides which are required; it needs LIMIT 200, far above the
 * dozen records a type holds.
 */
export async function readOrgSettingsRecords(
  client: OrgClient
): Promise<Map<string, CustomMetadataRecord[]>> {
  const byType = new Map<string, CustomMetadataRecord[]>();
  for (const apiName of SETTINGS_TYPES) {
    const type = apiName.slice(0, -'__mdt'.length);
    const records: CustomMetadataRecord[] = [];
    await forEachRecord(
      client,
      `SELECT DeveloperName, MasterLabel, FIELDS(CUSTOM) FROM ${apiName} LIMIT 200`,
      (record) => {
        const values: Record<string, MetadataValue> = {};
        for (const [field, value] of Object.entries(record))
          if (field.endsWith('__c')) values[field] = metadataValue(apiName, field, value);
        records.push({
          type,
          developerName: String(record.DeveloperName),
          label: String(record.MasterLabel),
          values
        });
      }
    );
    byType.set(type, records);
  }
  return byType;
}
