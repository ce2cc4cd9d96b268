// The part of formulon (a Salesforce formula parser and evaluator, JavaScript without types)
// that scripts/org/formula uses.
declare module 'formulon' {
  export type FormulonDataType =
    | 'text'
    | 'number'
    | 'date'
    | 'datetime'
    | 'time'
    | 'checkbox'
    | 'picklist'
    | 'multipicklist'
    | 'geolocation'
    | 'null';

  export interface FormulonLiteral {
    type: 'literal';
    dataType: FormulonDataType;
    /** text: string; number: number; checkbox: boolean; date, datetime, time: Date (UTC); null: null. */
    value: string | number | boolean | Date | null | unknown[];
    options: { length?: number; scale?: number; values?: string[] };
  }

  export interface FormulonCall {
    type: 'callExpression';
    /** Lower-case function name, or an operator: add, subtract, multiply, divide, exponentiate, equal, unequal, lessThan, lessThanOrEqual, greaterThan, greaterThanOrEqual, and, or, not. */
    id: string;
    arguments: FormulonNode[];
  }

  export interface FormulonIdentifier {
    type: 'identifier';
    name: string;
  }

  export interface FormulonError {
    type: 'error';
    errorType: string;
    message: string;
  }

  export type FormulonNode = FormulonLiteral | FormulonCall | FormulonIdentifier;

  /** The syntax tree; `{}` for an empty formula, an error node when it does not parse. */
  export function ast(formula: string): FormulonNode | FormulonError | Record<string, never>;
  /** Evaluates the formula with its identifiers replaced by the given literals. */
  export function parse(
    formula: string,
    substitutions?: Record<string, FormulonLiteral>
  ): FormulonLiteral | FormulonError;
  export function extract(formula: string): string[];
}
