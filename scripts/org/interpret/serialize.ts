import { PlatformError } from '../platformError';
import type { ObjectDescribe } from '../schema/describe';
import type { Execution } from './execution';
import { fieldValue } from './dispatch';
import { coerce, toId } from './operators';
import { ApexEnumValue, ApexObject, type RuntimeClass } from './runtimeClass';
import { OBJECT_TYPE, STRING_TYPE, typeName, type ApexType } from './types';
import { ApexList, ApexMap, ApexSet } from './values/collections';
import { Decimal, numberOf } from './values/numbers';
import { SObject } from './values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from './values/temporal';

/**
 * Apex values ⇄ JSON, the two ways the platform does it: JSON.serialize / deserialize (SObjects
 * carry `attributes`, every field of an Apex object appears) and the Aura boundary an
 * @AuraEnabled method's result crosses (only @AuraEnabled members, null values left out,
 * no `attributes`). Deserialising converts JSON into the declared Apex type and refuses values
 * of the wrong shape with the platform's kind of message.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface SerializeOptions {
  /** The Aura boundary: @AuraEnabled members only, nulls omitted, no SObject attributes. */
  aura: boolean;
  suppressNulls: boolean;
}

export function toJson(ex: Execution, value: unknown, options: SerializeOptions): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (value instanceof Decimal) return value.value;
  if (value instanceof ApexDate) return value.toString();
  if (value instanceof ApexDatetime) return value.toIso();
  if (value instanceof ApexTime) return value.toString();
  if (value instanceof ApexEnumValue) return value.name;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof ApexList) return value.items.map((item) => toJson(ex, item, options));
  if (value instanceof ApexSet) return value.values().map((item) => toJson(ex, item, options));
  if (value instanceof ApexMap) {
    const out: Record<string, JsonValue> = {};
    for (const key of value.keys())
      out[String(key instanceof Object ? toJson(ex, key, options) : key)] = toJson(
        ex,
        value.get(key),
        options
      );
    return out;
  }
  if (value instanceof SObject) return sobjectJson(ex, value, options);
  if (value instanceof ApexObject) return objectJson(ex, value, options);
  throw new PlatformError('System.JSONException', `Cannot serialize a value of this type`);
}

function sobjectJson(ex: Execution, record: SObject, options: SerializeOptions): JsonValue {
  const out: Record<string, JsonValue> = {};
  if (!options.aura && record.type.name !== 'AggregateResult') {
    out.attributes = {
      type: record.type.name,
      ...(record.id ? { url: `/services/data/v65.0/sobjects/${record.type.name}/${record.id}` } : {})
    };
  }
  for (const slot of record.populated()) {
    if ((options.aura || options.suppressNulls) && (slot.value === null || slot.value === undefined))
      continue;
    if (slot.value instanceof ApexList) {
      out[slot.name] = {
        totalSize: slot.value.items.length,
        done: true,
        records: slot.value.items.map((r) => toJson(ex, r, options))
      };
      if (options.aura) out[slot.name] = slot.value.items.map((r) => toJson(ex, r, options));
      continue;
    }
    out[slot.name] = toJson(ex, slot.value, options);
  }
  return out;
}

function objectJson(ex: Execution, object: ApexObject, options: SerializeOptions): JsonValue {
  if (object.cls.isSystem) {
    if (object.native.toText) return String((object.native.toText as () => string)());
    throw new PlatformError('System.JSONException', `Cannot serialize an instance of ${object.cls.name}`);
  }
  const out: Record<string, JsonValue> = {};
  const chain: RuntimeClass[] = [];
  for (let cls: RuntimeClass | null = object.cls; cls && !cls.isSystem; cls = cls.superclass)
    chain.unshift(cls);
  for (const cls of chain) {
    ex.org.registry.link(cls);
    for (const field of cls.fields.values()) {
      if (field.isStatic) continue;
      const decl = field.property ?? null;
      const annotations = decl ? decl.modifiers.annotations : fieldAnnotations(cls, field.name);
      if (options.aura && !annotations.some((a) => a.name === 'auraenabled')) continue;
      const modifiers = decl ? decl.modifiers : fieldModifiers(cls, field.name);
      if (!options.aura && modifiers?.isTransient) continue;
      const raw = ex.getField(object, field);
      if ((options.aura || options.suppressNulls) && (raw === null || raw === undefined)) continue;
      out[field.name] = toJson(ex, raw, options);
    }
  }
  return out;
}

