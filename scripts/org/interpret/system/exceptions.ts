import type { ClassRegistry } from '../classRegistry';
import type { Execution } from '../execution';
import { toText } from '../operators';
import { ApexObject, type RuntimeClass } from '../runtimeClass';
import { STRING_TYPE, setOf } from '../types';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { enumValue, nativeClass } from './nativeClass';

/**
 * Exception and the platform's exception types. Every exception keeps its message, cause and
 * the Apex stack trace where it was thrown; DmlException also the failed rows (type, message,
 * fields, id and index of each), so getDmlType(0) and friends answer as in an org.
 * AuraHandledException's own getMessage() is 'Script-thrown exception' until setMessage is
 * called — but the client always receives the constructor's message.
 */
export const SYSTEM_EXCEPTIONS = [
  'AssertException',
  'AsyncException',
  'CalloutException',
  'DmlException',
  'EmailException',
  'FinalException',
  'IllegalArgumentException',
  'InvalidParameterValueException',
  'JSONException',
  'LimitException',
  'ListException',
  'MathException',
  'NoAccessException',
  'NoDataFoundException',
  'NoSuchElementException',
  'NullPointerException',
  'QueryException',
  'RequiredFeatureMissingException',
  'SearchException',
  'SecurityException',
  'SerializationException',
  'SObjectException',
  'StringException',
  'TypeException',
  'UnexpectedException',
  'VisualforceException',
  'XmlException'
] as const;

export interface DmlFailure {
  index: number;
  id: string | null;
  statusCode: string;
  message: string;
  fields: string[];
}

function failures(self: ApexObject | null): DmlFailure[] {
  const details = self?.native.details;
  return Array.isArray(details) ? (details as DmlFailure[]) : [];
}

/**
 * QueryException.getInaccessibleFields(): a Map<String, Set<String>> of object name to the
 * fields a user-mode query could not read (the SOQL engine reports them as JavaScript sets).
 */
function inaccessibleFields(self: ApexObject | null): ApexMap | null {
  const details = self?.native.details as { inaccessibleFields?: unknown } | undefined;
  if (!(details?.inaccessibleFields instanceof Map)) return null;
  const result = new ApexMap(STRING_TYPE, setOf(STRING_TYPE));
  for (const [object, fields] of details.inaccessibleFields as Map<string, Set<string>>) {
    const names = new ApexSet(STRING_TYPE);
    for (const field of fields) names.add(field);
    result.put(object, names);
  }
  return result;
}

export function installExceptions(registry: ClassRegistry): RuntimeClass {
  const exception = nativeClass(registry, {
    name: 'Exception',
    aliases: ['System.Exception'],
    construct: (_ex, self, args) => {
      const target = self as ApexObject;
      const [first, second] = args;
      if (first instanceof ApexObject) target.native.cause = first;
      else if (first !== undefined) target.native.message = first === null ? null : toText(first);
      if (second instanceof ApexObject) target.native.cause = second;
      return null;
    },
    methods: {
      getMessage: (_ex, self) => (self as ApexObject).native.message ?? null,
      setMessage: (_ex, self, [message]) => {
        (self as ApexObject).native.message = message === null ? null : toText(message);
        (self as ApexObject).native.messageSet = true;
        return null;
      },
      getCause: (_ex, self) => (self as ApexObject).native.cause ?? null,
      initCause: (_ex, self, [cause]) => {
        (self as ApexObject).native.cause = cause;
        return null;
      },
      getTypeName: (_ex, self) => (self as ApexObject).cls.name,
      getStackTraceString: (_ex, self) => (self as ApexObject).native.stackTrace ?? '',
      getLineNumber: (_ex, self) => (self as ApexObject).native.lineNumber ?? -1,
      getNumDml: (_ex, self) => failures(self).length,
      getDmlType: (ex, self, [i]) => {
        const failure = failures(self)[Number(i)];
        return failure ? enumValue(ex.org.registry.systemClass('StatusCode'), failure.statusCode) : null;
      },
      getDmlMessage: (_ex, self, [i]) => failures(self)[Number(i)]?.message ?? null,
      getDmlFieldNames: (_ex, self, [i]) =>
        new ApexList(STRING_TYPE, failures(self)[Number(i)]?.fields ?? []),
      getDmlId: (_ex, self, [i]) => failures(self)[Number(i)]?.id ?? null,
      getDmlIndex: (_ex, self, [i]) => failures(self)[Number(i)]?.index ?? null,
      getInaccessibleFields: (_ex, self) => inaccessibleFields(self)
    }
  });
  for (const name of SYSTEM_EXCEPTIONS)
    nativeClass(registry, { name: `System.${name}`, aliases: [name], superclass: exception });
  const aura = nativeClass(registry, {
    name: 'AuraHandledException',
    aliases: ['System.AuraHandledException'],
    superclass: exception,
    construct: (_ex, self, [message]) => {
      const target = self as ApexObject;
      // What the client receives; getMessage() says 'Script-thrown exception' until setMessage.
      target.native.clientMessage = message === undefined || message === null ? null : toText(message);
      target.native.message = 'Script-thrown exception';
      return null;
    }
  });
  void aura;
  return exception;
}

/** The message an exception shows its caller across the Aura boundary. */
export function clientMessage(ex: Execution, exception: ApexObject): string {
  void ex;
  if (exception.cls.name === 'AuraHandledException')
    return String(
      exception.native.messageSet ? exception.native.message : (exception.native.clientMessage ?? '')
    );
  return String(exception.native.message ?? '');
}
