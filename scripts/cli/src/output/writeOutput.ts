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
  write(text: string): unknown;
  isTTY?: boolean;
  /** A Node stream's: `write` returning false asks the writer to wait for 'drain'. */
  once?(event: 'drain', listener: () => void): unknown;
}

/** Pieces are joined up to this size before a write: one write per piece would cost more than the text. */
const BLOCK_CHARS = 1 << 16;

export function renderChunks(
  report: ReportOutput,
  format: OutputFormat,
  stdout: { isTTY?: boolean },
  env: NodeJS.ProcessEnv
): Iterable<string> {
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
function* line(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}

/** Writes the pieces with backpressure: a pipe to a slow reader holds one block, not the report. */
export async function writeChunks(out: OutputStream, chunks: Iterable<string>): Promise<void> {
  let block = '';
  const flush = async () => {
    const accepted = out.write(block);
    block = '';
    if (accepted === false && out.once !== undefined) {
      const once = out.once.bind(out);
      await new Promise<void>((resolve) => once('drain', resolve));
    }
  };
  for (const chunk of chunks) {
    block += chunk;
    if (block.length >= BLOCK_CHARS) await flush();
  }
  if (block !== '') await flush();
}
