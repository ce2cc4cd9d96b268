/**
 * The public vocabulary of the formula library: what a field looks like to a formula, what a
 * record offers it, and what a compiled formula gives back. The local org runtime adapts its
 * own values to these conventions (dates as 'YYYY-MM-DD', datetimes as ISO-8601 strings).
 */

/** A formula's view of a value's type. Currency and percent fields are `number`; ids and lookups are `text`. */
export type FormulaDataType =
  | 'text'
  | 'number'
  | 'date'
  | 'datetime'
  | 'checkbox'
  | 'picklist'
  | 'multipicklist'
  | 'time'
  | 'geolocation';

export interface FieldType {
  dataType: FormulaDataType;
  /** Digits after the decimal point of a number field. */
  scale?: number;
  /** Characters of a text field. */
  length?: number;
  /** Picklist value API names, when known. */
  options?: string[];
}

/**
 * The record a formula reads. `value` answers every field reference of the formula, as written
 * (`Amount__c`, `Account.Name`, `$User.Id`), in the boundary conventions:
 * text/picklist → string | null, number → number | null, date → 'YYYY-MM-DD' | null,
 * datetime → ISO-8601 | null, time → 'HH:mm:ss.SSS' | null, checkbox → boolean,
 * multipicklist → 'A;B' or string[] | null, geolocation → { latitude, longitude } | null.
 */
export interface FormulaRecord {
  value(reference: string): unknown;
  /** The value before this save (ISCHANGED, PRIORVALUE); absent or `isNew` means there is none. */
  prior?(reference: string): unknown;
  /** True while the record is being inserted (ISNEW; ISCHANGED is then FALSE). */
  isNew?: boolean;
}

export interface CompiledFormula {
  /** Every field reference the formula reads, once each, as written. */
  references: string[];
  returnType: FormulaDataType;
  /**
   * The formula's value in the boundary conventions above. A Boolean formula returns `true` or
   * `false` (a condition over blank fields counts as `false`, so a validation rule does not fire).
   * Throws FormulaError when the formula cannot be evaluated (division by zero, VALUE of a
   * non-number, an invalid REGEX pattern, a record value of the wrong type).
   */
  evaluate(record: FormulaRecord): unknown;
}

/** Where a formula lives decides which functions it may call (ISCHANGED only in validation rules, ...). */
export type FormulaContext = 'validationRule' | 'formulaField' | 'defaultValue';

export interface CompileOptions {
  /** Defaults to 'validationRule'. */
  context?: FormulaContext;
  /** The clock of TODAY(), NOW() and TIMENOW(); defaults to the real time. Dates are UTC. */
  now?: () => Date;
}

/** A formula that does not parse, does not type-check or cannot be evaluated; the message says why. */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** How Salesforce names each type in its own error messages. */
export const TYPE_NAMES: Readonly<Record<FormulaDataType | 'null', string>> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  datetime: 'Date/Time',
  checkbox: 'Checkbox (Boolean)',
  picklist: 'Picklist',
  multipicklist: 'Multi-Select Picklist',
  time: 'Time',
  geolocation: 'Geolocation',
  null: 'NULL'
};
