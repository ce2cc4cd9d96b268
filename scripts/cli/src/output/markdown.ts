import { formatCell, isNumeric, kindOf } from './formatCell';
import type { ReportOutput } from './reportOutput';

/** GitHub-flavoured Markdown to paste into a review deck: a summary list, then one table per section. */

function escape(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderMarkdown(report: ReportOutput): string {
  const parts: string[] = [];
  if (report.summary.length > 0) {
    parts.push(
      report.summary
        .map((s) => `- **${escape(s.label)}**: ${escape(formatCell(s.value, s.kind))}`)
        .join('\n') + '\n'
    );
  }
  for (const table of report.tables) {
    const lines = [`### ${escape(table.title)}`, ''];
    lines.push(`| ${table.columns.map((c) => escape(c.header)).join(' | ')} |`);
    lines.push(`|${table.columns.map((c) => (isNumeric(c.kind) ? ' ---: ' : ' --- ')).join('|')}|`);
    table.rows.forEach((row, r) => {
      lines.push(`| ${row.map((value, i) => escape(formatCell(value, kindOf(table, r, i)))).join(' | ')} |`);
    });
    if (table.rows.length === 0) lines.push(`| ${table.columns.map(() => '').join(' | ')} |`);
    parts.push(lines.join('\n') + '\n');
  }
  return parts.join('\n');
}
