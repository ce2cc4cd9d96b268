import { PlatformError, UnsupportedError } from '../platformError';
import { emptyDmlKinds, type DmlKinds } from '../dml/mixedDml';
import { ASYNC_LIMITS, GovernorLimits, SYNC_LIMITS } from '../limits/governorLimits';
import { ApexThrow } from './apexThrow';
import type { OrgContext } from './orgContext';
import { Frame } from './frame';
import { coerce, isInstanceOf, runtimeTypeName } from './operators';
import { coerceToDeclared } from './coerceDeclared';
import { ApexObject, RuntimeClass, type FieldInfo, type MethodInfo } from './runtimeClass';
import type { TriggerContext } from './triggerContext';
import type { ApexDatetime } from './values/temporal';

/**
 * One Apex transaction: the static variables of every class it touches (fresh for each
 * transaction, initialised on first use), the call stack, the running user, the governor
 * limits, the trigger contexts of nested DML and the async work it queued. Everything the
 * interpreter does happens inside an Execution.
 */
export interface AsyncWork {
  kind: 'batch' | 'queueable' | 'schedule' | 'future';
  label: string;
  jobId: string;
  run(ex: Execution): void;
}

export interface TestState {
  /** Between Test.startTest and Test.stopTest. */
  started: boolean;
  stopped: boolean;
  /** Limits outside the started block, restored by stopTest. */
  outerLimits: GovernorLimits | null;
}

const MAX_STACK_DEPTH = 1000;

export class Execution {
  private statics = new Map<RuntimeClass, Map<string, unknown>>();
  private initialized = new Set<RuntimeClass>();
  readonly stack: Frame[] = [];
  limits: GovernorLimits;
  readonly triggers: TriggerContext[] = [];
  readonly asyncQueue: AsyncWork[] = [];
  test: TestState | null = null;
  /** System.debug output of this transaction. */
  readonly debugLog: string[] = [];
  /** Which kinds of records (setup objects or others) this transaction has written: they cannot mix. */
  dmlKinds: DmlKinds = emptyDmlKinds();

  constructor(
    readonly org: OrgContext,
    public userId: string,
    readonly options: { async?: boolean; isTest?: boolean } = {}
  ) {
    this.limits = new GovernorLimits(options.async ? ASYNC_LIMITS : SYNC_LIMITS);
  }

