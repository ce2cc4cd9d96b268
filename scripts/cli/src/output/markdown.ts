import { formatCell, isNumeric, kindOf } from './formatCell';
import type { ReportOutput } from './reportOutput';

/** GitHub-flavoured Markdown to paste into a review deck: a summary list, then one table per section. */

function escape(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The sections are separated by a blank line; each section ends with a newline. */
export function* markdownChunks(report: ReportOutput): Generator<string> {
  let first = true;
  if (report.summary.length > 0) {
    yield (
      report.summary
        .map((s) => `- **${escape(s.label)}**: ${escape(formatCell(s.value, s.kind))}`)
        .join('\n') + '\n'
    );
    first = false;
  }
  for (const table of report.tables) {
    if (!first) yield '\n';
    first = false;
    yield `### ${escape(table.title)}\n\n`;
    yield `| ${table.columns.map((c) => escape(c.header)).join(' | ')} |\n`;
    yield `|${table.columns.map((c) => (isNumeric(c.kind) ? ' ---: ' : ' --- ')).join('|')}|\n`;
    let r = 0;
    for (const row of table.rows) {
      yield `| ${row.map((value, i) => escape(formatCell(value, kindOf(table, r, i)))).join(' | ')} |\n`;
      r++;
    }
    if (r === 0) yield `| ${table.columns.map(() => '').join(' | ')} |\n`;
  }
}
