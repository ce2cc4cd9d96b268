import type { Block } from '../parse/ast';
import type { FieldInfo, MethodInfo } from './runtimeClass';

/**
 * A property with accessor bodies reads and writes through methods compiled from those bodies
 * (inside them, the property's own name is the backing value); an automatic property is plain
 * storage. The accessor methods are made once per property.
 */
export function withAccessors(field: FieldInfo): FieldInfo {
  const property = field.property;
  if (!property || field.getter || field.setter) return field;
  const make = (body: Block, isSetter: boolean): MethodInfo => ({
    name: `${isSetter ? 'set' : 'get'}${field.name}`,
    owner: field.owner,
    params: isSetter ? [{ name: 'value', type: field.type }] : [],
    returnType: isSetter ? { kind: 'void' } : field.type,
    isStatic: field.isStatic,
    isAbstract: false,
    access: property.modifiers.access,
    annotations: [],
    line: property.line,
    decl: {
      kind: 'method',
      line: property.line,
      modifiers: property.modifiers,
      returnType: null,
      name: field.name,
      params: [],
      body
    },
    property: field
  });
  if (property.getter?.body) field.getter = make(property.getter.body, false);
  if (property.setter?.body) field.setter = make(property.setter.body, true);
  return field;
}
