import type { FieldDescribe } from '../schema/describe';
import { Decimal, numberOf } from '../interpret/values/numbers';
import { ApexDate, ApexDatetime, ApexTime } from '../interpret/values/temporal';

/**
 * How field values are stored in SQLite, and read back as Apex values. Text-like fields, ids,
 * dates ('YYYY-MM-DD') and datetimes (ISO 8601 with milliseconds, UTC) are TEXT, so that SQL's
 * ordering and comparison of them is the calendar's; checkboxes are 0/1; numbers are REAL, or
 * INTEGER for integer fields.
 */
export type SqlValue = string | number | bigint | null;

export type ColumnAffinity = 'TEXT' | 'REAL' | 'INTEGER';

export function columnAffinity(field: FieldDescribe): ColumnAffinity {
  switch (field.type) {
    case 'boolean':
    case 'integer':
    case 'long':
      return 'INTEGER';
    case 'double':
    case 'currency':
    case 'percent':
      return 'REAL';
    default:
      return 'TEXT';
  }
}

/** Stored, not computed on read: formula fields are evaluated by the engine that reads them. */
export function isStored(field: FieldDescribe): boolean {
  return !field.calculated;
}

export function toSql(field: FieldDescribe, value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'boolean':
      return value === true ? 1 : 0;
    case 'integer':
    case 'long':
    case 'double':
    case 'currency':
    case 'percent':
      return typeof value === 'number' || value instanceof Decimal ? numberOf(value) : Number(value);
    case 'date':
      return value instanceof ApexDate
        ? value.toString()
        : value instanceof ApexDatetime
          ? value.date().toString()
          : String(value);
    case 'datetime':
      return value instanceof ApexDatetime
        ? value.toIso()
        : value instanceof ApexDate
          ? new ApexDatetime(value.days * 86_400_000).toIso()
          : String(value);
    case 'time':
      return value instanceof ApexTime ? value.toString() : String(value);
    case 'base64':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : String(value);
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

export function fromSql(field: FieldDescribe, value: SqlValue | undefined): unknown {
  if (value === null || value === undefined) return field.type === 'boolean' ? false : null;
  switch (field.type) {
    case 'boolean':
      return value === 1 || value === 1n || value === '1' || value === 'true';
    case 'integer':
    case 'long':
      return Number(value);
    case 'double':
    case 'currency':
    case 'percent':
      // A Decimal read from the database has its field's scale: a Currency(16, 2) reads 5.00.
      return new Decimal(Number(value), field.scale);
    case 'date':
      return ApexDate.parse(String(value));
    case 'datetime':
      return ApexDatetime.parse(String(value));
    case 'time':
      return new ApexTime(Date.parse(`1970-01-01T${String(value)}`));
    case 'base64':
      // A Blob is a Buffer at run time.
      return Buffer.from(String(value), 'base64');
    default:
      return String(value);
  }
}
