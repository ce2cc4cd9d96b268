import { ApexDate } from '../../interpret/values/temporal';
import { TestOrg } from './support/testOrg';

/**
 * The engine's cost on a 50,000-row table: a date-range query with ORDER BY, returning one
 * quarter of the rows and returning all of them (SQL, plus building the SObjects). The bound
 * is loose because the machine is shared; the figures are what matters (printed).
 */
describe('SOQL on a 50,000-row table', () => {
  let org: TestOrg;

  beforeAll(() => {
    org = new TestOrg();
    const [account] = org.insert('Account', [{ Name: 'Acme' }]);
    const start = ApexDate.of(2023, 1, 1);
    org.database.transaction(() =>
      org.insert(
        'Project__c',
        Array.from({ length: 50_000 }, (_, i) => ({
          Name: `Project ${i}`,
          Account__c: i % 2 === 0 ? account : null,
          Status__c: ['Planned', 'Active', 'Done'][i % 3],
          Budget__c: (i * 37) % 10_000,
          // Two years of start dates, in no particular order.
          Start_Date__c: start.addDays((i * 7919) % 730).toString(),
          Active__c: i % 2
        }))
      )
    );
  });

  afterAll(() => org.close());

  function timed(soql: string): { ms: number; rows: number } {
    org.records(soql); // warm the statement cache, as a second call from Apex would
    const began = performance.now();
    const rows = org.records(soql).length;
    return { ms: performance.now() - began, rows };
  }

  it('a quarter of start dates, ordered, with a parent field', () => {
    org.bind({ from: ApexDate.of(2024, 1, 1), to: ApexDate.of(2024, 3, 31) });
    const quarter = timed(
      "SELECT Id, Name, Budget__c, Start_Date__c, Account__r.Name FROM Project__c WHERE Start_Date__c >= :from AND Start_Date__c <= :to AND Status__c != 'Done' ORDER BY Start_Date__c DESC, Name"
    );
    const all = timed(
      'SELECT Id, Name, Budget__c, Start_Date__c, Status__c FROM Project__c WHERE Start_Date__c >= 2023-01-01 AND Start_Date__c <= 2024-12-31 ORDER BY Start_Date__c, Name'
    );
    process.stdout.write(
      `SOQL bench (50,000 rows): quarter ${quarter.rows} rows in ${quarter.ms.toFixed(0)} ms; all ${all.rows} rows in ${all.ms.toFixed(0)} ms\n`
    );
    expect(quarter.rows).toBeGreaterThan(3000);
    expect(all.rows).toBe(50_000);
    expect(quarter.ms).toBeLessThan(1000);
    expect(all.ms).toBeLessThan(3000);
  });
});
