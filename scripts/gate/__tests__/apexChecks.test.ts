import { checkApexRules } from '../checks/apexRules';
import { checkApexSemantics } from '../checks/apexSemantics';
import { classMeta, DEFAULT, fixtureProject, invoiceModel } from './fixtureProject';

function project(className: string, source: string) {
  return fixtureProject({
    ...invoiceModel(),
    [`${DEFAULT}/classes/${className}.cls`]: source,
    [`${DEFAULT}/classes/${className}.cls-meta.xml`]: classMeta()
  });
}

const CLEAN = `public with sharing class InvoiceTotals {
    public static Decimal total(Set<Id> ids) {
        Decimal sum = 0;
        for (Invoice__c invoice : [SELECT Id, Total__c FROM Invoice__c WHERE Id IN :ids WITH USER_MODE]) {
            sum += invoice.Total__c == null ? 0 : invoice.Total__c;
        }
        return sum;
    }
}
`;

describe('Apex semantic check (apex-ls)', () => {
  it('rejects an unknown field and a type error, with line and reason', () => {
    const p = project(
      'InvoiceTotals',
      `public with sharing class InvoiceTotals {
    public static Decimal total(Invoice__c invoice) {
        Integer count = 'three';
        return invoice.Totl__c;
    }
}
`
    );
    try {
      const messages = checkApexSemantics(p.dir).findings.map((f) => `${f.file}:${f.line}: ${f.message}`);
      expect(messages).toEqual([
        `${DEFAULT}/classes/InvoiceTotals.cls:3: Error: Incompatible types in assignment, from 'System.String' to 'System.Integer'`,
        `${DEFAULT}/classes/InvoiceTotals.cls:4: Missing: Unknown field 'Totl__c' on SObject 'Schema.Invoice__c'`
      ]);
    } finally {
      p.cleanup();
    }
  });

  it('accepts a class whose types and fields resolve', () => {
    const p = project('InvoiceTotals', CLEAN);
    try {
      expect(checkApexSemantics(p.dir)).toEqual({
        summary: "1 Apex file resolved against the project's metadata",
        findings: []
      });
    } finally {
      p.cleanup();
    }
  });
});

describe('Apex rules (PMD)', () => {
  it('rejects SOQL inside a loop and a class with no sharing keyword', () => {
    const p = project(
      'InvoiceLoop',
      `public class InvoiceLoop {
    public static void touch(List<Id> ids) {
        for (Id id : ids) {
            List<Invoice__c> rows = [SELECT Id FROM Invoice__c WHERE Id = :id WITH USER_MODE];
        }
    }
}
`
    );
    try {
      const rules = checkApexRules(p.dir).findings.map((f) => `${f.line}: ${f.message.split(':')[0]}`);
      expect(rules).toEqual(
        expect.arrayContaining(['1: ApexSharingViolations', '4: OperationWithLimitsInLoop'])
      );
      expect(rules).not.toContain('4: ApexCRUDViolation');
    } finally {
      p.cleanup();
    }
  });

  it('accepts a with-sharing class that queries in user mode outside loops', () => {
    const p = project('InvoiceTotals', CLEAN);
    try {
      expect(checkApexRules(p.dir).findings).toEqual([]);
    } finally {
      p.cleanup();
    }
  });
});
