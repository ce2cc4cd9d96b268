import { PlatformError, UnsupportedError } from '../../../platformError';
import { coerceToDeclared } from '../../coerceDeclared';
import type { Execution } from '../../execution';
import { apexEquals, npe, toText } from '../../operators';
import { ApexEnumValue, ApexObject } from '../../runtimeClass';
import { ApexList, ApexMap, ApexSet, keyOf } from '../../values/collections';
import { Decimal, isNumber, numberOf } from '../../values/numbers';
import { SObject } from '../../values/sobject';
import { ApexDate, ApexDatetime } from '../../values/temporal';
import { cloneSObject, sobjectTypeToken } from './sobjectMethods';
import type { MethodTable } from './valueMethod';

/** Methods of List, Set and Map. Lists compare elements with equals (strings case-sensitively), as Apex's do. */
function index(list: ApexList, i: unknown): number {
  const n = Number(i);
  if (!Number.isInteger(n) || n < 0 || n >= list.items.length)
    throw new PlatformError('System.ListException', `List index out of bounds: ${n}`);
  return n;
}

function itemsOf(source: unknown): unknown[] {
  if (source === null || source === undefined) throw npe();
  if (source instanceof ApexList) return source.items;
  if (source instanceof ApexSet) return source.values();
  throw new UnsupportedError('addAll of this kind of value');
}

function sameElement(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return keyOf(a) === keyOf(b) || apexEquals(a, b);
}

/** List.sort's natural order: nulls first, numbers and dates by value, strings by code point, Comparable by compareTo. */
function naturalOrder(ex: Execution): (a: unknown, b: unknown) => number {
  return (a, b) => {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    if (isNumber(a) && isNumber(b)) return numberOf(a) - numberOf(b);
    if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
    if (a instanceof ApexDate && b instanceof ApexDate) return a.days - b.days;
    if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms - b.ms;
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    if (a instanceof ApexEnumValue && b instanceof ApexEnumValue) return a.ordinal - b.ordinal;
    if (a instanceof SObject && b instanceof SObject) {
      const an = String(a.peek('Name') ?? '');
      const bn = String(b.peek('Name') ?? '');
      return an < bn ? -1 : an > bn ? 1 : String(a.id ?? '') < String(b.id ?? '') ? -1 : 1;
    }
    if (a instanceof ApexObject) {
      const compareTo = a.cls.findMethods('compareto')[0];
      if (!compareTo)
        throw new PlatformError(
          'System.ListException',
          `One or more of the items in this list is not Comparable`
        );
      return Number(ex.invoke(a.cls.dispatch(compareTo), a, [b]));
    }
    throw new UnsupportedError('sorting these values');
  };
}

export const LIST_METHODS: MethodTable<ApexList> = {
  add: (_ex, list, args) => {
    if (args.length === 2) {
      const i = Number(args[0]);
      if (i < 0 || i > list.items.length)
        throw new PlatformError('System.ListException', `List index out of bounds: ${i}`);
      list.items.splice(i, 0, coerceToDeclared(args[1], list.element));
    } else list.items.push(coerceToDeclared(args[0], list.element));
    return null;
  },
  addall: (_ex, list, [source]) => {
    for (const item of itemsOf(source)) list.items.push(coerceToDeclared(item, list.element));
    return null;
  },
  clear: (_ex, list) => {
    list.items.length = 0;
    return null;
  },
  clone: (_ex, list) => new ApexList(list.element, list.items.slice()),
  contains: (_ex, list, [value]) => list.items.some((item) => sameElement(item, value)),
  deepclone: (_ex, list, [preserveId, preserveReadonly, preserveAutonumber]) =>
    new ApexList(
      list.element,
      list.items.map((item) =>
        item instanceof SObject
          ? cloneSObject(
              item,
              preserveId === true,
              true,
              preserveReadonly === true,
              preserveAutonumber === true
            )
          : item
      )
    ),
  equals: (_ex, list, [other]) => apexEquals(list, other),
  get: (_ex, list, [i]) => list.items[index(list, i)],
  getsobjecttype: (ex, list) =>
    list.element.kind === 'sobject' && list.element.object ? sobjectTypeToken(ex, list.element.object) : null,
  hashcode: (_ex, list) => list.items.length,
  indexof: (_ex, list, [value]) => list.items.findIndex((item) => sameElement(item, value)),
  isempty: (_ex, list) => list.items.length === 0,
  remove: (_ex, list, [i]) => list.items.splice(index(list, i), 1)[0],
  set: (_ex, list, [i, value]) => {
    list.items[index(list, i)] = coerceToDeclared(value, list.element);
    return null;
  },
  size: (_ex, list) => list.items.length,
  sort: (ex, list) => {
    list.items.sort(naturalOrder(ex));
    return null;
  },
  tostring: (_ex, list) => toText(list)
};

