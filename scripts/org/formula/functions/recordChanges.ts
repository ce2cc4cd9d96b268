import { FormulaError, type FormulaRecord } from '../formulaTypes';
import { fromRecord, type Value } from '../formulaValues';
import { checkArity, describe, expectArg, type FormulaFunction, type TypedNode } from './formulaFunction';

/**
 * ISNEW, ISCHANGED and PRIORVALUE compare the record with what it was before the save, so they
 * exist only where there is a save: validation rules. On insert ISCHANGED is FALSE and
 * PRIORVALUE returns the current value (Salesforce's documented behaviour). ISPICKVAL and
 * INCLUDES live here too: with PRIORVALUE they are how a rule reads a picklist's old value.
 */
function onlyInValidationRules(name: string, context: string): void {
  if (context !== 'validationRule') {
    throw new FormulaError(
      `${name}() is only available in validation rules, not in a ${context === 'formulaField' ? 'formula field' : 'default value'}`
    );
  }
}

type FieldNode = Extract<TypedNode, { kind: 'field' }>;

function ownField(name: string, args: TypedNode[]): FieldNode {
  const [arg] = args;
  if (arg.kind !== 'field' || arg.reference.includes('.') || arg.reference.startsWith('$')) {
    throw new FormulaError(`${name}() takes a field of the record itself; ${describe(arg)} is not one`);
  }
  return arg;
}

function priorValue(field: FieldNode, record: FormulaRecord): Value {
  const current = fromRecord(record.value(field.reference), field.type, field.reference);
  if (record.isNew || !record.prior) return current;
  return fromRecord(record.prior(field.reference), field.type, field.reference);
}

function sameValue(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join(';') === [...b].sort().join(';');
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object')
    return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

const isNew: FormulaFunction = {
  check(name, args, scope) {
    onlyInValidationRules(name, scope.context);
    checkArity(name, args, 0);
    return 'checkbox';
  },
  evaluate: (_args, scope) => scope.record.isNew === true
};

const isChanged: FormulaFunction = {
  check(name, args, scope) {
    onlyInValidationRules(name, scope.context);
    checkArity(name, args, 1);
    ownField(name, args);
    return 'checkbox';
  },
  evaluate([arg], scope) {
    const field = arg as FieldNode;
    if (scope.record.isNew || !scope.record.prior) return false;
    return !sameValue(scope.evaluate(field), priorValue(field, scope.record));
  }
};

const priorValueFunction: FormulaFunction = {
  check(name, args, scope) {
    onlyInValidationRules(name, scope.context);
    checkArity(name, args, 1);
    return ownField(name, args).type;
  },
  evaluate: ([arg], scope) => priorValue(arg as FieldNode, scope.record)
};

const isPickval: FormulaFunction = {
  check(name, args) {
    checkArity(name, args, 2);
    expectArg(name, args, 0, ['picklist']);
    expectArg(name, args, 1, ['text']);
    return 'checkbox';
  },
  evaluate: ([picklist, value], scope) => scope.evaluate(picklist) === (scope.evaluate(value) ?? '')
};

const includes: FormulaFunction = {
  check(name, args) {
    checkArity(name, args, 2);
    expectArg(name, args, 0, ['multipicklist']);
    expectArg(name, args, 1, ['text']);
    return 'checkbox';
  },
  evaluate([selection, value], scope) {
    const selected = scope.evaluate(selection);
    return Array.isArray(selected) && selected.includes((scope.evaluate(value) as string | null) ?? '');
  }
};

export const RECORD_FUNCTIONS: Readonly<Record<string, FormulaFunction>> = {
  ISNEW: isNew,
  ISCHANGED: isChanged,
  PRIORVALUE: priorValueFunction,
  ISPICKVAL: isPickval,
  INCLUDES: includes
};
