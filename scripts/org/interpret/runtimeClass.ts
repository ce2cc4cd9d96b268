import type {
  Annotation,
  ClassDecl,
  EnumDecl,
  Expr,
  InterfaceDecl,
  MethodDecl,
  Modifiers,
  PropertyDecl
} from '../parse/ast';
import { typeName, type ApexType, type ClassLike } from './types';
import type { Execution } from './execution';
import type { CompiledBody } from './compiledBody';

/**
 * Classes, interfaces and enums at run time, whether declared in the package's Apex (they keep
 * their syntax tree and compile method bodies on first call) or provided by the platform
 * (`native` members implemented in TypeScript). Instances are `ApexObject`s.
 */
export type NativeMethod = (ex: Execution, self: ApexObject | null, args: unknown[]) => unknown;

export interface ParamInfo {
  name: string;
  type: ApexType;
}

export interface MethodInfo {
  name: string;
  owner: RuntimeClass;
  /** null: a native method that checks its own arguments (any count). */
  params: ParamInfo[] | null;
  returnType: ApexType;
  isStatic: boolean;
  isAbstract: boolean;
  access: Modifiers['access'];
  annotations: Annotation[];
  line: number;
  decl: MethodDecl | null;
  /** Compiled on first call. */
  body?: CompiledBody;
  native?: NativeMethod;
  isConstructor?: boolean;
  /** A property accessor: inside it, the property's name is its backing value. */
  property?: FieldInfo;
}

export interface FieldInfo {
  name: string;
  owner: RuntimeClass;
  type: ApexType;
  isStatic: boolean;
  isFinal: boolean;
  init: Expr | null;
  line: number;
  /** Storage key inside an object or the class's statics (declaring class + name, so shadowing works). */
  key: string;
  property?: PropertyDecl;
  /** A property with bodies: get/set run these. */
  getter?: MethodInfo;
  setter?: MethodInfo;
  nativeValue?: (ex: Execution) => unknown;
}

export class RuntimeClass implements ClassLike {
  superclass: RuntimeClass | null = null;
  interfaces: RuntimeClass[] = [];
  readonly inner = new Map<string, RuntimeClass>();
  readonly fields = new Map<string, FieldInfo>();
  readonly methods = new Map<string, MethodInfo[]>();
  readonly constructors: MethodInfo[] = [];
  enumValues: ApexEnumValue[] = [];
  isAbstract = false;
  isVirtual = false;
  isTest = false;
  sharing: Modifiers['sharing'] = null;
  annotations: Annotation[] = [];
  /** Supertypes and members resolved (package classes link on first use). */
  linked = false;
  /** Platform classes whose static members are named by data (`Label.X`, `Schema.SObjectType.Account`). */
  nativeStatic?: (ex: Execution, name: string) => unknown;
  /** Platform objects whose properties are named by data (`describe.fields.Name`). */
  nativeProperty?: (ex: Execution, self: ApexObject, name: string) => unknown;

  constructor(
    readonly name: string,
    readonly kind: 'class' | 'interface' | 'enum',
    /** The source file; null for the platform's classes. */
    readonly file: string | null,
    readonly decl: ClassDecl | InterfaceDecl | EnumDecl | null,
    readonly outer: RuntimeClass | null
  ) {}

  get simpleName(): string {
    const dot = this.name.lastIndexOf('.');
    return dot < 0 ? this.name : this.name.slice(dot + 1);
  }

  get isSystem(): boolean {
    return this.file === null;
  }

  isA(other: ClassLike): boolean {
    if (other === this) return true;
    if (this.superclass?.isA(other)) return true;
    return this.interfaces.some((i) => i.isA(other));
  }

  /** This class, then its superclasses, nearest first. */
  private lineage(): RuntimeClass[] {
    const chain: RuntimeClass[] = [this];
    for (let cls = this.superclass; cls; cls = cls.superclass) chain.push(cls);
    return chain;
  }

  /** Methods named `name` (lower case), this class first, then superclasses. */
  findMethods(name: string): MethodInfo[] {
    const found: MethodInfo[] = [];
    for (const cls of this.lineage()) {
      for (const method of cls.methods.get(name) ?? []) {
        if (!found.some((m) => sameSignature(m, method))) found.push(method);
      }
    }
    if (this.kind === 'interface' || this.isAbstract) {
      for (const iface of this.interfaces)
        for (const method of iface.findMethods(name))
          if (!found.some((m) => sameSignature(m, method))) found.push(method);
    }
    return found;
  }

  /** A field or property, this class first, then superclasses. */
  findField(name: string): FieldInfo | undefined {
    for (const cls of this.lineage()) {
      const field = cls.fields.get(name);
      if (field) return field;
    }
    return undefined;
  }

  /** The implementation a call on an instance of this class runs (overrides win). */
  dispatch(method: MethodInfo): MethodInfo {
    if (method.isStatic) return method;
    for (const cls of this.lineage()) {
      for (const candidate of cls.methods.get(method.name.toLowerCase()) ?? []) {
        if (sameSignature(candidate, method) && (candidate.body || candidate.decl?.body || candidate.native))
          return candidate;
      }
    }
    return method;
  }
}

/** Same name and parameter types: an override, not an overload. */
function sameSignature(a: MethodInfo, b: MethodInfo): boolean {
  if (a.name.toLowerCase() !== b.name.toLowerCase()) return false;
  if (!a.params || !b.params) return a.params === b.params;
  return (
    a.params.length === b.params.length &&
    a.params.every((p, i) => typeName(p.type) === typeName((b.params as ParamInfo[])[i].type))
  );
}

export class ApexObject {
  readonly fields = new Map<string, unknown>();
  /** What a platform class keeps for an instance (e.g. an exception's message and cause). */
  native: Record<string, unknown> = {};

  constructor(readonly cls: RuntimeClass) {}
}

export class ApexEnumValue {
  constructor(
    readonly enumType: RuntimeClass,
    readonly name: string,
    readonly ordinal: number
  ) {}

  toString(): string {
    return this.name;
  }
}
