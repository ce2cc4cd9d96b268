import type { OrgClient } from './orgClient';

/** The REST query endpoint, following nextRecordsUrl until `done`. */

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Record<string, unknown>[];
}

export async function countRecords(client: OrgClient, soql: string): Promise<number> {
  const page = await client.json<QueryPage>('GET', `${client.apiBase}/query?q=${encodeURIComponent(soql)}`);
  return page.totalSize;
}

/** Hands each record as the REST API sends it (JSON values) to `onRecord`. */
export async function forEachRecord(
  client: OrgClient,
  soql: string,
  onRecord: (record: Record<string, unknown>, index: number) => void
): Promise<number> {
  let path: string | undefined = `${client.apiBase}/query?q=${encodeURIComponent(soql)}`;
  let index = 0;
  while (path !== undefined) {
    const page: QueryPage = await client.json<QueryPage>('GET', path);
    for (const record of page.records) onRecord(record, ++index);
    path = page.done ? undefined : page.nextRecordsUrl;
  }
  return index;
}

/** Hands each record to `onRecord` as text values in `fields` order (REST JSON → the CSV form). */
export function restQuery(
  client: OrgClient,
  soql: string,
  fields: readonly string[],
  onRecord: (values: string[], index: number) => void
): Promise<number> {
  return forEachRecord(client, soql, (record, index) =>
    onRecord(
      fields.map((field) => asText(record[field])),
      index
    )
  );
}

/** As Bulk API 2.0 and Data Loader write values: blank for null, true/false, numbers as written. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
