import { FormulaError } from '..';
import { compile, evaluate, record } from './formulaFixtures';

describe('blank fields are treated as blanks (validation rules)', () => {
  it('a comparison with a blank number is neither true nor false, so the rule does not fire', () => {
    expect(evaluate('Total__c < 0', { Total__c: null })).toBe(false);
    expect(evaluate('NOT(Total__c >= 0)', { Total__c: null })).toBe(false);
    expect(evaluate('Total__c < 0', { Total__c: -0.01 })).toBe(true);
    expect(evaluate('Total__c < 0', { Total__c: 0 })).toBe(false);
  });

  it('AND is FALSE once an argument is FALSE, OR is TRUE once one is TRUE, whatever the blanks', () => {
    expect(evaluate('AND(Total__c > 0, FALSE)', {})).toBe(false);
    expect(evaluate('NOT(AND(Total__c > 0, FALSE))', {})).toBe(true);
    expect(evaluate('OR(Total__c > 0, TRUE)', {})).toBe(true);
    expect(evaluate('NOT(OR(Total__c > 0, FALSE))', {})).toBe(false);
  });

  it('IF on a blank condition takes the else branch; arithmetic on a blank is blank', () => {
    expect(evaluate('IF(Total__c > 0, "positive", "not known")', {})).toBe('not known');
    expect(evaluate('Total__c * 2', {})).toBeNull();
    expect(evaluate('Due_On__c + 1', {})).toBeNull();
  });

  it('ISBLANK: empty text, no number, no date; zero is a value', () => {
    expect(evaluate('ISBLANK(Name)', { Name: '' })).toBe(true);
    expect(evaluate('ISBLANK(Name)', { Name: null })).toBe(true);
    expect(evaluate('ISBLANK(Name)', { Name: ' ' })).toBe(false);
    expect(evaluate('ISBLANK(Total__c)', { Total__c: null })).toBe(true);
    expect(evaluate('ISBLANK(Total__c)', { Total__c: 0 })).toBe(false);
    expect(evaluate('ISBLANK(Due_On__c)', { Due_On__c: null })).toBe(true);
    expect(evaluate('ISBLANK(Due_On__c)', { Due_On__c: '2026-01-01' })).toBe(false);
  });

  it('text is never null: blank text equals "", and ISNULL of text is FALSE', () => {
    expect(evaluate('Code__c = ""', { Code__c: null })).toBe(true);
    expect(evaluate('ISNULL(Code__c)', { Code__c: null })).toBe(false);
    expect(evaluate('ISNULL(Total__c)', { Total__c: null })).toBe(true);
    expect(evaluate('LEN(Code__c)', { Code__c: null })).toBe(0);
  });

  it('BLANKVALUE replaces a blank, NULLVALUE a null', () => {
    expect(evaluate('BLANKVALUE(Total__c, 0) + 1', {})).toBe(1);
    expect(evaluate('BLANKVALUE(Code__c, "none")', { Code__c: '' })).toBe('none');
    expect(evaluate('NULLVALUE(Due_On__c, DATE(2026, 1, 31))', {})).toBe('2026-01-31');
  });
});

describe('picklists', () => {
  it('ISPICKVAL compares the API value; ISPICKVAL(field, "") tests for blank', () => {
    expect(evaluate('ISPICKVAL(Stage__c, "Paid")', { Stage__c: 'Paid' })).toBe(true);
    expect(evaluate('ISPICKVAL(Stage__c, "paid")', { Stage__c: 'Paid' })).toBe(false);
    expect(evaluate('ISPICKVAL(Stage__c, "")', { Stage__c: null })).toBe(true);
  });

  it('TEXT of a blank picklist is blank', () => {
    expect(evaluate('ISBLANK(TEXT(Stage__c))', { Stage__c: null })).toBe(true);
    expect(evaluate('TEXT(Stage__c)', { Stage__c: null })).toBeNull();
    expect(evaluate('TEXT(Stage__c) & "!"', { Stage__c: 'Sent' })).toBe('Sent!');
  });

  it('CASE matches a picklist by value and falls back to its else result', () => {
    const formula = 'CASE(Stage__c, "Draft", 1, "Sent", 2, 0)';
    expect(evaluate(formula, { Stage__c: 'Sent' })).toBe(2);
    expect(evaluate(formula, { Stage__c: 'Paid' })).toBe(0);
    expect(evaluate(formula, { Stage__c: null })).toBe(0);
  });

  it('INCLUDES reads a multi-select value given as "A;B" or as a list', () => {
    expect(evaluate('INCLUDES(Channels__c, "Post")', { Channels__c: 'Email;Post' })).toBe(true);
    expect(evaluate('INCLUDES(Channels__c, "Post")', { Channels__c: ['Email'] })).toBe(false);
  });
});

