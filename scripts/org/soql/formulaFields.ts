import { fromSql, type SqlValue } from '../database/storage';
import { compileFormula, FormulaError, type FieldType } from '../formula';
import { UnsupportedError } from '../platformError';
import type { FieldDescribe } from '../schema/describe';
import type { ObjectScope, ResolvedField } from './queryScope';

/**
 * A formula field in the select list. Formula fields are not stored, so the query reads the
 * stored fields the formula names (through the same joins as any path) and the formula library
 * computes the value for each row, as the platform computes it on read. The inputs are read
 * without field-level security: the platform checks the formula field, not what it reads.
 * Filtering, ordering and grouping by a formula field would need the formula in SQL, and stay
 * unsupported.
 */
export interface SelectedFormula {
  /** SQL columns of the stored fields it reads. */
  inputs: string[];
  /** The Apex value from the inputs' values (in the order of `inputs`); null when the formula errs, as `#Error!` reads. */
  evaluate(values: readonly SqlValue[]): unknown;
}

const DAY_MS = 86_400_000;

export function selectedFormula(resolved: ResolvedField, scope: ObjectScope): SelectedFormula {
  const { object, field, relationshipPath } = resolved;
  const name = `${object.name}.${field.name}`;
  const inputs = new Map<string, { field: FieldDescribe; index: number }>();
  const columns: string[] = [];
  const resolveInput = (reference: string): FieldType => {
    if (reference.startsWith('$')) throw new UnsupportedError(`formula field ${name} reading ${reference}`);
    const input = scope.resolve(
      { kind: 'field', path: [...relationshipPath, ...reference.split('.')] },
      { formula: true, silent: true }
    );
    if (input.field.calculated)
      throw new UnsupportedError(`formula field ${name} reading formula field ${reference}`);
    if (!inputs.has(reference)) {
      inputs.set(reference, { field: input.field, index: columns.length });
      columns.push(input.column);
    }
    return formulaTypeOf(input.field);
  };
  const today = scope.context.env.today;
  let formula: ReturnType<typeof compileFormula>;
  try {
    formula = compileFormula(field.formula ?? '', resolveInput, undefined, {
      context: 'formulaField',
      // TODAY() is the runtime's today; NOW() that day at the real time of day.
      now: () => new Date(today.days * DAY_MS + (Date.now() % DAY_MS))
    });
  } catch (error) {
    if (error instanceof FormulaError) throw new UnsupportedError(`formula field ${name}: ${error.message}`);
    throw error;
  }
  return {
    inputs: columns,
    evaluate(values) {
      const record = {
        value: (reference: string): unknown => {
          const input = inputs.get(reference);
          return input ? boundaryValue(input.field, values[input.index]) : null;
        }
      };
      let result: unknown;
      try {
        result = formula.evaluate(record);
      } catch (error) {
        if (error instanceof FormulaError) return null;
        throw error;
      }
      return fromSql(field, typeof result === 'boolean' ? (result ? 1 : 0) : (result as SqlValue));
    }
  };
}

function formulaTypeOf(field: FieldDescribe): FieldType {
  switch (field.type) {
    case 'picklist':
      return { dataType: 'picklist', options: field.picklistValues.map((v) => v.value) };
    case 'multipicklist':
      return { dataType: 'multipicklist', options: field.picklistValues.map((v) => v.value) };
    case 'boolean':
      return { dataType: 'checkbox' };
    case 'integer':
    case 'long':
    case 'double':
    case 'currency':
    case 'percent':
      return { dataType: 'number', scale: field.scale };
    case 'date':
    case 'datetime':
    case 'time':
      return { dataType: field.type };
    case 'base64':
      throw new UnsupportedError(`formula reading base64 field ${field.name}`);
    default:
      return { dataType: 'text', length: field.length };
  }
}

/** A stored value in the formula library's conventions (the storage's, except checkboxes are booleans). */
function boundaryValue(field: FieldDescribe, value: SqlValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (field.type === 'boolean') return value === 1 || value === 1n;
  if (typeof value === 'bigint') return Number(value);
  return value;
}
