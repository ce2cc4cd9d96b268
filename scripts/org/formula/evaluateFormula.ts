import type { CompileOptions, FormulaRecord } from './formulaTypes';
import { fromRecord, type Value } from './formulaValues';
import type { EvaluationScope, TypedNode } from './functions/formulaFunction';

/** Evaluates a typed tree against one record; each function decides which arguments it evaluates. */
export function evaluateFormula(
  root: TypedNode,
  record: FormulaRecord,
  now: NonNullable<CompileOptions['now']>
): Value {
  const scope: EvaluationScope = {
    record,
    now,
    evaluate(node: TypedNode): Value {
      switch (node.kind) {
        case 'literal':
          return node.value;
        case 'field':
          return fromRecord(record.value(node.reference), node.type, node.reference);
        case 'call':
          return node.fn.evaluate(node.args, scope);
      }
    }
  };
  return scope.evaluate(root);
}
