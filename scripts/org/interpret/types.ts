import type { ObjectDescribe } from '../schema/describe';

/**
 * Apex types as the interpreter sees them at run time: what a variable, field, parameter or
 * collection was declared as. Values carry no static type of their own, so every typed
 * boundary (assignment, parameter, return, collection add, SObject field) converts the value to
 * its declared type the way the Apex compiler's implicit conversions do (Integer → Decimal ...).
 */
export type PrimitiveName =
  | 'Integer'
  | 'Long'
  | 'Decimal'
  | 'Double'
  | 'String'
  | 'Boolean'
  | 'Date'
  | 'Datetime'
  | 'Time'
  | 'Id'
  | 'Blob'
  | 'Object';

/** A user or system class, interface or enum the type system can test membership of. */
export interface ClassLike {
  readonly name: string;
  readonly kind: 'class' | 'interface' | 'enum';
  /** True when this is `other` or extends/implements it. */
  isA(other: ClassLike): boolean;
}

export type ApexType =
  | { kind: 'primitive'; name: PrimitiveName }
  | { kind: 'list'; element: ApexType }
  | { kind: 'set'; element: ApexType }
  | { kind: 'map'; key: ApexType; value: ApexType }
  /** `object` null = the generic SObject type. */
  | { kind: 'sobject'; object: ObjectDescribe | null }
  | { kind: 'class'; cls: ClassLike }
  | { kind: 'void' };

const primitives = new Map<PrimitiveName, ApexType>();

export function primitive(name: PrimitiveName): ApexType {
  let type = primitives.get(name);
  if (!type) {
    type = { kind: 'primitive', name };
    primitives.set(name, type);
  }
  return type;
}

export const OBJECT_TYPE = primitive('Object');
export const STRING_TYPE = primitive('String');
export const INTEGER_TYPE = primitive('Integer');
export const DECIMAL_TYPE = primitive('Decimal');
export const BOOLEAN_TYPE = primitive('Boolean');
export const ID_TYPE = primitive('Id');
export const VOID_TYPE: ApexType = { kind: 'void' };
export const GENERIC_SOBJECT: ApexType = { kind: 'sobject', object: null };

export function listOf(element: ApexType): ApexType {
  return { kind: 'list', element };
}

export function setOf(element: ApexType): ApexType {
  return { kind: 'set', element };
}

export function mapOf(key: ApexType, value: ApexType): ApexType {
  return { kind: 'map', key, value };
}

/** How Apex writes the type: `List<Account>`, `Map<Id,Opportunity>`, `EngagementRules.Result`. */
export function typeName(type: ApexType): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'list':
      return `List<${typeName(type.element)}>`;
    case 'set':
      return `Set<${typeName(type.element)}>`;
    case 'map':
      return `Map<${typeName(type.key)},${typeName(type.value)}>`;
    case 'sobject':
      return type.object ? type.object.name : 'SObject';
    case 'class':
      return type.cls.name;
    case 'void':
      return 'void';
  }
}
