import type { ClassRegistry } from '../classRegistry';
import type { Execution } from '../execution';
import { ApexEnumValue, RuntimeClass, type ApexObject, type NativeMethod } from '../runtimeClass';
import { addEnumMethods } from '../enumMethods';
import { OBJECT_TYPE, VOID_TYPE } from '../types';

/**
 * Declares a platform class, interface or enum implemented in TypeScript: its static and
 * instance methods (each checks its own arguments), static properties, constructor, and for
 * name-driven members (`Label.X`, `describe.fields.Name`) a lookup function.
 */
export interface NativeSpec {
  name: string;
  kind?: 'class' | 'interface' | 'enum';
  aliases?: string[];
  superclass?: RuntimeClass;
  interfaces?: RuntimeClass[];
  isAbstract?: boolean;
  staticMethods?: Record<string, NativeMethod>;
  methods?: Record<string, NativeMethod>;
  staticProperties?: Record<string, (ex: Execution) => unknown>;
  construct?: NativeMethod;
  enumValues?: string[];
  nativeStatic?: (ex: Execution, name: string) => unknown;
  nativeProperty?: (ex: Execution, self: ApexObject, name: string) => unknown;
}

export function nativeClass(registry: ClassRegistry, spec: NativeSpec): RuntimeClass {
  const cls = new RuntimeClass(spec.name, spec.kind ?? 'class', null, null, null);
  cls.linked = true;
  cls.superclass = spec.superclass ?? null;
  cls.interfaces = spec.interfaces ?? [];
  cls.isAbstract = spec.isAbstract ?? false;
  cls.isVirtual = true;
  const add = (name: string, native: NativeMethod, isStatic: boolean): void => {
    const key = name.toLowerCase();
    cls.methods.set(key, [
      ...(cls.methods.get(key) ?? []),
      {
        name,
        owner: cls,
        params: null,
        returnType: OBJECT_TYPE,
        isStatic,
        isAbstract: false,
        access: 'global',
        annotations: [],
        line: 0,
        decl: null,
        native
      }
    ]);
  };
  for (const [name, fn] of Object.entries(spec.staticMethods ?? {})) add(name, fn, true);
  for (const [name, fn] of Object.entries(spec.methods ?? {})) add(name, fn, false);
  for (const [name, read] of Object.entries(spec.staticProperties ?? {})) {
    cls.fields.set(name.toLowerCase(), {
      name,
      owner: cls,
      type: OBJECT_TYPE,
      isStatic: true,
      isFinal: true,
      init: null,
      line: 0,
      key: `${spec.name}.${name.toLowerCase()}`,
      nativeValue: read
    });
  }
  if (spec.construct)
    cls.constructors.push({
      name: spec.name,
      owner: cls,
      params: null,
      returnType: VOID_TYPE,
      isStatic: false,
      isAbstract: false,
      access: 'global',
      annotations: [],
      line: 0,
      decl: null,
      native: spec.construct,
      isConstructor: true
    });
  if (spec.enumValues) {
    cls.enumValues = spec.enumValues.map((value, i) => new ApexEnumValue(cls, value, i));
    addEnumMethods(cls);
  }
  cls.nativeStatic = spec.nativeStatic;
  cls.nativeProperty = spec.nativeProperty;
  return registry.registerSystem(cls, ...(spec.aliases ?? []));
}

/** The enum constant of a platform enum by name. */
export function enumValue(cls: RuntimeClass, name: string): ApexEnumValue {
  const found = cls.enumValues.find((v) => v.name === name);
  if (!found) throw new Error(`${cls.name} has no value ${name}`);
  return found;
}

/**
 * Wraps a native method whose name is also a member of Object.prototype (valueOf, toString):
 * TypeScript types such entries of an object literal from the prototype, not from the record.
 */
export function method(fn: NativeMethod): NativeMethod {
  return fn;
}
