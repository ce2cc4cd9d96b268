import { join } from 'node:path';
import { editedExport, setField, type Rows } from './helpers/editedExport';
import { id } from './helpers/fixtureIds';
import { FIXTURES, psms } from './helpers/runPsms';

/**
 * No bad value in an export gives a wrong answer: each is refused as `file:line: field: reason`
 * with exit 3, never read leniently, never silently left out of a report. The cases are those
 * an adversarial run got through (issue 16), over the partnerQuarter fixture (reports.test.ts).
 * Its lines: Opportunity.csv has O1 on line 2, O2 on 3, O3 on 4–5 (a two-line name), O4 on 6.
 */

const fixture = join(FIXTURES, 'partnerQuarter');
const TODAY = ['--today', '2026-02-16'];

async function refused(report: string[], dir: string, message: string): Promise<void> {
  const run = await psms([...report, '--data', dir, ...TODAY, '--json']);
  expect(run).toEqual({ code: 3, stdout: '', stderr: `psms: ${message}\n` });
}

async function json(report: string[], dir: string): Promise<unknown> {
  const run = await psms([...report, '--data', dir, ...TODAY, '--json']);
  if (run.code !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** The 15-character form of every 18-character id in the rows (as a report export writes them). */
const shortIds = (rows: Rows): Rows =>
  rows.map((row) => row.map((value) => (/^[0-9A-Za-z]{18}$/.test(value) ? value.slice(0, 15) : value)));

describe('record ids', () => {
  it('an 18- and a 15-character id of the same record are the same record (exports mix them)', async () => {
    // The deals, registrations and targets name opportunities and partners by their 15-character
    // ids, the opportunities and accounts carry 18: the partners must still be found.
    const mixed = editedExport({
      'Partner_Deal__c.csv': shortIds,
      'Deal_Registration__c.csv': shortIds,
      'Partner_Target__c.csv': shortIds
    });
    for (const report of [
      ['forecast', '--period', 'FY2026-Q1'],
      ['hygiene'],
      ['registrations'],
      ['kpis', '--period', 'FY2026-Q1']
    ])
      expect(await json(report, mixed)).toEqual(await json(report, fixture));
  });

  it.each([
    ['x', '"x" is not a record id (15 or 18 letters and digits, not 1)'],
    [
      `${id('006O1').slice(0, 17)}`,
      `"${id('006O1').slice(0, 17)}" is not a record id (15 or 18 letters and digits, not 17)`
    ],
    ['0060000000000O1\0AI', '"0060000000000O1\\u0000AI" is not a record id (only letters and digits)'],
    ['006-000000000O1', '"006-000000000O1" is not a record id (only letters and digits)'],
    [
      // A spreadsheet upper-cased it: the suffix no longer matches the case of the first 15.
      id('006O1').toLowerCase(),
      `"${id('006O1').toLowerCase()}" is not a record id: an 18-character id ending AAA was expected for 0060000000000o1 (was the id's case changed?)`
    ]
  ])('an id of another shape (%j) is refused', async (bad, reason) => {
    const dir = editedExport({ 'Opportunity.csv': setField(id('006O1'), 'Id', bad) });
    await refused(['forecast'], dir, `Opportunity.csv:2: Id: ${reason}`);
  });

  it('an id naming another record is checked too (a partner deal pointing at "x")', async () => {
    const dir = editedExport({ 'Partner_Deal__c.csv': setField(id('a01D1'), 'Opportunity__c', 'x') });
    await refused(
      ['forecast'],
      dir,
      'Partner_Deal__c.csv:2: Opportunity__c: "x" is not a record id (15 or 18 letters and digits, not 1)'
    );
  });
});

describe('duplicated rows', () => {
  const duplicate =
    (copyOf: string, at = 'end' as 'end' | number) =>
    ([header, ...rows]: Rows): Rows => {
      const row = rows.find((r) => r[0] === copyOf) as string[];
      return at === 'end' ? [header, ...rows, row] : [header, ...rows.slice(0, at), row, ...rows.slice(at)];
    };

  it('an opportunity exported twice is refused naming both lines, not counted twice', async () => {
    // O1 on line 2, then 12 lines of rows (O3 takes two): the copy is line 13.
    const dir = editedExport({ 'Opportunity.csv': duplicate(id('006O1')) });
    await refused(
      ['forecast'],
      dir,
      `Opportunity.csv:13: Id: ${id('006O1')} is on line 2 too; each record must appear once (a duplicated row?)`
    );
  });

  it('in any order, and also when one copy has the 15-character id', async () => {
    const dir = editedExport({
      'Partner_Deal__c.csv': ([header, ...rows]) => [
        header,
        ...rows.slice(0, 3),
        rows[0].map((value, i) => (i === 0 ? value.slice(0, 15) : value)),
        ...rows.slice(3)
      ]
    });
    await refused(
      ['forecast'],
      dir,
      `Partner_Deal__c.csv:5: Id: ${id('a01D1')} is on line 2 too; each record must appear once (a duplicated row?)`
    );
  });

  it('a snapshot row twice for the same date and opportunity is refused, not read as two', async () => {
    const dir = editedExport({ 'Opportunity_Snapshot__c.csv': duplicate(id('a07A2'), 3) });
    // Rows: X1 (2), A1 (3), A2 (4), then the copy of A2 on line 5.
    await refused(
      ['changes', '--from', '2026-02-09', '--to', '2026-02-16'],
      dir,
      `Opportunity_Snapshot__c.csv:5: Opportunity_Key__c: ${id('K2')} is on line 4 too with the same Snapshot_Date__c 2026-02-09; each record must appear once (a duplicated row?)`
    );
  });

  it('a field named twice in the header is refused naming both columns, even in another case', async () => {
    const dir = editedExport({
      'Opportunity.csv': ([header, ...rows]) => [[...header, 'AMOUNT'], ...rows.map((row) => [...row, '1'])]
    });
    await refused(
      ['forecast'],
      dir,
      'Opportunity.csv:1: AMOUNT: the header names this field twice, as column 5 (Amount) and column 19 (AMOUNT); field names ignore case'
    );
  });
});

describe('numbers: plain decimals, within their range', () => {
  it.each([
    [
      'forecast',
      'Amount',
      '0x10',
      'is not a decimal number (digits, optionally a minus and a decimal point)'
    ],
    [
      'forecast',
      'Amount',
      '1e308',
      'is not a decimal number (digits, optionally a minus and a decimal point)'
    ],
    ['forecast', 'Amount', ' 5', 'is not a decimal number (digits, optionally a minus and a decimal point)'],
    ['forecast', 'Amount', '1'.repeat(19), 'is too large (at most 18 digits before the decimal point)'],
    ['hygiene', 'Probability', '250', 'is not between 0 and 100'],
    ['hygiene', 'Probability', '-40', 'is not between 0 and 100'],
    ['hygiene', 'PushCount', '1.5', 'is not a whole number'],
    ['hygiene', 'PushCount', '-1', 'is negative']
  ])('%s: Opportunity %s %j is refused', async (report, field, value, reason) => {
    const dir = editedExport({ 'Opportunity.csv': setField(id('006O2'), field, value) });
    await refused([report], dir, `Opportunity.csv:3: ${field}: ${JSON.stringify(value)} ${reason}`);
  });

  it('a negative forecast call is refused', async () => {
    const dir = editedExport({
      'Forecast_Submission__c.csv': setField(id('a06F2'), 'Commit_Call__c', '-90000')
    });
    await refused(
      ['accuracy', '--period', 'FY2026-Q1'],
      dir,
      'Forecast_Submission__c.csv:3: Commit_Call__c: "-90000" is negative'
    );
  });

  it('a blank amount stays blank (SPEC §3: counted as 0 and a hygiene finding), not an error', async () => {
    const dir = editedExport({ 'Opportunity.csv': setField(id('006O2'), 'Amount', '') });
    expect(((await json(['forecast'], dir)) as { total: { commit: number } }).total.commit).toBe(0);
  });
});

describe('dates and datetimes: days and times that exist', () => {
  it.each([
    // In the quarter as text: read as a day of it before.
    ['2026-02-30', 3],
    // Outside it as text: silently left out of the report before.
    ['2026-13-45', 3],
    ['2025-02-29', 3],
    ['0100-01-01', 3]
  ])('CloseDate %s is refused, never read or left out', async (value, line) => {
    const dir = editedExport({ 'Opportunity.csv': setField(id('006O2'), 'CloseDate', value) });
    await refused(
      ['forecast', '--period', 'FY2026-Q1'],
      dir,
      `Opportunity.csv:${line}: CloseDate: "${value}" is not a date YYYY-MM-DD that exists, from 1700-01-01 to 4000-12-31`
    );
  });

  it.each([
    '2026-01-05T25:00:00.000Z',
    '2026-01-05T10:61:00.000Z',
    '2026-01-05T10:00:60Z',
    '2026-01-05T10:00+25:00'
  ])('CreatedDate %s is refused', async (value) => {
    const dir = editedExport({ 'Opportunity.csv': setField(id('006O2'), 'CreatedDate', value) });
    await refused(
      ['hygiene'],
      dir,
      `Opportunity.csv:3: CreatedDate: "${value}" is not an ISO 8601 datetime (YYYY-MM-DDThh:mm:ss, a day and time that exist)`
    );
  });

  it('--today is checked by the same rule as the data', async () => {
    const run = await psms(['hygiene', '--data', fixture, '--today', '2025-02-29']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'psms: hygiene: --today must be a date YYYY-MM-DD that exists, from 1700-01-01 to 4000-12-31, not "2025-02-29"\n'
    });
  });
});

describe("picklists: the package's own values", () => {
  it('a registration status that does not exist is refused, not dropped out of every rule', async () => {
    const dir = editedExport({ 'Deal_Registration__c.csv': setField(id('a02R2'), 'Status__c', 'Banana') });
    await refused(
      ['registrations'],
      dir,
      'Deal_Registration__c.csv:3: Status__c: "Banana" is not a value of the picklist (Draft, Submitted, Approved, Rejected, Needs Review, Converted, Expired, Withdrawn)'
    );
  });

  it('a forecast category the platform does not have is refused', async () => {
    const dir = editedExport({ 'Opportunity.csv': setField(id('006O2'), 'ForecastCategoryName', 'Comit') });
    await refused(
      ['forecast'],
      dir,
      'Opportunity.csv:3: ForecastCategoryName: "Comit" is not a value of the picklist (Pipeline, Best Case, Commit, Closed, Omitted)'
    );
  });

  it('a product line from the global value set Product_Line', async () => {
    const dir = editedExport({
      'Deal_Registration__c.csv': setField(id('a02R1'), 'Product_Line__c', 'Storage')
    });
    await refused(
      ['registrations'],
      dir,
      'Deal_Registration__c.csv:2: Product_Line__c: "Storage" is not a value of the picklist (Platform, Analytics, Security, Integration, Services)'
    );
  });

  it('an unrestricted picklist (Partner_Region__c, which admins extend) takes any value', async () => {
    const dir = editedExport({ 'Account.csv': setField(id('001P1'), 'Partner_Region__c', 'Nordics') });
    const regions = (await json(['forecast', '--by', 'region'], dir)) as { groups: { key: string }[] };
    expect(regions.groups.map((g) => g.key)).toContain('Nordics');
  });
});

describe('the scope of a report is tested on valid values only', () => {
  it.each([
    ['hygiene', 'IsClosed', 'maybe', 'is not true or false'],
    ['forecast', 'IsWon', 'yes', 'is not true or false']
  ])('%s: %s %j is refused, not read as out of scope', async (report, field, value, reason) => {
    const dir = editedExport({ 'Opportunity.csv': setField(id('006O2'), field, value) });
    await refused([report], dir, `Opportunity.csv:3: ${field}: ${JSON.stringify(value)} ${reason}`);
  });

  it('a partner deal whose Is_Primary__c is no boolean is refused, not taken as not primary', async () => {
    const dir = editedExport({ 'Partner_Deal__c.csv': setField(id('a01D1'), 'Is_Primary__c', 'yes') });
    await refused(['forecast'], dir, 'Partner_Deal__c.csv:2: Is_Primary__c: "yes" is not true or false');
  });
});
