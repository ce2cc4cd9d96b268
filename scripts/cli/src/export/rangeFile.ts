import { closeSync, openSync, readSync } from 'node:fs';
import { guessRecordStart, NEED_MORE, type RangeReader, type RangeResult } from './rangeParser';

/**
 * An export file as a thread reads it: byte ranges into one buffer it keeps, each range's
 * records parsed by a RangeReader. A range's first record is at `start` when `known`, else
 * just after the first line break from `start - 1` on (rangeParser.ts says why that is a guess).
 */

/** Bytes read past a range's end for its last record; doubled while that record goes on. */
const SLACK = 1 << 16;

export class RangeFile {
  private readonly file: number;
  private buffer = Buffer.allocUnsafe(0);

  constructor(
    path: string,
    readonly size: number
  ) {
    this.file = openSync(path, 'r');
  }

  private bytesAt(position: number, length: number): Buffer {
    if (this.buffer.length < length)
      this.buffer = Buffer.allocUnsafe(Math.max(length, this.buffer.length * 2));
    let read = 0;
    while (read < length) {
      const n = readSync(this.file, this.buffer, read, length - read, position + read);
      if (n === 0) break;
      read += n;
    }
    return this.buffer.subarray(0, read);
  }

  read(reader: RangeReader, start: number, end: number, known: boolean): RangeResult {
    const base = known ? start : start - 1;
    for (let slack = SLACK; ; slack *= 2) {
      const stop = Math.min(this.size, end + slack);
      const bytes = this.bytesAt(base, stop - base);
      const eof = base + bytes.length >= this.size;
      let from = 0;
      if (!known) {
        from = guessRecordStart(bytes);
        if (from === -1) {
          if (!eof) continue;
          from = bytes.length;
        }
      }
      const result = reader.read(bytes, base, from, end - base, eof);
      if (result !== NEED_MORE) return result;
      if (eof) throw new Error('rangeFile: more bytes asked for at the end of the file');
    }
  }

  close(): void {
    closeSync(this.file);
  }
}
