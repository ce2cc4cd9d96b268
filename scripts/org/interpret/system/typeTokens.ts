import { UnsupportedError } from '../../platformError';
import type { ClassRegistry } from '../classRegistry';
import type { Execution } from '../execution';
import { ApexObject, type RuntimeClass } from '../runtimeClass';
import { typeName, type ApexType } from '../types';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { SObject } from '../values/sobject';
import { method, nativeClass } from './nativeClass';

/** System.Type: `X.class` and Type.forName('X'), one token per type so tokens compare with `==`. */
const tokens = new Map<string, ApexObject>();

export function typeToken(ex: Execution, type: ApexType): ApexObject {
  const name = typeName(type);
  let token = tokens.get(name);
  if (!token || token.cls !== ex.org.registry.systemClass('System.Type')) {
    token = new ApexObject(ex.org.registry.systemClass('System.Type'));
    token.native = { type, toText: () => name };
    tokens.set(name, token);
  }
  return token;
}

export function typeOf(token: unknown): ApexType {
  if (!(token instanceof ApexObject) || !token.native.type)
    throw new UnsupportedError('a Type argument that is not a Type');
  return token.native.type as ApexType;
}

export function newInstanceOf(ex: Execution, type: ApexType): unknown {
  switch (type.kind) {
    case 'class':
      return ex.construct(type.cls as RuntimeClass, []);
    case 'sobject':
      if (!type.object) throw new UnsupportedError('Type.newInstance of SObject');
      return new SObject(type.object);
    case 'list':
      return new ApexList(type.element);
    case 'set':
      return new ApexSet(type.element);
    case 'map':
      return new ApexMap(type.key, type.value);
    default:
      throw new UnsupportedError(`Type.newInstance of ${typeName(type)}`);
  }
}

export function installTypes(registry: ClassRegistry): void {
  nativeClass(registry, {
    name: 'System.Type',
    aliases: ['Type'],
    staticMethods: {
      forName: (ex, _self, args) => {
        const name = String(args[args.length - 1]);
        const found = registry.findType(name.split('.'), null);
        return found ? typeToken(ex, found) : null;
      }
    },
    methods: {
      getName: (_ex, self) => typeName(typeOf(self)),
      toString: method((_ex, self) => typeName(typeOf(self))),
      newInstance: (ex, self) => newInstanceOf(ex, typeOf(self)),
      equals: (_ex, self, [other]) => self === other,
      hashCode: (_ex, self) => typeName(typeOf(self)).length
    }
  });
}
