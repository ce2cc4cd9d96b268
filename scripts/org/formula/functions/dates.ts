import { FormulaError } from '../formulaTypes';
import { DAY_MS, dayOf, type Value } from '../formulaValues';
import { plainFunction, type FormulaFunction } from './formulaFunction';

/**
 * Date, datetime and time functions, in UTC (the SPEC's calendar: a datetime counts as its UTC
 * date). Dates are day numbers, so TODAY() - Approved_On__c is a number of days.
 */
function parts(day: number): Date {
  return new Date(day * DAY_MS);
}

const datePart = (read: (date: Date) => number): FormulaFunction =>
  plainFunction({ params: [['date']], returns: 'number', run: ([day]) => read(parts(day as number)) });

const timePart = (unitMs: number, modulo: number): FormulaFunction =>
  plainFunction({
    params: [['time']],
    returns: 'number',
    run: ([ms]) => Math.floor((ms as number) / unitMs) % modulo
  });

const date = plainFunction({
  params: [['number'], ['number'], ['number']],
  returns: 'date',
  run([year, month, day]) {
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const result = [year, month, day].every(Number.isInteger) ? dayOf(iso) : null;
    if (result === null) throw new FormulaError(`DATE(${year}, ${month}, ${day}) is not a calendar date`);
    return result;
  }
});

/** ADDMONTHS keeps the day, except that a month's last day (or a day the new month lacks) becomes the new month's last day. */
const addMonths = plainFunction({
  params: [['date'], ['number']],
  returns: 'date',
  run([day, months]) {
    const start = parts(day as number);
    const year = start.getUTCFullYear();
    const month = start.getUTCMonth() + Math.trunc(months as number);
    const lastOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const lastOfStart = new Date(Date.UTC(year, start.getUTCMonth() + 1, 0)).getUTCDate();
    const target =
      start.getUTCDate() === lastOfStart ? lastOfTarget : Math.min(start.getUTCDate(), lastOfTarget);
    return Date.UTC(year, month, target) / DAY_MS;
  }
});

function parseDatetime(text: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text.trim()
  );
  if (!match || dayOf(match[1]) === null) return null;
  const ms = Date.parse(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`);
  return Number.isNaN(ms) ? null : ms;
}

const dateValue = plainFunction({
  params: [['text', 'datetime']],
  returns: 'date',
  run([input], [type]) {
    if (type === 'datetime') return Math.floor((input as number) / DAY_MS);
    const text = (input as string).trim();
    if (text === '') return null;
    const instant = parseDatetime(text);
    const day = dayOf(text) ?? (instant === null ? null : Math.floor(instant / DAY_MS));
    if (day === null)
      throw new FormulaError(`DATEVALUE(): ${JSON.stringify(text)} is not a date (YYYY-MM-DD)`);
    return day;
  }
});

const datetimeValue = plainFunction({
  params: [['text', 'date']],
  returns: 'datetime',
  run([input], [type]) {
    if (type === 'date') return (input as number) * DAY_MS;
    const text = (input as string).trim();
    if (text === '') return null;
    const day = dayOf(text);
    const ms = day === null ? parseDatetime(text) : day * DAY_MS;
    if (ms === null)
      throw new FormulaError(
        `DATETIMEVALUE(): ${JSON.stringify(text)} is not a datetime (YYYY-MM-DD HH:mm:ss, GMT)`
      );
    return ms;
  }
});

const timeValue = plainFunction({
  params: [['text', 'datetime']],
  returns: 'time',
  run([input], [type]): Value {
    if (type === 'datetime') return (input as number) % DAY_MS;
    const text = (input as string).trim();
    if (text === '') return null;
    const ms = parseDatetime(`1970-01-01T${text.replace(/Z$/, '')}`);
    if (ms === null)
      throw new FormulaError(`TIMEVALUE(): ${JSON.stringify(text)} is not a time (HH:mm:ss.SSS)`);
    return ms;
  }
});

export const DATE_FUNCTIONS: Readonly<Record<string, FormulaFunction>> = {
  TODAY: plainFunction({
    params: [],
    returns: 'date',
    run: (_v, _t, scope) => Math.floor(scope.now().getTime() / DAY_MS)
  }),
  NOW: plainFunction({ params: [], returns: 'datetime', run: (_v, _t, scope) => scope.now().getTime() }),
  TIMENOW: plainFunction({
    params: [],
    returns: 'time',
    run: (_v, _t, scope) => scope.now().getTime() % DAY_MS
  }),
  DATE: date,
  YEAR: datePart((d) => d.getUTCFullYear()),
  MONTH: datePart((d) => d.getUTCMonth() + 1),
  DAY: datePart((d) => d.getUTCDate()),
  WEEKDAY: datePart((d) => d.getUTCDay() + 1),
  ADDMONTHS: addMonths,
  DATEVALUE: dateValue,
  DATETIMEVALUE: datetimeValue,
  TIMEVALUE: timeValue,
  HOUR: timePart(3_600_000, 24),
  MINUTE: timePart(60_000, 60),
  SECOND: timePart(1000, 60),
  MILLISECOND: timePart(1, 1000)
};
