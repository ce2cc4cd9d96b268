import { PlatformError } from '../../platformError';
import type { ClassRegistry } from '../classRegistry';
import { apexEquals, isInstanceOf, toText } from '../operators';
import { isNumber } from '../values/numbers';
import { nativeClass } from './nativeClass';
import { typeOf } from './typeTokens';

/**
 * Assert and System.assert*: failures are System.AssertException with the platform's wording.
 * Equality is equals(): strings case-sensitively, numbers by value, collections element-wise.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (isNumber(a) && isNumber(b)) return apexEquals(a, b);
  return apexEquals(a, b);
}

function fail(message: string, custom: unknown): PlatformError {
  const text =
    custom === undefined || custom === null ? message : `${toText(custom)}${message ? `: ${message}` : ''}`;
  const error = new PlatformError('System.AssertException', `Assertion Failed: ${text}`);
  return error;
}

function expectedActual(expected: unknown, actual: unknown): string {
  return `Expected: ${toText(expected)}, Actual: ${toText(actual)}`;
}

export function installAssert(registry: ClassRegistry): void {
  nativeClass(registry, {
    name: 'System.Assert',
    aliases: ['Assert'],
    staticMethods: {
      areEqual: (_ex, _self, [expected, actual, message]) => {
        if (!sameValue(expected, actual)) throw fail(expectedActual(expected, actual), message);
        return null;
      },
      areNotEqual: (_ex, _self, [notExpected, actual, message]) => {
        if (sameValue(notExpected, actual))
          throw fail(`Expected: ${toText(notExpected)} not to equal Actual: ${toText(actual)}`, message);
        return null;
      },
      isTrue: (_ex, _self, [condition, message]) => {
        if (condition !== true) throw fail('', message ?? 'Expected: true, Actual: false');
        return null;
      },
      isFalse: (_ex, _self, [condition, message]) => {
        if (condition !== false) throw fail('', message ?? 'Expected: false, Actual: true');
        return null;
      },
      isNull: (_ex, _self, [value, message]) => {
        if (value !== null && value !== undefined)
          throw fail(`Expected: null, Actual: ${toText(value)}`, message);
        return null;
      },
      isNotNull: (_ex, _self, [value, message]) => {
        if (value === null || value === undefined) throw fail('Expected: not null, Actual: null', message);
        return null;
      },
      fail: (_ex, _self, [message]) => {
        throw fail('', message ?? 'Assert.fail');
      },
      isInstanceOfType: (_ex, _self, [value, type, message]) => {
        if (!isInstanceOf(value, typeOf(type))) throw fail(`Expected instance of ${toText(type)}`, message);
        return null;
      },
      isNotInstanceOfType: (_ex, _self, [value, type, message]) => {
        if (isInstanceOf(value, typeOf(type)))
          throw fail(`Expected not an instance of ${toText(type)}`, message);
        return null;
      }
    }
  });
}

/** System.assert, assertEquals, assertNotEquals. */
export const SYSTEM_ASSERTS = {
  assert: (_ex: unknown, _self: unknown, [condition, message]: unknown[]) => {
    if (condition !== true) throw fail('', message ?? null);
    return null;
  },
  assertEquals: (_ex: unknown, _self: unknown, [expected, actual, message]: unknown[]) => {
    if (!sameValue(expected, actual)) throw fail(expectedActual(expected, actual), message);
    return null;
  },
  assertNotEquals: (_ex: unknown, _self: unknown, [expected, actual, message]: unknown[]) => {
    if (sameValue(expected, actual)) throw fail(`Same value: ${toText(actual)}`, message);
    return null;
  }
};
