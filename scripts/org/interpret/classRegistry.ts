import type { ClassDecl, EnumDecl, InterfaceDecl, MethodDecl, TypeDecl, TypeRef } from '../parse/ast';
import type { OrgSchema } from '../schema/orgSchema';
import { AGGREGATE_RESULT } from '../soql/aggregateQuery';
import { UnsupportedError } from '../platformError';
import { addEnumMethods } from './enumMethods';
import { ApexEnumValue, RuntimeClass, type FieldInfo, type MethodInfo } from './runtimeClass';
import {
  GENERIC_SOBJECT,
  OBJECT_TYPE,
  VOID_TYPE,
  listOf,
  mapOf,
  primitive,
  setOf,
  type ApexType,
  type PrimitiveName
} from './types';

/**
 * Every class the interpreter can name: the package's (top-level and inner, loaded from their
 * syntax trees and linked on first use) and the platform's (registered by the system library).
 * Resolves a written type (`List<EngagementRules.Result>`, `Database.SaveResult`, `Account`) to
 * a run-time type from the point of view of the class it is written in, as the compiler does.
 */
const PRIMITIVES = new Map<string, PrimitiveName>(
  (
    [
      'Integer',
      'Long',
      'Decimal',
      'Double',
      'String',
      'Boolean',
      'Date',
      'Datetime',
      'Time',
      'Id',
      'Blob',
      'Object'
    ] as const
  ).map((name) => [name.toLowerCase(), name])
);

/** Namespaces whose classes a type name may be prefixed with (`System.Type`, `Schema.SObjectType`). */
const NAMESPACES = new Set(['system', 'schema', 'database', 'messaging', 'auth', 'approval', 'reports']);

export class ClassRegistry {
  /** Package classes by lower-case top-level name. */
  readonly top = new Map<string, RuntimeClass>();
  /** Platform classes by lower-case qualified name (`database.saveresult`) and, when in System or Schema, simple name. */
  readonly system = new Map<string, RuntimeClass>();

  constructor(readonly schema: OrgSchema) {}

  registerSystem(cls: RuntimeClass, ...aliases: string[]): RuntimeClass {
    this.system.set(cls.name.toLowerCase(), cls);
    for (const alias of aliases) this.system.set(alias.toLowerCase(), cls);
    return cls;
  }

  systemClass(name: string): RuntimeClass {
    const cls = this.system.get(name.toLowerCase());
    if (!cls) throw new Error(`the runtime's system library has no class ${name}`);
    return cls;
  }

  /** Declares a package type (and its inner types) without linking its members yet. */
  declare(decl: TypeDecl, file: string, outer: RuntimeClass | null = null): RuntimeClass {
    const name = outer ? `${outer.name}.${decl.name}` : decl.name;
    const cls = new RuntimeClass(name, decl.kind, file, decl, outer);
    cls.annotations = decl.modifiers.annotations;
    cls.isTest = decl.modifiers.annotations.some((a) => a.name === 'istest') || (outer?.isTest ?? false);
    if (decl.kind === 'class') {
      cls.isAbstract = decl.modifiers.isAbstract;
      cls.isVirtual = decl.modifiers.isVirtual;
      cls.sharing = decl.modifiers.sharing;
      for (const member of decl.members)
        if (member.kind === 'class' || member.kind === 'interface' || member.kind === 'enum')
          cls.inner.set(member.name.toLowerCase(), this.declare(member, file, cls));
    }
    if (decl.kind === 'enum')
      cls.enumValues = decl.values.map((value, i) => new ApexEnumValue(cls, value, i));
    if (!outer) {
      if (this.top.has(decl.name.toLowerCase()))
        throw new Error(`${file}: class ${decl.name} is declared twice`);
      this.top.set(decl.name.toLowerCase(), cls);
    }
    return cls;
  }

  /** Resolves supertypes and members of a package class, once. */
  link(cls: RuntimeClass): RuntimeClass {
    if (cls.linked || !cls.decl) return cls;
    cls.linked = true;
    const decl = cls.decl;
    if (decl.kind === 'class') this.linkClass(cls, decl);
    else if (decl.kind === 'interface') this.linkInterface(cls, decl);
    else this.linkEnum(cls, decl);
    return cls;
  }

  private linkClass(cls: RuntimeClass, decl: ClassDecl): void {
    if (decl.extends) {
      const parent = this.classOf(decl.extends, cls, decl.line);
      this.link(parent);
      cls.superclass = parent;
    }
    cls.interfaces = decl.implements.map((ref) => this.link(this.classOf(ref, cls, decl.line)));
    for (const member of decl.members) {
      switch (member.kind) {
        case 'field':
          for (const declarator of member.declarators) {
            cls.fields.set(declarator.name.toLowerCase(), {
              name: declarator.name,
              owner: cls,
              type: this.resolve(member.type, cls, member.line),
              isStatic: member.modifiers.isStatic,
              isFinal: member.modifiers.isFinal,
              init: declarator.init,
              line: declarator.line,
              key: `${cls.name}.${declarator.name.toLowerCase()}`
            });
          }
          break;
        case 'property': {
          const field: FieldInfo = {
            name: member.name,
            owner: cls,
            type: this.resolve(member.type, cls, member.line),
            isStatic: member.modifiers.isStatic,
            isFinal: false,
            init: null,
            line: member.line,
            key: `${cls.name}.${member.name.toLowerCase()}`,
            property: member
          };
          cls.fields.set(member.name.toLowerCase(), field);
          break;
        }
        case 'method':
          this.addMethod(cls, this.methodInfo(cls, member));
          break;
        case 'constructor':
          cls.constructors.push({
            name: cls.simpleName,
            owner: cls,
            params: member.params.map((p) => ({
              name: p.name,
              type: this.resolve(p.type, cls, member.line)
            })),
            returnType: VOID_TYPE,
            isStatic: false,
            isAbstract: false,
            access: member.modifiers.access,
            annotations: member.modifiers.annotations,
            line: member.line,
            decl: {
              kind: 'method',
              line: member.line,
              modifiers: member.modifiers,
              returnType: null,
              name: '<init>',
              params: member.params,
              body: member.body
            },
            isConstructor: true
          });
          break;
        default:
          break;
      }
    }
  }

