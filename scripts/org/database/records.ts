import { SObject } from '../interpret/values/sobject';
import type { ObjectDescribe } from '../schema/describe';
import { storedFields } from './orgDatabase';
import { fromSql, toSql, type SqlValue } from './storage';

/** Stored rows ⇄ SObject records, every stored field converted between its SQL and Apex form. */
export function rowToRecord(object: ObjectDescribe, row: Record<string, SqlValue>): SObject {
  const record = new SObject(object);
  for (const field of storedFields(object)) record.set(field.name, fromSql(field, row[field.name]));
  return record;
}

export function recordToRow(object: ObjectDescribe, record: SObject): Record<string, SqlValue> {
  const row: Record<string, SqlValue> = {};
  for (const field of storedFields(object)) row[field.name] = toSql(field, record.peek(field.name) ?? null);
  return row;
}
