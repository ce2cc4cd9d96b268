import type { Frame } from './frame';

/**
 * A method, constructor, accessor or trigger body compiled to closures: `run` executes it in a
 * frame whose `locals` hold `size` slots, the parameters first.
 */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
export type Completion = typeof NORMAL | typeof BREAK | typeof CONTINUE | typeof RETURN;

export type StatementCode = (frame: Frame) => Completion;
export type ExpressionCode = (frame: Frame) => unknown;

export interface CompiledBody {
  size: number;
  run: StatementCode;
  /** The source file, so that what the runtime does not support is reported at file:line. */
  file?: string;
}
