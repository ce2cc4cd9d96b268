import type { ApexObject } from './runtimeClass';

/**
 * An Apex exception in flight: the JavaScript error that carries the Apex exception object
 * through the interpreter's frames until an Apex `catch` (or the caller of the runtime) takes it.
 */
export class ApexThrow extends Error {
  constructor(readonly exception: ApexObject) {
    super(String(exception.native.message ?? ''));
    this.name = exception.cls.name;
  }

  get typeName(): string {
    return this.exception.cls.name;
  }

  get apexMessage(): string {
    return String(this.exception.native.message ?? '');
  }

  get apexStackTrace(): string {
    return String(this.exception.native.stackTrace ?? '');
  }
}
