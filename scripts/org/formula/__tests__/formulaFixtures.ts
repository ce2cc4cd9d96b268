import {
  compileFormula,
  type CompileOptions,
  type FieldType,
  type FormulaDataType,
  type FormulaRecord
} from '..';

/**
 * A made-up Invoice object for the library's tests (the runtime knows the platform, never the
 * package): one field of each type, a lookup to an account, and the clock fixed at
 * 2026-03-15 10:30 UTC.
 */
export const INVOICE_FIELDS: Record<string, FieldType> = {
  Name: { dataType: 'text', length: 80 },
  Code__c: { dataType: 'text', length: 20 },
  Total__c: { dataType: 'number', scale: 2 },
  Discount__c: { dataType: 'number', scale: 0 },
  Due_On__c: { dataType: 'date' },
  Paid_On__c: { dataType: 'date' },
  Sent_At__c: { dataType: 'datetime' },
  Cutoff__c: { dataType: 'time' },
  Is_Disputed__c: { dataType: 'checkbox' },
  Stage__c: { dataType: 'picklist', options: ['Draft', 'Sent', 'Paid'] },
  Channels__c: { dataType: 'multipicklist', options: ['Email', 'Post'] },
  'Account__r.Name': { dataType: 'text' },
  '$User.Id': { dataType: 'text' }
};

export const NOW = new Date('2026-03-15T10:30:00.000Z');

export const resolveInvoiceField = (reference: string): FieldType | undefined => INVOICE_FIELDS[reference];

export function compile(text: string, expect?: FormulaDataType, options: CompileOptions = {}) {
  return compileFormula(text, resolveInvoiceField, expect, { now: () => NOW, ...options });
}

export function record(
  values: Record<string, unknown>,
  change: { prior?: Record<string, unknown>; isNew?: boolean } = {}
): FormulaRecord {
  const { prior } = change;
  return {
    value: (reference) => values[reference] ?? null,
    prior: prior && ((reference) => prior[reference] ?? null),
    isNew: change.isNew
  };
}

/** Compiles and evaluates in one step. */
export function evaluate(text: string, values: Record<string, unknown> = {}, change = {}): unknown {
  return compile(text).evaluate(record(values, change));
}
