import type { OrgRuntime } from '../orgRuntime';
import { failure, loadOrg, run } from './support/platformOrg';

/** SObject records in Apex, as the SObject class reference documents them. */
let org: OrgRuntime;

beforeAll(() => {
  org = loadOrg();
});

afterAll(() => org.database.close());

const debug = (code: string): string[] => run(org, code);

describe('fields of queried and in-memory records', () => {
  test('reading a field the query did not retrieve throws System.SObjectException', () => {
    expect(
      failure(
        org,
        `insert new Widget__c(Name = 'A', Quantity__c = 1); Widget__c w = [SELECT Id, Name FROM Widget__c LIMIT 1]; Decimal q = w.Quantity__c;`
      )
    ).toMatchObject({
      type: 'System.SObjectException',
      message:
        'SObject row was retrieved via SOQL without querying the requested field: Widget__c.Quantity__c'
    });
  });

  test('Id is always retrieved: a clone without its Id reads null rather than throwing', () => {
    expect(
      debug(`insert new Widget__c(Name = 'C'); Widget__c w = [SELECT Name FROM Widget__c LIMIT 1];
      System.debug(w.Id != null); Widget__c copy = w.clone(); System.debug(copy.Id); System.debug(copy.Name);`)
    ).toEqual(['true', 'null', 'C']);
  });

  test('a record built in memory reads null for unset fields, and false for an unset checkbox', () => {
    expect(
      debug(
        `Widget__c w = new Widget__c(); System.debug(w.Quantity__c); System.debug(w.Name); System.debug(w.Active__c);`
      )
    ).toEqual(['null', 'null', 'false']);
  });

  test('an unknown field is System.SObjectException: Invalid field', () => {
    expect(failure(org, `Widget__c w = new Widget__c(); w.put('Nope__c', 1);`)).toMatchObject({
      type: 'System.SObjectException',
      message: 'Invalid field Nope__c for Widget__c'
    });
  });
});

describe('put and get', () => {
  test('put and get take a field name in any case or a field token; put returns the previous value', () => {
    expect(
      debug(`Widget__c w = new Widget__c(); w.put(Widget__c.Quantity__c, 5); System.debug(w.put('name', 'N')); System.debug(w.put('Name', 'M'));
      System.debug(w.get(Widget__c.Quantity__c)); System.debug(w.get('NAME')); System.debug(w.Name);`)
    ).toEqual(['null', 'N', '5', 'M', 'M']);
  });

  test('putting a value of the wrong type is an SObjectException', () => {
    expect(failure(org, `Widget__c w = new Widget__c(); w.put('Quantity__c', 'many');`).type).toBe(
      'System.SObjectException'
    );
  });
});

describe('addError', () => {
  test('addError(field token or name, message) attaches the message to that field; addError(message, escape) to the record', () => {
    expect(
      debug(`Widget__c w = new Widget__c();
      w.addError(Widget__c.Quantity__c, 'bad quantity'); w.addError('name', 'bad name'); w.addError('whole record', false);
      for (Database.Error e : w.getErrors()) System.debug(e.getMessage() + ' ' + e.getFields());`)
    ).toEqual(['bad quantity (Quantity__c)', 'bad name (Name)', 'whole record ()']);
  });
});

describe('clone and populated fields', () => {
  test('clone(preserveId) keeps the Id only when asked; clone(false, false, preserveReadonlyTimestamps) keeps CreatedDate only when asked', () => {
    expect(
      debug(`insert new Widget__c(Name = 'C', Quantity__c = 2); Widget__c w = [SELECT Id, Name, Quantity__c, CreatedDate FROM Widget__c LIMIT 1];
      System.debug(w.clone().Id); System.debug(w.clone(true).Id == w.Id); System.debug(w.clone().Quantity__c);
      System.debug(w.clone(false, false, true).getPopulatedFieldsAsMap().containsKey('CreatedDate'));
      System.debug(w.clone(false, false, false).getPopulatedFieldsAsMap().containsKey('CreatedDate'));`)
    ).toEqual(['null', 'true', '2', 'true', 'false']);
  });

  test('a deep clone copies the parent record; a shallow clone shares it', () => {
    expect(
      debug(`Widget__c w = new Widget__c(Name = 'W', Account__r = new Account(Name = 'Parent'));
      Widget__c shallow = w.clone(); Widget__c deep = w.clone(false, true); w.Account__r.Name = 'Changed';
      System.debug(shallow.Account__r.Name); System.debug(deep.Account__r.Name);`)
    ).toEqual(['Changed', 'Parent']);
  });

  test('getPopulatedFieldsAsMap holds the fields set in memory, or retrieved by the query, in their API case', () => {
    expect(
      debug(`System.debug(new Widget__c(name = 'P', quantity__c = 3).getPopulatedFieldsAsMap());
      insert new Widget__c(Name = 'Q'); Widget__c q = [SELECT Id, Name FROM Widget__c WHERE Name = 'Q'];
      System.debug(q.getPopulatedFieldsAsMap().keySet());`)
    ).toEqual(['{Name=P, Quantity__c=3}', '{Id, Name}']);
  });
});

describe('relationships', () => {
  test('a parent field through __r and a child subquery through the relationship name', () => {
    expect(
      debug(`Account a = new Account(Name = 'Acme'); insert a; insert new Widget__c(Name = 'R', Account__c = a.Id);
      Widget__c w = [SELECT Id, Account__r.Name FROM Widget__c WHERE Name = 'R']; System.debug(w.Account__r.Name);
      System.debug(((Account) w.getSObject('Account__r')).Name);
      Account parent = [SELECT Id, (SELECT Name FROM Widgets__r) FROM Account WHERE Id = :a.Id]; System.debug(parent.Widgets__r.size());
      System.debug(parent.getSObjects('Widgets__r')[0].get('Name'));`)
    ).toEqual(['Acme', 'Acme', '1', 'R']);
  });
});

describe('equality and rendering', () => {
  test('SObjects are equal (==) when their fields are; === compares references; a Set keeps one of equal records', () => {
    expect(
      debug(`Widget__c a = new Widget__c(Name = 'T'); Widget__c b = new Widget__c(Name = 'T'); System.debug(a == b); System.debug(a === b);
      System.debug(new Set<Widget__c>{ a, b }.size()); b.Notes__c = 'x'; System.debug(a == b);`)
    ).toEqual(['true', 'false', '1', 'false']);
  });

  test('String.valueOf(record) renders Type:{Field=value, ...}', () => {
    expect(debug(`System.debug(new Widget__c(Name = 'T', Quantity__c = 3));`)).toEqual([
      'Widget__c:{Name=T, Quantity__c=3}'
    ]);
  });
});

describe('Trigger.new in after triggers', () => {
  test('is read-only: a field write throws System.FinalException: Record is read-only', () => {
    expect(
      debug(`insert new Widget__c(Name = 'write after'); System.debug(WidgetTriggerHandler.log[2]);`)
    ).toEqual(['FinalException: Record is read-only']);
  });
});
