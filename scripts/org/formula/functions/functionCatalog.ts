import { FormulaError } from '../formulaTypes';
import { DATE_FUNCTIONS } from './dates';
import type { FormulaFunction } from './formulaFunction';
import { LOGICAL_FUNCTIONS } from './logical';
import { MATH_FUNCTIONS } from './math';
import { OPERATORS } from './operators';
import { RECORD_FUNCTIONS } from './recordChanges';
import { TEXT_FUNCTIONS } from './text';

/** Every function and operator the library can type-check and evaluate, by upper-case name. */
const SUPPORTED: Readonly<Record<string, FormulaFunction>> = {
  ...OPERATORS,
  ...LOGICAL_FUNCTIONS,
  ...RECORD_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...DATE_FUNCTIONS
};

/**
 * Salesforce functions the library does not evaluate (yet). A formula using one is refused with
 * that reason, so nothing is silently skipped, and a misspelt name is told apart from it.
 */
const NOT_SUPPORTED = new Set([
  'ADDDAYS',
  'CURRENCYRATE',
  'DAYOFYEAR',
  'DISTANCE',
  'FORMATDURATION',
  'FROMUNIXTIME',
  'GEOLOCATION',
  'GETRECORDIDS',
  'GETSESSIONID',
  'HTMLENCODE',
  'IMAGE',
  'INCLUDE',
  'INITCAP',
  'ISCLONE',
  'ISOWEEK',
  'ISOYEAR',
  'JSENCODE',
  'JSINHTMLENCODE',
  'JUNCTIONIDLIST',
  'LINKTO',
  'PARENTGROUPVAL',
  'PREVGROUPVAL',
  'REQUIRESCRIPT',
  'REVERSE',
  'UNIXTIMESTAMP',
  'URLENCODE',
  'URLFOR',
  'VLOOKUP'
]);

export function formulaFunction(name: string): FormulaFunction {
  const fn = SUPPORTED[name];
  if (fn) return fn;
  if (NOT_SUPPORTED.has(name)) {
    throw new FormulaError(
      `${name}() is a Salesforce function that the local formula library (scripts/org/formula) does not support`
    );
  }
  throw new FormulaError(`unknown function ${name}()`);
}
