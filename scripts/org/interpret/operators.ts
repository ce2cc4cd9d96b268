import { PlatformError } from '../platformError';
import { normalizeId } from '../database/recordIds';
import { ApexEnumValue, ApexObject, RuntimeClass } from './runtimeClass';
import { typeName, type ApexType } from './types';
import { ApexList, ApexMap, ApexSet, keyOf } from './values/collections';
import { Decimal, isNumber, numberOf, toDecimal, toDouble, wrapInteger } from './values/numbers';
import { SObject } from './values/sobject';
import { ApexDate, ApexDatetime, ApexTime } from './values/temporal';

/**
 * Apex's operators and implicit conversions on run-time values: equality (strings compare
 * case-insensitively, SObjects by their fields), ordering (strings by the user's locale,
 * case-insensitively; null sorts below any string and makes numeric comparisons false),
 * arithmetic that keeps Integer division whole and Decimal division exact, date arithmetic in
 * days, and string concatenation as `+` renders each type.
 */
export function npe(): PlatformError {
  return new PlatformError('System.NullPointerException', 'Attempt to de-reference a null object');
}

export function apexEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return a == b;
  if (typeof a === 'string' && typeof b === 'string')
    return a.length === b.length && a.toLowerCase() === b.toLowerCase();
  if (isNumber(a) && isNumber(b)) return numberOf(a) === numberOf(b);
  if (a instanceof ApexDate && b instanceof ApexDate) return a.days === b.days;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms === b.ms;
  if (a instanceof ApexTime && b instanceof ApexTime) return a.ms === b.ms;
  if (a instanceof SObject && b instanceof SObject) return a.collectionKey() === b.collectionKey();
  if (a instanceof ApexList && b instanceof ApexList)
    return a.items.length === b.items.length && a.items.every((item, i) => apexEquals(item, b.items[i]));
  if (a instanceof ApexSet && b instanceof ApexSet)
    return a.size === b.size && a.values().every((v) => b.has(v));
  if (a instanceof ApexMap && b instanceof ApexMap)
    return a.size === b.size && a.keys().every((k) => b.has(k) && apexEquals(a.get(k), b.get(k)));
  return false;
}

/** <0, 0, >0; null when the comparison is false whatever the operator (a null number or date). */
export function compareValues(a: unknown, b: unknown): number | null {
  if (typeof a === 'string' || typeof b === 'string') {
    if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
    if (b === null || b === undefined) return 1;
    const left = String(a).toLowerCase();
    const right = String(b).toLowerCase();
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (a === null || b === null || a === undefined || b === undefined) return null;
  if (isNumber(a) && isNumber(b)) return numberOf(a) - numberOf(b);
  if (a instanceof ApexDate && b instanceof ApexDate) return a.days - b.days;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms - b.ms;
  if (a instanceof ApexTime && b instanceof ApexTime) return a.ms - b.ms;
  if (a instanceof ApexDate && b instanceof ApexDatetime) return a.days * 86_400_000 - b.ms;
  if (a instanceof ApexDatetime && b instanceof ApexDate) return a.ms - b.days * 86_400_000;
  throw new PlatformError(
    'System.TypeException',
    `Comparison arguments must be compatible types: ${runtimeTypeName(a)}, ${runtimeTypeName(b)}`
  );
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number';
}

/** A Decimal's scale as arithmetic sees it: an Integer or Long has none after the point. */
function scaleOf(value: number | Decimal): number | undefined {
  return typeof value === 'number' ? 0 : value.scale;
}

function numeric(
  a: number | Decimal,
  b: number | Decimal,
  op: (x: number, y: number) => number,
  resultScale?: (left: number, right: number) => number
): number | Decimal {
  if (isWhole(a) && isWhole(b)) return op(a, b);
  const result = op(numberOf(a), numberOf(b));
  const double = (a instanceof Decimal && a.isDouble) || (b instanceof Decimal && b.isDouble);
  if (double) return toDouble(result);
  // Decimal arithmetic keeps scale as Java's BigDecimal does: a sum has the larger scale of its
  // operands (1.50 + 1 = 2.50), a product the sum of theirs (1.50 * 2 = 3.00).
  const left = scaleOf(a);
  const right = scaleOf(b);
  const scale =
    resultScale && left !== undefined && right !== undefined ? resultScale(left, right) : undefined;
  return new Decimal(Number(result.toPrecision(15)), scale);
}

const SUM_SCALE = (left: number, right: number): number => Math.max(left, right);
const PRODUCT_SCALE = (left: number, right: number): number => left + right;

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'string' || typeof b === 'string') return concatText(a) + concatText(b);
  if (a === null || b === null || a === undefined || b === undefined) throw npe();
  if (isNumber(a) && isNumber(b)) return numeric(a, b, (x, y) => x + y, SUM_SCALE);
  if (a instanceof ApexDate && isNumber(b)) return a.addDays(Math.trunc(numberOf(b)));
  if (a instanceof ApexDatetime && isNumber(b))
    return new ApexDatetime(a.ms + Math.round(numberOf(b) * 86_400_000));
  throw unsupportedOperands('+', a, b);
}

