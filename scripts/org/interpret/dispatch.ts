import type { FieldDescribe } from '../schema/describe';
import { PlatformError, UnsupportedError } from '../platformError';
import { singleRow } from './coerceDeclared';
import type { Execution } from './execution';
import { npe, runtimeTypeName, toId } from './operators';
import { withAccessors } from './properties';
import { ApexEnumValue, ApexObject } from './runtimeClass';
import {
  BLOB_METHODS,
  BOOLEAN_METHODS,
  ENUM_METHODS,
  OBJECT_METHODS
} from './system/valueMethods/basicMethods';
import { LIST_METHODS, MAP_METHODS, SET_METHODS } from './system/valueMethods/collectionMethods';
import { DATE_METHODS, DATETIME_METHODS, TIME_METHODS } from './system/valueMethods/temporalMethods';
import { NUMBER_METHODS } from './system/valueMethods/numberMethods';
import { SOBJECT_METHODS } from './system/valueMethods/sobjectMethods';
import { STRING_METHODS } from './system/valueMethods/stringMethods';
import type { ValueMethod } from './system/valueMethods/valueMethod';
import { ApexList, ApexMap, ApexSet } from './values/collections';
import { Decimal, isNumber, toDecimal, toDouble } from './values/numbers';
import { SObject } from './values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from './values/temporal';

/**
 * Member access on run-time values: reading and writing SObject fields (with the platform's
 * rules for fields a query did not retrieve and for field types), fields and properties of Apex
 * objects, and method calls on every kind of value, from String.trim() to a user class's
 * overridden method.
 */
export function readMember(ex: Execution, base: unknown, name: string, safe: boolean): unknown {
  if (base === null || base === undefined) {
    if (safe) return null;
    throw npe();
  }
  if (base instanceof SObject) return readSObjectField(base, name);
  if (base instanceof ApexObject) {
    ex.org.registry.link(base.cls);
    const field = base.cls.findField(name.toLowerCase());
    if (field) return ex.getField(base, withAccessors(field));
    const dynamic = base.cls.nativeProperty?.(ex, base, name);
    if (dynamic !== undefined) return dynamic;
    throw new UnsupportedError(`Variable does not exist: ${base.cls.name}.${name}`);
  }
  if (base instanceof ApexList && base.fromSoql) return readMember(ex, singleRow(base), name, safe);
  throw new UnsupportedError(`reading .${name} of a ${runtimeTypeName(base)}`);
}

export function writeMember(ex: Execution, base: unknown, name: string, value: unknown): void {
  if (base === null || base === undefined) throw npe();
  if (base instanceof SObject) {
    writeSObjectField(ex, base, name, value);
    return;
  }
  if (base instanceof ApexObject) {
    ex.org.registry.link(base.cls);
    const field = base.cls.findField(name.toLowerCase());
    if (!field) throw new UnsupportedError(`Variable does not exist: ${base.cls.name}.${name}`);
    if (field.isStatic) ex.setStatic(withAccessors(field), value);
    else ex.setField(base, withAccessors(field), value);
    return;
  }
  throw new UnsupportedError(`writing .${name} of a ${runtimeTypeName(base)}`);
}

export function readSObjectField(record: SObject, name: string): unknown {
  const slot = record.slots.get(name.toLowerCase());
  if (slot) return slot.value;
  const field = record.field(name);
  const relationship = !field && isRelationship(record, name);
  if (!field && !relationship)
    throw new PlatformError('System.SObjectException', `Invalid field ${name} for ${record.type.name}`);
  // SOQL always retrieves Id, so it is never "not queried": a clone without its Id reads null.
  if (record.retrieved && field?.name !== 'Id')
    throw new PlatformError(
      'System.SObjectException',
      `SObject row was retrieved via SOQL without querying the requested field: ${record.type.name}.${field?.name ?? name}`
    );
  // A checkbox is never null: an in-memory record reads false until set.
  return field?.type === 'boolean' ? false : null;
}

function isRelationship(record: SObject, name: string): boolean {
  const lower = name.toLowerCase();
  if (record.type.childRelationships.has(lower)) return true;
  for (const field of record.type.fields.values())
    if (field.relationshipName?.toLowerCase() === lower) return true;
  return false;
}

