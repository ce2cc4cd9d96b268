import type { FieldDescribe, ObjectDescribe } from '../../schema/describe';
import { UnsupportedError } from '../../platformError';
import type { ClassRegistry } from '../classRegistry';
import type { Execution } from '../execution';
import { ApexObject, type RuntimeClass } from '../runtimeClass';
import { STRING_TYPE } from '../types';
import { ApexList, ApexMap } from '../values/collections';
import { SObject } from '../values/sobject';
import { enumValue, method, nativeClass } from './nativeClass';

/**
 * Apex's Schema namespace over the org's object model: SObjectType and SObjectField tokens (one
 * object per type or field, so `==` between tokens works), describe results that answer
 * isAccessible() and friends for the running user, picklist entries, the global describe, and
 * a share object's RowCause constants.
 */
const tokens = new WeakMap<object, ApexObject>();

function token(cls: RuntimeClass, key: object, native: Record<string, unknown>): ApexObject {
  let found = tokens.get(key);
  if (!found) {
    found = new ApexObject(cls);
    found.native = native;
    tokens.set(key, found);
  }
  return found;
}

export function sobjectTypeToken(ex: Execution, object: ObjectDescribe): ApexObject {
  return token(ex.org.registry.systemClass('Schema.SObjectType'), object, {
    object,
    toText: () => object.name
  });
}

export function sobjectFieldToken(ex: Execution, object: ObjectDescribe, field: FieldDescribe): ApexObject {
  return token(ex.org.registry.systemClass('Schema.SObjectField'), field, {
    object,
    field: field.name,
    toText: () => field.name
  });
}

function describeObject(ex: Execution, object: ObjectDescribe): ApexObject {
  const describe = new ApexObject(ex.org.registry.systemClass('Schema.DescribeSObjectResult'));
  describe.native = { object, toText: () => `Schema.DescribeSObjectResult[${object.name}]` };
  return describe;
}

function describeField(ex: Execution, object: ObjectDescribe, field: FieldDescribe): ApexObject {
  const describe = new ApexObject(ex.org.registry.systemClass('Schema.DescribeFieldResult'));
  describe.native = { object, field, toText: () => `Schema.DescribeFieldResult[${field.name}]` };
  return describe;
}

function fieldSet(ex: Execution, object: ObjectDescribe): ApexObject {
  const fields = new ApexObject(ex.org.registry.systemClass('Schema.SObjectTypeFields'));
  fields.native = { object };
  return fields;
}

/** `Account.SObjectType`, `Account.Name`, `Schema.Deal__Share.RowCause`: members of an SObject type name. */
export function sobjectTypeMember(ex: Execution, object: ObjectDescribe, name: string): unknown {
  const lower = name.toLowerCase();
  if (lower === 'sobjecttype') return sobjectTypeToken(ex, object);
  if (lower === 'rowcause' && object.sharesObject) {
    const causes = new ApexObject(ex.org.registry.systemClass('Schema.RowCauses'));
    causes.native = { object };
    return causes;
  }
  const field = object.field(name);
  if (field) return sobjectFieldToken(ex, object, field);
  if (lower === 'fields') return fieldSet(ex, object);
  throw new UnsupportedError(`${object.name}.${name}`);
}

function nativeObject(self: unknown): ObjectDescribe {
  return (self as ApexObject).native.object as ObjectDescribe;
}

function nativeField(self: unknown): FieldDescribe {
  return (self as ApexObject).native.field as FieldDescribe;
}