describe('REGEX matches the whole text, as Salesforce does', () => {
  const period = 'REGEX(Code__c, "FY[0-9]{4}-Q[1-4]")';
  it.each([
    ['FY2026-Q4', true],
    ['FY2026-Q4x', false],
    ['xFY2026-Q4', false],
    ['FY2026-Q5', false],
    ['', false]
  ])('%j → %s', (code, matches) => {
    expect(evaluate(period, { Code__c: code })).toBe(matches);
  });

  it('reads backslash classes written as \\\\d in the formula', () => {
    expect(evaluate('REGEX(Code__c, "\\\\d{3}")', { Code__c: '123' })).toBe(true);
  });
});

describe('dates, datetimes and times', () => {
  it('compares dates and moves them by days', () => {
    expect(evaluate('Paid_On__c <= Due_On__c', { Due_On__c: '2026-03-01', Paid_On__c: '2026-03-01' })).toBe(
      true
    );
    expect(evaluate('Paid_On__c <= Due_On__c', { Due_On__c: '2026-03-01', Paid_On__c: '2026-03-02' })).toBe(
      false
    );
    expect(evaluate('Due_On__c + 30', { Due_On__c: '2026-02-15' })).toBe('2026-03-17');
    expect(evaluate('Paid_On__c - Due_On__c', { Due_On__c: '2025-12-31', Paid_On__c: '2026-03-01' })).toBe(
      60
    );
  });

  it('TODAY() and NOW() read the given clock, in UTC', () => {
    expect(evaluate('TODAY()')).toBe('2026-03-15');
    expect(evaluate('NOW()')).toBe('2026-03-15T10:30:00.000Z');
    expect(evaluate('Due_On__c < TODAY()', { Due_On__c: '2026-03-14' })).toBe(true);
    expect(evaluate('NOW() - Sent_At__c', { Sent_At__c: '2026-03-14T22:30:00.000Z' })).toBe(0.5);
    expect(evaluate('DATEVALUE(Sent_At__c)', { Sent_At__c: '2026-03-14T23:59:00Z' })).toBe('2026-03-14');
  });

  it('date parts, ADDMONTHS at month ends, DATE refuses a day that does not exist', () => {
    expect(evaluate('YEAR(Due_On__c) * 100 + MONTH(Due_On__c)', { Due_On__c: '2026-02-28' })).toBe(202602);
    expect(evaluate('WEEKDAY(Due_On__c)', { Due_On__c: '2026-03-15' })).toBe(1);
    expect(evaluate('ADDMONTHS(Due_On__c, 1)', { Due_On__c: '2026-01-31' })).toBe('2026-02-28');
    expect(evaluate('ADDMONTHS(Due_On__c, 1)', { Due_On__c: '2026-02-28' })).toBe('2026-03-31');
    expect(evaluate('ADDMONTHS(Due_On__c, 1)', { Due_On__c: '2026-02-14' })).toBe('2026-03-14');
    expect(() => evaluate('DATE(2026, 2, 30)')).toThrow('DATE(2026, 2, 30) is not a calendar date');
  });

  it('converts between text, dates, datetimes and times', () => {
    expect(evaluate('DATEVALUE("2026-02-28")')).toBe('2026-02-28');
    expect(evaluate('DATEVALUE("2026-02-28 23:00:00")')).toBe('2026-02-28');
    expect(evaluate('DATETIMEVALUE("2026-02-28 23:00:00")')).toBe('2026-02-28T23:00:00.000Z');
    expect(evaluate('DATETIMEVALUE(Due_On__c)', { Due_On__c: '2026-02-28' })).toBe(
      '2026-02-28T00:00:00.000Z'
    );
    expect(evaluate('TIMEVALUE(Sent_At__c)', { Sent_At__c: '2026-02-28T07:05:09.250Z' })).toBe(
      '07:05:09.250'
    );
    expect(evaluate('TEXT(Sent_At__c)', { Sent_At__c: '2026-02-28T07:05:09.250Z' })).toBe(
      '2026-02-28 07:05:09Z'
    );
    expect(evaluate('ISBLANK(DATEVALUE(Code__c))', { Code__c: '' })).toBe(true);
    expect(() => evaluate('DATEVALUE("28/02/2026")')).toThrow(
      'DATEVALUE(): "28/02/2026" is not a date (YYYY-MM-DD)'
    );
    expect(() => evaluate('DATETIMEVALUE("noon")')).toThrow('DATETIMEVALUE(): "noon" is not a datetime');
    expect(() => evaluate('TIMEVALUE("25:00")')).toThrow('TIMEVALUE(): "25:00" is not a time');
  });

  it('adds days on either side, and subtracts dates, datetimes and times', () => {
    expect(evaluate('7 + Due_On__c', { Due_On__c: '2026-02-28' })).toBe('2026-03-07');
    expect(evaluate('Due_On__c - 1.9', { Due_On__c: '2026-03-01' })).toBe('2026-02-28');
    expect(evaluate('0.5 + Sent_At__c', { Sent_At__c: '2026-03-01T00:00:00Z' })).toBe(
      '2026-03-01T12:00:00.000Z'
    );
    expect(evaluate('Cutoff__c - TIMEVALUE("17:00:00")', { Cutoff__c: '17:00:01' })).toBe(1000);
    expect(evaluate('SECOND(Cutoff__c) * 1000 + MILLISECOND(Cutoff__c)', { Cutoff__c: '17:00:01.5' })).toBe(
      1500
    );
  });

  it('times are milliseconds since midnight and wrap at midnight', () => {
    expect(evaluate('Cutoff__c + 3600000', { Cutoff__c: '23:30:00.000' })).toBe('00:30:00.000');
    expect(evaluate('HOUR(Cutoff__c) * 60 + MINUTE(Cutoff__c)', { Cutoff__c: '17:45:00' })).toBe(1065);
  });
});