export function writeSObjectField(_ex: Execution, record: SObject, name: string, value: unknown): void {
  if (record.readOnly) throw new PlatformError('System.FinalException', 'Record is read-only');
  const field = record.field(name);
  if (field) {
    record.set(field.name, fieldValue(record, field, value));
    return;
  }
  const lower = name.toLowerCase();
  const lookup = [...record.type.fields.values()].find((f) => f.relationshipName?.toLowerCase() === lower);
  if (lookup) {
    if (value !== null && !(value instanceof SObject))
      throw new PlatformError(
        'System.SObjectException',
        `Illegal assignment from ${runtimeTypeName(value)} to SObject`
      );
    record.set(lookup.relationshipName as string, value);
    return;
  }
  if (record.type.childRelationships.has(lower))
    throw new PlatformError('System.SObjectException', `Field is not writeable: ${record.type.name}.${name}`);
  throw new PlatformError('System.SObjectException', `Invalid field ${name} for ${record.type.name}`);
}

/** A value as the field's type holds it, or the platform's error for the wrong type. */
export function fieldValue(record: SObject, field: FieldDescribe, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const wrong = (): PlatformError =>
    new PlatformError(
      'System.SObjectException',
      `Illegal assignment from ${runtimeTypeName(value)} to ${field.type} field ${record.type.name}.${field.name}`
    );
  switch (field.type) {
    case 'id':
    case 'reference':
      if (typeof value !== 'string') throw wrong();
      return toId(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong();
      return value;
    case 'integer':
    case 'long':
      if (!isNumber(value)) throw wrong();
      return typeof value === 'number' ? value : Math.trunc(value.value);
    case 'double':
    case 'currency':
    case 'percent':
      if (!isNumber(value)) throw wrong();
      return value instanceof Decimal && value.isDouble ? toDouble(value) : toDecimal(value);
    case 'date':
      if (!(value instanceof ApexDate)) throw wrong();
      return value;
    case 'datetime':
      if (value instanceof ApexDate) return new ApexDatetime(value.days * 86_400_000);
      if (!(value instanceof ApexDatetime)) throw wrong();
      return value;
    case 'time':
      if (!(value instanceof ApexTime)) throw wrong();
      return value;
    default:
      if (typeof value !== 'string') throw wrong();
      return value;
  }
}

/** `record.Field__c.addError(message)`: the error is attached to that field. */
export function sobjectFieldError(ex: Execution, record: SObject, field: string, args: unknown[]): null {
  const message = args[0];
  if (message instanceof ApexObject)
    record.errors.push({ field, message: String(message.native.message ?? '') });
  else record.errors.push({ field: record.field(field)?.name ?? field, message: String(message ?? '') });
  void ex;
  return null;
}

export function callMember(
  ex: Execution,
  base: unknown,
  name: string,
  args: unknown[],
  safe: boolean
): unknown {
  if (base === null || base === undefined) {
    if (safe) return null;
    throw npe();
  }
  const lower = name.toLowerCase();
  const table = methodTable(base);
  if (table) {
    const method = table[lower];
    if (!method) throw new UnsupportedError(`${runtimeTypeName(base).replace(/<.*$/, '')}.${name}()`);
    return method(ex, base as never, args);
  }
  if (base instanceof ApexObject) {
    ex.org.registry.link(base.cls);
    const candidates = base.cls.findMethods(lower).filter((m) => !m.isStatic);
    if (candidates.length > 0) {
      const method = ex.selectMethod(candidates, args, `${base.cls.name}.${name}`);
      return ex.invoke(base.cls.dispatch(method), base, args);
    }
    const universal = OBJECT_METHODS[lower];
    if (universal) return universal(ex, base, args);
    throw new UnsupportedError(`Method does not exist: ${base.cls.name}.${name}`);
  }
  throw new UnsupportedError(`${runtimeTypeName(base)}.${name}()`);
}

function methodTable(base: unknown): Record<string, ValueMethod> | null {
  if (typeof base === 'string') return STRING_METHODS;
  if (typeof base === 'number' || base instanceof Decimal) return NUMBER_METHODS;
  if (typeof base === 'boolean') return BOOLEAN_METHODS;
  if (base instanceof SObject) return SOBJECT_METHODS;
  if (base instanceof ApexList) return LIST_METHODS;
  if (base instanceof ApexSet) return SET_METHODS;
  if (base instanceof ApexMap) return MAP_METHODS;
  if (base instanceof ApexDate) return DATE_METHODS;
  if (base instanceof ApexDatetime) return DATETIME_METHODS;
  if (base instanceof ApexTime) return TIME_METHODS;
  if (base instanceof ApexEnumValue) return ENUM_METHODS;
  if (base instanceof Uint8Array) return BLOB_METHODS;
  return null;
}
