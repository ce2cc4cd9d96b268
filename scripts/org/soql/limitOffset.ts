import { Decimal } from '../interpret/values/numbers';
import { queryError } from './queryErrors';
import type { CountValue } from './soqlAst';

/** The platform's largest OFFSET. */
const MAX_OFFSET = 2000;

/** LIMIT and OFFSET as numbers, from a literal or a bound Integer. */
export function countOf(
  value: CountValue | undefined,
  bind: (expression: string) => unknown,
  clause: 'LIMIT' | 'OFFSET'
): number | undefined {
  if (!value) return undefined;
  let count: unknown = value.kind === 'number' ? value.value : bind(value.expression);
  if (count instanceof Decimal) count = count.value;
  if (typeof count !== 'number' || !Number.isInteger(count))
    throw queryError(
      `Invalid bind expression type of ${count === null ? 'null' : typeof count} for ${clause}: an Integer is required`
    );
  if (count < 0) throw queryError(`${clause} must be a non-negative value: ${count}`);
  if (clause === 'OFFSET' && count > MAX_OFFSET)
    throw queryError(`Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  return count;
}
