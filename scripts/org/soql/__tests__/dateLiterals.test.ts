import { ApexDate } from '../../interpret/values/temporal';
import { dateLiteralKind, dateLiteralRange } from '../dateLiterals';

function range(literal: string, today: string, fiscalYearStartMonth = 1): string {
  const [name, n] = literal.split(':');
  const day = ApexDate.parse(today) as ApexDate;
  const { first, last } = dateLiteralRange(name, n === undefined ? undefined : Number(n), {
    today: day,
    fiscalYearStartMonth
  });
  return `${first.toString()}..${last.toString()}`;
}

describe('date literals: the days each names', () => {
  // 2024-05-15 is a Wednesday; weeks start on Sunday.
  const today = '2024-05-15';

  it('days', () => {
    expect(range('TODAY', today)).toBe('2024-05-15..2024-05-15');
    expect(range('YESTERDAY', today)).toBe('2024-05-14..2024-05-14');
    expect(range('TOMORROW', today)).toBe('2024-05-16..2024-05-16');
    expect(range('YESTERDAY', '2024-03-01')).toBe('2024-02-29..2024-02-29');
  });

  it('LAST_N_DAYS includes today; NEXT_N_DAYS starts tomorrow; N_DAYS_AGO is one day', () => {
    expect(range('LAST_N_DAYS:7', today)).toBe('2024-05-08..2024-05-15');
    expect(range('LAST_90_DAYS', today)).toBe('2024-02-15..2024-05-15');
    expect(range('NEXT_N_DAYS:3', today)).toBe('2024-05-16..2024-05-18');
    expect(range('NEXT_90_DAYS', today)).toBe('2024-05-16..2024-08-13');
    expect(range('N_DAYS_AGO:3', today)).toBe('2024-05-12..2024-05-12');
  });

  it('weeks start on Sunday', () => {
    expect(range('THIS_WEEK', today)).toBe('2024-05-12..2024-05-18');
    expect(range('LAST_WEEK', today)).toBe('2024-05-05..2024-05-11');
    expect(range('NEXT_WEEK', today)).toBe('2024-05-19..2024-05-25');
    expect(range('THIS_WEEK', '2024-05-12')).toBe('2024-05-12..2024-05-18');
    expect(range('LAST_N_WEEKS:2', today)).toBe('2024-04-28..2024-05-11');
    expect(range('NEXT_N_WEEKS:2', today)).toBe('2024-05-19..2024-06-01');
    expect(range('N_WEEKS_AGO:1', today)).toBe('2024-05-05..2024-05-11');
  });

  it('months, around month ends', () => {
    expect(range('THIS_MONTH', today)).toBe('2024-05-01..2024-05-31');
    expect(range('LAST_MONTH', '2024-03-31')).toBe('2024-02-01..2024-02-29');
    expect(range('NEXT_MONTH', '2024-01-31')).toBe('2024-02-01..2024-02-29');
    expect(range('LAST_N_MONTHS:2', today)).toBe('2024-03-01..2024-04-30');
    expect(range('NEXT_N_MONTHS:2', today)).toBe('2024-06-01..2024-07-31');
    expect(range('N_MONTHS_AGO:12', today)).toBe('2023-05-01..2023-05-31');
  });

  it('quarters, on either side of a quarter boundary', () => {
    expect(range('THIS_QUARTER', '2024-03-31')).toBe('2024-01-01..2024-03-31');
    expect(range('THIS_QUARTER', '2024-04-01')).toBe('2024-04-01..2024-06-30');
    expect(range('LAST_QUARTER', '2024-04-01')).toBe('2024-01-01..2024-03-31');
    expect(range('NEXT_QUARTER', '2024-03-31')).toBe('2024-04-01..2024-06-30');
    expect(range('LAST_QUARTER', '2024-01-15')).toBe('2023-10-01..2023-12-31');
    expect(range('NEXT_N_QUARTERS:2', today)).toBe('2024-07-01..2024-12-31');
    expect(range('LAST_N_QUARTERS:2', today)).toBe('2023-10-01..2024-03-31');
    expect(range('N_QUARTERS_AGO:1', today)).toBe('2024-01-01..2024-03-31');
  });

  it('years', () => {
    expect(range('THIS_YEAR', today)).toBe('2024-01-01..2024-12-31');
    expect(range('LAST_YEAR', today)).toBe('2023-01-01..2023-12-31');
    expect(range('NEXT_N_YEARS:2', today)).toBe('2025-01-01..2026-12-31');
    expect(range('LAST_N_YEARS:1', today)).toBe('2023-01-01..2023-12-31');
    expect(range('N_YEARS_AGO:2', today)).toBe('2022-01-01..2022-12-31');
  });

  it('fiscal quarters and years follow the fiscal start month, named by the year they end in', () => {
    // A fiscal year starting in February: Q1 is Feb-Apr, Q4 is Nov-Jan.
    expect(range('THIS_FISCAL_QUARTER', '2024-01-31', 2)).toBe('2023-11-01..2024-01-31');
    expect(range('THIS_FISCAL_QUARTER', '2024-02-01', 2)).toBe('2024-02-01..2024-04-30');
    expect(range('LAST_FISCAL_QUARTER', '2024-02-01', 2)).toBe('2023-11-01..2024-01-31');
    expect(range('NEXT_FISCAL_QUARTER', '2024-01-31', 2)).toBe('2024-02-01..2024-04-30');
    expect(range('THIS_FISCAL_YEAR', '2024-01-31', 2)).toBe('2023-02-01..2024-01-31');
    expect(range('THIS_FISCAL_YEAR', '2024-02-01', 2)).toBe('2024-02-01..2025-01-31');
    expect(range('LAST_FISCAL_YEAR', '2024-02-01', 2)).toBe('2023-02-01..2024-01-31');
    expect(range('NEXT_N_FISCAL_QUARTERS:2', '2024-02-01', 2)).toBe('2024-05-01..2024-10-31');
    expect(range('LAST_N_FISCAL_YEARS:1', '2024-02-01', 2)).toBe('2023-02-01..2024-01-31');
    expect(range('N_FISCAL_QUARTERS_AGO:1', '2024-02-01', 2)).toBe('2023-11-01..2024-01-31');
    expect(range('THIS_FISCAL_QUARTER', '2024-05-15', 1)).toBe(range('THIS_QUARTER', '2024-05-15'));
  });

  it('knows which words are date literals', () => {
    expect(dateLiteralKind('TODAY')).toBe('plain');
    expect(dateLiteralKind('THIS_FISCAL_YEAR')).toBe('plain');
    expect(dateLiteralKind('LAST_N_FISCAL_QUARTERS')).toBe('counted');
    expect(dateLiteralKind('N_WEEKS_AGO')).toBe('counted');
    expect(dateLiteralKind('THIS_DAY')).toBeNull();
    expect(dateLiteralKind('LAST_N_DAY')).toBeNull();
    expect(dateLiteralKind('NAME')).toBeNull();
  });
});
