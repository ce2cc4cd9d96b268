import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FieldValue, OnRecord, RawRecord } from '../data/loadRequest';
import { IdLines } from '../data/uniqueRows';
import type { RangeResult } from './rangeParser';
import { recordBuilder } from './recordBuilder';
import type { ReadPlan } from './readPlan';
import type { WorkerRequest, WorkerResponse } from './parseWorker';

/**
 * The parallel reader's main side: a pool of worker threads (one per core) that parse an export
 * file's byte ranges at once, while this thread takes the ranges' rows in file order and hands
 * them on as records — so the reports, and the engine behind them, see exactly the sequence the
 * one-thread reader gives.
 *
 * A range's first record is where the thread guesses it (after the first line break in it):
 * the guess is right unless that break lies inside a quoted field, which shows when the range
 * before ends elsewhere; the range is then read again from where that one ended. Rows are
 * checked for repeated keys here, in file order. Whatever a thread declines (rangeParser.ts),
 * or a repeated key, stops the parallel read with `Declined`, saying how many records were
 * handed on: the reference reader then reads the file from its start and hands on the rest, and
 * reports the first problem in file order exactly as it always has.
 */

declare const PSMS_SOURCE_DIR: string | undefined;

export interface ParallelOptions {
  /** Worker threads (0: none, every file is read by the one-thread reader). */
  threads: number;
  /** Files smaller than this are read by the one-thread reader (starting threads costs more). */
  minBytes: number;
  /** The size of the ranges handed to the threads. */
  rangeBytes: number;
}

export class Declined extends Error {
  constructor(readonly handed: number) {
    super('the parallel reader left this file to the reference reader');
  }
}

/** The key's partition fields (a snapshot's date) beside its id column, as plan columns. */
export interface KeyCheck {
  partitions: number[];
}

interface Pending {
  resolve(result: RangeResult): void;
  reject(error: Error): void;
}

/** Jobs in flight per thread: one parsing, one waiting, so that no thread idles between posts. */
const IN_FLIGHT = 2;

function workerSource(): { script: string; eval: boolean } {
  if (typeof PSMS_SOURCE_DIR === 'string') return { script: join(__dirname, 'parseWorker.js'), eval: false };
  // From the sources (tsx, Jest): the worker compiles its TypeScript as the CLI does.
  const entry = join(__dirname, 'parseWorker.ts');
  return { script: `require('tsx/cjs'); require(${JSON.stringify(entry)});`, eval: true };
}

export class ExportThreads {
  private workers: Worker[] = [];
  /** Per thread, per column of the current plan: its dictionary, as the thread built it. */
  private dictionaries: FieldValue[][][] = [];
  private readonly pending = new Map<number, Pending>();
  private nextJob = 0;
  /** Files left to the reference reader so far (tests check that valid exports never are). */
  declines = 0;

  constructor(readonly options: ParallelOptions) {}

  private start(): void {
    if (this.workers.length > 0) return;
    const { script, eval: isCode } = workerSource();
    for (let i = 0; i < this.options.threads; i++) {
      const worker = new Worker(script, { eval: isCode });
      const index = i;
      worker.on('message', (response: WorkerResponse) => this.received(index, response));
      worker.on('error', (error) => this.failAll(error));
      // A thread that ends while the pool is open failed (a bug): nothing may wait on it.
      worker.on('exit', (code) => {
        if (this.workers.includes(worker)) this.failAll(new Error(`psms parse thread exited (${code})`));
      });
      worker.unref();
      this.workers.push(worker);
    }
  }

  private received(worker: number, response: WorkerResponse): void {
    const pending = this.pending.get(response.job);
    this.pending.delete(response.job);
    if (this.pending.size === 0) for (const w of this.workers) w.unref();
    if (response.type === 'failed') {
      pending?.reject(new Error(`psms parse thread: ${response.message}`));
      return;
    }
    // A thread's dictionary grows in the order it read its ranges: applied as they arrive.
    const dictionaries = this.dictionaries[worker];
    response.result.added.forEach(({ base, values }, column) => {
      for (let i = 0; i < values.length; i++) dictionaries[column][base + i] = values[i];
    });
    pending?.resolve(response.result);
  }