describe('ISNEW, ISCHANGED and PRIORVALUE', () => {
  it('on insert ISNEW is TRUE, ISCHANGED FALSE and PRIORVALUE the current value', () => {
    const values = { Stage__c: 'Sent', Total__c: 5 };
    expect(compile('ISNEW()').evaluate(record(values, { isNew: true }))).toBe(true);
    expect(compile('ISCHANGED(Stage__c)').evaluate(record(values, { isNew: true, prior: {} }))).toBe(false);
    expect(compile('PRIORVALUE(Total__c)').evaluate(record(values, { isNew: true }))).toBe(5);
  });

  it('on update ISCHANGED compares with the prior value; a blank number becoming 0 is a change', () => {
    const changed = (text: string, now: Record<string, unknown>, before: Record<string, unknown>) =>
      compile(text).evaluate(record(now, { prior: before }));
    expect(changed('ISCHANGED(Stage__c)', { Stage__c: 'Paid' }, { Stage__c: 'Sent' })).toBe(true);
    expect(changed('ISCHANGED(Stage__c)', { Stage__c: 'Paid' }, { Stage__c: 'Paid' })).toBe(false);
    expect(changed('ISCHANGED(Name)', { Name: 'a' }, { Name: null })).toBe(true);
    expect(changed('ISCHANGED(Total__c)', { Total__c: 0 }, { Total__c: null })).toBe(true);
    expect(changed('ISCHANGED(Total__c)', { Total__c: null }, { Total__c: 0 })).toBe(true);
    expect(
      changed('ISCHANGED(Channels__c)', { Channels__c: 'Post;Email' }, { Channels__c: 'Email;Post' })
    ).toBe(false);
    expect(changed('ISNEW()', {}, {})).toBe(false);
  });

  it("a rule reads a picklist's old value with ISPICKVAL(PRIORVALUE(field), value)", () => {
    const rule = compile(
      'AND(ISPICKVAL(PRIORVALUE(Stage__c), "Paid"), NOT(ISPICKVAL(Stage__c, "Paid")))',
      'checkbox'
    );
    expect(rule.evaluate(record({ Stage__c: 'Sent' }, { prior: { Stage__c: 'Paid' } }))).toBe(true);
    expect(rule.evaluate(record({ Stage__c: 'Sent' }, { prior: { Stage__c: 'Draft' } }))).toBe(false);
  });
});

