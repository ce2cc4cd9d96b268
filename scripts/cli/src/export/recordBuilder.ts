import type { FieldValue, RawRecord } from '../data/loadRequest';
import { BLANK, type RangeResult } from './rangeParser';
import type { ReadPlan } from './readPlan';

/** Row `row` of a range as a record: `record` refilled, or a new one when it is null. */
export type BuildRecord = (
  range: RangeResult,
  dictionaries: FieldValue[][],
  ids: Buffer[],
  cursors: Int32Array,
  row: number,
  record: RawRecord | null
) => RawRecord;

/**
 * Fills a record with one row of a range's columns: a function written for the plan's fields,
 * so that each field is a plain property store (a store by a field name held in a variable is
 * a slow, generic one, and a million rows make millions of them).
 */
export function recordBuilder(plan: ReadPlan): BuildRecord {
  const values = plan.columns.map((column, c) => {
    const value = `range.columns[${c}][row]`;
    if (column.type === 'number') return `(v = ${value}, v !== v ? null : v)`;
    if (column.type === 'boolean') return `(v = ${value}, v === 2 ? null : v === 1)`;
    const raw =
      column.type === 'id'
        ? `ids[${c}].latin1Slice(cursors[${c}] * ${ID_BYTES}, ++cursors[${c}] * ${ID_BYTES})`
        : `range.texts[${c}][cursors[${c}]++]`;
    return `(v = ${value}, v >= 0 ? dictionaries[${c}][v] : v === ${BLANK} ? null : ${raw})`;
  });
  const fields = plan.columns.map((column) => JSON.stringify(column.field));
  // A new record is one object literal, made with its final shape in one allocation (a record
  // that outlives its row, such as a partner deal, can then be allocated where long-lived
  // objects go); a refilled one gets its fields stored.
  const body = `let v;
    if (record === null) return { ${fields.map((field, c) => `${field}: ${values[c]}`).join(', ')} };
    ${fields.map((field, c) => `record[${field}] = ${values[c]};`).join('\n')}
    return record;`;
  return new Function('range', 'dictionaries', 'ids', 'cursors', 'row', 'record', body) as BuildRecord;
}

/** Bytes of an id in its 18-character form, as the threads write them. */
const ID_BYTES = 18;
