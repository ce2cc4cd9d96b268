import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { guessRecordStart, NEED_MORE, RangeReader, type RangeResult } from './rangeParser';
import type { ReadPlan } from './readPlan';

/**
 * A worker thread of the parallel reader (exportThreads.ts): told a file and its plan, then
 * ranges of it, it reads each range's bytes itself (into one buffer it keeps) and posts back
 * the range's columns, transferred, not copied.
 */

export type WorkerRequest =
  | { type: 'plan'; path: string; size: number; plan: ReadPlan }
  | {
      type: 'range';
      job: number;
      start: number;
      end: number;
      /** `start` is known to be a record start (else the first record starts after the first line break). */
      known: boolean;
    }
  | { type: 'done' };

export type WorkerResponse =
  { type: 'range'; job: number; result: RangeResult } | { type: 'failed'; job: number; message: string };

/** Bytes read past a range's end for its last record; doubled while that record goes on. */
const SLACK = 1 << 16;

let file = -1;
let size = 0;
let reader: RangeReader | null = null;
let buffer = Buffer.allocUnsafe(0);

function bytesAt(position: number, length: number): Buffer {
  if (buffer.length < length) buffer = Buffer.allocUnsafe(Math.max(length, buffer.length * 2));
  let read = 0;
  while (read < length) {
    const n = readSync(file, buffer, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

function readRange(start: number, end: number, known: boolean): RangeResult {
  const base = known ? start : start - 1;
  for (let slack = SLACK; ; slack *= 2) {
    const stop = Math.min(size, end + slack);
    const bytes = bytesAt(base, stop - base);
    const eof = base + bytes.length >= size;
    let from = 0;
    if (!known) {
      from = guessRecordStart(bytes);
      if (from === -1) {
        if (!eof) continue;
        from = bytes.length;
      }
    }
    const result = (reader as RangeReader).read(bytes, base, from, end - base, eof);
    if (result !== NEED_MORE) return result;
    if (eof) throw new Error('parseWorker: more bytes asked for at the end of the file');
  }
}

function transferables(result: RangeResult): ArrayBuffer[] {
  return [...result.columns, ...result.ids, result.keyHigh, result.keyLow].map(
    (column) => column.buffer as ArrayBuffer
  );
}

parentPort?.on('message', (request: WorkerRequest) => {
  switch (request.type) {
    case 'plan':
      if (file >= 0) closeSync(file);
      file = openSync(request.path, 'r');
      size = request.size;
      reader = new RangeReader(request.plan);
      return;
    case 'range': {
      let response: WorkerResponse;
      try {
        response = {
          type: 'range',
          job: request.job,
          result: readRange(request.start, request.end, request.known)
        };
      } catch (error) {
        response = { type: 'failed', job: request.job, message: (error as Error).message };
      }
      parentPort?.postMessage(response, response.type === 'range' ? transferables(response.result) : []);
      return;
    }
    case 'done':
      if (file >= 0) closeSync(file);
      file = -1;
      reader = null;
      return;
  }
});
