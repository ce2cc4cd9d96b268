import type { Cell, ColumnKind, Table } from './reportOutput';

/** Cell text for people: amounts with thousands separators, ratios as percentages, undefined as "—". */

const AMOUNT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const MULTIPLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const UNDEFINED_CELL = '—';

export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null) return UNDEFINED_CELL;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'amount':
      return AMOUNT.format(value);
    case 'ratio':
      return `${DECIMAL.format(value * 100)}%`;
    case 'multiple':
      return `${MULTIPLE.format(value)}×`;
    case 'days':
      return DECIMAL.format(value);
    default:
      return String(value);
  }
}

export function isNumeric(kind: ColumnKind): boolean {
  return kind !== 'text';
}

/** The format of one cell: the row's kind for the value columns of a mixed table, else the column's. */
export function kindOf(table: Table, row: number, column: number): ColumnKind {
  const kind = table.columns[column].kind;
  return kind !== 'text' && table.rowKinds !== undefined ? table.rowKinds[row] : kind;
}
