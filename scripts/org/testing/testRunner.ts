import { ApexThrow } from '../interpret/apexThrow';
import { Execution } from '../interpret/execution';
import type { MethodInfo, RuntimeClass } from '../interpret/runtimeClass';
import type { LimitCounts } from '../limits/governorLimits';
import type { OrgRuntime } from '../orgRuntime';
import { PlatformError, UnsupportedError } from '../platformError';

/**
 * Runs Apex test classes as the platform does: each @IsTest method in its own transaction that
 * is rolled back afterwards, with fresh static state, as the user who started the run (the org's
 * admin), after the class's @TestSetup method when it has one (its records are visible to every
 * method, each of which starts from them again). A failure carries the Apex message and stack
 * trace; anything the runtime does not support fails the method with file and line.
 */
export interface TestOutcome {
  className: string;
  /** The test class's source file. */
  file: string;
  /** The method's declaration line. */
  line: number;
  methodName: string;
  passed: boolean;
  message: string | null;
  stackTrace: string | null;
  ms: number;
  limits: LimitCounts;
}

export function testClasses(runtime: OrgRuntime, only: string[] = []): RuntimeClass[] {
  const wanted = new Set(only.map((name) => name.toLowerCase()));
  return [...runtime.registry.top.values()]
    .filter((cls) => cls.isTest && (wanted.size === 0 || wanted.has(cls.name.toLowerCase())))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function testMethods(runtime: OrgRuntime, cls: RuntimeClass): { setup: MethodInfo[]; tests: MethodInfo[] } {
  runtime.registry.link(cls);
  const all = [...cls.methods.values()].flat();
  const annotated = (m: MethodInfo, name: string): boolean => m.annotations.some((a) => a.name === name);
  return {
    setup: all.filter((m) => annotated(m, 'testsetup')),
    tests: all
      .filter((m) => m.isStatic && (annotated(m, 'istest') || m.decl?.modifiers.isTestMethod))
      .sort((a, b) => a.line - b.line)
  };
}

export function runTestClass(
  runtime: OrgRuntime,
  cls: RuntimeClass,
  onResult: (outcome: TestOutcome) => void,
  include: (methodName: string) => boolean = () => true
): TestOutcome[] {
  const { setup, tests: all } = testMethods(runtime, cls);
  const tests = all.filter((m) => include(m.name));
  const outcomes: TestOutcome[] = [];
  const userId = runtime.adminUserId;
  runtime.database.rolledBack(() => {
    let setupFailure: TestOutcome | null = null;
    for (const method of setup) {
      const outcome = runOne(runtime, cls, method, userId);
      if (!outcome.passed) setupFailure = outcome;
    }
    for (const method of tests) {
      const outcome = setupFailure
        ? {
            ...setupFailure,
            methodName: method.name,
            message: `@TestSetup ${setupFailure.methodName} failed: ${setupFailure.message}`
          }
        : runtime.database.rolledBack(() => runOne(runtime, cls, method, userId));
      outcomes.push(outcome);
      onResult(outcome);
    }
  });
  return outcomes;
}

function runOne(runtime: OrgRuntime, cls: RuntimeClass, method: MethodInfo, userId: string): TestOutcome {
  const ex = new Execution(runtime, userId, { isTest: true });
  ex.test = { started: false, stopped: false, outerLimits: null };
  const started = Date.now();
  let message: string | null = null;
  let stackTrace: string | null = null;
  try {
    ex.invoke(method, null, []);
  } catch (error) {
    ({ message, stackTrace } = describeFailure(ex, error));
  }
  runtime.security.invalidate();
  return {
    className: cls.name,
    file: cls.file ?? cls.name,
    line: method.line,
    methodName: method.name,
    passed: message === null,
    message,
    stackTrace,
    ms: Date.now() - started,
    limits: ex.limits.snapshot()
  };
}

function describeFailure(ex: Execution, error: unknown): { message: string; stackTrace: string | null } {
  if (error instanceof ApexThrow || error instanceof PlatformError) {
    const thrown = ex.toApexThrow(error);
    return { message: `${thrown.typeName}: ${thrown.apexMessage}`, stackTrace: thrown.apexStackTrace };
  }
  if (error instanceof UnsupportedError)
    return { message: error.message, stackTrace: ex.stackTrace() || null };
  const failure = error as Error;
  return {
    message: `internal error of the local runtime: ${failure.message}`,
    stackTrace: failure.stack ?? null
  };
}
