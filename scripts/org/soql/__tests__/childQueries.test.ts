import { ApexList } from '../../interpret/values/collections';
import type { SObject } from '../../interpret/values/sobject';
import { PlatformError } from '../../platformError';
import { TestOrg } from './support/testOrg';

describe('parent-to-child subqueries', () => {
  let org: TestOrg;

  beforeAll(() => {
    org = new TestOrg();
    const [acme, globex, initech] = org.insert('Account', [
      { Name: 'Acme' },
      { Name: 'Globex' },
      { Name: 'Initech' }
    ]);
    const [alpha, beta, gamma] = org.insert('Project__c', [
      { Name: 'Alpha', Account__c: acme, Budget__c: 10 },
      { Name: 'Beta', Account__c: acme, Budget__c: 30 },
      { Name: 'Gamma', Account__c: globex, Budget__c: 20 }
    ]);
    org.insert('Project__c', [{ Name: 'Delta', Account__c: acme, Budget__c: 5 }]);
    org.insert('Milestone__c', [
      { Name: 'M1', Project__c: alpha, Due_Date__c: '2024-03-01', Done__c: 1 },
      { Name: 'M2', Project__c: alpha, Due_Date__c: '2024-01-01', Done__c: 0 },
      { Name: 'M3', Project__c: alpha, Due_Date__c: null, Done__c: 0 },
      { Name: 'M4', Project__c: beta, Due_Date__c: '2024-02-01', Done__c: 1 },
      { Name: 'M5', Project__c: gamma, Due_Date__c: '2024-02-01', Done__c: 0 }
    ]);
    expect(initech).toBeDefined();
  });

  afterAll(() => org.close());

  function children(record: SObject, relationship: string): unknown[] {
    const list = record.peek(relationship);
    expect(list).toBeInstanceOf(ApexList);
    return (list as ApexList).items.map((child) => (child as SObject).peek('Name'));
  }

  it('attaches each parent its children under the relationship name, an empty list when none', () => {
    const accounts = org.records(
      'SELECT Name, (SELECT Name FROM Projects__r ORDER BY Name) FROM Account ORDER BY Name'
    );
    expect(accounts.map((a) => [a.peek('Name'), children(a, 'Projects__r')])).toEqual([
      ['Acme', ['Alpha', 'Beta', 'Delta']],
      ['Globex', ['Gamma']],
      ['Initech', []]
    ]);
    const list = accounts[0].peek('Projects__r') as ApexList;
    expect(list.element).toEqual({ kind: 'sobject', object: org.object('Project__c') });
    const child = list.items[0] as SObject;
    expect(child.retrieved).toBe(true);
    expect(child.populated().map((s) => s.name)).toEqual(['Id', 'Name']);
  });

  it('applies LIMIT per parent, after the subquery ORDER BY, nulls first', () => {
    const projects = org.records(
      'SELECT Name, (SELECT Name FROM Milestones__r ORDER BY Due_Date__c LIMIT 2) FROM Project__c ORDER BY Name'
    );
    expect(projects.map((p) => [p.peek('Name'), children(p, 'Milestones__r')])).toEqual([
      ['Alpha', ['M3', 'M2']],
      ['Beta', ['M4']],
      ['Delta', []],
      ['Gamma', ['M5']]
    ]);
    const offset = org.records(
      "SELECT Name, (SELECT Name FROM Milestones__r ORDER BY Due_Date__c DESC NULLS LAST LIMIT 1 OFFSET 1) FROM Project__c WHERE Name = 'Alpha'"
    );
    expect(children(offset[0], 'Milestones__r')).toEqual(['M2']);
  });

  it('filters children with WHERE and reads their parents through paths', () => {
    const [alpha] = org.records(
      "SELECT Name, (SELECT Name, Project__r.Account__r.Name FROM Milestones__r WHERE Done__c = false ORDER BY Name) FROM Project__c WHERE Name = 'Alpha'"
    );
    expect(children(alpha, 'Milestones__r')).toEqual(['M2', 'M3']);
    const milestone = (alpha.peek('Milestones__r') as ApexList).items[0] as SObject;
    expect(((milestone.peek('Project__r') as SObject).peek('Account__r') as SObject).peek('Name')).toBe(
      'Acme'
    );
  });

  it('runs one SQL statement per subquery, whatever the number of parents', () => {
    const fresh = new TestOrg();
    const accounts = fresh.insert(
      'Account',
      Array.from({ length: 300 }, (_, i) => ({ Name: `A${i}` }))
    );
    fresh.insert(
      'Project__c',
      accounts.map((id, i) => ({ Name: `P${i}`, Account__c: id }))
    );
    const prepare = jest.spyOn(fresh.database.sql, 'prepare');
    const records = fresh.records(
      'SELECT Name, (SELECT Name FROM Projects__r), (SELECT Name FROM Opportunities) FROM Account'
    );
    expect(records).toHaveLength(300);
    expect(records.every((r) => (r.peek('Projects__r') as ApexList).items.length === 1)).toBe(true);
    expect(prepare).toHaveBeenCalledTimes(3);
    fresh.close();
  });

  it('refuses an unknown child relationship as the platform does', () => {
    expect(() => org.run('SELECT Name, (SELECT Name FROM Projects) FROM Account')).toThrow(
      new PlatformError(
        'System.QueryException',
        "Didn't understand relationship 'Projects' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names."
      )
    );
    expect(() => org.run('SELECT Name, (SELECT COUNT(Id) FROM Projects__r) FROM Account')).toThrow(
      PlatformError
    );
  });
});