export function subtract(a: unknown, b: unknown): unknown {
  if (a === null || b === null || a === undefined || b === undefined) throw npe();
  if (isNumber(a) && isNumber(b)) return numeric(a, b, (x, y) => x - y, SUM_SCALE);
  if (a instanceof ApexDate && isNumber(b)) return a.addDays(-Math.trunc(numberOf(b)));
  if (a instanceof ApexDatetime && isNumber(b))
    return new ApexDatetime(a.ms - Math.round(numberOf(b) * 86_400_000));
  throw unsupportedOperands('-', a, b);
}

export function multiply(a: unknown, b: unknown): unknown {
  if (a === null || b === null || a === undefined || b === undefined) throw npe();
  if (isNumber(a) && isNumber(b)) return numeric(a, b, (x, y) => x * y, PRODUCT_SCALE);
  throw unsupportedOperands('*', a, b);
}

export function divide(a: unknown, b: unknown): unknown {
  if (a === null || b === null || a === undefined || b === undefined) throw npe();
  if (!isNumber(a) || !isNumber(b)) throw unsupportedOperands('/', a, b);
  if (numberOf(b) === 0) throw new PlatformError('System.MathException', 'Divide by 0');
  // Integer and Long division truncate toward zero, as in Java.
  if (isWhole(a) && isWhole(b)) return Math.trunc(a / b);
  return numeric(a, b, (x, y) => x / y);
}

export function negate(a: unknown): unknown {
  if (a === null || a === undefined) throw npe();
  if (typeof a === 'number') return -a;
  if (a instanceof Decimal) return new Decimal(-a.value, a.scale, a.isDouble);
  throw new PlatformError('System.TypeException', `Arithmetic expressions must use numeric arguments`);
}

function unsupportedOperands(op: string, a: unknown, b: unknown): PlatformError {
  return new PlatformError(
    'System.TypeException',
    `Arithmetic expressions must use numeric arguments: ${runtimeTypeName(a)} ${op} ${runtimeTypeName(b)}`
  );
}

/** How `'text' + value` renders a value: dates as 'YYYY-MM-DD 00:00:00', datetimes in GMT, null as 'null'. */
export function concatText(value: unknown): string {
  if (value instanceof ApexDate) return `${value.toString()} 00:00:00`;
  return toText(value);
}

/** `String.valueOf(value)`. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (
    value instanceof Decimal ||
    value instanceof ApexDate ||
    value instanceof ApexDatetime ||
    value instanceof ApexTime
  )
    return value.toString();
  if (value instanceof ApexEnumValue) return value.name;
  if (value instanceof Uint8Array) return `Blob[${value.length}]`;
  if (value instanceof SObject) {
    const fields = value
      .populated()
      .filter((slot) => !(slot.value instanceof SObject) && !(slot.value instanceof ApexList))
      .map((slot) => `${slot.name}=${toText(slot.value)}`);
    return `${value.type.name}:{${fields.join(', ')}}`;
  }
  if (value instanceof ApexList) return `(${value.items.map(toText).join(', ')})`;
  if (value instanceof ApexSet) return `{${value.values().map(toText).join(', ')}}`;
  if (value instanceof ApexMap)
    return `{${value
      .keys()
      .map((k) => `${toText(k)}=${toText(value.get(k))}`)
      .join(', ')}}`;
  if (value instanceof ApexObject) {
    const text = value.native.toText;
    if (typeof text === 'function') return (text as () => string)();
    const fields = [...value.fields.entries()].map(
      ([key, v]) => `${key.slice(key.lastIndexOf('.') + 1)}=${toText(v)}`
    );
    return `${value.cls.name}:[${fields.join(', ')}]`;
  }
  return String(value);
}

/** The run-time type's name, for messages (`Decimal`, `List<Account>`, `EngagementRules.Result`). */
export function runtimeTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'Integer';
  if (typeof value === 'boolean') return 'Boolean';
  if (value instanceof Decimal) return value.isDouble ? 'Double' : 'Decimal';
  if (value instanceof ApexDate) return 'Date';
  if (value instanceof ApexDatetime) return 'Datetime';
  if (value instanceof ApexTime) return 'Time';
  if (value instanceof SObject) return value.type.name;
  if (value instanceof ApexList) return `List<${typeName(value.element)}>`;
  if (value instanceof ApexSet) return `Set<${typeName(value.element)}>`;
  if (value instanceof ApexMap) return `Map<${typeName(value.keyType)},${typeName(value.valueType)}>`;
  if (value instanceof ApexObject) return value.cls.name;
  if (value instanceof ApexEnumValue) return value.enumType.name;
  return typeof value;
}