function fieldDecl(cls: RuntimeClass, name: string): import('../parse/ast').FieldDecl | undefined {
  if (!cls.decl || cls.decl.kind !== 'class') return undefined;
  return cls.decl.members.find(
    (m): m is import('../parse/ast').FieldDecl =>
      m.kind === 'field' && m.declarators.some((d) => d.name.toLowerCase() === name.toLowerCase())
  );
}

function fieldAnnotations(cls: RuntimeClass, name: string): import('../parse/ast').Annotation[] {
  return fieldDecl(cls, name)?.modifiers.annotations ?? [];
}

function fieldModifiers(cls: RuntimeClass, name: string): import('../parse/ast').Modifiers | undefined {
  return fieldDecl(cls, name)?.modifiers;
}

// ---- JSON → Apex -------------------------------------------------------------------------------

function wrongType(expected: string, value: JsonValue, path: string): PlatformError {
  const actual =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'an array'
        : typeof value === 'object'
          ? 'an object'
          : JSON.stringify(value);
  return new PlatformError(
    'System.JSONException',
    `${path ? `${path}: ` : ''}expected ${expected}, got ${actual}`
  );
}

/** JSON (already parsed) as a value of the Apex type; `path` names where a mismatch is for the message. */
export function fromJson(ex: Execution, value: JsonValue, type: ApexType, path = ''): unknown {
  if (value === null) return null;
  switch (type.kind) {
    case 'primitive':
      return primitiveFromJson(value, type.name, path);
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) throw wrongType(`a list for ${typeName(type)}`, value, path);
      const items = value.map((item, i) => fromJson(ex, item, type.element, `${path}[${i}]`));
      if (type.kind === 'list') return new ApexList(type.element, items);
      const set = new ApexSet(type.element);
      for (const item of items) set.add(item);
      return set;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value))
        throw wrongType(`an object for ${typeName(type)}`, value, path);
      const map = new ApexMap(type.key, type.value);
      for (const [key, item] of Object.entries(value))
        map.put(
          coerce(primitiveKey(key, type.key), type.key),
          fromJson(ex, item, type.value, path ? `${path}.${key}` : key)
        );
      return map;
    }
    case 'sobject':
      return sobjectFromJson(ex, value, type.object, path);
    case 'class':
      return classFromJson(ex, value, type.cls as RuntimeClass, path);
    case 'void':
      return null;
  }
}

function primitiveKey(key: string, type: ApexType): unknown {
  if (type.kind === 'primitive' && (type.name === 'Integer' || type.name === 'Long')) return Number(key);
  if (type.kind === 'primitive' && type.name === 'Decimal') return new Decimal(Number(key));
  return key;
}

function primitiveFromJson(value: JsonValue, name: string, path: string): unknown {
  switch (name) {
    case 'Object':
      return untyped(value);
    case 'String':
      if (typeof value !== 'string') throw wrongType('a string', value, path);
      return value;
    case 'Id':
      if (typeof value !== 'string') throw wrongType('an Id', value, path);
      return toId(value);
    case 'Boolean':
      if (typeof value !== 'boolean') throw wrongType('true or false', value, path);
      return value;
    case 'Integer':
    case 'Long':
      if (typeof value !== 'number' || !Number.isInteger(value))
        throw wrongType('a whole number', value, path);
      return value;
    case 'Decimal':
    case 'Double':
      if (typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value.trim()))
        return new Decimal(Number(value));
      if (typeof value !== 'number') throw wrongType('a number', value, path);
      return name === 'Double' ? new Decimal(value, undefined, true) : new Decimal(value);
    case 'Date': {
      const date = typeof value === 'string' ? ApexDate.parse(value) : null;
      if (!date || (typeof value === 'string' && value.trim().length !== 10))
        throw wrongType('a date (YYYY-MM-DD)', value, path);
      return date;
    }
    case 'Datetime': {
      const datetime =
        typeof value === 'string'
          ? ApexDatetime.parse(value)
          : typeof value === 'number'
            ? new ApexDatetime(value)
            : null;
      if (!datetime) throw wrongType('a datetime (ISO 8601)', value, path);
      return datetime;
    }
    default:
      throw new PlatformError('System.JSONException', `${path}: cannot read a ${name} from JSON`);
  }
}

