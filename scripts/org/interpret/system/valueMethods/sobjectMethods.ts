import { PlatformError } from '../../../platformError';
import { readSObjectField, writeSObjectField } from '../../dispatch';
import type { Execution } from '../../execution';
import { toText } from '../../operators';
import { ApexObject } from '../../runtimeClass';
import { OBJECT_TYPE, STRING_TYPE } from '../../types';
import { ApexList, ApexMap } from '../../values/collections';
import { SObject } from '../../values/sobject';
import { databaseErrorObject } from '../databaseResults';
import { sobjectTypeToken } from '../schemaTokens';
import type { MethodTable } from './valueMethod';

/** Methods of SObject records: dynamic get/put, errors, cloning, describe tokens. */
const READ_ONLY_TIMESTAMPS = [
  'createddate',
  'createdbyid',
  'lastmodifieddate',
  'lastmodifiedbyid',
  'systemmodstamp'
];

/** A field name from a String or an SObjectField token. */
export function fieldName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof ApexObject && typeof value.native.field === 'string') return value.native.field;
  throw new PlatformError('System.SObjectException', `Invalid field ${toText(value)}`);
}

export function cloneSObject(
  record: SObject,
  preserveId: boolean,
  deep: boolean,
  preserveReadonlyTimestamps: boolean,
  preserveAutonumber: boolean
): SObject {
  const copy = new SObject(record.type);
  copy.retrieved = record.retrieved;
  for (const [key, slot] of record.slots) {
    if (key === 'id' && !preserveId) continue;
    if (READ_ONLY_TIMESTAMPS.includes(key) && !preserveReadonlyTimestamps) continue;
    if (record.field(key)?.autoNumberFormat && !preserveAutonumber) continue;
    const value = slot.value;
    copy.slots.set(key, {
      name: slot.name,
      value: deep && value instanceof SObject ? cloneSObject(value, true, true, true, true) : value
    });
  }
  return copy;
}

export const SOBJECT_METHODS: MethodTable<SObject> = {
  // addError(message | exception [, escape]) on the record, or addError(field token | field name, message [, escape]) on a field.
  adderror: (_ex, record, [first, second]) => {
    const text = (message: unknown) =>
      message instanceof ApexObject ? String(message.native.message ?? '') : toText(message);
    if (typeof second === 'string' || (second !== undefined && typeof second !== 'boolean')) {
      const name = fieldName(first);
      record.errors.push({ field: record.field(name)?.name ?? name, message: text(second) });
    } else {
      record.errors.push({ message: text(first) });
    }
    return null;
  },
  clear: (_ex, record) => {
    record.slots.clear();
    return null;
  },
  clone: (_ex, record, [preserveId, deep, timestamps, autonumber]) =>
    cloneSObject(record, preserveId === true, deep === true, timestamps === true, autonumber === true),
  get: (_ex, record, [field]) => readSObjectField(record, fieldName(field)),
  geterrors: (ex, record) =>
    new ApexList(
      { kind: 'class', cls: ex.org.registry.systemClass('Database.Error') },
      record.errors.map((e) =>
        databaseErrorObject(ex, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', e.message, e.field ? [e.field] : [])
      )
    ),
  haserrors: (_ex, record) => record.errors.length > 0,
  getpopulatedfieldsasmap: (_ex, record) => {
    const map = new ApexMap(STRING_TYPE, OBJECT_TYPE);
    for (const slot of record.populated()) map.put(slot.name, slot.value);
    return map;
  },
  getsobject: (_ex, record, [name]) => {
    const value = readSObjectField(record, fieldName(name));
    return value instanceof SObject ? value : null;
  },
  getsobjects: (_ex, record, [name]) => {
    const value = readSObjectField(record, fieldName(name));
    return value instanceof ApexList ? value : null;
  },
  getsobjecttype: (ex, record) => sobjectTypeToken(ex, record.type),
  isset: (_ex, record, [field]) => record.has(fieldName(field)),
  put: (ex, record, [field, value]) => {
    const name = fieldName(field);
    const previous = record.peek(name) ?? null;
    writeSObjectField(ex, record, name, value);
    return previous;
  },
  putsobject: (ex, record, [name, value]) => {
    const previous = record.peek(fieldName(name)) ?? null;
    writeSObjectField(ex, record, fieldName(name), value);
    return previous;
  },
  tostring: (_ex, record) => toText(record)
};

export { sobjectTypeToken };
export type { Execution };
