import { PlatformError } from '../../platformError';
import type { ClassRegistry } from '../classRegistry';
import { fromJson, toJson, untyped, type JsonValue } from '../serialize';
import { nativeClass } from './nativeClass';
import { typeOf } from './typeTokens';

/** JSON.serialize / serializePretty / deserialize / deserializeUntyped / deserializeStrict. */
function parse(text: unknown): JsonValue {
  if (typeof text !== 'string')
    throw new PlatformError('System.NullPointerException', 'Argument cannot be null');
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new PlatformError('System.JSONException', `Malformed JSON: ${(error as Error).message}`);
  }
}

export function installJson(registry: ClassRegistry): void {
  nativeClass(registry, {
    name: 'System.JSON',
    aliases: ['JSON'],
    staticMethods: {
      serialize: (ex, _self, [value, suppressNulls]) =>
        JSON.stringify(toJson(ex, value, { aura: false, suppressNulls: suppressNulls === true })),
      serializePretty: (ex, _self, [value, suppressNulls]) =>
        JSON.stringify(toJson(ex, value, { aura: false, suppressNulls: suppressNulls === true }), null, 2),
      deserialize: (ex, _self, [text, type]) => fromJson(ex, parse(text), typeOf(type)),
      deserializeStrict: (ex, _self, [text, type]) => fromJson(ex, parse(text), typeOf(type)),
      deserializeUntyped: (_ex, _self, [text]) => untyped(parse(text))
    }
  });
}
