import { ApexList } from '../../interpret/values/collections';
import type { SObject } from '../../interpret/values/sobject';
import { PlatformError } from '../../platformError';
import type { InaccessibleFields } from '../queryErrors';
import { TestOrg } from './support/testOrg';

/** The fields a refused query names, as `Object.Field`. */
function refused(org: TestOrg, soql: string): string[] {
  try {
    org.run(soql);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    expect(error.exceptionType).toBe('System.QueryException');
    expect(error.message).toBe('Insufficient permissions: secure query included inaccessible field');
    const { inaccessibleFields } = error.details as InaccessibleFields;
    return [...inaccessibleFields].flatMap(([object, fields]) =>
      fields.size ? [...fields].map((f) => `${object}.${f}`) : [object]
    );
  }
  throw new Error(`not refused: ${soql}`);
}

describe('user mode: object and field permissions', () => {
  let org: TestOrg;

  beforeAll(() => {
    org = new TestOrg();
    const [acme] = org.insert('Account', [{ Name: 'Acme' }]);
    const [alpha] = org.insert('Project__c', [{ Name: 'Alpha', Account__c: acme, Budget__c: 5 }]);
    org.insert('Milestone__c', [{ Name: 'M1', Project__c: alpha }]);
  });

  afterAll(() => org.close());

  beforeEach(() => {
    org.userMode = true;
    org.unreadable = new Set(['Project__c.Budget__c', 'Account.Industry', 'Milestone__c.Weight__c']);
    org.counts.rows = [];
  });

  it('refuses a field the user may not read wherever the query names it, before reading anything', () => {
    expect(refused(org, 'SELECT Name, Budget__c FROM Project__c')).toEqual(['Project__c.Budget__c']);
    expect(refused(org, 'SELECT Name FROM Project__c WHERE Budget__c > 1')).toEqual(['Project__c.Budget__c']);
    expect(refused(org, 'SELECT Name FROM Project__c ORDER BY Budget__c')).toEqual(['Project__c.Budget__c']);
    expect(refused(org, 'SELECT Name FROM Project__c WHERE Account__r.Industry = null')).toEqual([
      'Account.Industry'
    ]);
    expect(refused(org, 'SELECT Name, (SELECT Weight__c FROM Milestones__r) FROM Project__c')).toEqual([
      'Milestone__c.Weight__c'
    ]);
    expect(
      refused(
        org,
        'SELECT Name FROM Account WHERE Id IN (SELECT Account__c FROM Project__c WHERE Budget__c > 1)'
      )
    ).toEqual(['Project__c.Budget__c']);
    expect(
      refused(org, 'SELECT Account__r.Industry, SUM(Budget__c) FROM Project__c GROUP BY Account__r.Industry')
    ).toEqual(['Project__c.Budget__c', 'Account.Industry']);
    expect(org.counts.rows).toEqual([]);
  });

  it('refuses a relationship path whose lookup field the user may not read', () => {
    org.unreadable = new Set(['Project__c.Account__c']);
    expect(refused(org, 'SELECT Account__r.Name FROM Project__c')).toEqual(['Project__c.Account__c']);
  });

  it('refuses an object the user may not read', () => {
    org.unreadable = new Set(['Milestone__c']);
    expect(refused(org, 'SELECT Name FROM Milestone__c')).toEqual(['Milestone__c.Name']);
    expect(refused(org, 'SELECT COUNT() FROM Milestone__c')).toEqual(['Milestone__c']);
  });

  it('WITH USER_MODE and WITH SECURITY_ENFORCED check permissions in any context; system mode does not', () => {
    org.userMode = false;
    expect(org.records('SELECT Name, Budget__c FROM Project__c')).toHaveLength(1);
    expect(org.records('SELECT Name, Budget__c FROM Project__c WITH SYSTEM_MODE')).toHaveLength(1);
    expect(refused(org, 'SELECT Name, Budget__c FROM Project__c WITH USER_MODE')).toEqual([
      'Project__c.Budget__c'
    ]);
    expect(refused(org, 'SELECT Name, Budget__c FROM Project__c WITH SECURITY_ENFORCED')).toEqual([
      'Project__c.Budget__c'
    ]);
  });

  it('WITH SECURITY_ENFORCED checks only what SELECT and FROM name; user mode checks filters too', () => {
    org.userMode = false;
    const filtered = 'SELECT Name FROM Project__c WHERE Budget__c > 1 AND Account__r.Industry = null';
    expect(org.values(`${filtered} WITH SECURITY_ENFORCED`, 'Name')).toEqual(['Alpha']);
    expect(refused(org, `${filtered} WITH USER_MODE`)).toEqual(['Project__c.Budget__c', 'Account.Industry']);
    expect(refused(org, 'SELECT Name, Account__r.Industry FROM Project__c WITH SECURITY_ENFORCED')).toEqual([
      'Account.Industry'
    ]);
    org.unreadable = new Set(['Milestone__c']);
    const semiJoin = 'SELECT Name FROM Project__c WHERE Id IN (SELECT Project__c FROM Milestone__c)';
    expect(org.values(`${semiJoin} WITH SECURITY_ENFORCED`, 'Name')).toEqual(['Alpha']);
    expect(refused(org, `${semiJoin} WITH USER_MODE`)).toEqual(['Milestone__c.Project__c']);
    expect(
      refused(org, 'SELECT Name, (SELECT Name FROM Milestones__r) FROM Project__c WITH SECURITY_ENFORCED')
    ).toEqual(['Milestone__c.Project__c', 'Milestone__c.Name']);
  });
});

