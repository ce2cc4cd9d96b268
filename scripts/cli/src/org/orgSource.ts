import { rowReader } from '../data/convert';
import { fieldsToRead, type DataSource, type LoadRequest, type RawRecord } from '../data/loadRequest';
import { silentProgress, type Progress } from '../progress';
import { bulkQuery, DEFAULT_BULK, type BulkOptions } from './bulkQuery';
import type { OrgClient } from './orgClient';
import { readOrgSettingsRecords } from './orgSettings';
import { countRecords, restQuery } from './restQuery';
import { buildCount, buildSoql } from './soql';

/**
 * The org adapter: each load is one SOQL query with the report's scope. Small results come over
 * the REST query endpoint; above `bulkThreshold` rows Bulk API 2.0 is cheaper in API calls
 * (one results page holds up to 100,000 rows, a REST page 2,000) and streams.
 */

export interface OrgSourceOptions {
  bulkThreshold?: number;
  bulk?: BulkOptions;
  progress?: Progress;
}

export const BULK_THRESHOLD = 5000;

/** Runs a query through REST or Bulk API 2.0 by its size; rows arrive as text values in `fields` order. */
export async function queryRows(
  client: OrgClient,
  soql: string,
  count: number,
  fields: readonly string[],
  label: string,
  onRow: (values: string[], line: number) => void,
  options: OrgSourceOptions = {}
): Promise<void> {
  const progress = options.progress ?? silentProgress;
  if (count > (options.bulkThreshold ?? BULK_THRESHOLD)) {
    await bulkQuery(
      client,
      soql,
      fields.map((name) => ({ name, required: true })),
      label,
      onRow,
      {
        ...(options.bulk ?? DEFAULT_BULK),
        onProgress: (done) => progress.update(`${label} (Bulk API 2.0)`, done, count)
      }
    );
  } else if (count > 0) {
    await restQuery(client, soql, fields, (values, index) => {
      onRow(values, index);
      if ((index & 0x7ff) === 0) progress.update(label, index, count);
    });
  }
  if (count > 0) progress.finish(label, `${count.toLocaleString('en-US')} rows`);
}

export function orgSource(client: OrgClient, orgName: string, options: OrgSourceOptions = {}): DataSource {
  return {
    description: `org ${orgName}`,
    async orgFiscalYearStartMonth() {
      const records: string[][] = [];
      await restQuery(
        client,
        'SELECT FiscalYearStartMonth FROM Organization',
        ['FiscalYearStartMonth'],
        (values) => records.push(values)
      );
      const month = Number(records[0]?.[0]);
      return Number.isInteger(month) && month >= 1 && month <= 12 ? month : undefined;
    },
    settingsRecords: () => readOrgSettingsRecords(client),
    async each(request: LoadRequest, onRecord: (record: RawRecord) => void): Promise<void> {
      const fields = fieldsToRead(request);
      const count = await countRecords(client, buildCount(request.object, request.where));
      // The scope is in the SOQL: every row the org sends is in it.
      const { build } = await rowReader(request.object, fields, `${request.object} (${orgName})`, {
        kept: request.kept
      });
      await queryRows(
        client,
        buildSoql(request.object, fields, request.where),
        count,
        fields,
        `Querying ${request.object}`,
        (values, line) => onRecord(build(values, line)),
        options
      );
    }
  };
}
