import type { Execution } from './execution';
import type { ApexObject, RuntimeClass } from './runtimeClass';

/**
 * One call's state: its local variable slots, `this`, the code's class (for sharing and
 * stack traces), whether record sharing applies to its queries and DML, and the line it is on.
 */
export class Frame {
  readonly locals: unknown[];
  line: number;
  returnValue: unknown = null;

  constructor(
    readonly ex: Execution,
    /** `Class.method` as stack traces name it, or `Trigger.Name`. */
    readonly label: string,
    readonly cls: RuntimeClass | null,
    readonly self: ApexObject | null,
    /** Record sharing applies (a `with sharing` context, or inherited from a caller that has it). */
    readonly sharing: boolean,
    size: number,
    line: number
  ) {
    this.locals = new Array<unknown>(size).fill(null);
    this.line = line;
  }
}