/** Whether a value is an instance of a type (`instanceof`, and what a cast checks). */
export function isInstanceOf(value: unknown, type: ApexType): boolean {
  if (value === null || value === undefined) return false;
  switch (type.kind) {
    case 'void':
      return false;
    case 'primitive':
      switch (type.name) {
        case 'Object':
          return true;
        case 'String':
          return typeof value === 'string';
        case 'Id':
          return typeof value === 'string' && normalizeId(value) !== null;
        case 'Integer':
        case 'Long':
          return typeof value === 'number';
        case 'Decimal':
        case 'Double':
          return isNumber(value);
        case 'Boolean':
          return typeof value === 'boolean';
        case 'Date':
          return value instanceof ApexDate;
        case 'Datetime':
          return value instanceof ApexDatetime;
        case 'Time':
          return value instanceof ApexTime;
        case 'Blob':
          return value instanceof Uint8Array;
      }
      return false;
    case 'sobject':
      return value instanceof SObject && (type.object === null || value.type === type.object);
    case 'list':
      return value instanceof ApexList && elementConforms(value.element, type.element);
    case 'set':
      return value instanceof ApexSet && elementConforms(value.element, type.element);
    case 'map':
      return (
        value instanceof ApexMap &&
        elementConforms(value.keyType, type.key) &&
        elementConforms(value.valueType, type.value)
      );
    case 'class':
      if (value instanceof ApexObject) return value.cls.isA(type.cls);
      if (value instanceof ApexEnumValue) return value.enumType === type.cls;
      return false;
  }
}

/** A collection's declared element type may stand where `wanted` is expected (List<Account> is a List<SObject>). */
function elementConforms(actual: ApexType, wanted: ApexType): boolean {
  if (wanted.kind === 'primitive' && wanted.name === 'Object') return true;
  if (actual.kind !== wanted.kind) return false;
  switch (wanted.kind) {
    case 'primitive':
      return (
        actual.kind === 'primitive' &&
        (actual.name === wanted.name || (wanted.name === 'String' && actual.name === 'Id'))
      );
    case 'sobject':
      return actual.kind === 'sobject' && (wanted.object === null || actual.object === wanted.object);
    case 'class':
      return actual.kind === 'class' && (actual.cls as RuntimeClass).isA(wanted.cls);
    case 'list':
    case 'set':
      return elementConforms((actual as { element: ApexType }).element, wanted.element);
    case 'map':
      return (
        actual.kind === 'map' &&
        elementConforms(actual.key, wanted.key) &&
        elementConforms(actual.value, wanted.value)
      );
    default:
      return true;
  }
}

/** `(Type) value`: the value itself when it is one, else a TypeException as the platform words it. */
export function castTo(value: unknown, type: ApexType): unknown {
  if (value === null || value === undefined) return null;
  if (type.kind === 'primitive') {
    if (type.name === 'Id' && typeof value === 'string') return toId(value);
    if ((type.name === 'Decimal' || type.name === 'Double') && isNumber(value)) return coerce(value, type);
    if ((type.name === 'Integer' || type.name === 'Long') && typeof value === 'number') return value;
    if (type.name === 'String' && typeof value === 'string') return value;
  }
  if (isInstanceOf(value, type)) return value;
  throw new PlatformError(
    'System.TypeException',
    `Invalid conversion from runtime type ${runtimeTypeName(value)} to ${typeName(type)}`
  );
}

export function toId(text: string): string {
  const id = normalizeId(text);
  if (id === null) throw new PlatformError('System.StringException', `Invalid id: ${text}`);
  return id;
}

/** The conversions Apex applies where a value meets a declared type: Integer → Decimal, String → Id, Date → Datetime. */
export function coerce(value: unknown, type: ApexType): unknown {
  if (value === null || value === undefined) return null;
  if (type.kind !== 'primitive') return value;
  switch (type.name) {
    case 'Decimal':
      return isNumber(value) ? toDecimal(value) : value;
    case 'Double':
      return isNumber(value) ? toDouble(value) : value;
    case 'Long':
      return value instanceof Decimal ? Math.trunc(value.value) : value;
    case 'Integer':
      // An Integer is 32 bits: arithmetic past 2147483647 wraps around by the time it is stored.
      return value instanceof Decimal
        ? Math.trunc(value.value)
        : typeof value === 'number'
          ? wrapInteger(value)
          : value;
    case 'Id':
      return typeof value === 'string' ? toId(value) : value;
    case 'Datetime':
      return value instanceof ApexDate ? new ApexDatetime(value.days * 86_400_000) : value;
    default:
      return value;
  }
}

export { keyOf };
