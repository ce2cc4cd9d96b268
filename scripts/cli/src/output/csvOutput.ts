import { csvLine } from '../csv/writeCsv';
import type { ReportOutput } from './reportOutput';

/** --csv: the report's main table, raw values (amounts as numbers, ratios as fractions, undefined blank). */
export function* csvChunks(report: ReportOutput): Generator<string> {
  const table = report.tables[report.csvTable];
  yield csvLine(table.columns.map((c) => c.header));
  for (const row of table.rows) yield csvLine(row);
}