  get frame(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Whether the code now running enforces record sharing. */
  get sharing(): boolean {
    return this.frame?.sharing ?? false;
  }

  // ---- classes and statics -------------------------------------------------------------

  ensureInitialized(cls: RuntimeClass): void {
    if (this.initialized.has(cls)) return;
    this.initialized.add(cls);
    this.org.registry.link(cls);
    if (cls.superclass) this.ensureInitialized(cls.superclass);
    if (cls.outer) this.ensureInitialized(cls.outer);
    if (!cls.decl || cls.decl.kind !== 'class') return;
    const init = this.org.compiler.staticInitializer(cls);
    if (init) this.runBody(`${cls.name}.<clinit>`, cls, null, false, init, [], cls.decl.line);
  }

  /**
   * Runs `work` as a transaction of its own would start: with no static variable set and no
   * static initialiser run yet (a batch's execute() does not see what the previous one set).
   */
  withFreshStatics(work: () => void): void {
    const statics = this.statics;
    const initialized = this.initialized;
    this.statics = new Map();
    this.initialized = new Set();
    try {
      work();
    } finally {
      this.statics = statics;
      this.initialized = initialized;
    }
  }

  staticsOf(cls: RuntimeClass): Map<string, unknown> {
    let values = this.statics.get(cls);
    if (!values) {
      values = new Map();
      this.statics.set(cls, values);
    }
    return values;
  }

  getStatic(field: FieldInfo): unknown {
    if (field.nativeValue) return field.nativeValue(this);
    this.ensureInitialized(field.owner);
    if (field.getter) return this.invoke(field.getter, null, []);
    return this.staticsOf(field.owner).get(field.key) ?? null;
  }

  setStatic(field: FieldInfo, value: unknown): void {
    this.ensureInitialized(field.owner);
    if (field.setter) {
      this.invoke(field.setter, null, [value]);
      return;
    }
    this.staticsOf(field.owner).set(field.key, coerce(value, field.type));
  }

  getField(self: ApexObject, field: FieldInfo): unknown {
    if (field.getter) return this.invoke(field.getter, self, []);
    return self.fields.get(field.key) ?? null;
  }

  setField(self: ApexObject, field: FieldInfo, value: unknown): void {
    if (field.setter) {
      this.invoke(field.setter, self, [value]);
      return;
    }
    self.fields.set(field.key, coerce(value, field.type));
  }

  // ---- calls -------------------------------------------------------------------------------

  /** Calls a method (already chosen) on `self` (null for static), converting arguments and result. */
  invoke(method: MethodInfo, self: ApexObject | null, args: unknown[]): unknown {
    if (method.isStatic) this.ensureInitialized(method.owner);
    if (method.native) return method.native(this, self, args);
    if (!method.decl?.body)
      throw this.platformError(
        'System.UnexpectedException',
        `Method ${method.owner.name}.${method.name} has no body`
      );
    const body = this.org.compiler.method(method);
    const params = method.params ?? [];
    const values = params.map((p, i) => coerceToDeclared(args[i], p.type));
    const result = this.runBody(
      `${method.owner.name}.${method.name}`,
      method.owner,
      self,
      this.sharingFor(method.owner),
      body,
      values,
      method.line
    );
    // `return [SELECT ... LIMIT 1];` from a method declared to return one SObject returns that row.
    return method.returnType.kind === 'void' ? null : coerceToDeclared(result, method.returnType);
  }

  /** Sharing of code in `cls`: its declaration, or the caller's when inherited or omitted. */
  sharingFor(cls: RuntimeClass): boolean {
    if (cls.sharing === 'with') return true;
    if (cls.sharing === 'without') return false;
    // `inherited sharing` called as the entry point of a transaction (an Aura call, a job) runs with sharing.
    if (cls.sharing === 'inherited' && this.stack.length === 0) return true;
    return this.sharing;
  }

  runBody(
    label: string,
    cls: RuntimeClass | null,
    self: ApexObject | null,
    sharing: boolean,
    body: import('./compiledBody').CompiledBody,
    args: unknown[],
    line: number
  ): unknown {
    if (this.stack.length >= MAX_STACK_DEPTH)
      throw this.platformError('System.LimitException', 'Maximum stack depth reached: 1001');
    const frame = new Frame(this, label, cls, self, sharing, body.size, line);
    for (let i = 0; i < args.length; i++) frame.locals[i] = args[i];
    this.stack.push(frame);
    try {
      body.run(frame);
    } catch (error) {
      this.noteStack(error);
      throw locate(error, body.file ?? cls?.file ?? undefined, frame.line);
    } finally {
      this.stack.pop();
    }
    return frame.returnValue;
  }

  /** The overload of `name` that fits the arguments' run-time types, or a clear error. */
  selectMethod(candidates: MethodInfo[], args: unknown[], what: string): MethodInfo {
    const fitting = candidates.filter((m) => m.params === null || m.params.length === args.length);
    if (fitting.length === 1) return fitting[0];
    const typed = fitting.filter(
      (m) =>
        m.params === null ||
        m.params.every(
          (p, i) => args[i] === null || isInstanceOf(args[i], p.type) || acceptsNumber(p.type, args[i])
        )
    );
    if (typed.length >= 1) return mostSpecific(typed, args);
    throw new UnsupportedError(
      `no overload of ${what} accepts (${args.map(runtimeTypeName).join(', ')})`,
      this.frame?.cls?.file ?? undefined,
      this.frame?.line
    );
  }

  construct(cls: RuntimeClass, args: unknown[]): ApexObject {
    this.ensureInitialized(cls);
    if (cls.kind !== 'class' || cls.isAbstract)
      throw new UnsupportedError(
        `new ${cls.name}: abstract types cannot be instantiated`,
        this.frame?.cls?.file ?? undefined,
        this.frame?.line
      );
    const object = new ApexObject(cls);
    this.runConstructor(cls, object, args);
    return object;
  }

  /** Runs the constructor of `cls` that fits `args` on `object`: super or this() first, then field initialisers, then the body. */
  runConstructor(cls: RuntimeClass, object: ApexObject, args: unknown[]): void {
    this.org.registry.link(cls);
    if (cls.isSystem) {
      const native =
        cls.constructors.length > 0
          ? this.selectMethod(cls.constructors, args, `${cls.name} constructor`)
          : null;
      if (native?.native) native.native(this, object, args);
      else if (cls.superclass) this.runConstructor(cls.superclass, object, args);
      return;
    }
    if (cls.constructors.length === 0) {
      if (args.length > 0 && !cls.isA(this.org.registry.systemClass('Exception')))
        throw new UnsupportedError(
          `new ${cls.name}(${args.length} arguments): no such constructor`,
          cls.file ?? undefined,
          this.frame?.line
        );
      // Exceptions get the platform's four constructors; other classes the default one.
      if (cls.superclass) this.runConstructor(cls.superclass, object, args);
      this.initializeFields(cls, object);
      return;
    }
    const ctor = this.selectMethod(cls.constructors, args, `${cls.name} constructor`);
    const compiled = this.org.compiler.constructorBody(ctor);
    const params = ctor.params ?? [];
    const frame = new Frame(
      this,
      `${cls.name}.<init>`,
      cls,
      object,
      this.sharingFor(cls),
      compiled.size,
      ctor.line
    );
    params.forEach((p, i) => (frame.locals[i] = coerce(args[i], p.type)));
    this.stack.push(frame);
    try {
      const explicit = compiled.explicitCall;
      if (explicit?.kind === 'this') {
        this.runConstructor(
          cls,
          object,
          explicit.args.map((arg) => arg(frame))
        );
      } else {
        if (cls.superclass)
          this.runConstructor(cls.superclass, object, explicit ? explicit.args.map((arg) => arg(frame)) : []);
        this.initializeFields(cls, object);
      }
      compiled.run(frame);
    } catch (error) {
      this.noteStack(error);
      throw locate(error, compiled.file ?? cls.file ?? undefined, frame.line);
    } finally {
      this.stack.pop();
    }
  }

  /** A platform error keeps the stack of the Apex that raised it, before the frames unwind. */
  private noteStack(error: unknown): void {
    if (error instanceof PlatformError && error.apexStack === undefined) {
      error.apexStack = this.stackTrace();
      error.apexLine = this.frame?.line;
    }
  }

  private initializeFields(cls: RuntimeClass, object: ApexObject): void {
    const init = this.org.compiler.instanceInitializer(cls);
    if (init)
      this.runBody(`${cls.name}.<init>`, cls, object, this.sharingFor(cls), init, [], cls.decl?.line ?? 1);
  }

  // ---- exceptions ----------------------------------------------------------------------------

  platformError(type: PlatformError['exceptionType'], message: string): PlatformError {
    return new PlatformError(type, message);
  }

  /** An Apex exception object of a platform or package exception class, with its stack trace. */
  newException(cls: RuntimeClass, message: string | null, cause: ApexObject | null = null): ApexObject {
    const exception = new ApexObject(cls);
    exception.native.message = message;
    exception.native.cause = cause;
    this.captureStackTrace(exception);
    return exception;
  }

  captureStackTrace(exception: ApexObject): void {
    if (exception.native.stackTrace !== undefined) return;
    exception.native.stackTrace = this.stackTrace();
    exception.native.lineNumber = this.frame?.line ?? 0;
  }

  /** The stack as Apex prints it, innermost call first. */
  stackTrace(): string {
    return [...this.stack]
      .reverse()
      .map(
        (frame) =>
          `${/^(Trigger\.|AnonymousBlock)/.test(frame.label) ? '' : 'Class.'}${frame.label}: line ${frame.line}, column 1`
      )
      .join('\n');
  }

  /** An Apex throwable for any error met while running Apex (platform errors become their exception type). */
  toApexThrow(error: unknown): ApexThrow {
    if (error instanceof ApexThrow) return error;
    if (error instanceof PlatformError) {
      const cls = this.org.registry.systemClass(error.exceptionType);
      const exception = new ApexObject(cls);
      exception.native.message = error.message;
      exception.native.cause = null;
      exception.native.stackTrace = error.apexStack ?? this.stackTrace();
      exception.native.lineNumber = error.apexLine ?? this.frame?.line ?? 0;
      exception.native.details = error.details;
      return new ApexThrow(exception);
    }
    throw error;
  }

  // ---- users ---------------------------------------------------------------------------------

  /** Runs `work` as another user (System.runAs), restoring the running user afterwards. */
  runAs<T>(userId: string, work: () => T): T {
    const previous = this.userId;
    const kinds = this.dmlKinds;
    this.userId = userId;
    // In a test, a runAs block may write setup objects whatever the test wrote outside it.
    this.dmlKinds = emptyDmlKinds();
    try {
      return work();
    } finally {
      this.userId = previous;
      this.dmlKinds = kinds;
    }
  }

  now(): ApexDatetime {
    return this.org.clock.now();
  }

  /** Queues async work; it runs after the transaction commits, or at Test.stopTest in a test. */
  enqueue(work: AsyncWork): void {
    this.asyncQueue.push(work);
  }
}

/** What the runtime does not support, met below the compiler (a value's method, a member), gets the file:line of the Apex that reached it. */
function locate(error: unknown, file: string | undefined, line: number): unknown {
  if (error instanceof UnsupportedError && error.file === undefined && file !== undefined)
    return new UnsupportedError(error.construct, file, line);
  return error;
}

function acceptsNumber(type: import('./types').ApexType, value: unknown): boolean {
  return (
    type.kind === 'primitive' &&
    (type.name === 'Decimal' || type.name === 'Double' || type.name === 'Long') &&
    typeof value === 'number'
  );
}

/** Of several fitting overloads, the one whose parameter types are the narrowest for these arguments. */
function mostSpecific(methods: MethodInfo[], args: unknown[]): MethodInfo {
  const score = (m: MethodInfo): number =>
    (m.params ?? []).reduce((total, p, i) => {
      if (args[i] === null) return total;
      if (p.type.kind === 'primitive' && p.type.name === 'Object') return total;
      if (
        p.type.kind === 'class' &&
        args[i] instanceof ApexObject &&
        (args[i] as ApexObject).cls === p.type.cls
      )
        return total + 3;
      if (p.type.kind === 'sobject' && p.type.object !== null) return total + 2;
      return total + 1;
    }, 0);
  return [...methods].sort((a, b) => score(b) - score(a))[0];
}
