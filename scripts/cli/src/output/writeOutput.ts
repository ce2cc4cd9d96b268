import { renderCsv } from './csvOutput';
import { renderMarkdown } from './markdown';
import type { ReportOutput } from './reportOutput';
import { renderText, styleFor } from './table';

export type OutputFormat = 'table' | 'json' | 'csv' | 'md';

export function render(
  report: ReportOutput,
  format: OutputFormat,
  stdout: { isTTY?: boolean },
  env: NodeJS.ProcessEnv
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report.json) + '\n';
    case 'csv':
      return renderCsv(report);
    case 'md':
      return renderMarkdown(report);
    case 'table':
      return renderText(report, styleFor(stdout, env));
  }
}
