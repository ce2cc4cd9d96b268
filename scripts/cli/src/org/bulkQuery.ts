import { parseCsvStream, type WantedColumn } from '../csv/streamingCsv';
import { CliError } from '../errors';
import type { OrgClient } from './orgClient';

/**
 * A Bulk API 2.0 query job: create, poll until JobComplete, then read the CSV results page by
 * page (Sforce-Locator), streaming each page through the same CSV reader as an export file.
 */

export interface BulkOptions {
  pollIntervalMs: number;
  /** Rows per results page (the API caps it; fewer pages = fewer requests). */
  maxRecordsPerPage: number;
  /** Give up polling after this long. */
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (rowsRead: number, total: number | undefined) => void;
}

export const DEFAULT_BULK: BulkOptions = {
  pollIntervalMs: 2000,
  maxRecordsPerPage: 100_000,
  timeoutMs: 30 * 60_000
};

interface JobInfo {
  id: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted' | 'Open';
  errorMessage?: string;
  numberRecordsProcessed?: number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitForJob(client: OrgClient, path: string, options: BulkOptions): Promise<JobInfo> {
  const sleep = options.sleep ?? sleepFor;
  const started = Date.now();
  for (;;) {
    const job = await client.json<JobInfo>('GET', path);
    if (job.state === 'JobComplete') return job;
    if (job.state === 'Failed' || job.state === 'Aborted') {
      throw new CliError(
        `Bulk API job ${job.id} ${job.state.toLowerCase()}: ${job.errorMessage ?? 'no reason given'}`
      );
    }
    if (Date.now() - started > options.timeoutMs)
      throw new CliError(
        `Bulk API job ${job.id} still ${job.state} after ${Math.round(options.timeoutMs / 1000)} s`
      );
    await sleep(options.pollIntervalMs);
  }
}

export async function bulkQuery(
  client: OrgClient,
  soql: string,
  columns: readonly WantedColumn[],
  label: string,
  onRow: (values: string[], line: number) => void,
  options: BulkOptions = DEFAULT_BULK
): Promise<number> {
  const created = await client.json<JobInfo>('POST', `${client.apiBase}/jobs/query`, {
    operation: 'query',
    query: soql,
    contentType: 'CSV',
    lineEnding: 'LF'
  });
  const jobPath = `${client.apiBase}/jobs/query/${created.id}`;
  const job = await waitForJob(client, jobPath, options);
  let locator: string | null = null;
  let rows = 0;
  let page = 0;
  do {
    const query = `maxRecords=${options.maxRecordsPerPage}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
    const response = await client.request('GET', `${jobPath}/results?${query}`, { accept: 'text/csv' });
    const next = response.headers.get('sforce-locator');
    locator = next === null || next === '' || next === 'null' ? null : next;
    page++;
    if (response.body === null) break;
    // Every page repeats the header; line numbers in messages count within the page.
    const pageRows = await parseCsvStream(
      chunksOf(response.body),
      `${label} (Bulk API results page ${page})`,
      columns,
      (values, line) => {
        onRow(values, line);
        rows++;
        if ((rows & 0x3fff) === 0) options.onProgress?.(rows, job.numberRecordsProcessed);
      }
    );
    options.onProgress?.(rows, job.numberRecordsProcessed);
    if (pageRows.rows === 0 && locator !== null) break;
  } while (locator !== null);
  return rows;
}

/** A fetch body as an async iterable (the DOM typings of ReadableStream declare no iterator). */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
