import {
  FormulaError,
  TYPE_NAMES,
  type FieldType,
  type FormulaContext,
  type FormulaDataType,
  type FormulaRecord
} from '../formulaTypes';
import type { Value, ValueType } from '../formulaValues';

/**
 * What every function and operator of the library provides: a type check that runs once, when
 * the formula is compiled, and an evaluation that runs per record. Arguments are evaluated on
 * demand (`scope.evaluate`), so IF, CASE, AND and OR only evaluate what they need, as Salesforce does.
 */
export type TypedNode =
  | { kind: 'literal'; type: ValueType; value: Value }
  | { kind: 'field'; type: FormulaDataType; reference: string; field: FieldType }
  | { kind: 'call'; type: ValueType; name: string; args: TypedNode[]; fn: FormulaFunction };

export interface CheckScope {
  context: FormulaContext;
}

export interface EvaluationScope {
  evaluate(node: TypedNode): Value;
  record: FormulaRecord;
  now(): Date;
}

export interface FormulaFunction {
  /** The result type for these (already typed) arguments; throws FormulaError saying what is wrong. */
  check(name: string, args: TypedNode[], scope: CheckScope): ValueType;
  evaluate(args: TypedNode[], scope: EvaluationScope): Value;
}

/** How an argument is named in a message: the field, the call as written, or the literal. */
export function describe(node: TypedNode): string {
  if (node.kind === 'field') return node.reference;
  if (node.kind === 'literal') return node.value === null ? 'NULL' : JSON.stringify(node.value);
  const text = /^[A-Z]/.test(node.name)
    ? `${node.name}(${node.args.map(describe).join(', ')})`
    : `${describe(node.args[0])} ${node.name} ${describe(node.args[1])}`;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export function checkArity(name: string, args: TypedNode[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  throw new FormulaError(
    `${name}() takes ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}`
  );
}

/**
 * Salesforce lets a picklist appear only in ISPICKVAL, CASE, TEXT, ISCHANGED and PRIORVALUE;
 * anywhere else it names the field and the way out.
 */
export function picklistMisuse(node: TypedNode, where: string): FormulaError {
  const fix = node.type === 'multipicklist' ? 'INCLUDES(field, "value")' : `TEXT(${describe(node)})`;
  return new FormulaError(
    `${describe(node)} is a ${TYPE_NAMES[node.type]} ${node.kind === 'field' ? 'field' : 'value'}: ${where} cannot use it; picklists are only supported in ` +
      `ISPICKVAL, CASE, TEXT, ISCHANGED and PRIORVALUE (multi-select: INCLUDES, ISBLANK, ISCHANGED, PRIORVALUE); try ${fix}`
  );
}

/** Checks that argument `index` has one of `allowed` (NULL fits any) and returns its type. */
export function expectArg(
  name: string,
  args: TypedNode[],
  index: number,
  allowed: readonly FormulaDataType[]
): ValueType {
  const arg = args[index];
  if (arg.type === 'null' || allowed.includes(arg.type)) return arg.type;
  if ((arg.type === 'picklist' || arg.type === 'multipicklist') && !allowed.includes(arg.type))
    throw picklistMisuse(arg, `${name}()`);
  throw new FormulaError(
    `${name}() argument ${index + 1} must be ${allowed.map((t) => TYPE_NAMES[t]).join(' or ')}; ` +
      `${describe(arg)} is ${TYPE_NAMES[arg.type]}`
  );
}

/** The one type two branches share (IF, CASE, BLANKVALUE); NULL takes the other's type. */
export function commonType(name: string, a: TypedNode, b: TypedNode): ValueType {
  if (a.type === 'null') return b.type;
  if (b.type === 'null' || a.type === b.type) return a.type;
  throw new FormulaError(
    `${name}(): ${describe(a)} is ${TYPE_NAMES[a.type]} but ${describe(b)} is ${TYPE_NAMES[b.type]}; both must have the same type`
  );
}

/**
 * A function of already evaluated arguments: the type check is a fixed list of allowed types per
 * argument (the last list repeats for variadic functions), and a blank number, date or time
 * argument makes the result blank (validation rules treat blank fields as blanks).
 */
export function plainFunction(options: {
  params: readonly (readonly FormulaDataType[])[];
  min?: number;
  max?: number;
  returns: ValueType;
  /** Blank arguments reach `run` instead of making the result blank. */
  acceptsBlank?: boolean;
  run: (values: Value[], types: ValueType[], scope: EvaluationScope) => Value;
}): FormulaFunction {
  const min = options.min ?? options.params.length;
  const max = options.max ?? options.params.length;
  return {
    check(name, args) {
      checkArity(name, args, min, max);
      args.forEach((_, i) =>
        expectArg(name, args, i, options.params[Math.min(i, options.params.length - 1)])
      );
      return options.returns;
    },
    evaluate(args, scope) {
      const values = args.map((arg) => scope.evaluate(arg));
      if (!options.acceptsBlank && values.some((v) => v === null)) return null;
      return options.run(
        values,
        args.map((a) => a.type),
        scope
      );
    }
  };
}