  private linkInterface(cls: RuntimeClass, decl: InterfaceDecl): void {
    cls.interfaces = decl.extends.map((ref) => this.link(this.classOf(ref, cls, decl.line)));
    for (const method of decl.methods)
      this.addMethod(cls, { ...this.methodInfo(cls, method), isAbstract: true });
  }

  private linkEnum(cls: RuntimeClass, _decl: EnumDecl): void {
    cls.superclass = null;
    addEnumMethods(cls);
  }

  private methodInfo(cls: RuntimeClass, member: MethodDecl): MethodInfo {
    return {
      name: member.name,
      owner: cls,
      params: member.params.map((p) => ({ name: p.name, type: this.resolve(p.type, cls, member.line) })),
      returnType: member.returnType ? this.resolve(member.returnType, cls, member.line) : VOID_TYPE,
      isStatic: member.modifiers.isStatic,
      isAbstract: member.body === null,
      access: member.modifiers.access,
      annotations: member.modifiers.annotations,
      line: member.line,
      decl: member
    };
  }

  private addMethod(cls: RuntimeClass, method: MethodInfo): void {
    const key = method.name.toLowerCase();
    cls.methods.set(key, [...(cls.methods.get(key) ?? []), method]);
  }

  /** The class a type reference names; an error when it names a non-class type. */
  classOf(ref: TypeRef, context: RuntimeClass | null, line: number): RuntimeClass {
    const type = this.resolve(ref, context, line);
    if (type.kind !== 'class')
      throw new UnsupportedError(
        `extending or implementing ${refText(ref)}`,
        context?.file ?? undefined,
        line
      );
    return type.cls as RuntimeClass;
  }

  resolve(ref: TypeRef, context: RuntimeClass | null, line: number): ApexType {
    let type = this.resolveNames(ref, context, line);
    for (let i = 0; i < ref.dims; i++) type = listOf(type);
    return type;
  }

  private resolveNames(ref: TypeRef, context: RuntimeClass | null, line: number): ApexType {
    const names = ref.names;
    const first = names[0];
    const lower = first.name.toLowerCase();
    if (names.length === 1) {
      const args = first.args.map((a) => this.resolve(a, context, line));
      if (lower === 'list') return listOf(args[0] ?? OBJECT_TYPE);
      if (lower === 'set') return setOf(args[0] ?? OBJECT_TYPE);
      if (lower === 'map') return mapOf(args[0] ?? OBJECT_TYPE, args[1] ?? OBJECT_TYPE);
      const prim = PRIMITIVES.get(lower);
      if (prim) return primitive(prim);
      if (lower === 'sobject') return GENERIC_SOBJECT;
    }
    const found = this.findType(
      names.map((n) => n.name),
      context
    );
    if (found) return found;
    throw new UnsupportedError(`type ${refText(ref)}`, context?.file ?? undefined, line);
  }

  /** A type by its written name parts, from the point of view of `context`; undefined when unknown. */
  findType(parts: string[], context: RuntimeClass | null): ApexType | undefined {
    const lower = parts.map((p) => p.toLowerCase());
    if (lower.length === 1) {
      const prim = PRIMITIVES.get(lower[0]);
      if (prim) return primitive(prim);
      if (lower[0] === 'sobject') return GENERIC_SOBJECT;
    }
    const cls = this.findClass(lower, context);
    if (cls) return { kind: 'class', cls };
    if (lower.length === 1 && lower[0] === 'aggregateresult')
      return { kind: 'sobject', object: AGGREGATE_RESULT };
    const objectName =
      lower[0] === 'schema' && lower.length === 2 ? lower[1] : lower.length === 1 ? lower[0] : null;
    const object = objectName ? this.schema.object(objectName) : undefined;
    if (object) return { kind: 'sobject', object };
    return undefined;
  }

  findClass(lowerParts: string[], context: RuntimeClass | null): RuntimeClass | undefined {
    const [head, ...rest] = lowerParts;
    let start: RuntimeClass | undefined;
    for (let scope = context; scope && !start; scope = scope.outer) {
      start = scope.inner.get(head) ?? (scope.simpleName.toLowerCase() === head ? scope : undefined);
      for (let parent = scope.superclass; parent && !start; parent = parent.superclass)
        start = parent.inner.get(head);
    }
    start ??= this.top.get(head);
    if (start) {
      let cls: RuntimeClass | undefined = start;
      for (const part of rest) cls = cls?.inner.get(part);
      return cls;
    }
    const qualified = NAMESPACES.has(head) && rest.length > 0 ? lowerParts.join('.') : lowerParts.join('.');
    return this.system.get(qualified) ?? (head === 'system' ? this.system.get(rest.join('.')) : undefined);
  }
}

function refText(ref: TypeRef): string {
  return ref.names.map((n) => n.name).join('.');
}
