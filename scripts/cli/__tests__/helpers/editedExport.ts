import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvParser } from '../../src/csv/streamingCsv';
import { csvLine } from '../../src/csv/writeCsv';
import { FIXTURES } from './runPsms';

/** A fixture export as rows of text: the header, then one array per record (read by the CLI's own reader). */
export type Rows = string[][];

export function readRows(path: string): Rows {
  const text = readFileSync(path, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const rows: Rows = [header];
  const parser = new CsvParser(
    path,
    header.map((name) => ({ name, required: true })),
    (values) => rows.push([...values])
  );
  parser.push(text);
  parser.end();
  return rows;
}

export function writeRows(path: string, rows: Rows): void {
  writeFileSync(path, rows.map((row) => csvLine(row)).join(''));
}

/** A copy of a fixture export with some files' rows changed (each edit gets and returns header + rows). */
export function editedExport(
  edits: Record<string, (rows: Rows) => Rows>,
  fixture = 'partnerQuarter'
): string {
  const dir = mkdtempSync(join(tmpdir(), 'psms-edited-'));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits))
    writeRows(join(dir, file), edit(readRows(join(dir, file))));
  return dir;
}

/** An edit that sets `field` of the row whose Id is `id`. */
export function setField(id: string, field: string, value: string): (rows: Rows) => Rows {
  return ([header, ...rows]) => {
    const column = header.indexOf(field);
    const idColumn = header.indexOf('Id');
    if (column < 0) throw new Error(`setField: no column ${field}`);
    if (!rows.some((row) => row[idColumn] === id)) throw new Error(`setField: no row ${id}`);
    return [
      header,
      ...rows.map((row) => (row[idColumn] === id ? row.map((v, i) => (i === column ? value : v)) : row))
    ];
  };
}

/** The CSV files of an export folder. */
export function csvFiles(dir: string): string[] {
  return readdirSync(dir).filter((file) => file.endsWith('.csv'));
}
