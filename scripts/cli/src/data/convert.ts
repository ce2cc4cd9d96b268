import { DataError } from '../errors';
import type { Condition, FieldValue, RawRecord } from './loadRequest';
import { fieldType, NOT_BLANK, type FieldType, type ObjectName } from './schema';

/**
 * Text values (a CSV cell, a Bulk API result, a REST value written as text) to typed record
 * values, with an error naming the file, the line and the column for a value that is not what
 * its column holds. Built once per load so the per-row work is a loop over small closures.
 */

type Parse = (text: string) => FieldValue | undefined;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Salesforce writes 2026-01-05T10:00:00.000Z (exports, Bulk) or ...+0000 (REST); a bare date is accepted.
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const PARSERS: Record<FieldType, { parse: Parse; expected: string }> = {
  text: { parse: (text) => text, expected: 'text' },
  number: {
    parse: (text) => {
      const value = Number(text);
      return Number.isFinite(value) && text.trim() !== '' ? value : undefined;
    },
    expected: 'a number'
  },
  boolean: {
    parse: (text) => {
      const lower = text.length === 4 || text.length === 5 ? text.toLowerCase() : '';
      return lower === 'true' ? true : lower === 'false' ? false : undefined;
    },
    expected: 'true or false'
  },
  date: { parse: (text) => (DATE.test(text) ? text : undefined), expected: 'a date (YYYY-MM-DD)' },
  datetime: { parse: (text) => (DATETIME.test(text) ? text : undefined), expected: 'an ISO 8601 datetime' }
};

export type RecordBuilder = (values: readonly string[], line: number) => RawRecord;

/**
 * Text that repeats (owners, dates, categories, partner accounts) is kept once: a million-row
 * export then holds a few thousand strings instead of millions, which is most of what the
 * garbage collector would otherwise copy and mark. A column with more distinct values than
 * the cache holds (ids) stops being cached and costs one look-up per value until then.
 */
const INTERNED_PER_COLUMN = 4096;

function interning(parse: Parse): Parse {
  const seen = new Map<string, FieldValue | undefined>();
  let full = false;
  return (text) => {
    if (full) return parse(text);
    let value = seen.get(text);
    if (value === undefined && !seen.has(text)) {
      value = parse(text);
      if (seen.size < INTERNED_PER_COLUMN) seen.set(text, value);
      else full = true;
    }
    return value;
  };
}

/** `kept`: the records outlive the load, so repeated text is worth storing once. */
export function recordBuilder(
  object: ObjectName,
  fields: readonly string[],
  file: string,
  kept = true
): RecordBuilder {
  const notBlank = new Set(NOT_BLANK[object] ?? []);
  const columns = fields.map((field) => {
    const type = fieldType(object, field);
    const { parse, expected } = PARSERS[type];
    return {
      field,
      required: notBlank.has(field),
      parse: !kept || type === 'number' || type === 'boolean' ? parse : interning(parse),
      expected
    };
  });
  return (values, line) => {
    const record: RawRecord = {};
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      const text = values[i];
      if (text === '') {
        if (column.required)
          throw new DataError(
            `${file}: line ${line}, column ${column.field}: blank, but every row needs a value`
          );
        record[column.field] = null;
        continue;
      }
      const value = column.parse(text);
      if (value === undefined) {
        throw new DataError(
          `${file}: line ${line}, column ${column.field}: "${text}" is not ${column.expected}`
        );
      }
      record[column.field] = value;
    }
    return record;
  };
}

/** The scope as a test on the raw text values (positions as in `fields`). */
export function rowFilter(
  conditions: readonly Condition[],
  fields: readonly string[]
): ((values: readonly string[]) => boolean) | null {
  if (conditions.length === 0) return null;
  const tests = conditions.map((condition): ((values: readonly string[]) => boolean) => {
    const i = fields.indexOf(condition.field);
    switch (condition.op) {
      case 'between':
        // ISO dates compare as strings; a datetime's first ten characters are its date.
        // A value that is no date at all is let through, so that the record builder reports it
        // instead of the row vanishing from the report.
        return (values) => {
          const value = values[i];
          const date = value.length === 10 ? value : value.slice(0, 10);
          return (date >= condition.from && date <= condition.to) || !DATE.test(date);
        };
      case 'in': {
        const set = new Set(condition.values);
        return (values) => set.has(values[i]);
      }
      case 'is': {
        const wanted = String(condition.value);
        return (values) => values[i].toLowerCase() === wanted;
      }
      case 'notBlank':
        return (values) => values[i] !== '';
    }
  });
  return (values) => tests.every((test) => test(values));
}