  private failAll(error: Error): void {
    this.broken ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  /** Why the pool cannot be used any more (a thread failed), or null. */
  private broken: Error | null = null;

  private post(worker: number, request: WorkerRequest): Promise<RangeResult> | undefined {
    const target = this.workers[worker];
    if (request.type !== 'range') {
      target.postMessage(request);
      return undefined;
    }
    target.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(request.job, { resolve, reject });
      target.postMessage(request);
    });
  }

  /**
   * Reads the data records of `path` (`dataStart`: where the header's line ends) with `plan`,
   * handing each record in scope to `onRecord` in file order. `reuse`: one record object is
   * refilled for every row (the caller keeps nothing of it). Throws Declined as said above.
   */
  async read(
    path: string,
    size: number,
    dataStart: number,
    plan: ReadPlan,
    keyCheck: KeyCheck | null,
    reuse: boolean,
    onRecord: OnRecord,
    onRange: (rows: number) => void
  ): Promise<{ rows: number; inScope: number }> {
    if (this.broken !== null) throw this.broken;
    this.start();
    const threads = this.workers.length;
    this.dictionaries = this.workers.map(() => plan.columns.map(() => []));
    for (let w = 0; w < threads; w++) this.post(w, { type: 'plan', path, size, plan });
    const rangeBytes = Math.max(1, this.options.rangeBytes);
    const ranges: { start: number; end: number }[] = [];
    for (let start = dataStart; start < size; start += rangeBytes)
      ranges.push({ start, end: Math.min(size, start + rangeBytes) });
    // Each range goes to the next thread in turn; its result is awaited in file order.
    const results: { worker: number; result: Promise<RangeResult> }[] = [];
    const dispatch = (index: number) => {
      const worker = index % threads;
      const job = this.nextJob++;
      const { start, end } = ranges[index];
      const result = this.post(worker, {
        type: 'range',
        job,
        start,
        end,
        known: index === 0
      }) as Promise<RangeResult>;
      // A rejection is taken when the range's turn comes; until then it must not count as unhandled.
      result.catch(() => undefined);
      results[index] = { worker, result };
    };
    let dispatched = 0;
    while (dispatched < Math.min(ranges.length, threads * IN_FLIGHT)) dispatch(dispatched++);
    const columns = plan.columns;
    const build = recordBuilder(plan);
    const seen = new Map<string, IdLines>();
    const partitioned = keyCheck !== null && keyCheck.partitions.length > 0;
    const ids0 = new IdLines();
    let handed = 0;
    let rows = 0;
    let expected = dataStart;
    // The one record refilled for every row of a load that keeps none (made by the first row).
    let shared: RawRecord | null = null;
    const key = new Float64Array(2);
    try {
      for (let index = 0; index < ranges.length; index++) {
        let { worker, result } = results[index];
        let range = await result;
        if (dispatched < ranges.length) dispatch(dispatched++);
        if (range.start !== expected) {
          // The guess fell inside a quoted field: read the range again from the known start.
          worker = index % threads;
          const job = this.nextJob++;
          result = this.post(worker, {
            type: 'range',
            job,
            start: expected,
            end: Math.max(expected, ranges[index].end),
            known: true
          }) as Promise<RangeResult>;
          range = await result;
        }
        if (range.declined) throw new Declined(handed);
        rows += range.rows;
        const dictionaries = this.dictionaries[worker];
        const ids = range.ids.map((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
        const cursors = new Int32Array(columns.length);
        for (let i = 0; i < range.inScope; i++) {
          const record = build(range, dictionaries, ids, cursors, i, reuse ? shared : null);
          if (reuse) shared = record;
          if (keyCheck !== null) {
            // One list of ids, or one per partition (a snapshot's date) when the key has one.
            let lines = ids0;
            if (partitioned) {
              const partition = keyCheck.partitions.map((c) => String(record[columns[c].field])).join('|');
              lines = seen.get(partition) ?? new IdLines();
              seen.set(partition, lines);
            }
            // Any positive number serves as the line: a repeat is never reported from here.
            if (lines.earlierLine(range.keyHigh[i], range.keyLow[i], handed + 1) !== 0)
              throw new Declined(handed);
          }
          handed++;
          key[0] = range.keyHigh[i];
          key[1] = range.keyLow[i];
          onRecord(record, key);
        }
        expected = range.end;
        onRange(rows);
      }
      if (expected !== size) throw new Declined(handed);
      return { rows, inScope: handed };
    } catch (error) {
      if (error instanceof Declined) this.declines++;
      throw error;
    } finally {
      // Ranges still being read are let finish (their results are dropped); the file closes after.
      await Promise.all(results.map(({ result }) => result.catch(() => undefined)));
      for (let w = 0; w < threads; w++) this.post(w, { type: 'done' });
    }
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
