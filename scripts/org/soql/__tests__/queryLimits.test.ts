import { PlatformError } from '../../platformError';
import { parseSoql } from '../parseSoql';
import { runQuery } from '../runQuery';
import { TestOrg } from './support/testOrg';

describe('governor limits: what a query counts', () => {
  let org: TestOrg;

  beforeAll(() => {
    org = new TestOrg();
    const [acme, globex] = org.insert('Account', [{ Name: 'Acme' }, { Name: 'Globex' }, { Name: 'Initech' }]);
    org.insert('Project__c', [
      { Name: 'A', Account__c: acme, Status__c: 'Active' },
      { Name: 'B', Account__c: acme, Status__c: 'Active' },
      { Name: 'C', Account__c: globex, Status__c: 'Done' },
      { Name: 'D', Status__c: 'Planned' },
      { Name: 'E', Status__c: 'Planned' }
    ]);
  });

  afterAll(() => org.close());

  beforeEach(() => {
    org.counts.queries = 0;
    org.counts.rows = [];
  });

  it('one SOQL statement per query, subqueries and semi-joins included', () => {
    org.records(
      'SELECT Name, (SELECT Name FROM Projects__r), (SELECT Name FROM Opportunities) FROM Account ' +
        'WHERE Id IN (SELECT Account__c FROM Project__c)'
    );
    expect(org.counts.queries).toBe(1);
  });

  it('the rows returned, children included', () => {
    org.records('SELECT Name, (SELECT Name FROM Projects__r) FROM Account');
    expect(org.counts.rows).toEqual([3, 3]);
  });

  it('every row an aggregate query reads, not the groups it returns', () => {
    const rows = org.rows('SELECT Status__c, COUNT(Id) FROM Project__c GROUP BY Status__c');
    expect(rows).toHaveLength(3);
    expect(org.counts.rows).toEqual([5]);
    org.counts.rows = [];
    org.rows("SELECT COUNT(Id) FROM Project__c WHERE Status__c = 'Planned'");
    expect(org.counts.rows).toEqual([2]);
  });

  it('one row for COUNT()', () => {
    expect(org.count('SELECT COUNT() FROM Project__c')).toBe(5);
    expect(org.counts.rows).toEqual([1]);
  });

  it('a LimitException from the counter stops the query', () => {
    const env = org.environment();
    env.limits.countRows = (n) => {
      if (n > 4) throw new PlatformError('System.LimitException', 'Too many query rows: 50001');
    };
    expect(() => runQuery(parseSoql('SELECT Id FROM Project__c'), env)).toThrow('Too many query rows: 50001');
    env.limits.countQuery = () => {
      throw new PlatformError('System.LimitException', 'Too many SOQL queries: 101');
    };
    expect(() => runQuery(parseSoql('SELECT Id FROM Account'), env)).toThrow('Too many SOQL queries: 101');
  });
});
