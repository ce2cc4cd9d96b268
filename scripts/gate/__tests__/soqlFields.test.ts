import { checkSoqlFields, extractStaticQueries } from '../checks/soqlFields';
import { classMeta, DEFAULT, fixtureProject, invoiceModel } from './fixtureProject';

function apexClass(body: string): Record<string, string> {
  return {
    ...invoiceModel(),
    [`${DEFAULT}/classes/InvoiceReader.cls`]: `public with sharing class InvoiceReader {\n${body}\n}\n`,
    [`${DEFAULT}/classes/InvoiceReader.cls-meta.xml`]: classMeta()
  };
}

describe('static SOQL field check', () => {
  it('rejects an unknown field in static SOQL, naming the field, object, file and line', () => {
    const project = fixtureProject(
      apexClass(
        '  public static List<Invoice__c> read() {\n    return [SELECT Id, Totl__c FROM Invoice__c WITH USER_MODE];\n  }'
      )
    );
    try {
      const result = checkSoqlFields(project.dir);
      expect(result.findings).toEqual([
        {
          file: `${DEFAULT}/classes/InvoiceReader.cls`,
          line: 3,
          message: "unknown field 'Totl__c' on Invoice__c"
        }
      ]);
    } finally {
      project.cleanup();
    }
  });

  it('rejects unknown relationships, child relationships and standard fields', () => {
    const project = fixtureProject(
      apexClass(
        [
          '  public static void read(Set<Id> ids) {',
          '    List<Invoice__c> a = [SELECT Id, Owner.Nickname__c FROM Invoice__c WHERE Id IN :ids];',
          '    List<Opportunity> b = [SELECT Id, Amount, (SELECT Id FROM Invoices__r) FROM Opportunity ORDER BY Amont];',
          '  }'
        ].join('\n')
      )
    );
    try {
      const messages = checkSoqlFields(project.dir).findings.map((f) => `${f.line}: ${f.message}`);
      expect(messages).toEqual([
        "3: unknown field 'Nickname__c' on User",
        "4: unknown child relationship 'Invoices__r' on Opportunity",
        "4: unknown field 'Amont' on Opportunity"
      ]);
    } finally {
      project.cleanup();
    }
  });

  it('accepts queries whose every name resolves, including binds, aggregates and relationships', () => {
    const project = fixtureProject(
      apexClass(
        [
          '  public static void read(Set<Id> ids, Date since) {',
          "    List<Invoice__c> a = [SELECT Id, Name, Total__c, Owner.Name FROM Invoice__c WHERE Id IN :ids AND Name != 'x]' WITH USER_MODE];",
          '    AggregateResult[] r = [SELECT OwnerId, SUM(Amount) total FROM Opportunity WHERE CloseDate >= :since.addDays(-1) GROUP BY ROLLUP(OwnerId)];',
          '  }'
        ].join('\n')
      )
    );
    try {
      const result = checkSoqlFields(project.dir);
      expect(result.findings).toEqual([]);
      expect(result.summary).toBe('2 static SOQL queries in 1 Apex file');
    } finally {
      project.cleanup();
    }
  });

  it('knows the share object of a Private custom object, and only of one', () => {
    const files = apexClass(
      [
        '  public static void read(Set<Id> ids) {',
        '    List<SObject> a = [SELECT Id, ParentId, UserOrGroupId, AccessLevel, RowCause, Parent.Total__c FROM Invoice__Share WHERE ParentId IN :ids];',
        '    List<SObject> b = [SELECT Id, Reason FROM Invoice__Share];',
        '  }'
      ].join('\n')
    );
    const objectFile = `${DEFAULT}/objects/Invoice__c/Invoice__c.object-meta.xml`;
    const privateProject = fixtureProject({
      ...files,
      [objectFile]: files[objectFile].replace('<sharingModel>ReadWrite<', '<sharingModel>Private<')
    });
    const publicProject = fixtureProject(files);
    try {
      expect(checkSoqlFields(privateProject.dir).findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
        "4: unknown field 'Reason' on Invoice__Share"
      ]);
      expect(checkSoqlFields(publicProject.dir).findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
        "3: unknown object 'Invoice__Share'",
        "4: unknown object 'Invoice__Share'"
      ]);
    } finally {
      privateProject.cleanup();
      publicProject.cleanup();
    }
  });

  it('ignores bracketed SELECT text inside comments and strings', () => {
    const source =
      "// [SELECT Nope FROM Nowhere]\nString s = '[SELECT x FROM y]';\nList<Account> a = [SELECT Id FROM Account];";
    expect(extractStaticQueries('A.cls', source)).toEqual([
      { file: 'A.cls', line: 3, text: 'SELECT Id FROM Account' }
    ]);
  });
});
