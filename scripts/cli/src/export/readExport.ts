import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvParser, parseCsvStream } from '../csv/streamingCsv';
import { Utf8Input } from '../csv/utf8Input';
import { columnType, rowReader } from '../data/convert';
import { fieldsToRead, type DataSource, type LoadRequest, type OnRecord } from '../data/loadRequest';
import { NOT_BLANK, uniqueKeyOf } from '../data/schema';
import { DataError } from '../errors';
import { silentProgress, type Progress } from '../progress';
import { Declined, ExportThreads, type ParallelOptions } from './exportThreads';
import { fileChunks, unreadable, type ChunkSizes } from './fileChunks';
import { headerSlots, type ReadPlan } from './readPlan';

/** The export adapter: a folder with one `<ObjectApiName>.csv` per object (SPEC §9). */

/**
 * 64 KiB reads. A larger chunk is no faster to parse, and each one is fresh memory (a read
 * buffer and its decoded text, both outside the reused young generation): on this project's
 * VMs first-touching a page costs ~16 µs, so 4 MiB chunks spent ~1 s of a 1M-row report
 * faulting pages in. Small chunks recycle the same memory.
 */
export const CHUNK_BYTES = 1 << 16;

/**
 * Large files are read by worker threads, one per core (exportThreads.ts), in ranges of a few
 * MiB; small ones by the one-thread reader, which starts faster.
 */
export const PARALLEL_DEFAULTS: Omit<ParallelOptions, 'threads'> = { minBytes: 8 << 20, rangeBytes: 4 << 20 };

/** `chunkSizes`: the size of each read (tests vary it: no report may depend on where chunks end). */
export function exportFolderSource(
  folder: string,
  progress: Progress = silentProgress,
  chunkSizes: ChunkSizes = () => CHUNK_BYTES,
  parallel: ParallelOptions | ExportThreads = { threads: 0, ...PARALLEL_DEFAULTS }
): DataSource {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new DataError(`export folder not found: ${folder}`);
  }
  // A pool handed in is shared (tests): it is not this source's to close.
  const shared = parallel instanceof ExportThreads;
  const threads = shared ? parallel : parallel.threads >= 1 ? new ExportThreads(parallel) : null;
  return {
    description: folder,
    orgFiscalYearStartMonth: async () => undefined,
    settingsRecords: async () => undefined,
    async each(request: LoadRequest, onRecord: OnRecord): Promise<void> {
      const name = `${request.object}.csv`;
      const path = join(folder, name);
      let size: number;
      try {
        size = statSync(path).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadable(path, error);
        if (request.optional) return;
        throw new DataError(`${path}: missing file (the report needs ${request.object})`);
      }
      const label = `Reading ${name}`;
      let handed = 0;
      if (threads !== null && size >= threads.options.minBytes) {
        try {
          const { rows, inScope } = await readInParallel(
            threads,
            path,
            name,
            size,
            request,
            onRecord,
            (rows) => progress.update(label, rows)
          );
          finish(progress, label, rows, inScope);
          return;
        } catch (error) {
          if (!(error instanceof Declined)) throw error;
          handed = error.handed;
        }
      }
      await readInOneThread(path, name, request, chunkSizes, progress, handed, onRecord);
    },
    async close() {
      if (!shared) await threads?.close();
    }
  };
}

function finish(progress: Progress, label: string, rows: number, inScope: number): void {
  if (rows >= 100_000)
    progress.finish(
      label,
      `${rows.toLocaleString('en-US')} rows, ${inScope.toLocaleString('en-US')} in scope`
    );
}

/**
 * The reference reader: the file as a stream of chunks through the CSV reader and the record
 * builder, which name the first problem as file:line. `skip`: records the parallel reader
 * already handed on (it stopped at a row it leaves to this reader): they are read and checked
 * again, not handed on twice.
 */
async function readInOneThread(
  path: string,
  name: string,
  request: LoadRequest,
  chunkSizes: ChunkSizes,
  progress: Progress,
  skip: number,
  onRecord: OnRecord
): Promise<void> {
  const fields = fieldsToRead(request);
  const { build, inScope, key } = await rowReader(request.object, fields, name, {
    kept: request.kept,
    where: request.where
  });
  const label = `Reading ${name}`;
  let read = 0;
  let rowsInScope = 0;
  const { rows } = await parseCsvStream(
    // Bytes, not text: parseCsvStream decodes ASCII chunks far faster than a stream's decoder.
    fileChunks(path, chunkSizes),
    name,
    fields.map((field) => ({ name: field, required: true })),
    (values, line) => {
      if ((++read & 0xffff) === 0) progress.update(label, read);
      if (inScope === null || inScope(values)) {
        const record = build(values, line);
        if (rowsInScope++ >= skip) onRecord(record, key);
      }
    }
  );
  finish(progress, label, rows, rowsInScope);
}

/** How much of a file's start is read for its header. */
const HEADER_BYTES = 1 << 16;

/**
 * The header as the reference reader reads it, and where the data starts; null when the file's
 * start is anything but a header on one line (then the reference reader reads the whole file).
 */
async function readHeader(
  path: string,
  name: string
): Promise<{ header: string[]; dataStart: number } | null> {
  const file = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.allocUnsafe(HEADER_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEADER_BYTES, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
  const lf = bytes.indexOf(10);
  const cr = bytes.indexOf(13);
  if (lf === -1 || (cr !== -1 && cr < lf - 1)) return null;
  const parser = new CsvParser(name, [], () => undefined);
  try {
    new Utf8Input(name, parser).push(bytes.subarray(0, lf + 1));
  } catch {
    return null;
  }
  if (parser.rows !== 0 || parser.columns.length === 0) return null;
  return { header: [...parser.columns], dataStart: lf + 1 };
}

/** The plan a thread reads a load's file with, and where its data starts; null when the reference reader must. */
async function readPlan(
  path: string,
  name: string,
  request: LoadRequest
): Promise<{ plan: ReadPlan; dataStart: number } | null> {
  const start = await readHeader(path, name).catch(() => null);
  const fields = fieldsToRead(request);
  const slots = start && headerSlots(start.header, fields);
  if (start === null || slots === null) return null;
  const key = uniqueKeyOf(request.object);
  const required = new Set([...(NOT_BLANK[request.object] ?? []), ...key]);
  const types = await Promise.all(fields.map((field) => columnType(request.object, field)));
  return {
    dataStart: start.dataStart,
    plan: {
      file: name,
      fieldCount: start.header.length,
      slots,
      columns: fields.map((field, i) => ({ field, required: required.has(field), ...types[i] })),
      keyColumn: fields.indexOf(key[key.length - 1]),
      scope: (request.where ?? []).map((condition) => ({
        column: fields.indexOf(condition.field),
        condition
      }))
    }
  };
}

async function readInParallel(
  threads: ExportThreads,
  path: string,
  name: string,
  size: number,
  request: LoadRequest,
  onRecord: OnRecord,
  onRange: (rows: number) => void
): Promise<{ rows: number; inScope: number }> {
  const read = await readPlan(path, name, request);
  if (read === null) {
    threads.declines++;
    throw new Declined(0);
  }
  const key = uniqueKeyOf(request.object);
  const fields = fieldsToRead(request);
  const partitions = key.slice(0, -1).map((field) => fields.indexOf(field));
  return threads.read(
    path,
    size,
    read.dataStart,
    read.plan,
    { partitions },
    request.kept === false,
    onRecord,
    onRange
  );
}
