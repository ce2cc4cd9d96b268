import { ApexList, ApexSet } from '../../interpret/values/collections';
import { Decimal } from '../../interpret/values/numbers';
import { SObject } from '../../interpret/values/sobject';
import { ApexDate, ApexDatetime } from '../../interpret/values/temporal';
import { PlatformError, UnsupportedError } from '../../platformError';
import { TestOrg } from './support/testOrg';

function queryError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PlatformError) return `${error.exceptionType}: ${error.message}`;
    throw error;
  }
  throw new Error('no error');
}

describe('record queries', () => {
  let org: TestOrg;
  let ids: Record<string, string>;

  beforeAll(() => {
    org = new TestOrg();
    const [boss, ada] = org.insert('User', [
      { Name: 'Boss', LastName: 'Boss' },
      { Name: 'Ada Lovelace', LastName: 'Lovelace' }
    ]);
    org.database.update(org.object('User'), ada, { ManagerId: boss });
    const [acme, globex] = org.insert('Account', [
      { Name: 'Acme', Industry: 'Technology', OwnerId: ada },
      { Name: 'Globex', Industry: 'Retail', OwnerId: boss }
    ]);
    const [alpha, beta, gamma, delta] = org.insert('Project__c', [
      {
        Name: 'Alpha',
        Account__c: acme,
        Status__c: 'Active',
        Budget__c: 100,
        Hours__c: 10,
        Seats__c: 3,
        Start_Date__c: '2024-05-01',
        Kickoff__c: '2024-05-15T23:59:59.999Z',
        Active__c: 1,
        Tags__c: 'Red;Green',
        Code__c: 'abc',
        Title__c: 'Lead 50%'
      },
      {
        Name: 'beta',
        Account__c: globex,
        Status__c: 'Planned',
        Hours__c: 2.5,
        Start_Date__c: '2024-07-01',
        Kickoff__c: '2024-05-16T00:00:00.000Z',
        Active__c: 0,
        Tags__c: 'Blue',
        Code__c: 'ABC'
      },
      { Name: 'Gamma', Budget__c: 50, Title__c: 'lead 5' },
      {
        Name: 'delta',
        Account__c: acme,
        Status__c: 'Done',
        Budget__c: 75,
        Start_Date__c: '2024-03-31',
        Active__c: 1,
        Tags__c: 'Green;Blue',
        Title__c: 'Other'
      }
    ]);
    ids = { boss, ada, acme, globex, alpha, beta, gamma, delta };
  });

  afterAll(() => org.close());

  const names = (where: string, order = 'ORDER BY Name'): unknown[] =>
    org.values(`SELECT Name FROM Project__c ${where} ${order}`, 'Name');

  describe('the records returned', () => {
    it('always carry the Id, fields under their declared names, marked as retrieved', () => {
      const [record] = org.records(
        "SELECT name, BUDGET__C, start_date__c FROM project__c WHERE Name = 'Alpha'"
      );
      expect(record).toBeInstanceOf(SObject);
      expect(record.type.name).toBe('Project__c');
      expect(record.retrieved).toBe(true);
      expect(record.populated().map((slot) => slot.name)).toEqual([
        'Id',
        'Name',
        'Budget__c',
        'Start_Date__c'
      ]);
      expect(record.id).toBe(ids.alpha);
      // A queried Decimal has its field's scale (Currency(18, 2)): it reads 100.00 in Apex.
      expect(record.peek('Budget__c')).toEqual(new Decimal(100, 2));
      expect(record.peek('Start_Date__c')).toEqual(ApexDate.of(2024, 5, 1));
    });

    it('read values as Apex values: checkboxes never null, numbers, datetimes', () => {
      const [gamma] = org.records(
        "SELECT Active__c, Seats__c, Kickoff__c, Hours__c FROM Project__c WHERE Name = 'Gamma'"
      );
      expect(gamma.peek('Active__c')).toBe(false);
      expect(gamma.peek('Seats__c')).toBeNull();
      const [alpha] = org.records(
        "SELECT Active__c, Seats__c, Kickoff__c, Hours__c FROM Project__c WHERE Name = 'Alpha'"
      );
      expect(alpha.peek('Active__c')).toBe(true);
      expect(alpha.peek('Seats__c')).toBe(3);
      expect(alpha.peek('Kickoff__c')).toEqual(ApexDatetime.parse('2024-05-15T23:59:59.999Z'));
    });

    it('nest parents under the relationship name, any depth, null when the lookup is empty', () => {
      const records = org.records(
        'SELECT Name, Account__r.Name, Account__r.Owner.Name, Account__r.Owner.Manager.Name FROM Project__c ORDER BY Name'
      );
      const alpha = records.find((r) => r.peek('Name') === 'Alpha') as SObject;
      const account = alpha.peek('Account__r') as SObject;
      expect(account.type.name).toBe('Account');
      expect(account.id).toBe(ids.acme);
      expect(account.peek('Name')).toBe('Acme');
      const owner = account.peek('Owner') as SObject;
      expect(owner.peek('Name')).toBe('Ada Lovelace');
      expect((owner.peek('Manager') as SObject).peek('Name')).toBe('Boss');
      const beta = records.find((r) => r.peek('Name') === 'beta') as SObject;
      expect(((beta.peek('Account__r') as SObject).peek('Owner') as SObject).peek('Manager')).toBeNull();
      const gamma = records.find((r) => r.peek('Name') === 'Gamma') as SObject;
      expect(gamma.has('Account__r')).toBe(true);
      expect(gamma.peek('Account__r')).toBeNull();
    });

    it('accept the FROM alias and the object name before a path', () => {
      expect(
        org.values("SELECT p.Name, p.Account__r.Name FROM Project__c p WHERE p.Name = 'Alpha'", 'Name')
      ).toEqual(['Alpha']);
      expect(org.values("SELECT Account.Name FROM Account WHERE Account.Name = 'Acme'", 'Name')).toEqual([
        'Acme'
      ]);
    });

    it('toLabel() reads picklist labels under the field name', () => {
      expect(
        org.values(
          "SELECT toLabel(Status__c) FROM Project__c WHERE Name IN ('Alpha', 'Gamma') ORDER BY Name",
          'Status__c'
        )
      ).toEqual(['Active (label)', null]);
    });
  });

  describe('WHERE: nulls as SOQL treats them', () => {
    it('!= keeps records where the field is null', () => {
      expect(names("WHERE Status__c != 'Active'")).toEqual(['beta', 'delta', 'Gamma']);
      expect(names("WHERE Status__c <> 'Active'")).toEqual(['beta', 'delta', 'Gamma']);
    });

    it('= null and != null test for null', () => {
      expect(names('WHERE Budget__c = null')).toEqual(['beta']);
      expect(names('WHERE Budget__c != null')).toEqual(['Alpha', 'delta', 'Gamma']);
    });

    it('a range comparison is false for null, and NOT of it true', () => {
      expect(names('WHERE Budget__c < 80')).toEqual(['delta', 'Gamma']);
      expect(names('WHERE NOT (Budget__c < 80)')).toEqual(['Alpha', 'beta']);
      expect(names('WHERE NOT Budget__c >= 80 AND Name != null')).toEqual(['beta', 'delta', 'Gamma']);
    });

    it('IN leaves nulls out unless the list holds null; NOT IN keeps them', () => {
      expect(names("WHERE Status__c IN ('Active', 'Done')")).toEqual(['Alpha', 'delta']);
      expect(names("WHERE Status__c IN ('Active', null)")).toEqual(['Alpha', 'Gamma']);
      expect(names("WHERE Status__c NOT IN ('Active', 'Done')")).toEqual(['beta', 'Gamma']);
      expect(names("WHERE Status__c NOT IN ('Active', null)")).toEqual(['beta', 'delta']);
      expect(names('WHERE NOT (Status__c IN (null))')).toEqual(['Alpha', 'beta', 'delta']);
    });

    it('a blank string is null, as the platform stores blanks', () => {
      expect(names("WHERE Title__c = ''")).toEqual(['beta']);
    });

    it('De Morgan over AND / OR under NOT', () => {
      expect(names("WHERE NOT (Status__c = 'Active' OR Budget__c > 60)")).toEqual(['beta', 'Gamma']);
      expect(names("WHERE NOT (Status__c = 'Active' AND Budget__c > 60)")).toEqual([
        'beta',
        'delta',
        'Gamma'
      ]);
    });

    it('a relationship path over an empty lookup is null', () => {
      expect(names("WHERE Account__r.Industry != 'Retail'")).toEqual(['Alpha', 'delta', 'Gamma']);
      expect(names('WHERE Account__r.Name = null')).toEqual(['Gamma']);
    });
  });

  describe('WHERE: comparisons', () => {
    it('text and picklists compare case-insensitively', () => {
      expect(names("WHERE Status__c = 'ACTIVE'")).toEqual(['Alpha']);
      expect(names("WHERE Name = 'BETA'")).toEqual(['beta']);
      expect(names("WHERE Name IN ('alpha', 'GAMMA')")).toEqual(['Alpha', 'Gamma']);
      expect(names("WHERE Name > 'c'")).toEqual(['delta', 'Gamma']);
    });

    it('case-sensitive unique text fields compare case-sensitively', () => {
      expect(names("WHERE Code__c = 'abc'")).toEqual(['Alpha']);
      expect(names("WHERE Code__c = 'ABC'")).toEqual(['beta']);
    });

    it('LIKE is case-insensitive with % and _, and \\% matches a percent sign', () => {
      expect(names("WHERE Title__c LIKE 'lead%'")).toEqual(['Alpha', 'Gamma']);
      expect(names("WHERE Title__c LIKE 'LEAD _'")).toEqual(['Gamma']);
      expect(names("WHERE Title__c LIKE '%50\\%'")).toEqual(['Alpha']);
      expect(names("WHERE NOT Title__c LIKE 'lead%'")).toEqual(['beta', 'delta']);
      expect(org.bind({ pattern: '%5' }) && names('WHERE Title__c LIKE :pattern')).toEqual(['Gamma']);
    });

    it('checkboxes: false matches unset ones', () => {
      expect(names('WHERE Active__c = false')).toEqual(['beta', 'Gamma']);
      expect(names('WHERE Active__c = TRUE')).toEqual(['Alpha', 'delta']);
      expect(names('WHERE Active__c != true')).toEqual(['beta', 'Gamma']);
    });

    it('numbers, dates and datetimes, with time zone offsets', () => {
      expect(names('WHERE Hours__c >= 2.5 AND Hours__c < 10')).toEqual(['beta']);
      expect(names('WHERE Seats__c = 3')).toEqual(['Alpha']);
      expect(names('WHERE Start_Date__c >= 2024-04-01')).toEqual(['Alpha', 'beta']);
      expect(names('WHERE Kickoff__c >= 2024-05-16T00:00:00Z')).toEqual(['beta']);
      expect(names('WHERE Kickoff__c < 2024-05-16T01:00:00+01:00')).toEqual(['Alpha']);
    });

    it('date functions filter', () => {
      expect(names('WHERE CALENDAR_MONTH(Start_Date__c) = 5')).toEqual(['Alpha']);
      expect(names('WHERE CALENDAR_QUARTER(Start_Date__c) = 1')).toEqual(['delta']);
      expect(names('WHERE DAY_ONLY(Kickoff__c) = 2024-05-15')).toEqual(['Alpha']);
      expect(names('WHERE HOUR_IN_DAY(Kickoff__c) = 23')).toEqual(['Alpha']);
    });

    it('INCLUDES and EXCLUDES over multi-select picklists', () => {
      expect(names("WHERE Tags__c INCLUDES ('green')")).toEqual(['Alpha', 'delta']);
      expect(names("WHERE Tags__c INCLUDES ('Red;Green', 'Blue')")).toEqual(['Alpha', 'beta', 'delta']);
      expect(names("WHERE Tags__c INCLUDES ('Blue;Green')")).toEqual(['delta']);
      expect(names("WHERE Tags__c EXCLUDES ('Blue')")).toEqual(['Alpha', 'Gamma']);
    });
  });

  describe('WHERE: date literals', () => {
    beforeEach(() => {
      org.today = ApexDate.of(2024, 5, 15);
      org.fiscalYearStartMonth = 1;
    });

    it('= a date literal is within its range, < before it, > after it, != outside it or null', () => {
      expect(names('WHERE Start_Date__c = THIS_QUARTER')).toEqual(['Alpha']);
      expect(names('WHERE Start_Date__c < THIS_QUARTER')).toEqual(['delta']);
      expect(names('WHERE Start_Date__c <= THIS_QUARTER')).toEqual(['Alpha', 'delta']);
      expect(names('WHERE Start_Date__c > THIS_QUARTER')).toEqual(['beta']);
      expect(names('WHERE Start_Date__c >= THIS_QUARTER')).toEqual(['Alpha', 'beta']);
      expect(names('WHERE Start_Date__c != THIS_QUARTER')).toEqual(['beta', 'delta', 'Gamma']);
      expect(names('WHERE Start_Date__c = LAST_QUARTER')).toEqual(['delta']);
    });

    it('moves with today across a quarter boundary', () => {
      org.today = ApexDate.of(2024, 3, 31);
      expect(names('WHERE Start_Date__c = THIS_QUARTER')).toEqual(['delta']);
      org.today = ApexDate.of(2024, 4, 1);
      expect(names('WHERE Start_Date__c = THIS_QUARTER')).toEqual(['Alpha']);
    });

    it('fiscal literals use the fiscal start month', () => {
      org.fiscalYearStartMonth = 4;
      // With an April start, 2024-04-01..2024-06-30 is Q1 of FY2025 and 2024-03-31 ends FY2024.
      expect(names('WHERE Start_Date__c = THIS_FISCAL_QUARTER')).toEqual(['Alpha']);
      expect(names('WHERE Start_Date__c = LAST_FISCAL_YEAR')).toEqual(['delta']);
      expect(names('WHERE Start_Date__c = THIS_FISCAL_YEAR')).toEqual(['Alpha', 'beta']);
    });

    it('on a datetime field a day runs from midnight to midnight GMT', () => {
      expect(names('WHERE Kickoff__c = TODAY')).toEqual(['Alpha']);
      expect(names('WHERE Kickoff__c = TOMORROW')).toEqual(['beta']);
      expect(names('WHERE Kickoff__c > TODAY')).toEqual(['beta']);
      expect(names('WHERE Kickoff__c = LAST_N_DAYS:1')).toEqual(['Alpha']);
      expect(names('WHERE Kickoff__c = NEXT_N_DAYS:1')).toEqual(['beta']);
    });
  });

  describe('WHERE: binds', () => {
    it('binds Apex values: strings, Decimals, Dates, Datetimes, booleans, null', () => {
      org.bind({
        name: 'alpha',
        budget: new Decimal(60),
        start: ApexDate.of(2024, 4, 1),
        kickoff: ApexDatetime.parse('2024-05-16T00:00:00Z'),
        active: true,
        nothing: null
      });
      expect(names('WHERE Name = :name')).toEqual(['Alpha']);
      expect(names('WHERE Budget__c > :budget')).toEqual(['Alpha', 'delta']);
      expect(names('WHERE Start_Date__c < :start')).toEqual(['delta']);
      expect(names('WHERE Kickoff__c >= :kickoff')).toEqual(['beta']);
      expect(names('WHERE Active__c = :active')).toEqual(['Alpha', 'delta']);
      expect(names('WHERE Status__c = :nothing')).toEqual(['Gamma']);
    });

    it('binds Lists and Sets to IN, and a List to = as IN', () => {
      org.bind({
        list: new ApexList({ kind: 'primitive', name: 'String' }, ['active', 'done']),
        empty: new ApexList({ kind: 'primitive', name: 'String' }, [])
      });
      const set = new ApexSet({ kind: 'primitive', name: 'Id' });
      set.add(ids.alpha);
      set.add(ids.beta);
      org.bind({ set });
      expect(names('WHERE Status__c IN :list')).toEqual(['Alpha', 'delta']);
      expect(names('WHERE Status__c = :list')).toEqual(['Alpha', 'delta']);
      expect(names('WHERE Status__c NOT IN :list')).toEqual(['beta', 'Gamma']);
      expect(names('WHERE Id IN :set')).toEqual(['Alpha', 'beta']);
      expect(names('WHERE Id IN :empty')).toEqual([]);
      expect(names('WHERE Id NOT IN :empty')).toEqual(['Alpha', 'beta', 'delta', 'Gamma']);
      org.bind({ first: 'Alpha', second: null });
      expect(names("WHERE Name IN (:first, :second, 'delta')")).toEqual(['Alpha', 'delta']);
      expect(names('WHERE Title__c IN (:first, :second)')).toEqual(['beta']);
    });

    it('binds SObjects to Id fields as their ids, and 15-character ids as 18', () => {
      const alpha = new SObject(org.object('Project__c'));
      alpha.set('Id', ids.alpha);
      const account = new SObject(org.object('Account'));
      account.set('Id', ids.acme);
      org.bind({
        alpha,
        accounts: new ApexList({ kind: 'sobject', object: org.object('Account') }, [account])
      });
      org.bind({ short: ids.beta.slice(0, 15) });
      expect(names('WHERE Id = :alpha')).toEqual(['Alpha']);
      expect(names('WHERE Account__c IN :accounts')).toEqual(['Alpha', 'delta']);
      expect(names('WHERE Id = :short')).toEqual(['beta']);
    });

    it('a long list goes to SQLite as one parameter', () => {
      const many = Array.from({ length: 5000 }, (_, i) => `name${i}`);
      org.bind({ many: new ApexList({ kind: 'primitive', name: 'String' }, [...many, 'GAMMA']) });
      expect(names('WHERE Name IN :many')).toEqual(['Gamma']);
      expect(names('WHERE Name NOT IN :many')).toEqual(['Alpha', 'beta', 'delta']);
    });

    it('refuses values of the wrong type as the platform does', () => {
      org.bind({ number: 5, text: 'x' });
      expect(queryError(() => names('WHERE Name = :number'))).toBe(
        'System.QueryException: Invalid bind expression type of Integer for column of type string'
      );
      expect(queryError(() => names('WHERE Budget__c = :text'))).toBe(
        'System.QueryException: Invalid bind expression type of String for column of type double'
      );
      org.bind({ badId: 'not an id' });
      expect(queryError(() => names('WHERE Id = :badId'))).toBe(
        'System.QueryException: invalid ID field: not an id'
      );
    });
  });

  describe('WHERE: literals of the wrong type', () => {
    it('are refused with the platform message', () => {
      expect(queryError(() => names("WHERE Budget__c = '5'"))).toBe(
        "System.QueryException: value of filter criterion for field 'Budget__c' must be of type double and should not be enclosed in quotes"
      );
      expect(queryError(() => names('WHERE Name = 5'))).toBe(
        "System.QueryException: value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes"
      );
      expect(queryError(() => names('WHERE Seats__c = true'))).toBe(
        "System.QueryException: value of filter criterion for field 'Seats__c' must be of type integer and should not be enclosed in quotes"
      );
      expect(queryError(() => names('WHERE Start_Date__c = 2024-01-01T00:00:00Z'))).toBe(
        "System.QueryException: value of filter criterion for field 'Start_Date__c' must be of type date and should not be enclosed in quotes"
      );
      expect(queryError(() => names('WHERE CreatedDate > 2024-01-01'))).toBe(
        "System.QueryException: value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes"
      );
      expect(queryError(() => names("WHERE Id = 'xyz'"))).toBe(
        'System.QueryException: invalid ID field: xyz'
      );
      expect(queryError(() => names('WHERE Budget__c = TODAY'))).toContain(
        "field 'Budget__c' must be of type double"
      );
    });
  });

  describe('ORDER BY, LIMIT, OFFSET', () => {
    it('puts nulls first by default, ascending or descending', () => {
      expect(names('', 'ORDER BY Budget__c')).toEqual(['beta', 'Gamma', 'delta', 'Alpha']);
      expect(names('', 'ORDER BY Budget__c DESC')).toEqual(['beta', 'Alpha', 'delta', 'Gamma']);
      expect(names('', 'ORDER BY Budget__c DESC NULLS LAST')).toEqual(['Alpha', 'delta', 'Gamma', 'beta']);
      expect(names('', 'ORDER BY Budget__c ASC NULLS LAST')).toEqual(['Gamma', 'delta', 'Alpha', 'beta']);
    });

    it('sorts text case-insensitively and picklists in their defined order', () => {
      expect(names('', 'ORDER BY Name DESC')).toEqual(['Gamma', 'delta', 'beta', 'Alpha']);
      // Planned, Active, Done is the definition's order; Gamma has none.
      expect(names('', 'ORDER BY Status__c')).toEqual(['Gamma', 'beta', 'Alpha', 'delta']);
    });

    it('sorts by relationship paths and several keys; without ORDER BY in creation order', () => {
      expect(names('', 'ORDER BY Account__r.Name DESC NULLS LAST, Name')).toEqual([
        'beta',
        'Alpha',
        'delta',
        'Gamma'
      ]);
      expect(names('', '')).toEqual(['Alpha', 'beta', 'Gamma', 'delta']);
    });

    it('LIMIT and OFFSET, literal or bound', () => {
      org.bind({ two: 2, one: new Decimal(1) });
      expect(names('', 'ORDER BY Name LIMIT 2')).toEqual(['Alpha', 'beta']);
      expect(names('', 'ORDER BY Name LIMIT :two OFFSET :one')).toEqual(['beta', 'delta']);
      expect(names('', 'ORDER BY Name OFFSET 3')).toEqual(['Gamma']);
      expect(names('', 'LIMIT 0')).toEqual([]);
      expect(queryError(() => names('', 'OFFSET 2001'))).toBe(
        'System.QueryException: Maximum SOQL offset allowed is 2000'
      );
    });

    it('FOR UPDATE reads the same records (one process holds the database)', () => {
      expect(names("WHERE Name = 'Alpha'", 'FOR UPDATE')).toEqual(['Alpha']);
    });
  });

  describe('deleted records', () => {
    it('are left out unless ALL ROWS', () => {
      const [gone] = org.insert('Account', [{ Name: 'Gone', IsDeleted: 1 }]);
      expect(org.values("SELECT Name FROM Account WHERE Name = 'Gone'", 'Name')).toEqual([]);
      expect(org.records("SELECT Name FROM Account WHERE Name = 'Gone' ALL ROWS").map((r) => r.id)).toEqual([
        gone
      ]);
      org.database.delete(org.object('Account'), [gone]);
    });
  });

  describe('errors', () => {
    it('name unknown objects, fields and relationships as the platform does', () => {
      expect(queryError(() => org.run('SELECT Id FROM Projekt__c'))).toBe(
        "System.QueryException: sObject type 'Projekt__c' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."
      );
      expect(queryError(() => org.run('SELECT Id, Budjet__c FROM Project__c'))).toBe(
        "System.QueryException: No such column 'Budjet__c' on entity 'Project__c'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."
      );
      expect(queryError(() => org.run('SELECT Account__r.Nme FROM Project__c'))).toContain(
        "No such column 'Nme' on entity 'Account'"
      );
      expect(queryError(() => org.run('SELECT Acount__r.Name FROM Project__c'))).toBe(
        "System.QueryException: Didn't understand relationship 'Acount__r' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names."
      );
      expect(queryError(() => org.run("SELECT Id FROM Project__c WHERE Stat__c = 'x'"))).toContain(
        "No such column 'Stat__c'"
      );
    });

    it('refuse what SOQL refuses', () => {
      expect(queryError(() => org.run('SELECT Name, Name FROM Project__c'))).toBe(
        'System.QueryException: duplicate field selected: Name'
      );
      expect(queryError(() => org.run('SELECT Name n FROM Project__c'))).toBe(
        'System.QueryException: Only aggregate expressions use field aliasing'
      );
      expect(queryError(() => org.run("SELECT Id FROM Project__c WHERE Notes__c = 'x'"))).toBe(
        "System.QueryException: field 'Notes__c' can not be filtered in query call"
      );
      expect(queryError(() => org.run('SELECT Id FROM Project__c ORDER BY Tags__c'))).toBe(
        "System.QueryException: field 'Tags__c' can not be sorted in a query call"
      );
      expect(queryError(() => org.run("SELECT Id FROM Project__c WHERE Budget__c LIKE '5%'"))).toContain(
        'LIKE'
      );
    });

    it('stop loudly at filtering, ordering or grouping by formula fields, which are not stored', () => {
      expect(() => org.run('SELECT Id FROM Project__c WHERE Score__c > 1')).toThrow(UnsupportedError);
      expect(() => org.run('SELECT Id FROM Project__c ORDER BY Score__c')).toThrow(UnsupportedError);
      expect(() => org.run('SELECT Score__c, COUNT(Id) FROM Project__c GROUP BY Score__c')).toThrow(
        UnsupportedError
      );
    });
  });

  describe('formula fields', () => {
    it('are computed from the fields they read when selected, through relationships too', () => {
      const records = org.records(
        'SELECT Name, Score__c, Label__c, Account__r.Name FROM Project__c ORDER BY Name'
      );
      expect(records.map((r) => [r.peek('Name'), r.peek('Score__c'), r.peek('Label__c')])).toEqual([
        ['Alpha', new Decimal(20, 0), 'Alpha at Acme (active)'],
        ['beta', new Decimal(5, 0), 'beta at Globex'],
        ['delta', null, 'delta at Acme (active)'],
        ['Gamma', null, 'Gamma at ']
      ]);
      expect(records[0].populated().map((s) => s.name)).toEqual([
        'Id',
        'Name',
        'Score__c',
        'Label__c',
        'Account__r'
      ]);
    });

    it('are checked for field-level security themselves, not the fields they read', () => {
      org.userMode = true;
      org.unreadable = new Set(['Project__c.Hours__c']);
      try {
        expect(org.values("SELECT Score__c FROM Project__c WHERE Name = 'Alpha'", 'Score__c')).toEqual([
          new Decimal(20, 0)
        ]);
        org.unreadable = new Set(['Project__c.Score__c']);
        expect(() => org.run('SELECT Score__c FROM Project__c')).toThrow('Insufficient permissions');
      } finally {
        org.userMode = false;
        org.unreadable = new Set();
      }
    });
  });
});
