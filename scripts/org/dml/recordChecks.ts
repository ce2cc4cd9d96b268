import { quote } from '../database/orgDatabase';
import { toSql } from '../database/storage';
import type { Execution } from '../interpret/execution';
import { SObject } from '../interpret/values/sobject';
import type { DmlRowError } from '../orgServices';
import type { FieldDescribe, ObjectDescribe } from '../schema/describe';

/**
 * The platform's own checks on a record before it is saved, in the order of save: required
 * fields, text lengths, restricted picklist values, lookups that point at an existing record of
 * the right object, and unique fields (case-insensitively unless the field is case-sensitive),
 * within the batch as well as against the stored records.
 */
export function requiredAndShape(record: SObject): DmlRowError[] {
  const missing: string[] = [];
  for (const field of record.type.fields.values()) {
    if (field.calculated || !field.required) continue;
    const value = record.peek(field.name) ?? null;
    if (value === null || value === '') missing.push(field.name);
  }
  const errors = shapeErrors(record).filter((error) => !missing.includes(error.fields[0]));
  if (missing.length > 0)
    errors.unshift({
      statusCode: 'REQUIRED_FIELD_MISSING',
      message: `Required fields are missing: [${missing.join(', ')}]`,
      fields: missing
    });
  return errors;
}

/** Text lengths and restricted picklist values of the fields that hold a value. */
export function shapeErrors(record: SObject): DmlRowError[] {
  const errors: DmlRowError[] = [];
  for (const field of record.type.fields.values()) {
    if (field.calculated) continue;
    const value = record.peek(field.name) ?? null;
    if (value === null) continue;
    const error = shapeError(field, value);
    if (error) errors.push(error);
  }
  return errors;
}

function shapeError(field: FieldDescribe, value: unknown): DmlRowError | null {
  if (typeof value === 'string' && field.length > 0 && isText(field) && value.length > field.length)
    return {
      statusCode: 'STRING_TOO_LONG',
      message: `${field.label}: data value too large: ${value.length > 40 ? `${value.slice(0, 40)}...` : value} (max length=${field.length})`,
      fields: [field.name]
    };
  if (field.type === 'picklist' && field.restrictedPicklist && typeof value === 'string') {
    if (!field.picklistValues.some((p) => p.value === value))
      return {
        statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: `${field.label}: bad value for restricted picklist field: ${value}`,
        fields: [field.name]
      };
  }
  return null;
}

function isText(field: FieldDescribe): boolean {
  return [
    'string',
    'textarea',
    'email',
    'url',
    'phone',
    'picklist',
    'multipicklist',
    'encryptedstring'
  ].includes(field.type);
}

/** Lookups must name an existing record of one of the field's target objects. */
export function referenceErrors(ex: Execution, records: SObject[]): Map<SObject, DmlRowError[]> {
  const errors = new Map<SObject, DmlRowError[]>();
  const byObject = new Map<string, Set<string>>();
  const wanted: { record: SObject; field: FieldDescribe; id: string }[] = [];
  for (const record of records) {
    for (const field of record.type.fields.values()) {
      if (field.type !== 'reference' || field.referenceTo.length === 0) continue;
      const id = record.peek(field.name);
      if (typeof id !== 'string') continue;
      const target = ex.org.schema.objectOfId(id);
      if (!target || !field.referenceTo.some((name) => name.toLowerCase() === target.name.toLowerCase())) {
        add(errors, record, {
          statusCode: 'FIELD_INTEGRITY_EXCEPTION',
          message: `${field.label}: id value of incorrect type: ${id}`,
          fields: [field.name]
        });
        continue;
      }
      const ids = byObject.get(target.name) ?? new Set<string>();
      ids.add(id);
      byObject.set(target.name, ids);
      wanted.push({ record, field, id });
    }
  }
  const existing = new Set<string>();
  for (const [name, ids] of byObject) {
    const object = ex.org.schema.object(name);
    if (!object) continue;
    for (const id of ex.org.database.rowsById(object, [...ids]).keys()) existing.add(id);
  }
  for (const { record, field, id } of wanted)
    if (!existing.has(id))
      add(errors, record, {
        statusCode: 'INVALID_CROSS_REFERENCE_KEY',
        message: `invalid cross reference id: ${id}`,
        fields: [field.name]
      });
  return errors;
}

/** Unique-field collisions, against stored records (other than the record itself) and within the batch. */
export function uniqueErrors(
  ex: Execution,
  object: ObjectDescribe,
  records: SObject[]
): Map<SObject, DmlRowError[]> {
  const errors = new Map<SObject, DmlRowError[]>();
  for (const field of object.fields.values()) {
    if (!field.unique || field.name === 'Id') continue;
    const seen = new Map<string, SObject>();
    for (const record of records) {
      const value = record.peek(field.name);
      if (value === null || value === undefined || value === '') continue;
      const key = field.caseSensitive ? String(value) : String(value).toLowerCase();
      const earlier = seen.get(key);
      if (earlier) {
        add(errors, record, duplicate(field, earlier.id ?? ''));
        continue;
      }
      seen.set(key, record);
      const collation = field.caseSensitive ? '' : ' COLLATE NOCASE';
      const row = ex.org.database.sql
        .prepare(
          `SELECT Id FROM ${quote(object.name)} WHERE ${quote(field.name)}${collation} = ? AND (? IS NULL OR Id <> ?) LIMIT 1`
        )
        .get(toSql(field, value), record.id, record.id) as { Id: string } | undefined;
      if (row) add(errors, record, duplicate(field, row.Id));
    }
  }
  return errors;
}

function duplicate(field: FieldDescribe, id: string): DmlRowError {
  return {
    statusCode: 'DUPLICATE_VALUE',
    // The platform names the other record by its 15-character Id here.
    message: `duplicate value found: ${field.name} duplicates value on record with id: ${id.slice(0, 15)}`,
    fields: [field.name]
  };
}

function add(map: Map<SObject, DmlRowError[]>, record: SObject, error: DmlRowError): void {
  map.set(record, [...(map.get(record) ?? []), error]);
}
