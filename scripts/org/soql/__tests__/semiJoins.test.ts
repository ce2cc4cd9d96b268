import { PlatformError } from '../../platformError';
import { TestOrg } from './support/testOrg';

describe('semi-joins and anti-joins', () => {
  let org: TestOrg;

  beforeAll(() => {
    org = new TestOrg();
    const [acme, globex] = org.insert('Account', [
      { Name: 'Acme', Industry: 'Technology' },
      { Name: 'Globex', Industry: 'Retail' },
      { Name: 'Initech', Industry: 'Technology' }
    ]);
    const [alpha, beta] = org.insert('Project__c', [
      { Name: 'Alpha', Account__c: acme },
      { Name: 'Beta', Account__c: globex },
      { Name: 'Gamma' }
    ]);
    org.insert('Milestone__c', [
      { Name: 'M1', Project__c: alpha, Done__c: 1 },
      { Name: 'M2', Project__c: alpha, Done__c: 0 },
      { Name: 'M3', Project__c: beta, Done__c: 0 }
    ]);
  });

  afterAll(() => org.close());

  const names = (soql: string): unknown[] => org.values(soql, 'Name');

  it('Id IN (SELECT ...) keeps the records the subquery names', () => {
    expect(
      names(
        'SELECT Name FROM Project__c WHERE Id IN (SELECT Project__c FROM Milestone__c WHERE Done__c = true)'
      )
    ).toEqual(['Alpha']);
    expect(
      names('SELECT Name FROM Account WHERE Id IN (SELECT Account__c FROM Project__c) ORDER BY Name')
    ).toEqual(['Acme', 'Globex']);
  });

  it('Id NOT IN (SELECT ...) keeps the others, ignoring nulls in the subquery', () => {
    // Gamma has no account: the subquery yields a null, which must not empty the anti-join.
    expect(names('SELECT Name FROM Account WHERE Id NOT IN (SELECT Account__c FROM Project__c)')).toEqual([
      'Initech'
    ]);
    expect(
      names('SELECT Name FROM Project__c WHERE Id NOT IN (SELECT Project__c FROM Milestone__c)')
    ).toEqual(['Gamma']);
  });

  it('a reference field NOT IN (SELECT ...) keeps records whose lookup is empty', () => {
    expect(
      names(
        "SELECT Name FROM Project__c WHERE Account__c NOT IN (SELECT Id FROM Account WHERE Industry = 'Retail')"
      )
    ).toEqual(['Alpha', 'Gamma']);
  });

  it('combines with other conditions, OR and NOT', () => {
    expect(
      names(
        "SELECT Name FROM Project__c WHERE Name = 'Gamma' OR Id IN (SELECT Project__c FROM Milestone__c WHERE Done__c = true)"
      )
    ).toEqual(['Alpha', 'Gamma']);
    expect(
      names('SELECT Name FROM Project__c WHERE NOT (Id IN (SELECT Project__c FROM Milestone__c))')
    ).toEqual(['Gamma']);
  });

  it('may select the same object as the outer query', () => {
    expect(
      names("SELECT Name FROM Account WHERE Id IN (SELECT Id FROM Account WHERE Industry = 'Retail')")
    ).toEqual(['Globex']);
  });

  it('refuses nesting and selections that are not one Id or reference field', () => {
    expect(() =>
      org.run(
        'SELECT Name FROM Account WHERE Id IN (SELECT Account__c FROM Project__c WHERE Id IN (SELECT Project__c FROM Milestone__c))'
      )
    ).toThrow(
      new PlatformError('System.QueryException', 'Nesting of semi join sub-selects is not supported')
    );
    expect(() => org.run('SELECT Name FROM Project__c WHERE Id IN (SELECT Name FROM Milestone__c)')).toThrow(
      PlatformError
    );
    expect(() =>
      org.run('SELECT Name FROM Project__c WHERE Name IN (SELECT Project__c FROM Milestone__c)')
    ).toThrow(PlatformError);
  });
});
