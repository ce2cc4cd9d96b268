import type { ApexType } from '../types';
import { Decimal } from './numbers';
import { ApexDate, ApexDatetime, ApexTime } from './temporal';

/**
 * Apex List, Set and Map. Each knows its declared element (or key and value) types, so adding a
 * value converts it as the compiler would. Sets and maps compare keys as Apex does: strings
 * case-sensitively, numbers by value (1 and 1.0 are one key), dates by day, SObjects by their
 * field values, other objects by identity unless their class defines equals/hashCode.
 */
export class ApexList {
  /** The result of a SOQL expression: assigning it to an SObject takes its single row. */
  fromSoql = false;

  constructor(
    public element: ApexType,
    public items: unknown[] = []
  ) {}
}

export class ApexSet {
  /** key → the value as added (first one wins, as in Apex). */
  readonly entries = new Map<unknown, unknown>();

  constructor(public element: ApexType) {}

  add(value: unknown): boolean {
    const key = keyOf(value);
    if (this.entries.has(key)) return false;
    this.entries.set(key, value);
    return true;
  }

  has(value: unknown): boolean {
    return this.entries.has(keyOf(value));
  }

  delete(value: unknown): boolean {
    return this.entries.delete(keyOf(value));
  }

  values(): unknown[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }
}

export class ApexMap {
  /** key → [the key as first put, value]. */
  readonly entries = new Map<unknown, [unknown, unknown]>();

  constructor(
    public keyType: ApexType,
    public valueType: ApexType
  ) {}

  put(key: unknown, value: unknown): unknown {
    const k = keyOf(key);
    const previous = this.entries.get(k);
    this.entries.set(k, [previous ? previous[0] : key, value]);
    return previous ? previous[1] : null;
  }

  get(key: unknown): unknown {
    const entry = this.entries.get(keyOf(key));
    return entry ? entry[1] : null;
  }

  has(key: unknown): boolean {
    return this.entries.has(keyOf(key));
  }

  delete(key: unknown): unknown {
    const k = keyOf(key);
    const entry = this.entries.get(k);
    this.entries.delete(k);
    return entry ? entry[1] : null;
  }

  keys(): unknown[] {
    return [...this.entries.values()].map((entry) => entry[0]);
  }

  values(): unknown[] {
    return [...this.entries.values()].map((entry) => entry[1]);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Objects that define their own equality (SObjects, Apex classes with equals/hashCode) hash through this. */
export interface KeyedValue {
  collectionKey(): unknown;
}

function isKeyed(value: object): value is KeyedValue {
  return typeof (value as Partial<KeyedValue>).collectionKey === 'function';
}

export function keyOf(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      if (value instanceof Decimal) return value.value;
      if (value instanceof ApexDate) return `date:${value.days}`;
      if (value instanceof ApexDatetime) return `datetime:${value.ms}`;
      if (value instanceof ApexTime) return `time:${value.ms}`;
      if (value instanceof ApexList) return `list:${JSON.stringify(value.items.map(keyOf))}`;
      if (isKeyed(value)) return value.collectionKey();
      return value;
    default:
      return value;
  }
}
