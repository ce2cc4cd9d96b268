import { cadenceFor } from '../cadence';
import { fiscalPeriodOf, nextPeriod, parsePeriod, weekOfQuarter } from '../calendar';
import { addDays, daysBetween, fromDay, toDay, toInstant, utcDateOf } from '../dates';
import { DEFAULT_SETTINGS, withSettings } from '../settings';

describe('dates are calendar dates', () => {
  it('counts days since 1970-01-01 with no time zone', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('2000-03-01')).toBe(11017);
    expect(fromDay(11017)).toBe('2000-03-01');
  });
  it('handles leap years (2024 and 2000 leap, 1900 and 2100 not)', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
  it('counts a datetime as its UTC calendar date', () => {
    expect(utcDateOf('2026-03-31T23:30:00.000Z')).toBe('2026-03-31');
    expect(utcDateOf('2026-03-31T23:30:00.000-02:00')).toBe('2026-04-01');
    expect(utcDateOf('2026-04-01T01:00:00+0200')).toBe('2026-03-31');
    expect(utcDateOf('2026-04-01')).toBe('2026-04-01');
  });
  it('reads instants with offsets and fractions', () => {
    expect(toInstant('1970-01-02T00:00:00.500Z')).toBe(86_400_500);
    expect(toInstant('1970-01-01T01:00+01:00')).toBe(0);
  });
  it('rejects text that is not a date', () => {
    expect(() => toDay('31/03/2026')).toThrow(RangeError);
    expect(() => toDay('2026-0x-01')).toThrow(RangeError);
    expect(() => toInstant('2026-01-01T00:00:00 UTC')).toThrow(RangeError);
  });
});

describe('Fiscal quarter', () => {
  it('with start month January, FY equals the calendar year', () => {
    expect(fiscalPeriodOf('2026-02-15')).toEqual({
      label: 'FY2026-Q1',
      fiscalYear: 2026,
      quarter: 1,
      start: '2026-01-01',
      end: '2026-03-31'
    });
    expect(fiscalPeriodOf('2026-12-31').label).toBe('FY2026-Q4');
  });
  it('is named by the calendar year in which the fiscal year ends (start February)', () => {
    expect(fiscalPeriodOf('2026-02-01', 2)).toMatchObject({
      label: 'FY2027-Q1',
      start: '2026-02-01',
      end: '2026-04-30'
    });
    expect(fiscalPeriodOf('2027-01-31', 2)).toMatchObject({
      label: 'FY2027-Q4',
      start: '2026-11-01',
      end: '2027-01-31'
    });
    expect(fiscalPeriodOf('2026-01-31', 2).label).toBe('FY2026-Q4');
  });
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'start month %i: quarters start on months start, +3, +6, +9',
    (start) => {
      const first = parsePeriod('FY2030-Q1', start);
      expect(first.start.slice(5)).toBe(`${String(start).padStart(2, '0')}-01`);
      let period = first;
      for (let q = 2; q <= 4; q++) {
        period = nextPeriod(period, start);
        expect(period.label).toBe(`FY2030-Q${q}`);
        expect(daysBetween(first.start, period.start)).toBeGreaterThan(0);
      }
      expect(nextPeriod(period, start).label).toBe('FY2031-Q1');
      // Every day of the year maps back into the quarter that contains it.
      expect(fiscalPeriodOf(first.start, start).label).toBe('FY2030-Q1');
      expect(fiscalPeriodOf(period.end, start).label).toBe('FY2030-Q4');
    }
  );
  it('covers Q1 of a leap year with February 29', () => {
    expect(parsePeriod('FY2028-Q1')).toMatchObject({ start: '2028-01-01', end: '2028-03-31' });
    expect(parsePeriod('FY2028-Q4', 12)).toMatchObject({ start: '2028-09-01', end: '2028-11-30' });
    expect(parsePeriod('FY2028-Q1', 12)).toMatchObject({ start: '2027-12-01', end: '2028-02-29' });
  });
  it('rejects bad labels and start months', () => {
    expect(() => parsePeriod('2026-Q1')).toThrow(RangeError);
    expect(() => fiscalPeriodOf('2026-01-01', 13)).toThrow(RangeError);
  });
});

describe('Week of quarter', () => {
  it('is floor(days since quarter start ÷ 7) + 1', () => {
    expect(weekOfQuarter('2026-01-01')).toBe(1);
    expect(weekOfQuarter('2026-01-07')).toBe(1);
    expect(weekOfQuarter('2026-01-08')).toBe(2);
  });
  it('caps at 13: days 92 and later of a 92-day quarter fall in week 13', () => {
    // FY2026-Q3 (Jul–Sep) has 92 days; day 85 (Sep 23) starts week 13, day 92 is Sep 30.
    expect(weekOfQuarter('2026-09-23')).toBe(13);
    expect(weekOfQuarter('2026-09-30')).toBe(13);
    expect(weekOfQuarter('2026-09-22')).toBe(12);
  });
});

describe('Cadence', () => {
  const names = (date: string) => cadenceFor(date, DEFAULT_SETTINGS).meetings.map((m) => m.name);
  it('week 1: team call, forecast 1:1 and CEO/CFO roll-up', () => {
    expect(cadenceFor('2026-04-01', DEFAULT_SETTINGS)).toMatchObject({ period: 'FY2026-Q2', week: 1 });
    expect(names('2026-04-01')).toEqual([
      'Weekly Partner Team Call',
      'Partner Forecast & Acquisition 1:1',
      'CEO/CFO Forecast Roll-Up'
    ]);
  });
  it('weeks 3, 8, 10 and 13', () => {
    expect(names('2026-01-15')).toEqual([
      'Weekly Partner Team Call',
      'Partner Pipeline & Account Planning 1:1'
    ]);
    expect(names('2026-02-19')).toEqual(['Weekly Partner Team Call', 'MBR (Monthly Business Review)']);
    expect(names('2026-03-05')).toEqual(['Weekly Partner Team Call', 'ELT Meeting']);
    expect(names('2026-03-31')).toEqual(['Weekly Partner Team Call', 'QBR (Quarterly Business Review)']);
  });
  it('is data: a custom table and fiscal start are honoured', () => {
    const settings = withSettings({
      fiscalYearStartMonth: 2,
      cadence: [{ name: 'Deal desk', weeks: [2], audience: 'ops', agenda: 'deals' }]
    });
    expect(cadenceFor('2026-02-09', settings)).toEqual({
      period: 'FY2027-Q1',
      week: 2,
      meetings: [{ name: 'Deal desk', audience: 'ops', agenda: 'deals' }]
    });
  });
});
