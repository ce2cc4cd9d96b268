import { OutputError } from '../errors';
import { csvChunks } from './csvOutput';
import { jsonChunks } from './jsonChunks';
import { markdownChunks } from './markdown';
import type { ReportOutput } from './reportOutput';
import { styleFor, textChunks } from './table';

/**
 * A report's output is produced as a sequence of text pieces (a line, a JSON array element)
 * and written in blocks, so a million-row report never exists as one string.
 */

export type OutputFormat = 'table' | 'json' | 'csv' | 'md';

export interface OutputStream {
  /**
   * Calls `done` once the text (or its UTF-8 bytes, already encoded) is taken (handed to the
   * system) or failed, as a Node stream does.
   */
  write(text: string | Uint8Array, done: (error?: Error | null) => void): unknown;
  isTTY?: boolean;
  /** A Node stream's: with a listener, a failed write is not also an uncaught exception. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  off?(event: 'error', listener: (error: Error) => void): unknown;
}

/** Pieces are joined up to this size before a write: one write per piece would cost more than the text. */
const BLOCK_CHARS = 1 << 16;

export function renderChunks(
  report: ReportOutput,
  format: OutputFormat,
  stdout: { isTTY?: boolean },
  env: NodeJS.ProcessEnv
): Iterable<string | Uint8Array> {
  switch (format) {
    case 'json':
      return line(jsonChunks(report.json));
    case 'csv':
      return csvChunks(report);
    case 'md':
      return markdownChunks(report);
    case 'table':
      return textChunks(report, styleFor(stdout, env));
  }
}

/** --json prints one object on one line. */
function* line(chunks: Iterable<string | Uint8Array>): Generator<string | Uint8Array> {
  yield* chunks;
  yield '\n';
}

/**
 * Writes the pieces a block at a time, each once the previous one is taken: a pipe to a slow
 * reader holds one block, not the report, and a write that fails (a full disk, a reader that
 * went away) stops the report with an OutputError instead of an uncaught stream error.
 */
export async function writeChunks(out: OutputStream, chunks: Iterable<string | Uint8Array>): Promise<void> {
  // The failure comes with the write's callback; the event must be listened to all the same.
  const ignore = () => undefined;
  out.on?.('error', ignore);
  try {
    let block = '';
    for (const chunk of chunks) {
      if (typeof chunk !== 'string') {
        // Bytes come in parts large enough to be written as they are (hygieneJson.ts).
        if (block !== '') await written(out, block);
        block = '';
        await written(out, chunk);
        continue;
      }
      block += chunk;
      if (block.length >= BLOCK_CHARS) {
        await written(out, block);
        block = '';
      }
    }
    if (block !== '') await written(out, block);
  } finally {
    out.off?.('error', ignore);
  }
}

function written(out: OutputStream, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(text, (error) => {
      if (error) reject(new OutputError((error as NodeJS.ErrnoException).code ?? ''));
      else resolve();
    });
  });
}
