import { civilOf, dayNumberOf, fromDay, toDay } from './dates';
import type { IsoDate } from './records';

/**
 * The fiscal calendar of SPEC §1: quarters start on the first day of the months start,
 * start+3, start+6, start+9; the fiscal year is named by the calendar year in which it ends.
 */

export interface FiscalPeriod {
  /** e.g. `FY2027-Q1`. */
  label: string;
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  /** First day of the quarter. */
  start: IsoDate;
  /** Last day of the quarter. */
  end: IsoDate;
}

const WEEKS_PER_QUARTER = 13;

function assertStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`Fiscal year start month must be 1–12, not ${startMonth}`);
  }
}

/** First day of the month `monthOffset` months after year/month (month 1–12). */
function monthStart(year: number, month: number, monthOffset: number): number {
  const index = year * 12 + (month - 1) + monthOffset;
  return dayNumberOf(Math.floor(index / 12), (index % 12) + 1, 1);
}

function periodFrom(fiscalYear: number, quarter: 1 | 2 | 3 | 4, startMonth: number): FiscalPeriod {
  // A fiscal year that starts in January ends in the same calendar year; any other ends in the next.
  const startYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const start = monthStart(startYear, startMonth, (quarter - 1) * 3);
  const end = monthStart(startYear, startMonth, quarter * 3) - 1;
  return {
    label: `FY${fiscalYear}-Q${quarter}`,
    fiscalYear,
    quarter,
    start: fromDay(start),
    end: fromDay(end)
  };
}

/** The fiscal quarter that contains `date`. */
export function fiscalPeriodOf(date: IsoDate, startMonth = 1): FiscalPeriod {
  assertStartMonth(startMonth);
  const { year, month } = civilOf(toDay(date));
  const monthsIntoYear = (month - startMonth + 12) % 12;
  const startYear = month >= startMonth ? year : year - 1;
  const fiscalYear = startMonth === 1 ? startYear : startYear + 1;
  const quarter = (Math.floor(monthsIntoYear / 3) + 1) as 1 | 2 | 3 | 4;
  return periodFrom(fiscalYear, quarter, startMonth);
}

/** The quarter named by a label such as `FY2027-Q1`. */
export function parsePeriod(label: string, startMonth = 1): FiscalPeriod {
  assertStartMonth(startMonth);
  const match = /^FY(\d{4})-Q([1-4])$/.exec(label.trim());
  if (!match) {
    throw new RangeError(`Not a fiscal period label (FYyyyy-Qn): "${label}"`);
  }
  return periodFrom(Number(match[1]), Number(match[2]) as 1 | 2 | 3 | 4, startMonth);
}

/** The quarter after `period`. */
export function nextPeriod(period: FiscalPeriod, startMonth = 1): FiscalPeriod {
  return fiscalPeriodOf(fromDay(toDay(period.end) + 1), startMonth);
}

/** The quarter before `period`. */
export function previousPeriod(period: FiscalPeriod, startMonth = 1): FiscalPeriod {
  return fiscalPeriodOf(fromDay(toDay(period.start) - 1), startMonth);
}

/** First and last day of week `week` (1–13) of a quarter; week 13 runs to the quarter's last day. */
export function weekDates(period: FiscalPeriod, week: number): { start: IsoDate; end: IsoDate } {
  if (!Number.isInteger(week) || week < 1 || week > WEEKS_PER_QUARTER) {
    throw new RangeError(`Week of quarter must be 1–13, not ${week}`);
  }
  const start = toDay(period.start) + (week - 1) * 7;
  return {
    start: fromDay(start),
    end: week === WEEKS_PER_QUARTER ? period.end : fromDay(start + 6)
  };
}

/** The fiscal year `fiscalYear` (named by the year it ends): its first and last day. */
export function fiscalYearDates(fiscalYear: number, startMonth = 1): { start: IsoDate; end: IsoDate } {
  return {
    start: periodFrom(fiscalYear, 1, startMonth).start,
    end: periodFrom(fiscalYear, 4, startMonth).end
  };
}

/** Week of the quarter: floor(days since quarter start ÷ 7) + 1, capped at 13. */
export function weekOfQuarter(date: IsoDate, startMonth = 1): number {
  const period = fiscalPeriodOf(date, startMonth);
  const week = Math.floor((toDay(date) - toDay(period.start)) / 7) + 1;
  return Math.min(week, WEEKS_PER_QUARTER);
}
