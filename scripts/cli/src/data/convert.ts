import { DataError } from '../errors';
import { FIRST_DATE, isCalendarDate, isIsoDateTime, LAST_DATE } from './dateValues';
import type { Condition, FieldValue, RawRecord } from './loadRequest';
import { numberProblem, parseNumber, type NumberRule } from './numberValues';
import { picklistValues } from './picklists';
import { canonicalId, idProblem, lastIdDigits } from './recordId';
import {
  fieldType,
  NOT_BLANK,
  NUMBER_RULES,
  PICKLIST_VALUES_FROM,
  uniqueKeyOf,
  type FieldType,
  type ObjectName
} from './schema';
import { IdLines } from './uniqueRows';

/**
 * Text values (a CSV cell, a Bulk API result, a REST value written as text) to typed record
 * values. Every value is checked against its field's type, range or picklist, and each row's
 * key against the rows before, and anything wrong is refused as `file:line: field: reason`
 * (exit 3): a bad value must never become a wrong answer. Built once per load so the per-row
 * work is a loop over small closures.
 */

/** The value, or undefined when the text is not one the field can hold. */
export type Parse = (text: string) => FieldValue | undefined;

export interface FieldReader {
  parse: Parse;
  /** Why `text` was refused (asked only then). */
  problem(text: string): string;
}

const PERIOD = /^FY\d{4}-Q[1-4]$/;

/**
 * What a column holds, as plain data: enough to build its parser anywhere (a worker thread
 * parsing part of an export gets this, with the picklist's values already read).
 */
export interface ColumnType {
  type: FieldType;
  rule: NumberRule;
  /** The picklist's values (type `picklist` only). */
  picklist: readonly string[] | null;
}

export async function columnType(object: ObjectName, field: string): Promise<ColumnType> {
  const type = fieldType(object, field);
  const rule = type === 'number' ? (NUMBER_RULES[object]?.[field] ?? {}) : {};
  if (type !== 'picklist') return { type, rule, picklist: null };
  const [valuesObject, valuesField] = PICKLIST_VALUES_FROM[object]?.[field] ?? [object, field];
  return { type, rule, picklist: [...(await picklistValues(valuesObject, valuesField))] };
}

/** The one parser per field type: the record builder's, and the parallel reader's. */
export function fieldReader({ type, rule, picklist }: ColumnType): FieldReader {
  switch (type) {
    case 'text':
      return { parse: (text) => text, problem: () => '' };
    case 'id':
      return { parse: canonicalId, problem: idProblem };
    case 'number':
      return { parse: (text) => parseNumber(text, rule), problem: (text) => numberProblem(text, rule) };
    case 'boolean':
      return {
        parse: (text) => {
          const lower = text.length === 4 || text.length === 5 ? text.toLowerCase() : '';
          return lower === 'true' ? true : lower === 'false' ? false : undefined;
        },
        problem: () => 'is not true or false'
      };
    case 'date':
      return {
        parse: (text) => (isCalendarDate(text) ? text : undefined),
        problem: () => `is not a date YYYY-MM-DD that exists, from ${FIRST_DATE} to ${LAST_DATE}`
      };
    case 'datetime':
      return {
        parse: (text) => (isIsoDateTime(text) ? text : undefined),
        problem: () => 'is not an ISO 8601 datetime (YYYY-MM-DDThh:mm:ss, a day and time that exist)'
      };
    case 'picklist': {
      const values = new Set(picklist ?? []);
      return {
        parse: (text) => (values.has(text) ? text : undefined),
        problem: () => `is not a value of the picklist (${[...values].join(', ')})`
      };
    }
    case 'period':
      return {
        parse: (text) => (PERIOD.test(text) ? text : undefined),
        problem: () => 'is not a fiscal period FYyyyy-Qn (e.g. FY2026-Q4)'
      };
  }
}

