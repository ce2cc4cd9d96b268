import { npe, toText } from '../../operators';
import { ApexDate, ApexDatetime, ApexTime } from '../../values/temporal';
import type { MethodTable } from './valueMethod';

/**
 * Methods of Date, Datetime and Time values. Every user of the local runtime works in GMT, so
 * the local and GMT variants agree; `format(pattern)` takes Java SimpleDateFormat patterns.
 */
function num(value: unknown): number {
  if (value === null || value === undefined) throw npe();
  return Number(value);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

/** Java SimpleDateFormat over a UTC instant (quoted text in '...'). */
export function formatJavaDate(ms: number, pattern: string): string {
  const d = new Date(ms);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return pattern.replace(
    /'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|E+|a|Z|z|X+/g,
    (token, quoted: string | undefined) => {
      if (quoted !== undefined) return quoted === '' ? "'" : quoted;
      const c = token[0];
      const n = token.length;
      switch (c) {
        case 'y':
          return n === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), n);
        case 'M':
          return n >= 4
            ? MONTH_NAMES[d.getUTCMonth()]
            : n === 3
              ? MONTHS[d.getUTCMonth()]
              : pad(d.getUTCMonth() + 1, n);
        case 'd':
          return pad(d.getUTCDate(), n);
        case 'H':
          return pad(d.getUTCHours(), n);
        case 'h':
          return pad(d.getUTCHours() % 12 || 12, n);
        case 'm':
          return pad(d.getUTCMinutes(), n);
        case 's':
          return pad(d.getUTCSeconds(), n);
        case 'S':
          return pad(d.getUTCMilliseconds(), 3).slice(0, n);
        case 'E':
          return n >= 4 ? DAY_NAMES[d.getUTCDay()] : DAYS[d.getUTCDay()];
        case 'a':
          return d.getUTCHours() < 12 ? 'AM' : 'PM';
        case 'Z':
          return '+0000';
        case 'z':
          return 'GMT';
        case 'X':
          return 'Z';
        default:
          return token;
      }
    }
  );
}

export const DATE_METHODS: MethodTable<ApexDate> = {
  adddays: (_ex, d, [n]) => d.addDays(num(n)),
  addmonths: (_ex, d, [n]) => d.addMonths(num(n)),
  addyears: (_ex, d, [n]) => d.addYears(num(n)),
  day: (_ex, d) => d.day(),
  dayofyear: (_ex, d) => d.dayOfYear(),
  daysbetween: (_ex, d, [other]) => {
    if (!(other instanceof ApexDate)) throw npe();
    return d.daysBetween(other);
  },
  format: (_ex, d) => formatJavaDate(d.days * 86_400_000, 'M/d/yyyy'),
  issameday: (_ex, d, [other]) => other instanceof ApexDate && other.days === d.days,
  month: (_ex, d) => d.month(),
  monthsbetween: (_ex, d, [other]) => {
    if (!(other instanceof ApexDate)) throw npe();
    return (other.year() - d.year()) * 12 + other.month() - d.month();
  },
  tostartofmonth: (_ex, d) => d.toStartOfMonth(),
  tostartofweek: (_ex, d) => d.toStartOfWeek(),
  year: (_ex, d) => d.year(),
  equals: (_ex, d, [other]) => other instanceof ApexDate && other.days === d.days,
  hashcode: (_ex, d) => d.days,
  tostring: (_ex, d) => toText(d)
};

export const DATETIME_METHODS: MethodTable<ApexDatetime> = {
  adddays: (_ex, t, [n]) => t.addDays(num(n)),
  addhours: (_ex, t, [n]) => t.addMilliseconds(num(n) * 3_600_000),
  addminutes: (_ex, t, [n]) => t.addMilliseconds(num(n) * 60_000),
  addseconds: (_ex, t, [n]) => t.addMilliseconds(num(n) * 1000),
  addmonths: (_ex, t, [n]) => t.addMonths(num(n)),
  addyears: (_ex, t, [n]) => t.addMonths(num(n) * 12),
  date: (_ex, t) => t.date(),
  dategmt: (_ex, t) => t.date(),
  day: (_ex, t) => t.day(),
  daygmt: (_ex, t) => t.day(),
  dayofyear: (_ex, t) => t.date().dayOfYear(),
  format: (_ex, t, [pattern]) =>
    formatJavaDate(t.ms, pattern === undefined ? 'M/d/yyyy h:mm a' : String(pattern)),
  formatgmt: (_ex, t, [pattern]) => formatJavaDate(t.ms, String(pattern)),
  formatlong: (_ex, t) => formatJavaDate(t.ms, 'M/d/yyyy h:mm:ss a z'),
  gettime: (_ex, t) => t.ms,
  hour: (_ex, t) => t.hour(),
  hourgmt: (_ex, t) => t.hour(),
  issameday: (_ex, t, [other]) => other instanceof ApexDatetime && other.date().days === t.date().days,
  millisecond: (_ex, t) => t.millisecond(),
  millisecondgmt: (_ex, t) => t.millisecond(),
  minute: (_ex, t) => t.minute(),
  minutegmt: (_ex, t) => t.minute(),
  month: (_ex, t) => t.month(),
  monthgmt: (_ex, t) => t.month(),
  second: (_ex, t) => t.second(),
  secondgmt: (_ex, t) => t.second(),
  time: (_ex, t) => new ApexTime(t.ms - t.date().days * 86_400_000),
  timegmt: (_ex, t) => new ApexTime(t.ms - t.date().days * 86_400_000),
  year: (_ex, t) => t.year(),
  yeargmt: (_ex, t) => t.year(),
  equals: (_ex, t, [other]) => other instanceof ApexDatetime && other.ms === t.ms,
  hashcode: (_ex, t) => t.ms | 0,
  tostring: (_ex, t) => toText(t)
};

export const TIME_METHODS: MethodTable<ApexTime> = {
  addhours: (_ex, t, [n]) => new ApexTime((t.ms + num(n) * 3_600_000) % 86_400_000),
  addminutes: (_ex, t, [n]) => new ApexTime((t.ms + num(n) * 60_000) % 86_400_000),
  hour: (_ex, t) => Math.floor(t.ms / 3_600_000),
  minute: (_ex, t) => Math.floor(t.ms / 60_000) % 60,
  second: (_ex, t) => Math.floor(t.ms / 1000) % 60,
  millisecond: (_ex, t) => t.ms % 1000,
  tostring: (_ex, t) => toText(t)
};
