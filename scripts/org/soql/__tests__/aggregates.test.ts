import { Decimal } from '../../interpret/values/numbers';
import type { SObject } from '../../interpret/values/sobject';
import { ApexDate } from '../../interpret/values/temporal';
import { PlatformError } from '../../platformError';
import { AGGREGATE_RESULT } from '../runQuery';
import { TestOrg } from './support/testOrg';

function plain(row: SObject): Record<string, unknown> {
  return Object.fromEntries(
    row
      .populated()
      .map((slot) => [
        slot.name,
        slot.value instanceof Decimal
          ? slot.value.value
          : slot.value instanceof ApexDate
            ? slot.value.toString()
            : slot.value
      ])
  );
}

describe('aggregate queries', () => {
  let org: TestOrg;

  beforeAll(() => {
    org = new TestOrg();
    const [acme, globex] = org.insert('Account', [
      { Name: 'Acme', Industry: 'Technology' },
      { Name: 'Globex', Industry: 'Retail' }
    ]);
    org.insert('Project__c', [
      {
        Name: 'A',
        Account__c: acme,
        Status__c: 'Active',
        Budget__c: 100,
        Start_Date__c: '2024-01-15',
        Active__c: 1
      },
      {
        Name: 'B',
        Account__c: acme,
        Status__c: 'active',
        Budget__c: 50,
        Start_Date__c: '2024-04-01',
        Active__c: 1
      },
      {
        Name: 'C',
        Account__c: globex,
        Status__c: 'Planned',
        Budget__c: null,
        Start_Date__c: '2024-03-31',
        Active__c: 0
      },
      { Name: 'D', Status__c: 'Done', Budget__c: 25, Start_Date__c: '2023-12-31', Active__c: null },
      {
        Name: 'E',
        Account__c: globex,
        Status__c: 'Planned',
        Budget__c: 10,
        Start_Date__c: '2024-06-30',
        Active__c: 0
      }
    ]);
  });

  afterAll(() => org.close());

  // 'Active' and 'active' are one group, as text compares case-insensitively.
  it('names columns by alias, by field name when grouped, else expr0, expr1 ... over the unaliased functions', () => {
    const rows = org.rows(
      'SELECT Status__c, COUNT(Id), SUM(Budget__c) total, MAX(Start_Date__c), AVG(Budget__c) FROM Project__c ' +
        'GROUP BY Status__c ORDER BY Status__c'
    );
    expect(rows[0].type).toBe(AGGREGATE_RESULT);
    expect(rows[0].retrieved).toBe(true);
    expect(rows.map(plain)).toEqual([
      { Status__c: 'Planned', expr0: 2, total: 10, expr1: '2024-06-30', expr2: 10 },
      { Status__c: 'Active', expr0: 2, total: 150, expr1: '2024-04-01', expr2: 75 },
      { Status__c: 'Done', expr0: 1, total: 25, expr1: '2023-12-31', expr2: 25 }
    ]);
    expect(rows[1].peek('total')).toBeInstanceOf(Decimal);
    expect(rows[0].peek('expr1')).toBeInstanceOf(ApexDate);
  });

  it('groups by relationship paths, read by the field name (and picklists sort in their defined order)', () => {
    const rows = org.rows(
      'SELECT Account__r.Industry, COUNT(Id) n FROM Project__c GROUP BY Account__r.Industry ORDER BY Account__r.Industry NULLS LAST'
    );
    expect(rows.map(plain)).toEqual([
      { Industry: 'Technology', n: 2 },
      { Industry: 'Retail', n: 2 },
      { Industry: null, n: 1 }
    ]);
  });

  it('aggregates without GROUP BY into one row; COUNT counts values, COUNT_DISTINCT distinct ones', () => {
    const rows = org.rows(
      'SELECT COUNT(Id), COUNT(Budget__c), COUNT_DISTINCT(Status__c), MIN(Budget__c), SUM(Budget__c) FROM Project__c WHERE Name != null'
    );
    expect(rows.map(plain)).toEqual([{ expr0: 5, expr1: 4, expr2: 3, expr3: 10, expr4: 185 }]);
  });

  it('filters groups with HAVING and orders and limits them', () => {
    const rows = org.rows(
      'SELECT Account__c, SUM(Budget__c) total FROM Project__c WHERE Account__c != null GROUP BY Account__c ' +
        'HAVING COUNT(Id) > 1 ORDER BY SUM(Budget__c) DESC LIMIT 1'
    );
    expect(rows.map((r) => r.peek('total'))).toEqual([new Decimal(150)]);
    expect(
      org.rows("SELECT Status__c FROM Project__c GROUP BY Status__c HAVING Status__c = 'done'").map(plain)
    ).toEqual([{ Status__c: 'Done' }]);
  });

  it('groups checkboxes with unset values as false', () => {
    const rows = org.rows(
      'SELECT Active__c, COUNT(Id) FROM Project__c GROUP BY Active__c ORDER BY Active__c'
    );
    expect(rows.map(plain)).toEqual([
      { Active__c: false, expr0: 3 },
      { Active__c: true, expr0: 2 }
    ]);
  });

  it('groups by date functions, fiscal ones by the fiscal start month', () => {
    const calendar = org.rows(
      'SELECT CALENDAR_YEAR(Start_Date__c) yr, CALENDAR_QUARTER(Start_Date__c), COUNT(Id) FROM Project__c ' +
        'GROUP BY CALENDAR_YEAR(Start_Date__c), CALENDAR_QUARTER(Start_Date__c) ORDER BY CALENDAR_YEAR(Start_Date__c), CALENDAR_QUARTER(Start_Date__c)'
    );
    expect(calendar.map(plain)).toEqual([
      { yr: 2023, expr0: 4, expr1: 1 },
      { yr: 2024, expr0: 1, expr1: 2 },
      { yr: 2024, expr0: 2, expr1: 2 }
    ]);
    org.fiscalYearStartMonth = 4;
    const fiscal = org.rows(
      'SELECT FISCAL_YEAR(Start_Date__c), FISCAL_QUARTER(Start_Date__c), FISCAL_MONTH(Start_Date__c), COUNT(Id) FROM Project__c ' +
        'GROUP BY FISCAL_YEAR(Start_Date__c), FISCAL_QUARTER(Start_Date__c), FISCAL_MONTH(Start_Date__c) ' +
        'ORDER BY FISCAL_YEAR(Start_Date__c), FISCAL_QUARTER(Start_Date__c), FISCAL_MONTH(Start_Date__c)'
    );
    org.fiscalYearStartMonth = 1;
    // April start, named by the ending year: 2024-03-31 is FY2024 Q4 month 12; 2024-04-01 is FY2025 Q1 month 1.
    expect(fiscal.map(plain)).toEqual([
      { expr0: 2024, expr1: 3, expr2: 9, expr3: 1 },
      { expr0: 2024, expr1: 4, expr2: 10, expr3: 1 },
      { expr0: 2024, expr1: 4, expr2: 12, expr3: 1 },
      { expr0: 2025, expr1: 1, expr2: 1, expr3: 1 },
      { expr0: 2025, expr1: 1, expr2: 3, expr3: 1 }
    ]);
  });

  it('COUNT() returns a number', () => {
    expect(org.run('SELECT COUNT() FROM Project__c')).toEqual({ kind: 'count', count: 5 });
    expect(org.count("SELECT COUNT() FROM Project__c WHERE Status__c = 'planned'")).toBe(2);
    expect(org.count('SELECT COUNT() FROM Project__c LIMIT 3')).toBe(3);
    expect(org.count('SELECT COUNT() FROM Project__c WHERE Budget__c > 1000')).toBe(0);
  });

  it('refuses what the platform refuses', () => {
    const refuse = (soql: string, message: string): void =>
      expect(() => org.run(soql)).toThrow(new PlatformError('System.QueryException', message));
    refuse(
      'SELECT Name, COUNT(Id) FROM Project__c GROUP BY Status__c',
      'Field must be grouped or aggregated: Name'
    );
    refuse('SELECT Name, COUNT(Id) FROM Project__c', 'Field must be grouped or aggregated: Name');
    refuse('SELECT SUM(Name) FROM Project__c', 'field Name does not support aggregate operator SUM');
    refuse(
      'SELECT Budget__c FROM Project__c GROUP BY Budget__c',
      "field 'Budget__c' can not be grouped in a query call"
    );
    refuse('SELECT COUNT(Id) n, SUM(Budget__c) n FROM Project__c', 'duplicate alias: n');
    refuse(
      'SELECT CALENDAR_YEAR(Name) FROM Project__c GROUP BY CALENDAR_YEAR(Name)',
      'field Name does not support date function CALENDAR_YEAR'
    );
    refuse('SELECT COUNT(), Name FROM Project__c', 'COUNT() must be the only element in the SELECT list');
    refuse('SELECT Id FROM Project__c WHERE COUNT(Id) > 1', 'Aggregate function COUNT is not allowed here');
    refuse(
      'SELECT Name FROM Project__c HAVING Name = null',
      'HAVING can only be used in an aggregate query (with GROUP BY or an aggregate function)'
    );
    refuse(
      'SELECT COUNT() FROM Project__c HAVING COUNT(Id) > 1',
      'COUNT() cannot be used with HAVING; use COUNT(fieldName)'
    );
  });
});
