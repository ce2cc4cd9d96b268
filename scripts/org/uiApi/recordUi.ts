import type { Execution } from '../interpret/execution';
import { fieldValue } from '../interpret/dispatch';
import { fieldApexType, fromJson, toJson, type JsonValue } from '../interpret/serialize';
import { ApexList } from '../interpret/values/collections';
import { SObject } from '../interpret/values/sobject';
import type { OrgRuntime } from '../orgRuntime';
import type { ObjectDescribe } from '../schema/describe';

/**
 * The User Interface API calls lightning/uiRecordApi makes (getRecord, updateRecord), served by
 * the org: a read returns only what the user may see (sharing and field-level security; fields
 * they cannot read are left out, as LDS leaves out optional fields), a write is a DML update in
 * the user's context, so triggers, validation rules and field types apply exactly as to Apex.
 */
export interface UiField {
  value: JsonValue | UiRecord;
  displayValue: string | null;
}

export interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, UiField>;
}

export class UiApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

function objectOf(runtime: OrgRuntime, recordId: string): ObjectDescribe {
  const object = runtime.schema.objectOfId(recordId);
  if (!object || object.setup || object.customMetadata) throw new UiApiError(404, `No record ${recordId}.`);
  return object;
}

/** `fields` as LDS names them (`Opportunity.Name`, `Opportunity.Account.Name`); empty means every field. */
export function getRecord(runtime: OrgRuntime, userId: string, recordId: string, fields: string[]): UiRecord {
  const object = objectOf(runtime, recordId);
  return runtime.transaction({ userId }, (ex) => {
    const readable = (o: ObjectDescribe, f: string): boolean => runtime.security.fieldAccess(ex, o, f).read;
    if (!runtime.security.objectAccess(ex, object).read)
      throw new UiApiError(403, `You don't have access to ${object.labelPlural}.`);
    const wanted =
      fields.length > 0
        ? fields.map((f) => (f.startsWith(`${object.name}.`) ? f.slice(object.name.length + 1) : f))
        : allFields(object);
    const paths = wanted.filter((path) => pathReadable(runtime, object, path, readable));
    const select = ['Id', ...new Set(paths.filter((p) => p.toLowerCase() !== 'id'))].join(', ');
    const query = runtime.services.soql.parse(
      `SELECT ${select} FROM ${object.name} WHERE Id = :recordId WITH USER_MODE`
    );
    const rows = runtime.services.soql.run(ex, query, () => recordId) as ApexList;
    const record = rows.items[0];
    if (!(record instanceof SObject))
      throw new UiApiError(404, `The requested resource does not exist: ${recordId}.`);
    return toUiRecord(ex, record);
  });
}

function allFields(object: ObjectDescribe): string[] {
  return [...object.fields.values()].filter((f) => !f.calculated).map((f) => f.name);
}

function pathReadable(
  runtime: OrgRuntime,
  object: ObjectDescribe,
  path: string,
  readable: (o: ObjectDescribe, f: string) => boolean
): boolean {
  const parts = path.split('.');
  let current: ObjectDescribe | undefined = object;
  for (const part of parts.slice(0, -1)) {
    const lookup: import('../schema/describe').FieldDescribe | undefined = current
      ? [...current.fields.values()].find((f) => f.relationshipName?.toLowerCase() === part.toLowerCase())
      : undefined;
    if (!lookup || !current || !readable(current, lookup.name)) return false;
    current = runtime.schema.object(lookup.referenceTo[0] ?? '');
  }
  const field = current?.field(parts[parts.length - 1]);
  return Boolean(current && field && readable(current, field.name));
}

function toUiRecord(ex: Execution, record: SObject): UiRecord {
  const fields: Record<string, UiField> = {};
  for (const slot of record.populated()) {
    if (slot.value instanceof SObject)
      fields[slot.name] = {
        value: toUiRecord(ex, slot.value),
        displayValue: String(slot.value.peek('Name') ?? '') || null
      };
    else
      fields[slot.name] = {
        value: toJson(ex, slot.value, { aura: true, suppressNulls: false }),
        displayValue: null
      };
  }
  return { apiName: record.type.name, id: record.id ?? '', fields };
}

/** updateRecord({ fields: { Id, ... } }): an update as the user, then the record as they now see it. */
export function updateRecord(
  runtime: OrgRuntime,
  userId: string,
  fields: Record<string, JsonValue>
): UiRecord {
  const id = fields.Id;
  if (typeof id !== 'string') throw new UiApiError(400, 'fields.Id is required.');
  const object = objectOf(runtime, id);
  runtime.transaction({ userId }, (ex) => {
    const record = new SObject(object);
    for (const [name, value] of Object.entries(fields)) {
      const field = object.field(name);
      if (!field) throw new UiApiError(400, `${object.name} has no field ${name}.`);
      let converted: unknown;
      try {
        converted = fromJson(ex, value, fieldApexType(field.type), name);
        record.set(field.name, fieldValue(record, field, converted));
      } catch (error) {
        throw new UiApiError(400, `${field.label}: ${(error as Error).message}`);
      }
    }
    const [result] = runtime.services.dml.statement(ex, 'update', record, {
      access: 'user',
      externalId: null,
      allOrNone: false
    });
    if (!result.success) {
      const error = result.errors[0];
      throw new UiApiError(400, error ? error.message : 'The record was not saved.');
    }
  });
  return getRecord(runtime, userId, id, []);
}
