import { csvLine } from '../csv/writeCsv';
import type { ReportOutput } from './reportOutput';

/** --csv: the report's main table, raw values (amounts as numbers, ratios as fractions, undefined blank). */
export function renderCsv(report: ReportOutput): string {
  const table = report.tables[report.csvTable];
  return csvLine(table.columns.map((c) => c.header)) + table.rows.map((row) => csvLine(row)).join('');
}