export const SET_METHODS: MethodTable<ApexSet> = {
  add: (_ex, set, [value]) => set.add(coerceToDeclared(value, set.element)),
  addall: (_ex, set, [source]) => {
    let changed = false;
    for (const item of itemsOf(source)) changed = set.add(coerceToDeclared(item, set.element)) || changed;
    return changed;
  },
  clear: (_ex, set) => {
    set.entries.clear();
    return null;
  },
  clone: (_ex, set) => {
    const copy = new ApexSet(set.element);
    for (const v of set.values()) copy.add(v);
    return copy;
  },
  contains: (_ex, set, [value]) => set.has(value),
  containsall: (_ex, set, [source]) => itemsOf(source).every((v) => set.has(v)),
  equals: (_ex, set, [other]) => apexEquals(set, other),
  hashcode: (_ex, set) => set.size,
  isempty: (_ex, set) => set.size === 0,
  remove: (_ex, set, [value]) => set.delete(value),
  removeall: (_ex, set, [source]) => {
    let changed = false;
    for (const v of itemsOf(source)) changed = set.delete(v) || changed;
    return changed;
  },
  retainall: (_ex, set, [source]) => {
    const keep = new ApexSet(set.element);
    for (const v of itemsOf(source)) keep.add(v);
    let changed = false;
    for (const v of set.values())
      if (!keep.has(v)) {
        set.delete(v);
        changed = true;
      }
    return changed;
  },
  size: (_ex, set) => set.size,
  tostring: (_ex, set) => toText(set)
};

export const MAP_METHODS: MethodTable<ApexMap> = {
  clear: (_ex, map) => {
    map.entries.clear();
    return null;
  },
  clone: (_ex, map) => {
    const copy = new ApexMap(map.keyType, map.valueType);
    for (const k of map.keys()) copy.put(k, map.get(k));
    return copy;
  },
  containskey: (_ex, map, [key]) => map.has(key),
  deepclone: (_ex, map) => {
    const copy = new ApexMap(map.keyType, map.valueType);
    for (const k of map.keys()) {
      const v = map.get(k);
      copy.put(k, v instanceof SObject ? cloneSObject(v, true, true, false, false) : v);
    }
    return copy;
  },
  equals: (_ex, map, [other]) => apexEquals(map, other),
  get: (_ex, map, [key]) => map.get(key),
  getsobjecttype: (ex, map) =>
    map.valueType.kind === 'sobject' && map.valueType.object
      ? sobjectTypeToken(ex, map.valueType.object)
      : null,
  hashcode: (_ex, map) => map.size,
  isempty: (_ex, map) => map.size === 0,
  keyset: (_ex, map) => {
    const keys = new ApexSet(map.keyType);
    for (const k of map.keys()) keys.add(k);
    return keys;
  },
  put: (_ex, map, [key, value]) =>
    map.put(coerceToDeclared(key, map.keyType), coerceToDeclared(value, map.valueType)),
  putall: (_ex, map, [source]) => {
    if (source instanceof ApexMap) for (const k of source.keys()) map.put(k, source.get(k));
    else
      for (const record of itemsOf(source)) {
        if (!(record instanceof SObject) || !record.id)
          throw new PlatformError('System.ListException', 'Row with null Id');
        map.put(record.id, record);
      }
    return null;
  },
  remove: (_ex, map, [key]) => map.delete(key),
  size: (_ex, map) => map.size,
  values: (_ex, map) => new ApexList(map.valueType, map.values()),
  tostring: (_ex, map) => toText(map)
};

export { Decimal };
