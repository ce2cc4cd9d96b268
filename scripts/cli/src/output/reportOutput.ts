/**
 * What a report hands to the output layer: the SPEC §9 JSON object (printed as it is with
 * --json) and the same content as titled tables for people (the terminal, --md, --csv).
 */

/** `multiple`: a ratio read as "3.2×" (pipeline coverage), still a fraction in JSON and CSV. */
export type ColumnKind = 'text' | 'amount' | 'ratio' | 'multiple' | 'count' | 'days';
export type Cell = string | number | boolean | null;

export interface Column {
  header: string;
  kind: ColumnKind;
}

export interface Table {
  title: string;
  columns: Column[];
  /**
   * An array, or rows made on demand (`rowsOf`): each pass over them makes each row afresh, so a
   * million hygiene findings never exist as a million row arrays. Read at most twice (the
   * plain-text table measures its columns first).
   */
  rows: Iterable<Cell[]>;
  /** Per-row number format for tables whose rows mix amounts and ratios (the KPI table). */
  rowKinds?: ColumnKind[];
}

export interface ReportOutput {
  json: object;
  /** One-line facts shown above the tables (period, week, hygiene %, ...). */
  summary: { label: string; value: Cell; kind: ColumnKind }[];
  tables: Table[];
  /** The table --csv prints (one CSV per invocation keeps it loadable by a spreadsheet). */
  csvTable: number;
}

/** Rows made from items on each pass over them, instead of kept. */
export function rowsOf<T>(items: readonly T[], toRow: (item: T) => Cell[]): Iterable<Cell[]> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield toRow(item);
    }
  };
}

export const text = (header: string): Column => ({ header, kind: 'text' });
export const amount = (header: string): Column => ({ header, kind: 'amount' });
export const ratio = (header: string): Column => ({ header, kind: 'ratio' });
export const multiple = (header: string): Column => ({ header, kind: 'multiple' });
export const count = (header: string): Column => ({ header, kind: 'count' });
export const days = (header: string): Column => ({ header, kind: 'days' });