describe('sharing: record visibility', () => {
  let org: TestOrg;
  let ids: Record<string, string>;

  beforeAll(() => {
    org = new TestOrg();
    const [me, other] = org.insert('User', [
      { Name: 'Me', LastName: 'Me' },
      { Name: 'Other', LastName: 'Other' }
    ]);
    const [mine, theirs] = org.insert('Account', [
      { Name: 'Mine', OwnerId: me },
      { Name: 'Theirs', OwnerId: other }
    ]);
    const [alpha, beta] = org.insert('Project__c', [
      { Name: 'Alpha', Account__c: theirs, OwnerId: me },
      { Name: 'Beta', Account__c: mine, OwnerId: other },
      { Name: 'Gamma', Account__c: mine, OwnerId: me }
    ]);
    org.insert('Milestone__c', [
      { Name: 'M1', Project__c: alpha },
      { Name: 'M2', Project__c: beta }
    ]);
    ids = { me, other, mine, theirs };
    // Owned records only, for Account and Project__c; milestones follow their project.
    org.visibility = (object, alias) => {
      if (object.name === 'Account' || object.name === 'Project__c')
        return { sql: `${alias}."OwnerId" = ?`, params: [me] };
      if (object.name === 'Milestone__c')
        return {
          sql: `${alias}."Project__c" IN (SELECT "Id" FROM "Project__c" WHERE "OwnerId" = ?)`,
          params: [me]
        };
      return null;
    };
  });

  afterAll(() => org.close());

  beforeEach(() => {
    org.sharing = true;
  });

  it('filters the queried object', () => {
    expect(org.values('SELECT Name FROM Project__c', 'Name')).toEqual(['Alpha', 'Gamma']);
    expect(org.count('SELECT COUNT() FROM Project__c')).toBe(2);
    org.sharing = false;
    expect(org.values('SELECT Name FROM Project__c', 'Name')).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('reads a parent the user cannot see as null, keeping the record', () => {
    const records = org.records(
      "SELECT Name, Account__r.Name FROM Project__c WHERE Name != 'x' ORDER BY Name"
    );
    expect(
      records.map((r) => [r.peek('Name'), (r.peek('Account__r') as SObject | null)?.peek('Name') ?? null])
    ).toEqual([
      ['Alpha', null],
      ['Gamma', 'Mine']
    ]);
    expect(org.values('SELECT Name FROM Project__c WHERE Account__r.Name = null', 'Name')).toEqual(['Alpha']);
  });

  it('filters children and semi-join subqueries too', () => {
    const [mine] = org.records('SELECT Name, (SELECT Name FROM Projects__r) FROM Account');
    expect(mine.id).toBe(ids.mine);
    expect((mine.peek('Projects__r') as ApexList).items.map((p) => (p as SObject).peek('Name'))).toEqual([
      'Gamma'
    ]);
    expect(
      org.values('SELECT Name FROM Account WHERE Id IN (SELECT Account__c FROM Project__c)', 'Name')
    ).toEqual(['Mine']);
  });

  it('applies to aggregates', () => {
    expect(org.rows('SELECT COUNT(Id) n FROM Milestone__c')[0].peek('n')).toBe(1);
  });

  it('WITH USER_MODE turns it on, WITH SYSTEM_MODE keeps the context', () => {
    org.sharing = false;
    expect(org.values('SELECT Name FROM Project__c WITH USER_MODE', 'Name')).toEqual(['Alpha', 'Gamma']);
    expect(org.values('SELECT Name FROM Project__c WITH SYSTEM_MODE', 'Name')).toEqual([
      'Alpha',
      'Beta',
      'Gamma'
    ]);
    org.sharing = true;
    expect(org.values('SELECT Name FROM Project__c WITH SYSTEM_MODE', 'Name')).toEqual(['Alpha', 'Gamma']);
  });
});
