import type { IsoDate, IsoDateTime } from './records';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings through integer day numbers (days since
 * 1970-01-01). Pure integer maths: no `Date`, so no local time zone can shift a date.
 * ISO dates compare correctly as strings, which callers use as the fast path.
 */

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Day number of a civil date (H. Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of a day number (civil_from_days). */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) {
      throw new RangeError(`Not an ISO date: "${text}"`);
    }
    value = value * 10 + code;
  }
  return value;
}

/** Day number of a `YYYY-MM-DD` date (or of the date part of a datetime written in UTC). */
export function toDay(date: IsoDate): number {
  if (date.length < 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    throw new RangeError(`Not an ISO date: "${date}"`);
  }
  return dayNumberOf(digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function fromDay(dayNumber: number): IsoDate {
  const { year, month, day } = civilOf(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDay(toDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDay(to) - toDay(from);
}

/**
 * Milliseconds since the epoch of an ISO-8601 datetime (`Z`, `±hh:mm` or `±hhmm`; no offset
 * means UTC, as Salesforce exports write them). A bare date is its 00:00 UTC.
 */
export function toInstant(value: IsoDateTime): number {
  const day = toDay(value);
  if (value.length <= 10) {
    return day * MS_PER_DAY;
  }
  const hours = digits(value, 11, 2);
  const minutes = digits(value, 14, 2);
  const seconds = value.length >= 19 && value.charCodeAt(16) === 58 ? digits(value, 17, 2) : 0;
  let rest = value.slice(value.length >= 19 && value.charCodeAt(16) === 58 ? 19 : 16);
  let millis = 0;
  if (rest.startsWith('.')) {
    const fraction = /^\.(\d+)/.exec(rest)?.[1] ?? '';
    millis = Math.floor(Number(`0.${fraction}`) * 1000);
    rest = rest.slice(fraction.length + 1);
  }
  let offsetMinutes = 0;
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(rest);
  if (offset) {
    offsetMinutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  } else if (rest !== '' && rest !== 'Z') {
    throw new RangeError(`Not an ISO datetime: "${value}"`);
  }
  return (
    day * MS_PER_DAY +
    hours * MS_PER_HOUR +
    minutes * 60_000 +
    seconds * 1000 +
    millis -
    offsetMinutes * 60_000
  );
}

/** The UTC calendar date of a datetime (SPEC: a datetime counts as its calendar date in UTC). */
export function utcDateOf(value: IsoDateTime): IsoDate {
  // Fast path: a bare date, or a datetime already written in UTC.
  if (value.length === 10 || value.endsWith('Z') || value.endsWith('+0000') || value.endsWith('+00:00')) {
    return value.slice(0, 10);
  }
  return fromDay(Math.floor(toInstant(value) / MS_PER_DAY));
}

/** 00:00 UTC of a date, in epoch milliseconds. */
export function startOfDayInstant(date: IsoDate): number {
  return toDay(date) * MS_PER_DAY;
}

export const HOUR_MS = MS_PER_HOUR;
