import type { Condition } from '../data/loadRequest';
import type { ColumnType } from '../data/convert';

/**
 * What a thread parsing part of an export must know about the file and the load, as plain data
 * (it is posted to worker threads): the header's width, which positions are read into which
 * column, each column's type, and the load's scope and key.
 */

export interface PlanColumn extends ColumnType {
  field: string;
  /** Blank is refused (NOT_BLANK and the key), as the record builder refuses it. */
  required: boolean;
}

export interface ReadPlan {
  file: string;
  /** The number of fields of the header: every record must have as many. */
  fieldCount: number;
  /** Per header position, the column it is read into, or −1. */
  slots: number[];
  /** In the load's field order (fieldsToRead). */
  columns: PlanColumn[];
  /** The column of the key's id (its digits are checked for duplicates), or −1. */
  keyColumn: number;
  /** The load's scope, each condition with the column it tests. */
  scope: { column: number; condition: Condition }[];
}

/** Per header position, the column it is read into: names compared trimmed and ignoring case, as the reader does. */
export function headerSlots(header: readonly string[], fields: readonly string[]): number[] | null {
  const positions = new Map<string, number>();
  header.forEach((name, index) => positions.set(name.trim().toLowerCase(), index));
  const slots = header.map(() => -1);
  for (let column = 0; column < fields.length; column++) {
    const index = positions.get(fields[column].toLowerCase());
    if (index === undefined) return null;
    slots[index] = column;
  }
  return slots;
}
