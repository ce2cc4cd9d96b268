import { FormulaError, type CompileOptions, type FieldType } from './formulaTypes';
import type { FormulaNode } from './readFormula';
import { formulaFunction } from './functions/functionCatalog';
import type { CheckScope, TypedNode } from './functions/formulaFunction';

/**
 * Gives every node of the syntax tree its type, bottom-up: a field's from `resolveField`, a
 * call's from its function's check. Any unknown field, unknown function or argument of the wrong
 * type stops compilation with a FormulaError that names it.
 */
export function typeCheck(
  node: FormulaNode,
  resolveField: (reference: string) => FieldType | undefined,
  options: Required<Pick<CompileOptions, 'context'>>
): TypedNode {
  const scope: CheckScope = { context: options.context };
  const visit = (current: FormulaNode): TypedNode => {
    switch (current.kind) {
      case 'literal':
        return { kind: 'literal', type: current.type, value: current.value };
      case 'field': {
        const field = resolveField(current.reference);
        if (!field) throw new FormulaError(`unknown field ${current.reference}`);
        return { kind: 'field', type: field.dataType, reference: current.reference, field };
      }
      case 'call': {
        const fn = formulaFunction(current.name);
        const args = current.args.map(visit);
        return { kind: 'call', type: fn.check(current.name, args, scope), name: current.name, args, fn };
      }
    }
  };
  return visit(node);
}

/** Every field the typed tree reads, once each, in the order they appear. */
export function fieldReferences(node: TypedNode, found: string[] = []): string[] {
  if (node.kind === 'field' && !found.includes(node.reference)) found.push(node.reference);
  if (node.kind === 'call') for (const arg of node.args) fieldReferences(arg, found);
  return found;
}
