import { ApexDate } from '../../interpret/values/temporal';
import { auditFields, field, idField } from '../../schema/fieldBuilder';
import { OrgSchema } from '../../schema/orgSchema';
import { customObject, TestOrg, testSchema } from './support/testOrg';

/**
 * A query naming a few records by lookup over a long date range must read those records through
 * their index, not the whole range. SQLite's build here keeps no range statistics, so without
 * help it takes the date index whenever a WHERE bounds a date on both sides (on a million
 * opportunities it read thirteen quarters of them for each four owners a job recomputed). The
 * database refreshes a table's statistics whenever it has doubled, and a WHERE that names
 * records by id or lookup keeps its date ranges off their index.
 */
describe('the query planner on a table that has grown', () => {
  let org: TestOrg;
  let sponsors: string[];
  const plans: string[] = [];

  beforeAll(() => {
    org = new TestOrg();
    const [account] = org.insert('Account', [{ Name: 'Acme' }]);
    sponsors = org.insert(
      'User',
      Array.from({ length: 40 }, (_, i) => ({
        Username: `sponsor${i}@example.com`,
        LastName: `Sponsor ${i}`,
        Alias: `s${i}`
      }))
    );
    const start = ApexDate.of(2023, 1, 1);
    org.database.transaction(() =>
      org.insert(
        'Project__c',
        Array.from({ length: 40_000 }, (_, i) => ({
          Name: `Project ${i}`,
          Account__c: account,
          Sponsor__c: sponsors[i % sponsors.length],
          Start_Date__c: start.addDays(i % 730).toString()
        }))
      )
    );
    recordPlans(org, 'Project__c', plans);
  });

  afterAll(() => org.close());

  it('refreshes a table’s statistics as it grows', () => {
    const stat = org.database.sql
      .prepare(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'Project__c' AND idx = 'Project__c_Sponsor__c'`)
      .get() as { stat: string } | undefined;
    // Rows in the table, then rows per sponsor: about a thousand each.
    expect(stat?.stat).toMatch(/^40000 \d+$/);
  });

  it('reads the sponsors named through their index, not the date range', () => {
    const rows = org.records(
      `SELECT Id FROM Project__c WHERE Sponsor__c IN ('${sponsors[0]}', '${sponsors[1]}') AND Start_Date__c >= 2023-01-01 AND Start_Date__c <= 2024-12-31`
    );
    expect(rows).toHaveLength(2_000);
    expect(plans.at(-1)).toMatch(/INDEX Project__c_Sponsor__c/);
  });

  it('reads a keyset page of many sponsors in id order, stopping at its limit', () => {
    const team = sponsors.slice(0, 20).map((id) => `'${id}'`);
    const page = org.records(
      `SELECT Id FROM Project__c WHERE Sponsor__c IN (${team.join(', ')}) ORDER BY Id LIMIT 50`
    );
    expect(plans.at(-1)).not.toMatch(/Project__c_Sponsor__c|TEMP B-TREE/);
    // The same page as the sponsors' index gives, read whole and sorted.
    const all = org.records(`SELECT Id FROM Project__c WHERE Sponsor__c IN (${team.join(', ')})`);
    const inIdOrder = all.map((r) => r.peek('Id') as string).sort();
    expect(page.map((r) => r.peek('Id'))).toEqual(inIdOrder.slice(0, 50));
    const next = org.records(
      `SELECT Id FROM Project__c WHERE Sponsor__c IN (${team.join(', ')}) AND Id > '${page[49].peek('Id') as string}' ORDER BY Id LIMIT 50`
    );
    expect(next.map((r) => r.peek('Id'))).toEqual(inIdOrder.slice(50, 100));
  });

  it('reads a page of one or two sponsors through their index', () => {
    expect(
      org.records(
        `SELECT Id FROM Project__c WHERE Sponsor__c IN ('${sponsors[3]}', '${sponsors[4]}') ORDER BY Id LIMIT 50`
      )
    ).toHaveLength(50);
    expect(plans.at(-1)).toMatch(/INDEX Project__c_Sponsor__c/);
  });

  it('still reads a date range alone through the date index', () => {
    const rows = org.records(
      `SELECT Id FROM Project__c WHERE Start_Date__c >= 2023-01-01 AND Start_Date__c <= 2023-01-10`
    );
    // Ten of the 730 days each start 54 or 55 of the 40,000 projects.
    expect(rows.length).toBeGreaterThan(500);
    expect(plans.at(-1)).toMatch(/INDEX Project__c_Start_Date__c/);
  });
});

/**
 * A text external id that is not case-sensitive is compared ignoring case (SOQL's rule, written
 * COLLATE NOCASE): its index must be NOCASE too, or every such look-up reads the whole table.
 */
describe('a case-insensitive external id', () => {
  const TICKET = customObject('Ticket__c', 'a09', [
    idField(),
    field('Name', 'string', { length: 80, nameField: true }),
    ...auditFields(),
    { ...field('Ref__c', 'string', { length: 40 }), custom: true, externalId: true }
  ]);
  let org: TestOrg;
  const plans: string[] = [];

  beforeAll(() => {
    org = new TestOrg(new OrgSchema([...testSchema().objects(), TICKET]));
    org.database.transaction(() =>
      org.insert(
        'Ticket__c',
        Array.from({ length: 20_000 }, (_, i) => ({ Name: `Ticket ${i}`, Ref__c: `Slice|${i % 400}` }))
      )
    );
    recordPlans(org, 'Ticket__c', plans);
  });

  afterAll(() => org.close());

  it('finds its records in any case through its index', () => {
    expect(org.records(`SELECT Id FROM Ticket__c WHERE Ref__c = 'SLICE|7'`)).toHaveLength(50);
    expect(plans.at(-1)).toMatch(/INDEX Ticket__c_Ref__c_nocase/);
    expect(org.records(`SELECT Id FROM Ticket__c WHERE Ref__c IN ('slice|7', 'Slice|8')`)).toHaveLength(100);
    expect(plans.at(-1)).toMatch(/INDEX Ticket__c_Ref__c_nocase/);
  });
});

/** Every SELECT the engine prepares on the table, planned as SQLite would run it, into `plans`. */
function recordPlans(org: TestOrg, table: string, plans: string[]): void {
  const sql = org.database.sql;
  const prepare = sql.prepare.bind(sql);
  sql.prepare = ((text: string) => {
    if (text.startsWith('SELECT') && text.includes(`"${table}"`)) {
      const params = (text.match(/\?/g) ?? []).map(() => null);
      const plan = prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[];
      plans.push(plan.map((step) => step.detail).join('; '));
    }
    return prepare(text);
  }) as typeof sql.prepare;
}
