import { FormulaError, TYPE_NAMES, type FormulaDataType } from './formulaTypes';

/**
 * Values inside the evaluator, and their conversion at the library's boundary. Inside, a date is
 * a day number (days since 1970-01-01), a datetime milliseconds since the epoch (UTC), a time
 * milliseconds since midnight, so comparison and arithmetic are plain number operations.
 * Text is never null inside (Salesforce treats blank text as ""), a multi-select picklist is a
 * list; number, date, datetime and time are null when blank, and a Boolean is null when it was
 * computed from a blank (`Amount__c < 0` with no amount), which counts as FALSE in the end.
 */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export type Value = string | number | boolean | string[] | GeoPoint | null;

/** A value's type as the type checker sees it; 'null' is the literal NULL, which fits any type. */
export type ValueType = FormulaDataType | 'null';

export const DAY_MS = 86_400_000;

export function dayOf(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return ms / DAY_MS;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function timeText(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function timeOf(text: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/.exec(text);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Number((match[4] ?? '0').padEnd(3, '0'));
}

/** A record's value (boundary conventions) → the evaluator's value; a value of the wrong kind is an error naming the field. */
export function fromRecord(raw: unknown, type: FormulaDataType, reference: string): Value {
  const wrong = (expected: string): never => {
    throw new FormulaError(
      `${reference} is ${TYPE_NAMES[type]}: expected ${expected}, got ${JSON.stringify(raw)}`
    );
  };
  const blank = raw === null || raw === undefined;
  switch (type) {
    case 'text':
    case 'picklist':
      if (blank) return '';
      return typeof raw === 'string' ? raw : wrong('a string');
    case 'number':
      if (blank) return null;
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : wrong('a number');
    case 'checkbox':
      if (blank) return false;
      return typeof raw === 'boolean' ? raw : wrong('true or false');
    case 'date': {
      if (blank) return null;
      const day = typeof raw === 'string' ? dayOf(raw.slice(0, 10)) : null;
      return day ?? wrong("'YYYY-MM-DD'");
    }
    case 'datetime': {
      if (blank) return null;
      const ms = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : NaN;
      return Number.isNaN(ms) ? wrong('an ISO-8601 datetime') : ms;
    }
    case 'time': {
      if (blank) return null;
      const ms = typeof raw === 'string' ? timeOf(raw) : null;
      return ms ?? wrong("'HH:mm:ss.SSS'");
    }
    case 'multipicklist':
      if (blank) return [];
      if (typeof raw === 'string') return raw === '' ? [] : raw.split(';');
      return Array.isArray(raw) && raw.every((v) => typeof v === 'string')
        ? raw
        : wrong("'A;B' or a list of strings");
    case 'geolocation': {
      if (blank) return null;
      const point = raw as Partial<GeoPoint>;
      return typeof point.latitude === 'number' && typeof point.longitude === 'number'
        ? { latitude: point.latitude, longitude: point.longitude }
        : wrong('{ latitude, longitude }');
    }
  }
}

/** The evaluator's value → the boundary conventions (blank text is null; a blank Boolean is false). */
export function toResult(value: Value, type: ValueType): unknown {
  if (value === null) return type === 'checkbox' ? false : null;
  switch (type) {
    case 'text':
    case 'picklist':
      return value === '' ? null : value;
    case 'date':
      return isoDate(value as number);
    case 'datetime':
      return new Date(value as number).toISOString();
    case 'time':
      return timeText(value as number);
    case 'multipicklist':
      return (value as string[]).length === 0 ? null : (value as string[]).join(';');
    default:
      return value;
  }
}

/** Salesforce's notion of blank: empty text, an empty selection, or no value. */
export function isBlank(value: Value): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
