import { formatCell, isNumeric, kindOf } from './formatCell';
import type { ReportOutput, Table } from './reportOutput';

/** The default output: aligned plain-text tables; bold titles and headers only on a colour terminal. */

export interface Style {
  bold(text: string): string;
}

export const plain: Style = { bold: (text) => text };
export const ansi: Style = { bold: (text) => `\x1b[1m${text}\x1b[22m` };

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '') ? ansi : plain;
}

function* formattedRows(table: Table): Generator<string[]> {
  let r = 0;
  for (const row of table.rows) {
    yield row.map((value, i) => formatCell(value, kindOf(table, r, i)));
    r++;
  }
}

/**
 * One table's lines. The column widths need every cell, so the rows are formatted twice (once to
 * measure, once to write) rather than kept: a million findings' cells would be millions of
 * strings held at once, and memory costs more here than formatting.
 */
export function* tableChunks(table: Table, style: Style): Generator<string> {
  const widths = table.columns.map((column) => column.header.length);
  let rows = 0;
  for (const row of formattedRows(table)) {
    rows++;
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], row[i].length);
  }
  const line = (values: string[]) =>
    values
      .map((value, i) =>
        isNumeric(table.columns[i].kind) ? value.padStart(widths[i]) : value.padEnd(widths[i])
      )
      .join('  ')
      .trimEnd();
  yield style.bold(table.title) + '\n';
  yield style.bold(line(table.columns.map((c) => c.header))) + '\n';
  yield line(widths.map((w) => '-'.repeat(w))) + '\n';
  if (rows === 0) yield '(none)\n';
  for (const row of formattedRows(table)) yield line(row) + '\n';
}

/** The summary, then the tables, separated by blank lines. */
export function* textChunks(report: ReportOutput, style: Style): Generator<string> {
  const width = Math.max(0, ...report.summary.map((s) => s.label.length));
  const summary = report.summary
    .map((s) => `${(s.label + ':').padEnd(width + 1)} ${formatCell(s.value, s.kind)}`)
    .join('\n');
  let first = summary === '';
  if (!first) yield summary + '\n';
  for (const table of report.tables) {
    if (!first) yield '\n';
    first = false;
    yield* tableChunks(table, style);
  }
}
