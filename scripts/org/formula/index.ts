/**
 * The formula library of the local org runtime: Salesforce formulas parsed by formulon,
 * type-checked against the fields a resolver describes, and evaluated with the platform's
 * semantics for blanks, picklists and record changes. The gate's "Formulas" step and the
 * runtime's validation rules both use it.
 */
export { compileFormula } from './compileFormula';
export {
  FormulaError,
  type CompileOptions,
  type CompiledFormula,
  type FieldType,
  type FormulaContext,
  type FormulaDataType,
  type FormulaRecord
} from './formulaTypes';
