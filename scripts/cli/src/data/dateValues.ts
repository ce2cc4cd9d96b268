/**
 * The one date check of the CLI, for flag values (`--today`, `--from`, ...) and export values
 * alike: `YYYY-MM-DD` naming a day that exists (2026-02-30 and 2025-02-29 do not), within the
 * range Salesforce stores (years 1700 to 4000), so that every date a report meets also has a
 * fiscal period label `FYyyyy-Qn`. Datetimes are that date, a time that exists (no 25:61) and an
 * optional UTC offset, as exports and the APIs write them.
 */

export const FIRST_DATE = '1700-01-01';
export const LAST_DATE = '4000-12-31';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number `count` digits at `from` spell, or −1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    // Past the end charCodeAt gives NaN, which this test refuses too.
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Whether the first 10 characters of `text` are a real day `YYYY-MM-DD` from 1700 to 4000. */
function startsWithDate(text: string): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 1700 || year > 4000 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

export function isCalendarDate(text: string): boolean {
  return text.length === 10 && startsWithDate(text);
}

/** `hh:mm` at `from` with hh 00–23 (or up to `maxHours`) and mm 00–59, the colon optional when `colonOptional`. */
function timeAt(text: string, from: number, maxHours: number, colonOptional: boolean): number {
  const hours = digitsAt(text, from, 2);
  const colon = text.charCodeAt(from + 2) === 58;
  if (!colon && !colonOptional) return -1;
  const minutes = digitsAt(text, from + (colon ? 3 : 2), 2);
  if (hours < 0 || hours > maxHours || minutes < 0 || minutes > 59) return -1;
  return from + (colon ? 5 : 4);
}

/**
 * `YYYY-MM-DD`, optionally followed by `T` (or a space) and `hh:mm`, `:ss`, `.fraction`, and
 * `Z` or an offset `±hh:mm` / `±hhmm`: 2026-01-05T10:00:00.000Z (exports, Bulk API) and
 * 2026-01-05T10:00:00.000+0000 (REST) both read.
 */
export function isIsoDateTime(text: string): boolean {
  if (!startsWithDate(text)) return false;
  const length = text.length;
  if (length === 10) return true;
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 32) return false;
  let pos = timeAt(text, 11, 23, false);
  if (pos < 0) return false;
  if (text.charCodeAt(pos) === 58) {
    const seconds = digitsAt(text, pos + 1, 2);
    if (seconds < 0 || seconds > 59) return false;
    pos += 3;
    if (text.charCodeAt(pos) === 46) {
      const start = ++pos;
      while (pos < length && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
      if (pos === start) return false;
    }
  }
  if (pos === length) return true;
  const zone = text.charCodeAt(pos);
  if (zone === 90) return pos + 1 === length;
  if (zone !== 43 && zone !== 45) return false;
  return timeAt(text, pos + 1, 14, true) === length;
}