/** JSON.deserializeUntyped: objects become Map<String, Object>, arrays List<Object>, whole numbers Integer. */
export function untyped(value: JsonValue): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return new ApexList(OBJECT_TYPE, value.map(untyped));
  if (typeof value === 'object') {
    const map = new ApexMap(STRING_TYPE, OBJECT_TYPE);
    for (const [key, item] of Object.entries(value)) map.put(key, untyped(item));
    return map;
  }
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? value : new Decimal(value);
  return value;
}

function sobjectFromJson(
  ex: Execution,
  value: JsonValue,
  declared: ObjectDescribe | null,
  path: string
): SObject {
  if (typeof value !== 'object' || Array.isArray(value) || value === null)
    throw wrongType('an object for an SObject', value, path);
  const attributes = value.attributes;
  let object = declared;
  if (
    attributes &&
    typeof attributes === 'object' &&
    !Array.isArray(attributes) &&
    typeof attributes.type === 'string'
  )
    object = ex.org.schema.object(attributes.type) ?? object;
  if (!object)
    throw new PlatformError('System.JSONException', `${path}: the SObject has no type (attributes.type)`);
  const record = new SObject(object);
  for (const [key, item] of Object.entries(value)) {
    if (key === 'attributes') continue;
    const field = object.field(key);
    const where = path ? `${path}.${key}` : key;
    if (field) {
      const type = fieldApexType(field.type);
      record.set(field.name, fieldValue(record, field, fromJson(ex, item, type, where)));
      continue;
    }
    const lookup = [...object.fields.values()].find(
      (f) => f.relationshipName?.toLowerCase() === key.toLowerCase()
    );
    if (lookup) {
      const parent = ex.org.schema.object(lookup.referenceTo[0] ?? '') ?? null;
      record.set(
        lookup.relationshipName as string,
        item === null ? null : sobjectFromJson(ex, item, parent, where)
      );
      continue;
    }
    const child = object.childRelationships.get(key.toLowerCase());
    if (child && item && typeof item === 'object') {
      const rows = Array.isArray(item) ? item : ((item.records as JsonValue[]) ?? []);
      const childObject = ex.org.schema.object(child.childObject) ?? null;
      record.set(
        child.relationshipName,
        new ApexList(
          { kind: 'sobject', object: childObject },
          rows.map((r) => sobjectFromJson(ex, r, childObject, where))
        )
      );
      continue;
    }
    throw new PlatformError(
      'System.JSONException',
      `No such column '${key}' on sobject of type ${object.name}`
    );
  }
  return record;
}

export function fieldApexType(type: string): ApexType {
  switch (type) {
    case 'boolean':
      return { kind: 'primitive', name: 'Boolean' };
    case 'integer':
    case 'long':
      return { kind: 'primitive', name: 'Integer' };
    case 'double':
    case 'currency':
    case 'percent':
      return { kind: 'primitive', name: 'Decimal' };
    case 'date':
      return { kind: 'primitive', name: 'Date' };
    case 'datetime':
      return { kind: 'primitive', name: 'Datetime' };
    case 'id':
    case 'reference':
      return { kind: 'primitive', name: 'Id' };
    default:
      return STRING_TYPE;
  }
}

function classFromJson(ex: Execution, value: JsonValue, cls: RuntimeClass, path: string): unknown {
  if (cls.kind === 'enum') {
    const found = cls.enumValues.find((v) => v.name === value);
    if (!found) throw wrongType(`a ${cls.name} value`, value, path);
    return found;
  }
  if (typeof value !== 'object' || Array.isArray(value) || value === null)
    throw wrongType(`an object for ${cls.name}`, value, path);
  ex.ensureInitialized(cls);
  // JSON.deserialize sets fields without running constructors, as the platform does.
  const object = new ApexObject(cls);
  for (const [key, item] of Object.entries(value)) {
    const field = cls.findField(key.toLowerCase());
    if (!field || field.isStatic) continue;
    object.fields.set(field.key, fromJson(ex, item, field.type, path ? `${path}.${key}` : key));
  }
  return object;
}

export { numberOf };