describe('text, math and conversions (formulon)', () => {
  it.each([
    ['ROUND(-1.5, 0)', -2],
    ['ROUND(2.345, 2)', 2.35],
    ['CEILING(-2.5)', -3],
    ['FLOOR(-2.5)', -2],
    ['MOD(7, 3)', 1],
    ['MAX(1, 5, 3)', 5],
    ['ABS(-4)', 4],
    ['LEN("abc")', 3],
    ['MID("abcdef", 2, 3)', 'bcd'],
    ['SUBSTITUTE("a-b-c", "-", "+")', 'a+b+c'],
    ['UPPER("abc") & LOWER("DEF")', 'ABCdef'],
    ['LPAD("7", 3, "0")', '007'],
    ['RPAD("ab", 4)', 'ab  '],
    ['FIND("c", "abcabc")', 3],
    ['CONTAINS("abc", "bc")', true],
    ['BEGINS("abc", "ab")', true],
    ['TRIM("  a  ")', 'a'],
    ['VALUE("12.5") + 1', 13.5],
    ['ISNUMBER("1e3")', true],
    ['ISNUMBER("12a")', false],
    ['TEXT(1.5) & "|" & TEXT(DATE(2026, 3, 1))', '1.5|2026-03-01'],
    ['10 - 2 - 3', 5],
    ['2 ^ 10', 1024],
    ['CASESAFEID("001000000000001")', '001000000000001AAA'],
    ['HYPERLINK("/001", "Open")', '<a href="/001">Open</a>'],
    ['"a" & BR() & "b"', 'a\nb']
  ])('%s = %j', (text, result) => {
    expect(evaluate(text)).toEqual(result);
  });

  it.each([
    ['Total__c / Discount__c', { Total__c: 1, Discount__c: 0 }, 'division by zero: Discount__c is 0'],
    ['VALUE(Code__c) > 0', { Code__c: 'abc' }, 'VALUE(): "abc" is not a number'],
    ['MOD(Total__c, 0) > 0', { Total__c: 5 }, 'MOD() has no finite result for these arguments'],
    ['Total__c > 0', { Total__c: '5' }, 'Total__c is Number: expected a number, got "5"'],
    [
      'Due_On__c > TODAY()',
      { Due_On__c: '15/03/2026' },
      'Due_On__c is Date: expected \'YYYY-MM-DD\', got "15/03/2026"'
    ]
  ])('%s with %j fails: %s', (text, values, message) => {
    expect(() => evaluate(text, values)).toThrow(FormulaError);
    expect(() => evaluate(text, values)).toThrow(message);
  });
});

describe('values at the boundary', () => {
  it('gives dates as YYYY-MM-DD, datetimes as ISO-8601, times as HH:mm:ss.SSS, blank text as null', () => {
    expect(evaluate('Due_On__c', { Due_On__c: '2026-03-15' })).toBe('2026-03-15');
    expect(evaluate('Sent_At__c + 1', { Sent_At__c: '2026-03-15T08:00:00Z' })).toBe(
      '2026-03-16T08:00:00.000Z'
    );
    expect(evaluate('TIMEVALUE("08:15:00")')).toBe('08:15:00.000');
    expect(evaluate('Name', { Name: '' })).toBeNull();
    expect(evaluate('Is_Disputed__c', {})).toBe(false);
  });
});
