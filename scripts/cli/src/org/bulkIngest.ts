import { CsvParser } from '../csv/streamingCsv';
import { CliError } from '../errors';
import { DEFAULT_BULK, waitForJob, type BulkOptions } from './bulkQuery';
import type { OrgClient } from './orgClient';

/** A Bulk API 2.0 upsert job by external id: create, upload the CSV, close, poll, check failures. */

interface IngestJob {
  id: string;
  state: string;
  numberRecordsProcessed?: number;
  numberRecordsFailed?: number;
}

export interface IngestResult {
  jobId: string;
  processed: number;
}

export async function bulkUpsert(
  client: OrgClient,
  object: string,
  externalIdField: string,
  csv: string,
  options: BulkOptions = DEFAULT_BULK
): Promise<IngestResult> {
  const created = await client.json<IngestJob>('POST', `${client.apiBase}/jobs/ingest`, {
    object,
    externalIdFieldName: externalIdField,
    contentType: 'CSV',
    operation: 'upsert',
    lineEnding: 'LF'
  });
  const jobPath = `${client.apiBase}/jobs/ingest/${created.id}`;
  await client.request('PUT', `${jobPath}/batches`, { body: csv, contentType: 'text/csv' });
  await client.json('PATCH', jobPath, { state: 'UploadComplete' });
  const job = (await waitForJob(client, jobPath, options)) as IngestJob;
  const failed = job.numberRecordsFailed ?? 0;
  if (failed > 0) {
    const response = await client.request('GET', `${jobPath}/failedResults/`, { accept: 'text/csv' });
    // sf__Error holds the reason the org gave for each failed row; the first one is named.
    let firstError = 'see the job in Setup → Bulk Data Load Jobs';
    const parser = new CsvParser(
      `${object} failed results`,
      [{ name: 'sf__Error', required: false }],
      (values) => {
        if (firstError.startsWith('see ') && values[0] !== '') firstError = values[0];
      }
    );
    parser.push(await response.text());
    parser.end();
    throw new CliError(
      `${object}: ${failed} of ${job.numberRecordsProcessed ?? '?'} rows failed in Bulk API job ${created.id}; first error: ${firstError}`
    );
  }
  return { jobId: created.id, processed: job.numberRecordsProcessed ?? 0 };
}
