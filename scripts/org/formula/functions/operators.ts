import { FormulaError, TYPE_NAMES } from '../formulaTypes';
import { DAY_MS, type Value, type ValueType } from '../formulaValues';
import { describe, picklistMisuse, type FormulaFunction, type TypedNode } from './formulaFunction';

/**
 * + - * / ^ and the comparisons, with Salesforce's typing: dates and datetimes move by a number
 * of days, times by milliseconds, the difference of two dates is a number of days, `+` and `&`
 * join text. A blank operand (no amount, no date) makes the result blank, and a comparison with
 * a blank is neither true nor false, so `Amount__c < 0` does not fire on a blank amount.
 */
type Arithmetic = (a: number, b: number) => number;

/** Result type for each operand pair, and how to compute it. */
interface TypedRule {
  left: ValueType;
  right: ValueType;
  result: ValueType;
  compute: Arithmetic;
}

const addDays: Arithmetic = (day, days) => day + Math.trunc(days);
const wrapTime = (ms: number): number => ((ms % DAY_MS) + DAY_MS) % DAY_MS;

const PLUS: TypedRule[] = [
  { left: 'number', right: 'number', result: 'number', compute: (a, b) => a + b },
  { left: 'date', right: 'number', result: 'date', compute: addDays },
  { left: 'number', right: 'date', result: 'date', compute: (a, b) => addDays(b, a) },
  { left: 'datetime', right: 'number', result: 'datetime', compute: (a, b) => a + b * DAY_MS },
  { left: 'number', right: 'datetime', result: 'datetime', compute: (a, b) => b + a * DAY_MS },
  { left: 'time', right: 'number', result: 'time', compute: (a, b) => wrapTime(a + b) },
  { left: 'number', right: 'time', result: 'time', compute: (a, b) => wrapTime(a + b) }
];

const MINUS: TypedRule[] = [
  { left: 'number', right: 'number', result: 'number', compute: (a, b) => a - b },
  { left: 'date', right: 'number', result: 'date', compute: (a, b) => addDays(a, -b) },
  { left: 'date', right: 'date', result: 'number', compute: (a, b) => a - b },
  { left: 'datetime', right: 'number', result: 'datetime', compute: (a, b) => a - b * DAY_MS },
  { left: 'datetime', right: 'datetime', result: 'number', compute: (a, b) => (a - b) / DAY_MS },
  { left: 'time', right: 'number', result: 'time', compute: (a, b) => wrapTime(a - b) },
  { left: 'time', right: 'time', result: 'number', compute: (a, b) => a - b }
];

function numberOnly(compute: Arithmetic): TypedRule[] {
  return [{ left: 'number', right: 'number', result: 'number', compute }];
}

function operandError(name: string, a: TypedNode, b: TypedNode): FormulaError {
  for (const side of [a, b])
    if (side.type === 'picklist' || side.type === 'multipicklist') return picklistMisuse(side, name);
  return new FormulaError(
    `operator ${name} cannot combine ${TYPE_NAMES[a.type]} (${describe(a)}) and ${TYPE_NAMES[b.type]} (${describe(b)})`
  );
}

/** The rule for the operand types; NULL takes whichever type makes a rule apply. */
function ruleFor(rules: TypedRule[], a: ValueType, b: ValueType): TypedRule | undefined {
  return rules.find((r) => (a === 'null' || r.left === a) && (b === 'null' || r.right === b));
}

function arithmetic(rules: TypedRule[], joinsText = false): FormulaFunction {
  return {
    check(name, [a, b]) {
      if (
        joinsText &&
        (a.type === 'text' || b.type === 'text') &&
        (a.type === b.type || a.type === 'null' || b.type === 'null')
      )
        return 'text';
      const rule = ruleFor(rules, a.type, b.type);
      if (!rule) throw operandError(name, a, b);
      return a.type === 'null' && b.type === 'null' ? 'null' : rule.result;
    },
    evaluate([a, b], scope) {
      const left = scope.evaluate(a);
      const right = scope.evaluate(b);
      if (joinsText && (a.type === 'text' || b.type === 'text')) return `${left ?? ''}${right ?? ''}`;
      if (left === null || right === null) return null;
      const rule = ruleFor(rules, a.type, b.type);
      return rule ? rule.compute(left as number, right as number) : null;
    }
  };
}

const divide: FormulaFunction = {
  check: arithmetic(numberOnly((a, b) => a / b)).check,
  evaluate([a, b], scope) {
    const left = scope.evaluate(a);
    const right = scope.evaluate(b);
    if (left === null || right === null) return null;
    if (right === 0) throw new FormulaError(`division by zero: ${describe(b)} is 0`);
    return (left as number) / (right as number);
  }
};

const COMPARABLE: readonly ValueType[] = ['number', 'date', 'datetime', 'time'];
const EQUATABLE: readonly ValueType[] = [...COMPARABLE, 'text', 'checkbox'];

function comparison(allowed: readonly ValueType[], test: (order: number) => boolean): FormulaFunction {
  return {
    check(name, [a, b]) {
      for (const side of [a, b])
        if (side.type === 'picklist' || side.type === 'multipicklist') throw picklistMisuse(side, name);
      const type = a.type === 'null' ? b.type : a.type;
      const sameType = a.type === b.type || a.type === 'null' || b.type === 'null';
      if (!sameType || (type !== 'null' && !allowed.includes(type))) throw operandError(name, a, b);
      return 'checkbox';
    },
    evaluate([a, b], scope) {
      const left = scope.evaluate(a);
      const right = scope.evaluate(b);
      if (left === null || right === null) return null;
      return test(order(left, right));
    }
  };
}

function order(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  return a === b ? 0 : 1;
}

export const OPERATORS: Readonly<Record<string, FormulaFunction>> = {
  '+': arithmetic(PLUS, true),
  '-': arithmetic(MINUS),
  '*': arithmetic(numberOnly((a, b) => a * b)),
  '/': divide,
  '^': arithmetic(numberOnly((a, b) => a ** b)),
  '=': comparison(EQUATABLE, (o) => o === 0),
  '<>': comparison(EQUATABLE, (o) => o !== 0),
  '<': comparison(COMPARABLE, (o) => o < 0),
  '<=': comparison(COMPARABLE, (o) => o <= 0),
  '>': comparison(COMPARABLE, (o) => o > 0),
  '>=': comparison(COMPARABLE, (o) => o >= 0)
};
