import type { OrgRuntime } from '../orgRuntime';
import { failure, loadOrg, run } from './support/platformOrg';

/**
 * Governor limits as the Apex Developer Guide's "Execution Governors and Limits" counts them:
 * 100 SOQL statements, 50,000 rows (an aggregate query counts the rows it aggregates, COUNT()
 * counts one), 150 DML statements; System.LimitException cannot be caught; Test.startTest
 * gives the code under test a fresh set.
 */
let org: OrgRuntime;

beforeAll(() => {
  org = loadOrg();
  run(
    org,
    `List<Widget__c> ws = new List<Widget__c>(); for (Integer i = 0; i < 30; i++) ws.add(new Widget__c(Name = 'w' + i, Quantity__c = i)); insert ws;`,
    { commit: true }
  );
});

afterAll(() => org.database.close());

describe('SOQL', () => {
  test('the 101st query throws System.LimitException: Too many SOQL queries: 101, which a catch (Exception e) does not stop', () => {
    const thrown = failure(
      org,
      `try { for (Integer i = 0; i < 101; i++) { List<Widget__c> w = [SELECT Id FROM Widget__c LIMIT 1]; } }
       catch (Exception e) { System.debug('caught ' + e.getTypeName()); }`
    );
    expect(thrown).toMatchObject({ type: 'System.LimitException', message: 'Too many SOQL queries: 101' });
  });

  test('Limits.getQueries counts each statement; getLimitQueries is 100', () => {
    expect(
      run(
        org,
        `System.debug(Limits.getQueries()); Integer n = [SELECT COUNT() FROM Widget__c]; List<Widget__c> ws = [SELECT Id FROM Widget__c];
        System.debug(Limits.getQueries()); System.debug(Limits.getLimitQueries());`
      )
    ).toEqual(['0', '2', '100']);
  });

  test('an aggregate query counts every row it aggregates against the query rows (COUNT() counts one); an aggregate without an alias is expr0', () => {
    expect(
      run(
        org,
        `AggregateResult[] r = [SELECT COUNT(Id) n, SUM(Quantity__c) q FROM Widget__c]; System.debug(r[0].get('n')); System.debug(r[0].get('q'));
        System.debug(Limits.getQueryRows()); Integer c = [SELECT COUNT() FROM Widget__c]; System.debug(Limits.getQueryRows());
        List<AggregateResult> groups = [SELECT Status__c, COUNT(Id) FROM Widget__c GROUP BY Status__c]; System.debug(groups[0].get('expr0'));
        System.debug(Limits.getQueryRows());`
      )
    ).toEqual(['30', '435', '30', '31', '30', '61']);
  });
});

describe('DML', () => {
  test('the 151st DML statement throws System.LimitException: Too many DML statements: 151', () => {
    expect(
      failure(
        org,
        `try { for (Integer i = 0; i < 151; i++) insert new Widget__c(Name = 'd' + i); } catch (Exception e) { System.debug('caught'); }`
      )
    ).toMatchObject({ type: 'System.LimitException', message: 'Too many DML statements: 151' });
  });

  test('Limits.getDmlStatements and getDmlRows count statements and the records they touch', () => {
    expect(
      run(
        org,
        `insert new List<Widget__c>{ new Widget__c(Name = 'x'), new Widget__c(Name = 'y') }; delete [SELECT Id FROM Widget__c WHERE Name = 'x'];
        System.debug(Limits.getDmlStatements()); System.debug(Limits.getDmlRows()); System.debug(Limits.getLimitDmlStatements());`
      )
    ).toEqual(['2', '3', '150']);
  });
});

describe('tests', () => {
  test('Test.startTest gives fresh limits until Test.stopTest, which restores the ones before', () => {
    expect(
      run(
        org,
        `for (Integer i = 0; i < 99; i++) { Integer n = [SELECT COUNT() FROM Widget__c]; }
         Test.startTest(); System.debug(Limits.getQueries());
         for (Integer i = 0; i < 99; i++) { Integer n = [SELECT COUNT() FROM Widget__c]; }
         System.debug(Limits.getQueries()); Test.stopTest(); System.debug(Limits.getQueries());`,
        { isTest: true }
      )
    ).toEqual(['0', '99', '99']);
  });
});
