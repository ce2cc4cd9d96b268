import { plainFunction, type FormulaFunction } from './formulaFunction';
import { callFormulon } from './formulonCall';

/**
 * Math functions, run in formulon, which follows Salesforce where JavaScript differs: ROUND
 * rounds half away from zero (ROUND(-1.5, 0) = -2), CEILING and FLOOR round away from and
 * towards zero, MCEILING and MFLOOR are the mathematical ones. A blank argument gives a blank.
 */
function numeric(name: string, arity: number, variadic = false): FormulaFunction {
  return plainFunction({
    params: Array.from({ length: arity }, () => ['number'] as const),
    min: arity,
    max: variadic ? Infinity : arity,
    returns: 'number',
    run: (values, types) => callFormulon(name, values, types)
  });
}

export const MATH_FUNCTIONS: Readonly<Record<string, FormulaFunction>> = Object.fromEntries([
  ...['ABS', 'CEILING', 'FLOOR', 'MCEILING', 'MFLOOR', 'SQRT', 'EXP', 'LN', 'LOG'].map((name) => [
    name,
    numeric(name, 1)
  ]),
  ...['ROUND', 'MOD'].map((name) => [name, numeric(name, 2)]),
  ...['MAX', 'MIN'].map((name) => [name, numeric(name, 1, true)])
]);
