/**
 * An error the platform raises to Apex (a query the user may not run, a limit passed, a bad
 * id): the engine parts throw it with the Apex exception type's name, and the interpreter turns
 * it into a catchable instance of that type. `UnsupportedError` is different: the runtime met
 * something it does not implement, and it stops loudly instead of guessing.
 */
export type PlatformExceptionType =
  | 'System.QueryException'
  | 'System.DmlException'
  | 'System.LimitException'
  | 'System.SObjectException'
  | 'System.StringException'
  | 'System.TypeException'
  | 'System.NullPointerException'
  | 'System.ListException'
  | 'System.NoSuchElementException'
  | 'System.MathException'
  | 'System.JSONException'
  | 'System.AsyncException'
  | 'System.NoAccessException'
  | 'System.IllegalArgumentException'
  | 'System.FinalException'
  | 'System.InvalidParameterValueException'
  | 'System.UnexpectedException'
  | 'System.SecurityException'
  | 'System.AssertException';

export class PlatformError extends Error {
  constructor(
    readonly exceptionType: PlatformExceptionType,
    message: string,
    /** Extra data the exception type exposes (DmlException's rows, QueryException's inaccessible fields). */
    readonly details?: unknown
  ) {
    super(message);
    this.name = exceptionType;
  }

  /** The Apex stack where it was raised (set by the innermost Apex frame it passes through). */
  apexStack?: string;
  apexLine?: number;
}

/** A construct or API the local runtime does not implement, with where it was met. */
export class UnsupportedError extends Error {
  constructor(
    readonly construct: string,
    readonly file?: string,
    readonly line?: number
  ) {
    super(`${file ?? '?'}:${line ?? '?'}: not supported by the local runtime: ${construct}`);
    this.name = 'UnsupportedError';
  }
}
