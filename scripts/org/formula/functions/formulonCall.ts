import { parse, type FormulonLiteral } from 'formulon';
import { FormulaError } from '../formulaTypes';
import { DAY_MS, type Value, type ValueType } from '../formulaValues';

/**
 * Runs one formulon function on evaluated arguments: the text and math functions whose
 * behaviour on non-blank values formulon already implements as Salesforce does (LEFT, MID,
 * SUBSTITUTE, ROUND, CEILING, ...). Blank handling stays with the caller. formulon reads
 * numbers to a given scale, so each number says how many decimals it has.
 */
export function callFormulon(name: string, values: Value[], types: ValueType[]): Value {
  const names = values.map((_, i) => `arg${i}`);
  const substitutions: Record<string, FormulonLiteral> = {};
  values.forEach((value, i) => {
    substitutions[names[i]] = toLiteral(value, types[i]);
  });
  const result = parse(`${name}(${names.join(', ')})`, substitutions);
  if (result.type === 'error') throw new FormulaError(`${name}(): ${result.message}`);
  return fromLiteral(result, name);
}

function decimals(value: number): number {
  if (Number.isInteger(value)) return 0;
  const fraction = String(value).split('.')[1];
  return fraction && !fraction.includes('e') ? fraction.length : 15;
}

function toLiteral(value: Value, type: ValueType): FormulonLiteral {
  if (value === null) return { type: 'literal', dataType: 'null', value: null, options: {} };
  switch (typeof value) {
    case 'string':
      return { type: 'literal', dataType: 'text', value, options: { length: value.length } };
    case 'boolean':
      return { type: 'literal', dataType: 'checkbox', value, options: {} };
    case 'number':
      if (type === 'date')
        return { type: 'literal', dataType: 'date', value: new Date(value * DAY_MS), options: {} };
      return {
        type: 'literal',
        dataType: 'number',
        value,
        options: { length: String(Math.trunc(Math.abs(value))).length, scale: decimals(value) }
      };
    default:
      throw new FormulaError(`formulon cannot take a ${type} value`);
  }
}

function fromLiteral(literal: FormulonLiteral, name: string): Value {
  const { value } = literal;
  if (value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FormulaError(`${name}() has no finite result for these arguments`);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date && literal.dataType === 'date') return Math.round(value.getTime() / DAY_MS);
  throw new FormulaError(`${name}() returned a ${literal.dataType} value the library does not read`);
}