/** A value as a message shows it: quoted, control characters escaped, a long one cut short. */
function shown(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

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

export interface RowReader {
  /**
   * Whether a row is in the load's scope, tested on its text (null: every row is). A row whose
   * scope value is not valid is let through, so that `build` refuses it rather than the row
   * silently leaving the report (`2026-13-45` is no date in any quarter).
   */
  inScope: ((values: readonly string[]) => boolean) | null;
  /** The typed record; throws a DataError for a bad value or a key seen on an earlier line. */
  build(values: readonly string[], line: number): RawRecord;
  /** The digits of the last built record's key id (recordId.ts). */
  readonly key: Float64Array;
}

/**
 * The reader of one load's rows: `fields` in the order the values come. `kept`: the records
 * outlive the load, so repeated text is worth storing once. `where`: the scope as a row filter
 * (an org applies it in SOQL instead).
 */
export async function rowReader(
  object: ObjectName,
  fields: readonly string[],
  file: string,
  options: { kept?: boolean; where?: readonly Condition[] } = {}
): Promise<RowReader> {
  const types = await Promise.all(fields.map((field) => columnType(object, field)));
  const readers = types.map(fieldReader);
  const key = uniqueKeyOf(object);
  const required = new Set([...(NOT_BLANK[object] ?? []), ...key]);
  // The key's id column, whose digits the duplicate check reads as it is parsed (−1: not read).
  const keyColumn = key.every((field) => fields.includes(field)) ? fields.indexOf(key[key.length - 1]) : -1;
  const columns = fields.map((field, i) => {
    const type = fieldType(object, field);
    const { parse, problem } = readers[i];
    // Ids of the key never repeat (a repeat is refused): storing them once would save nothing.
    const plain = options.kept === false || type === 'number' || type === 'boolean' || i === keyColumn;
    return { field, required: required.has(field), parse: plain ? parse : interning(parse), problem };
  });
  const checkKey = keyCheck(object, file);
  const keyDigits = new Float64Array(2);
  return {
    key: keyDigits,
    inScope: rowFilter(options.where ?? [], fields, columns),
    build(values, line) {
      const record: RawRecord = {};
      let high = 0;
      let low = 0;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i];
        const text = values[i];
        if (text === '') {
          if (column.required)
            throw new DataError(`${file}:${line}: ${column.field}: blank, but every row needs a value`);
          record[column.field] = null;
          continue;
        }
        const value = column.parse(text);
        if (value === undefined)
          throw new DataError(`${file}:${line}: ${column.field}: ${shown(text)} ${column.problem(text)}`);
        if (i === keyColumn) {
          high = lastIdDigits[0];
          low = lastIdDigits[1];
        }
        record[column.field] = value;
      }
      if (keyColumn >= 0) checkKey(record, high, low, line);
      keyDigits[0] = high;
      keyDigits[1] = low;
      return record;
    }
  };
}

/**
 * Refuses a row whose key an earlier row of the load had, naming both lines. The key's last
 * field is an id (given as its digits, recordId.ts); the fields before it (a snapshot's date)
 * partition the ids.
 */
function keyCheck(
  object: ObjectName,
  file: string
): (record: RawRecord, high: number, low: number, line: number) => void {
  const key = uniqueKeyOf(object);
  const idField = key[key.length - 1];
  const partitions = key.slice(0, -1);
  const refuse = (record: RawRecord, line: number, earlier: number): never => {
    const within = partitions.map((field) => ` with the same ${field} ${String(record[field])}`).join('');
    throw new DataError(
      `${file}:${line}: ${idField}: ${String(record[idField])} is on line ${earlier} too${within}; each record must appear once (a duplicated row?)`
    );
  };
  if (partitions.length === 0) {
    const lines = new IdLines();
    return (record, high, low, line) => {
      const earlier = lines.earlierLine(high, low, line);
      if (earlier !== 0) refuse(record, line, earlier);
    };
  }
  const seen = new Map<string, IdLines>();
  return (record, high, low, line) => {
    const partition = partitions.map((field) => String(record[field])).join('|');
    let lines = seen.get(partition);
    if (lines === undefined) {
      lines = new IdLines();
      seen.set(partition, lines);
    }
    const earlier = lines.earlierLine(high, low, line);
    if (earlier !== 0) refuse(record, line, earlier);
  };
}

/** The scope as a test on the raw text values (positions as in `fields`). */
function rowFilter(
  conditions: readonly Condition[],
  fields: readonly string[],
  columns: readonly { required: boolean; parse: Parse }[]
): ((values: readonly string[]) => boolean) | null {
  if (conditions.length === 0) return null;
  const tests = conditions.map((condition): ((values: readonly string[]) => boolean) => {
    const i = fields.indexOf(condition.field);
    const { required, parse } = columns[i];
    /** A value the record builder would refuse: the row stays, to be refused there. */
    const invalid = (text: string) => (text === '' ? required : parse(text) === undefined);
    switch (condition.op) {
      case 'between':
        // ISO dates compare as strings; a datetime's first ten characters are its date.
        return (values) => {
          const value = values[i];
          const date = value.length === 10 ? value : value.slice(0, 10);
          return (date >= condition.from && date <= condition.to) || invalid(value);
        };
      case 'in': {
        const set = new Set(condition.values);
        return (values) => set.has(values[i]) || invalid(values[i]);
      }
      case 'is': {
        const wanted = String(condition.value);
        return (values) => values[i].toLowerCase() === wanted || invalid(values[i]);
      }
      case 'notBlank':
        return (values) => values[i] !== '';
    }
  });
  return (values) => tests.every((test) => test(values));
}
