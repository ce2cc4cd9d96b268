import { FormulaError, TYPE_NAMES, type FormulaDataType } from '../formulaTypes';
import { isBlank, type Value } from '../formulaValues';
import {
  checkArity,
  commonType,
  describe,
  expectArg,
  picklistMisuse,
  type FormulaFunction,
  type TypedNode
} from './formulaFunction';

/**
 * AND, OR, NOT, IF, CASE and the blank tests. A Boolean computed from a blank field is neither
 * TRUE nor FALSE (null): NOT keeps it unknown, AND is FALSE as soon as one argument is FALSE,
 * OR is TRUE as soon as one is TRUE, IF takes its else branch, and a formula that ends unknown
 * counts as FALSE (the validation rule does not fire).
 */
const ANY_VALUE: readonly FormulaDataType[] = [
  'text',
  'number',
  'date',
  'datetime',
  'time',
  'checkbox',
  'geolocation'
];

function junction(stopAt: boolean): FormulaFunction {
  return {
    check(name, args) {
      checkArity(name, args, 1, Infinity);
      args.forEach((_, i) => expectArg(name, args, i, ['checkbox']));
      return 'checkbox';
    },
    evaluate(args, scope) {
      let unknown = false;
      for (const arg of args) {
        const value = scope.evaluate(arg);
        if (value === stopAt) return stopAt;
        if (value === null) unknown = true;
      }
      return unknown ? null : !stopAt;
    }
  };
}

const not: FormulaFunction = {
  check(name, args) {
    checkArity(name, args, 1);
    expectArg(name, args, 0, ['checkbox']);
    return 'checkbox';
  },
  evaluate([arg], scope) {
    const value = scope.evaluate(arg);
    return value === null ? null : !value;
  }
};

function noPicklistResult(name: string, node: TypedNode): void {
  if (node.type === 'picklist' || node.type === 'multipicklist')
    throw picklistMisuse(node, `${name}() as a result`);
}

const ifFunction: FormulaFunction = {
  check(name, args) {
    checkArity(name, args, 3);
    expectArg(name, args, 0, ['checkbox']);
    noPicklistResult(name, args[1]);
    noPicklistResult(name, args[2]);
    return commonType(name, args[1], args[2]);
  },
  evaluate([condition, whenTrue, whenFalse], scope) {
    return scope.evaluate(condition) === true ? scope.evaluate(whenTrue) : scope.evaluate(whenFalse);
  }
};

/** CASE(expression, value1, result1, ..., else): a picklist is matched by its API value. */
const caseFunction: FormulaFunction = {
  check(name, args) {
    checkArity(name, args, 4, Infinity);
    if (args.length % 2 !== 0) {
      throw new FormulaError(
        `${name}() needs an else result: (expression, value, result, ..., else); got ${args.length} arguments`
      );
    }
    const matched = expectArg(name, args, 0, ['text', 'number', 'date', 'datetime', 'picklist']);
    const valueType = matched === 'picklist' ? 'text' : matched;
    let result = args[args.length - 1];
    noPicklistResult(name, result);
    for (let i = 1; i < args.length - 1; i += 2) {
      const value = args[i];
      if (value.type !== 'null' && valueType !== 'null' && value.type !== valueType) {
        throw new FormulaError(
          `${name}(): ${describe(value)} is ${TYPE_NAMES[value.type]} but ${describe(args[0])} is ${TYPE_NAMES[args[0].type]}`
        );
      }
      noPicklistResult(name, args[i + 1]);
      const type = commonType(name, result, args[i + 1]);
      if (type !== result.type) result = args[i + 1];
    }
    return result.type;
  },
  evaluate(args, scope) {
    const subject = scope.evaluate(args[0]);
    for (let i = 1; i < args.length - 1; i += 2) {
      if (subject !== null && subject === scope.evaluate(args[i])) return scope.evaluate(args[i + 1]);
    }
    return scope.evaluate(args[args.length - 1]);
  }
};

/** ISBLANK and ISNULL; Salesforce text is never null, so ISNULL of text is always FALSE. */
function blankTest(textCanBeBlank: boolean): FormulaFunction {
  return {
    check(name, args) {
      checkArity(name, args, 1);
      expectArg(name, args, 0, [...ANY_VALUE, 'multipicklist']);
      return 'checkbox';
    },
    evaluate([arg], scope) {
      const value = scope.evaluate(arg);
      if (arg.type === 'text' && !textCanBeBlank) return false;
      return isBlank(value);
    }
  };
}

/** BLANKVALUE and NULLVALUE: the first argument unless it is blank. */
function substitute(textCanBeBlank: boolean): FormulaFunction {
  return {
    check(name, args) {
      checkArity(name, args, 2);
      expectArg(name, args, 0, ANY_VALUE);
      expectArg(name, args, 1, ANY_VALUE);
      return commonType(name, args[0], args[1]);
    },
    evaluate([arg, replacement], scope) {
      const value: Value = scope.evaluate(arg);
      const blank = arg.type === 'text' && !textCanBeBlank ? value === null : isBlank(value);
      return blank ? scope.evaluate(replacement) : value;
    }
  };
}

export const LOGICAL_FUNCTIONS: Readonly<Record<string, FormulaFunction>> = {
  AND: junction(false),
  OR: junction(true),
  NOT: not,
  IF: ifFunction,
  CASE: caseFunction,
  ISBLANK: blankTest(true),
  ISNULL: blankTest(false),
  BLANKVALUE: substitute(true),
  NULLVALUE: substitute(false)
};
