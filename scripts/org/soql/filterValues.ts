import { normalizeId } from '../database/recordIds';
import type { SqlValue } from '../database/storage';
import { ApexList, ApexSet } from '../interpret/values/collections';
import { Decimal, numberOf } from '../interpret/values/numbers';
import { SObject } from '../interpret/values/sobject';
import { ApexDate, ApexDatetime } from '../interpret/values/temporal';
import { UnsupportedError } from '../platformError';
import type { FieldDescribe } from '../schema/describe';
import { dateLiteralRange, type Calendar } from './dateLiterals';
import { queryError } from './queryErrors';
import type { Literal } from './soqlAst';

/**
 * The values a filter compares with, checked against the type of what they are compared to and
 * converted to the stored encoding: literals as SOQL types them (a quoted value for text and
 * ids, unquoted for numbers, booleans and dates), bind values as Apex converts them (an SObject
 * stands for its Id, a List or Set for its elements, a 15-character id for its 18-character
 * form). Salesforce stores a blank text as null, so '' compares as null.
 */
export type ValueClass = 'id' | 'text' | 'multipicklist' | 'boolean' | 'number' | 'date' | 'datetime';

export type FilterValue =
  | { kind: 'null' }
  | { kind: 'scalar'; value: SqlValue }
  /** A date literal: from (inclusive) until (exclusive), in the stored encoding of the field. */
  | { kind: 'range'; from: SqlValue; until: SqlValue }
  /** From a bound List or Set; may hold nulls. */
  | { kind: 'list'; values: SqlValue[] };

/** What a value is compared with: its class, and the name the platform's messages use. */
export interface FilterTarget {
  valueClass: ValueClass;
  name: string;
  /** The field's own type, for the type names in messages (integer vs double). */
  field?: FieldDescribe;
}

export interface ValueSource {
  bind(expression: string): unknown;
  calendar: Calendar;
}

export function valueClassOf(field: FieldDescribe): ValueClass {
  switch (field.type) {
    case 'id':
    case 'reference':
      return 'id';
    case 'multipicklist':
      return 'multipicklist';
    case 'boolean':
      return 'boolean';
    case 'integer':
    case 'long':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'time':
    case 'base64':
      throw new UnsupportedError(`SOQL filter on ${field.type} field ${field.name}`);
    default:
      return 'text';
  }
}

export function filterValue(literal: Literal, target: FilterTarget, source: ValueSource): FilterValue {
  switch (literal.kind) {
    case 'null':
      return { kind: 'null' };
    case 'bind':
      return bindValue(source.bind(literal.expression), target);
    case 'string':
      if (target.valueClass === 'text' || target.valueClass === 'multipicklist')
        return literal.value === '' ? { kind: 'null' } : { kind: 'scalar', value: literal.value };
      if (target.valueClass === 'id') return idValue(literal.value);
      throw wrongLiteral(target);
    case 'number':
      if (target.valueClass === 'number') return { kind: 'scalar', value: literal.value };
      throw wrongLiteral(target);
    case 'boolean':
      if (target.valueClass === 'boolean') return { kind: 'scalar', value: literal.value ? 1 : 0 };
      throw wrongLiteral(target);
    case 'date': {
      const date = ApexDate.parse(literal.text);
      if (target.valueClass !== 'date' || !date) throw wrongLiteral(target);
      return { kind: 'scalar', value: date.toString() };
    }
    case 'datetime': {
      const datetime = ApexDatetime.parse(literal.text);
      if (target.valueClass !== 'datetime' || !datetime) throw wrongLiteral(target);
      return { kind: 'scalar', value: datetime.toIso() };
    }
    case 'dateLiteral': {
      if (target.valueClass !== 'date' && target.valueClass !== 'datetime') throw wrongLiteral(target);
      const range = dateLiteralRange(literal.name, literal.n, source.calendar);
      const until = range.last.addDays(1);
      return target.valueClass === 'date'
        ? { kind: 'range', from: range.first.toString(), until: until.toString() }
        : { kind: 'range', from: midnight(range.first), until: midnight(until) };
    }
  }
}

/** A bound Apex value; collections become lists, whatever the operator (Apex reads `= :ids` as IN). */
export function bindValue(value: unknown, target: FilterTarget): FilterValue {
  const items = value instanceof ApexList ? value.items : value instanceof ApexSet ? value.values() : null;
  if (items) return { kind: 'list', values: items.map((item) => scalarOf(item, target)) };
  const scalar = scalarOf(value, target);
  return scalar === null ? { kind: 'null' } : { kind: 'scalar', value: scalar };
}

function scalarOf(value: unknown, target: FilterTarget): SqlValue {
  if (value === null || value === undefined) return null;
  switch (target.valueClass) {
    case 'id': {
      if (value instanceof SObject) return value.id;
      if (typeof value !== 'string') break;
      const id = idValue(value);
      return id.kind === 'scalar' ? id.value : null;
    }
    case 'text':
    case 'multipicklist':
      if (typeof value === 'string') return value === '' ? null : value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? 1 : 0;
      break;
    case 'number':
      if (typeof value === 'number' || value instanceof Decimal) return numberOf(value);
      break;
    case 'date':
      if (value instanceof ApexDate) return value.toString();
      if (value instanceof ApexDatetime) return value.date().toString();
      break;
    case 'datetime':
      if (value instanceof ApexDatetime) return value.toIso();
      if (value instanceof ApexDate) return midnight(value);
      break;
  }
  throw queryError(
    `Invalid bind expression type of ${apexTypeOf(value)} for column of type ${typeWord(target)}`
  );
}

function idValue(text: string): FilterValue {
  if (text === '') return { kind: 'null' };
  const id = normalizeId(text);
  if (!id) throw queryError(`invalid ID field: ${text}`);
  return { kind: 'scalar', value: id };
}

function midnight(day: ApexDate): string {
  return new ApexDatetime(day.days * 86_400_000).toIso();
}

function wrongLiteral(target: FilterTarget): Error {
  const quoted =
    target.valueClass === 'text' || target.valueClass === 'id' || target.valueClass === 'multipicklist';
  return queryError(
    `value of filter criterion for field '${target.name}' must be of type ${typeWord(target)} and should ${quoted ? '' : 'not '}be enclosed in quotes`
  );
}

function typeWord(target: FilterTarget): string {
  switch (target.valueClass) {
    case 'number':
      return target.field?.type === 'integer' || target.field?.type === 'long' ? target.field.type : 'double';
    case 'datetime':
      return 'dateTime';
    case 'multipicklist':
    case 'text':
      return 'string';
    default:
      return target.valueClass;
  }
}

function apexTypeOf(value: unknown): string {
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Double';
  if (value instanceof Decimal) return value.isDouble ? 'Double' : 'Decimal';
  if (value instanceof ApexDate) return 'Date';
  if (value instanceof ApexDatetime) return 'Datetime';
  if (value instanceof SObject) return value.type.name;
  return 'Object';
}
