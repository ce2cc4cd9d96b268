import type { Execution } from '../../execution';

/** A method of a built-in value type (String, Decimal, List, SObject ...), implemented natively. */
export type ValueMethod = (ex: Execution, self: never, args: unknown[]) => unknown;

export type MethodTable<T> = Record<string, (ex: Execution, self: T, args: unknown[]) => unknown>;

/** The argument at `index`, or a clear error naming the method when it is missing. */
export function arg(args: unknown[], index: number, method: string): unknown {
  if (index >= args.length) throw new Error(`${method}: missing argument ${index + 1}`);
  return args[index];
}
