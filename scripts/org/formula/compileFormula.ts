import {
  FormulaError,
  TYPE_NAMES,
  type CompileOptions,
  type CompiledFormula,
  type FieldType,
  type FormulaDataType
} from './formulaTypes';
import { toResult } from './formulaValues';
import { evaluateFormula } from './evaluateFormula';
import { readFormula } from './readFormula';
import { fieldReferences, typeCheck } from './typeCheck';

/**
 * Parses (formulon), type-checks and prepares a Salesforce formula for evaluation. Throws
 * FormulaError when the formula does not parse, names an unknown field or function, passes an
 * argument of the wrong type, or does not return `expect` (a validation rule expects 'checkbox').
 * `resolveField` receives each reference as written, dotted for cross-object fields and globals
 * (`Partner_Account__r.Partner_Tier__c`, `$User.Id`); undefined means the field does not exist.
 */
export function compileFormula(
  text: string,
  resolveField: (reference: string) => FieldType | undefined,
  expect?: FormulaDataType,
  options: CompileOptions = {}
): CompiledFormula {
  const context = options.context ?? 'validationRule';
  const tree = typeCheck(readFormula(text), resolveField, { context });
  if (tree.type === 'picklist' || tree.type === 'multipicklist') {
    throw new FormulaError(`a formula cannot return a ${TYPE_NAMES[tree.type]} value; wrap it in TEXT()`);
  }
  if (expect && tree.type !== 'null' && tree.type !== expect) {
    const what = context === 'validationRule' ? 'a validation rule' : 'the formula';
    throw new FormulaError(
      `${what} must return ${TYPE_NAMES[expect]}${context === 'validationRule' ? ' (TRUE when the record is invalid)' : ''}; ` +
        `this one returns ${TYPE_NAMES[tree.type]}`
    );
  }
  const returnType: FormulaDataType = tree.type === 'null' ? (expect ?? 'text') : tree.type;
  const now = options.now ?? (() => new Date());
  return {
    references: fieldReferences(tree),
    returnType,
    evaluate: (record) => toResult(evaluateFormula(tree, record, now), returnType)
  };
}