export function installSchema(registry: ClassRegistry): void {
  const displayType = nativeClass(registry, {
    name: 'Schema.DisplayType',
    aliases: ['DisplayType'],
    kind: 'enum',
    enumValues: [
      'ADDRESS',
      'ANYTYPE',
      'BASE64',
      'BOOLEAN',
      'COMBOBOX',
      'CURRENCY',
      'DATACATEGORYGROUPREFERENCE',
      'DATE',
      'DATETIME',
      'DOUBLE',
      'EMAIL',
      'ENCRYPTEDSTRING',
      'ID',
      'INTEGER',
      'LONG',
      'MULTIPICKLIST',
      'PERCENT',
      'PHONE',
      'PICKLIST',
      'REFERENCE',
      'STRING',
      'TEXTAREA',
      'TIME',
      'URL'
    ]
  });
  const picklistEntry = nativeClass(registry, {
    name: 'Schema.PicklistEntry',
    aliases: ['PicklistEntry'],
    methods: {
      getValue: (_ex, self) => (self as ApexObject).native.value,
      getLabel: (_ex, self) => (self as ApexObject).native.label,
      isActive: (_ex, self) => (self as ApexObject).native.active,
      isDefaultValue: (_ex, self) => (self as ApexObject).native.isDefault
    }
  });
  nativeClass(registry, {
    name: 'Schema.SObjectType',
    aliases: ['SObjectType'],
    methods: {
      getDescribe: (ex, self) => describeObject(ex, nativeObject(self)),
      newSObject: (_ex, self, [id]) => {
        const record = new SObject(nativeObject(self));
        if (typeof id === 'string') record.set('Id', id);
        return record;
      },
      equals: (_ex, self, [other]) => self === other,
      hashCode: (_ex, self) => nativeObject(self).name.length,
      toString: method((_ex, self) => nativeObject(self).name)
    },
    // Schema.SObjectType.Account is Account's describe result.
    nativeStatic: (ex, name) => {
      const object = ex.org.schema.object(name);
      if (!object) throw new UnsupportedError(`Schema.SObjectType.${name}: no such object`);
      return describeObject(ex, object);
    }
  });
  nativeClass(registry, {
    name: 'Schema.SObjectField',
    aliases: ['SObjectField'],
    methods: {
      getDescribe: (ex, self) => {
        const object = nativeObject(self);
        return describeField(
          ex,
          object,
          object.field((self as ApexObject).native.field as string) as FieldDescribe
        );
      },
      equals: (_ex, self, [other]) => self === other,
      toString: method((_ex, self) => (self as ApexObject).native.field)
    }
  });
  nativeClass(registry, {
    name: 'Schema.SObjectTypeFields',
    methods: {
      getMap: (ex, self) => {
        const object = nativeObject(self);
        const map = new ApexMap(STRING_TYPE, {
          kind: 'class',
          cls: registry.systemClass('Schema.SObjectField')
        });
        for (const field of object.fields.values())
          map.put(field.name.toLowerCase(), sobjectFieldToken(ex, object, field));
        return map;
      }
    },
    nativeProperty: (ex, self, name) => {
      const object = nativeObject(self);
      const field = object.field(name);
      if (!field) throw new UnsupportedError(`${object.name}.fields.${name}: no such field`);
      return describeField(ex, object, field);
    }
  });
  nativeClass(registry, {
    name: 'Schema.RowCauses',
    nativeProperty: (_ex, self, name) => {
      const object = nativeObject(self);
      const causes = object.field('RowCause')?.picklistValues.map((v) => v.value) ?? [];
      const found = causes.find((c) => c.toLowerCase() === name.toLowerCase());
      if (!found) throw new UnsupportedError(`${object.name}.RowCause.${name}: no such sharing reason`);
      return found;
    }
  });
  nativeClass(registry, {
    name: 'Schema.DescribeSObjectResult',
    aliases: ['DescribeSObjectResult'],
    methods: {
      getName: (_ex, self) => nativeObject(self).name,
      getLocalName: (_ex, self) => nativeObject(self).name,
      getLabel: (_ex, self) => nativeObject(self).label,
      getLabelPlural: (_ex, self) => nativeObject(self).labelPlural,
      getKeyPrefix: (_ex, self) => nativeObject(self).keyPrefix,
      isCustom: (_ex, self) => nativeObject(self).custom,
      isQueryable: (_ex, self) => nativeObject(self).queryable,
      isAccessible: (ex, self) => ex.org.services.security.objectAccess(ex, nativeObject(self)).read,
      isCreateable: (ex, self) => ex.org.services.security.objectAccess(ex, nativeObject(self)).create,
      isUpdateable: (ex, self) => ex.org.services.security.objectAccess(ex, nativeObject(self)).edit,
      isDeletable: (ex, self) => ex.org.services.security.objectAccess(ex, nativeObject(self)).delete,
      getSObjectType: (ex, self) => sobjectTypeToken(ex, nativeObject(self)),
      fields: (ex, self) => fieldSet(ex, nativeObject(self))
    },
    nativeProperty: (ex, self, name) =>
      name.toLowerCase() === 'fields' ? fieldSet(ex, nativeObject(self)) : undefined
  });
  nativeClass(registry, {
    name: 'Schema.DescribeFieldResult',
    aliases: ['DescribeFieldResult'],
    methods: {
      getName: (_ex, self) => nativeField(self).name,
      getLocalName: (_ex, self) => nativeField(self).name,
      getLabel: (_ex, self) => nativeField(self).label,
      getType: (_ex, self) => enumValue(displayType, nativeField(self).type.toUpperCase()),
      getLength: (_ex, self) => nativeField(self).length,
      getPrecision: (_ex, self) => nativeField(self).precision,
      getScale: (_ex, self) => nativeField(self).scale,
      getInlineHelpText: (_ex, self) => nativeField(self).inlineHelpText ?? null,
      getRelationshipName: (_ex, self) => nativeField(self).relationshipName ?? null,
      getReferenceTo: (ex, self) =>
        new ApexList(
          { kind: 'class', cls: registry.systemClass('Schema.SObjectType') },
          nativeField(self).referenceTo.flatMap((name) => {
            const object = ex.org.schema.object(name);
            return object ? [sobjectTypeToken(ex, object)] : [];
          })
        ),
      getPicklistValues: (_ex, self) =>
        new ApexList(
          { kind: 'class', cls: picklistEntry },
          nativeField(self).picklistValues.map((entry) => {
            const value = new ApexObject(picklistEntry);
            value.native = {
              value: entry.value,
              label: entry.label,
              active: entry.isActive,
              isDefault: entry.isDefault
            };
            return value;
          })
        ),
      getSObjectField: (ex, self) => sobjectFieldToken(ex, nativeObject(self), nativeField(self)),
      isAccessible: (ex, self) =>
        ex.org.services.security.fieldAccess(ex, nativeObject(self), nativeField(self).name).read,
      isCreateable: (ex, self) =>
        nativeField(self).createable &&
        ex.org.services.security.fieldAccess(ex, nativeObject(self), nativeField(self).name).edit,
      isUpdateable: (ex, self) =>
        nativeField(self).updateable &&
        ex.org.services.security.fieldAccess(ex, nativeObject(self), nativeField(self).name).edit,
      isNillable: (_ex, self) => nativeField(self).nillable,
      isUnique: (_ex, self) => nativeField(self).unique,
      isExternalId: (_ex, self) => nativeField(self).externalId,
      isCalculated: (_ex, self) => nativeField(self).calculated,
      isCustom: (_ex, self) => nativeField(self).custom,
      isCaseSensitive: (_ex, self) => nativeField(self).caseSensitive,
      isPermissionable: (_ex, self) => nativeField(self).permissionable,
      isRestrictedPicklist: (_ex, self) => nativeField(self).restrictedPicklist,
      isNameField: (_ex, self) => nativeField(self).nameField,
      isAutoNumber: (_ex, self) => Boolean(nativeField(self).autoNumberFormat),
      isDefaultedOnCreate: (_ex, self) => nativeField(self).defaultedOnCreate
    }
  });
  nativeClass(registry, {
    name: 'Schema',
    aliases: ['System.Schema'],
    staticMethods: {
      getGlobalDescribe: (ex) => {
        const map = new ApexMap(STRING_TYPE, {
          kind: 'class',
          cls: registry.systemClass('Schema.SObjectType')
        });
        for (const object of ex.org.schema.objects())
          map.put(object.name.toLowerCase(), sobjectTypeToken(ex, object));
        return map;
      },
      describeSObjects: (ex, _self, [names]) =>
        new ApexList(
          { kind: 'class', cls: registry.systemClass('Schema.DescribeSObjectResult') },
          (names as ApexList).items.map((name) => {
            const object = ex.org.schema.object(String(name));
            if (!object) throw new UnsupportedError(`Schema.describeSObjects: no object ${String(name)}`);
            return describeObject(ex, object);
          })
        )
    }
  });
}
