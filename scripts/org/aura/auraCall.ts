import { ApexThrow } from '../interpret/apexThrow';
import { Execution } from '../interpret/execution';
import type { MethodInfo } from '../interpret/runtimeClass';
import { fromJson, toJson, type JsonValue } from '../interpret/serialize';
import { typeName } from '../interpret/types';
import { clientMessage } from '../interpret/system/exceptions';
import type { LimitCounts } from '../limits/governorLimits';
import type { OrgRuntime } from '../orgRuntime';
import { PlatformError, UnsupportedError } from '../platformError';

/**
 * An @AuraEnabled method called as a Lightning component calls it: the user must have access to
 * the class (a permission set or profile grants it), each parameter is read from the request by
 * name and converted to its declared type, the method runs as one transaction in that user's
 * context, and the result crosses back the way Aura serialises it. An AuraHandledException
 * reaches the client with its message; any other exception with its type and stack, as in a
 * developer org.
 */
export type AuraOutcome =
  | { ok: true; value: JsonValue; limits: LimitCounts; ms: number }
  | {
      ok: false;
      status: number;
      message: string;
      exceptionType?: string;
      stackTrace?: string;
      limits?: LimitCounts;
      ms: number;
    };

export function callAura(
  runtime: OrgRuntime,
  userId: string,
  qualified: string,
  params: Record<string, JsonValue>
): AuraOutcome {
  const started = Date.now();
  const refuse = (status: number, message: string): AuraOutcome => ({
    ok: false,
    status,
    message,
    ms: Date.now() - started
  });
  const [className, methodName, extra] = qualified.split('.');
  if (!className || !methodName || extra !== undefined)
    return refuse(404, `No Apex method ${qualified}: name it as Class.method.`);
  const cls = runtime.topClass(className);
  const method = cls
    ?.findMethods(methodName.toLowerCase())
    .find((m) => m.isStatic && m.annotations.some((a) => a.name === 'auraenabled'));
  if (!cls || !method) return refuse(404, `No @AuraEnabled method ${qualified} in the package.`);
  if (!runtime.security.classAccess(userId, cls.name))
    return refuse(403, `You do not have access to the Apex class named '${cls.name}'.`);
  let current: Execution | undefined;
  let limits: LimitCounts | undefined;
  try {
    return runtime.transaction({ userId }, (ex) => {
      current = ex;
      const args = convertParams(ex, method, params);
      const result = ex.runBody(
        `${cls.name}.${method.name}`,
        cls,
        null,
        true,
        runtime.compiler.method(method),
        args,
        method.line
      );
      const value = toJson(ex, result, { aura: true, suppressNulls: true });
      limits = ex.limits.snapshot();
      return { ok: true as const, value, limits, ms: Date.now() - started };
    });
  } catch (error) {
    // The counts up to the failure: a limit exception is reported with what it had used.
    limits ??= current?.limits.snapshot();
    if (error instanceof ParameterError) return refuse(400, error.message);
    if (error instanceof UnsupportedError)
      return {
        ok: false,
        status: 500,
        message: `Not supported by the local org runtime: ${error.message}`,
        limits,
        ms: Date.now() - started
      };
    if (!(error instanceof ApexThrow) && !(error instanceof PlatformError)) throw error;
    return describe(runtime, userId, error, started, limits);
  }
}

class ParameterError extends Error {}

/** Aura passes parameters by name; a value of the wrong type is refused before the method runs, as the platform does. */
function convertParams(ex: Execution, method: MethodInfo, params: Record<string, JsonValue>): unknown[] {
  const declared = method.params ?? [];
  const names = new Set(declared.map((p) => p.name));
  const unknown = Object.keys(params).filter((name) => !names.has(name));
  if (unknown.length > 0)
    throw new ParameterError(
      `${method.owner.name}.${method.name} has no parameter ${unknown.join(', ')} (it takes ${declared.map((p) => p.name).join(', ') || 'none'}).`
    );
  return declared.map((param) => {
    const value = params[param.name];
    if (value === undefined || value === null) return null;
    try {
      return fromJson(ex, value, param.type, param.name);
    } catch (error) {
      throw new ParameterError(
        `Value provided is invalid for action parameter '${param.name}' of type '${typeName(param.type)}': ${(error as Error).message}`
      );
    }
  });
}

function describe(
  runtime: OrgRuntime,
  userId: string,
  error: ApexThrow | PlatformError,
  started: number,
  limits: LimitCounts | undefined
): AuraOutcome {
  // The transaction has rolled back; this execution only shapes the exception for the client.
  const ex = new Execution(runtime, userId);
  const thrown = ex.toApexThrow(error);
  const handled = thrown.typeName === 'AuraHandledException';
  return {
    ok: false,
    status: handled ? 400 : 500,
    message: handled ? clientMessage(ex, thrown.exception) : thrown.apexMessage,
    exceptionType: thrown.typeName,
    stackTrace: handled ? undefined : thrown.apexStackTrace,
    limits,
    ms: Date.now() - started
  };
}
