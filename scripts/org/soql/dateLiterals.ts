import { ApexDate } from '../interpret/values/temporal';

/**
 * SOQL's relative date literals (TODAY, LAST_WEEK, NEXT_N_MONTHS:3, THIS_FISCAL_QUARTER ...) as
 * the range of days each names on a given day. Weeks start on Sunday (en_US), users work in
 * GMT, and the fiscal year starts in the org's fiscal start month and is named by the calendar
 * year it ends in, as in an org using the standard fiscal year.
 */
export interface DayRange {
  first: ApexDate;
  last: ApexDate;
}

export interface Calendar {
  today: ApexDate;
  fiscalYearStartMonth: number;
}

type Unit = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR' | 'FISCAL_QUARTER' | 'FISCAL_YEAR';

const UNITS = 'DAY|WEEK|MONTH|QUARTER|YEAR|FISCAL_QUARTER|FISCAL_YEAR';
const RELATIVE = new RegExp(`^(THIS|LAST|NEXT)_(${UNITS})$`);
const COUNTED = new RegExp(`^(LAST|NEXT)_N_(${UNITS})S$`);
const AGO = new RegExp(`^N_(${UNITS})S_AGO$`);
const NAMED: Readonly<Record<string, [Unit, 'THIS' | 'LAST' | 'NEXT' | 'LAST_N' | 'NEXT_N', number]>> = {
  YESTERDAY: ['DAY', 'LAST', 1],
  TODAY: ['DAY', 'THIS', 1],
  TOMORROW: ['DAY', 'NEXT', 1],
  LAST_90_DAYS: ['DAY', 'LAST_N', 90],
  NEXT_90_DAYS: ['DAY', 'NEXT_N', 90]
};

/** 'plain' for TODAY-like literals, 'counted' for those written with `:n`, null when not a date literal. */
export function dateLiteralKind(upper: string): 'plain' | 'counted' | null {
  if (NAMED[upper] || (RELATIVE.test(upper) && !upper.endsWith('_DAY'))) return 'plain';
  if (COUNTED.test(upper) || AGO.test(upper)) return 'counted';
  return null;
}

export function dateLiteralRange(name: string, n: number | undefined, calendar: Calendar): DayRange {
  const upper = name.toUpperCase();
  const named = NAMED[upper];
  if (named) return periods(named[0], named[1], named[2], calendar);
  const relative = RELATIVE.exec(upper);
  if (relative) return periods(relative[2] as Unit, relative[1] as 'THIS' | 'LAST' | 'NEXT', 1, calendar);
  const counted = COUNTED.exec(upper);
  if (counted)
    return periods(counted[2] as Unit, counted[1] === 'LAST' ? 'LAST_N' : 'NEXT_N', n ?? 0, calendar);
  const ago = AGO.exec(upper);
  if (ago) {
    const unit = ago[1] as Unit;
    const start = shift(startOf(unit, calendar.today, calendar), unit, -(n ?? 0));
    return { first: start, last: shift(start, unit, 1).addDays(-1) };
  }
  throw new Error(`not a date literal: ${name}`);
}

function periods(
  unit: Unit,
  which: 'THIS' | 'LAST' | 'NEXT' | 'LAST_N' | 'NEXT_N',
  n: number,
  calendar: Calendar
): DayRange {
  const start = startOf(unit, calendar.today, calendar);
  switch (which) {
    case 'THIS':
      return { first: start, last: shift(start, unit, 1).addDays(-1) };
    case 'LAST':
      return { first: shift(start, unit, -1), last: start.addDays(-1) };
    case 'NEXT':
      return { first: shift(start, unit, 1), last: shift(start, unit, 2).addDays(-1) };
    case 'LAST_N':
      // LAST_N_DAYS:n includes today (n + 1 days); the longer units end with the previous period.
      return unit === 'DAY'
        ? { first: start.addDays(-n), last: start }
        : { first: shift(start, unit, -n), last: start.addDays(-1) };
    case 'NEXT_N':
      return { first: shift(start, unit, 1), last: shift(start, unit, n + 1).addDays(-1) };
  }
}

function startOf(unit: Unit, day: ApexDate, calendar: Calendar): ApexDate {
  switch (unit) {
    case 'DAY':
      return day;
    case 'WEEK':
      return day.toStartOfWeek();
    case 'MONTH':
      return day.toStartOfMonth();
    case 'QUARTER':
      return day.toStartOfMonth().addMonths(-((day.month() - 1) % 3));
    case 'YEAR':
      return ApexDate.of(day.year(), 1, 1);
    case 'FISCAL_QUARTER':
      return day.toStartOfMonth().addMonths(-(fiscalMonthIndex(day, calendar.fiscalYearStartMonth) % 3));
    case 'FISCAL_YEAR':
      return day.toStartOfMonth().addMonths(-fiscalMonthIndex(day, calendar.fiscalYearStartMonth));
  }
}

function shift(start: ApexDate, unit: Unit, count: number): ApexDate {
  switch (unit) {
    case 'DAY':
      return start.addDays(count);
    case 'WEEK':
      return start.addDays(7 * count);
    case 'MONTH':
      return start.addMonths(count);
    case 'QUARTER':
    case 'FISCAL_QUARTER':
      return start.addMonths(3 * count);
    case 'YEAR':
    case 'FISCAL_YEAR':
      return start.addMonths(12 * count);
  }
}

/** Months since the start of the fiscal year the day falls in (0–11). */
export function fiscalMonthIndex(day: ApexDate, fiscalYearStartMonth: number): number {
  return (day.month() - fiscalYearStartMonth + 12) % 12;
}
