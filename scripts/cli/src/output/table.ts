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

export function renderTable(table: Table, style: Style): string {
  const cells = table.rows.map((row, r) => row.map((value, i) => formatCell(value, kindOf(table, r, i))));
  const widths = table.columns.map((column, i) =>
    Math.max(column.header.length, ...cells.map((row) => row[i].length))
  );
  const line = (values: string[]) =>
    values
      .map((value, i) =>
        isNumeric(table.columns[i].kind) ? value.padStart(widths[i]) : value.padEnd(widths[i])
      )
      .join('  ')
      .trimEnd();
  const out = [
    style.bold(table.title),
    style.bold(line(table.columns.map((c) => c.header))),
    line(widths.map((w) => '-'.repeat(w)))
  ];
  if (cells.length === 0) out.push('(none)');
  for (const row of cells) out.push(line(row));
  return out.join('\n') + '\n';
}

export function renderText(report: ReportOutput, style: Style): string {
  const width = Math.max(0, ...report.summary.map((s) => s.label.length));
  const summary = report.summary
    .map((s) => `${(s.label + ':').padEnd(width + 1)} ${formatCell(s.value, s.kind)}`)
    .join('\n');
  const parts = summary === '' ? [] : [summary + '\n'];
  for (const table of report.tables) parts.push(renderTable(table, style));
  return parts.join('\n');
}
