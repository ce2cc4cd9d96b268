import { parentPort } from 'node:worker_threads';
import { RangeFile } from './rangeFile';
import { RangeReader, type RangeResult } from './rangeParser';
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

let file: RangeFile | null = null;
let reader: RangeReader | null = null;

function transferables(result: RangeResult): ArrayBuffer[] {
  return [...result.columns, ...result.ids, result.keyHigh, result.keyLow].map(
    (column) => column.buffer as ArrayBuffer
  );
}

parentPort?.on('message', (request: WorkerRequest) => {
  switch (request.type) {
    case 'plan':
      file?.close();
      file = new RangeFile(request.path, request.size);
      reader = new RangeReader(request.plan);
      return;
    case 'range': {
      let response: WorkerResponse;
      try {
        response = {
          type: 'range',
          job: request.job,
          result: (file as RangeFile).read(reader as RangeReader, request.start, request.end, request.known)
        };
      } catch (error) {
        response = { type: 'failed', job: request.job, message: (error as Error).message };
      }
      parentPort?.postMessage(response, response.type === 'range' ? transferables(response.result) : []);
      return;
    }
    case 'done':
      file?.close();
      file = null;
      reader = null;
      return;
  }
});
