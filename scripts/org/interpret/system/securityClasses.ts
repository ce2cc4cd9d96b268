import { PlatformError } from '../../platformError';
import type { ClassRegistry } from '../classRegistry';
import type { Execution } from '../execution';
import { ApexObject, type ApexEnumValue } from '../runtimeClass';
import { GENERIC_SOBJECT, STRING_TYPE, setOf } from '../types';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { SObject } from '../values/sobject';
import { nativeClass } from './nativeClass';

/**
 * Security.stripInaccessible: copies of the records without the fields the running user may
 * not read (or create, update) under their permission sets, and which fields were removed per
 * object. With enforceRootObjectCRUD (the default), a user without the object permission gets
 * a NoAccessException instead.
 */
const SYSTEM_FIELDS = new Set([
  'id',
  'createddate',
  'createdbyid',
  'lastmodifieddate',
  'lastmodifiedbyid',
  'systemmodstamp',
  'isdeleted'
]);

function allowed(ex: Execution, record: SObject, field: string, access: string): boolean {
  if (SYSTEM_FIELDS.has(field.toLowerCase())) return true;
  const describe = record.field(field);
  if (!describe) return true;
  const fls = ex.org.services.security.fieldAccess(ex, record.type, describe.name);
  switch (access) {
    case 'READABLE':
      return fls.read;
    case 'CREATABLE':
      return describe.createable && fls.edit;
    case 'UPDATABLE':
      return describe.updateable && fls.edit;
    default:
      return describe.createable && describe.updateable && fls.edit;
  }
}

function objectAllowed(ex: Execution, record: SObject, access: string): boolean {
  const crud = ex.org.services.security.objectAccess(ex, record.type);
  if (access === 'READABLE') return crud.read;
  if (access === 'CREATABLE') return crud.create;
  if (access === 'UPDATABLE') return crud.edit;
  return crud.create && crud.edit;
}

export function installSecurity(registry: ClassRegistry): void {
  nativeClass(registry, {
    name: 'System.AccessType',
    aliases: ['AccessType'],
    kind: 'enum',
    enumValues: ['CREATABLE', 'READABLE', 'UPDATABLE', 'UPSERTABLE']
  });
  const decision = nativeClass(registry, {
    name: 'System.SObjectAccessDecision',
    aliases: ['SObjectAccessDecision'],
    methods: {
      getRecords: (_ex, self) => (self as ApexObject).native.records,
      getRemovedFields: (_ex, self) => (self as ApexObject).native.removed,
      getModifiedIndexes: (_ex, self) => (self as ApexObject).native.modified
    }
  });
  nativeClass(registry, {
    name: 'System.Security',
    aliases: ['Security'],
    staticMethods: {
      stripInaccessible: (ex, _self, [accessType, records, enforceRoot]) => {
        const access = (accessType as ApexEnumValue).name;
        const list = records as ApexList;
        const removed = new ApexMap(STRING_TYPE, setOf(STRING_TYPE));
        const modified = new ApexSet({ kind: 'primitive', name: 'Integer' });
        const strip = (record: SObject, index: number | null): SObject => {
          if (enforceRoot !== false && index !== null && !objectAllowed(ex, record, access))
            throw new PlatformError('System.NoAccessException', `No access to entity: ${record.type.name}`);
          const copy = new SObject(record.type);
          for (const slot of record.populated()) {
            if (slot.value instanceof SObject) {
              copy.set(slot.name, strip(slot.value, null));
              continue;
            }
            if (slot.value instanceof ApexList) {
              copy.set(
                slot.name,
                new ApexList(
                  slot.value.element,
                  slot.value.items.map((child) => strip(child as SObject, null))
                )
              );
              continue;
            }
            if (allowed(ex, record, slot.name, access)) {
              copy.set(slot.name, slot.value);
              continue;
            }
            let names = removed.get(record.type.name) as ApexSet | null;
            if (!names) {
              names = new ApexSet(STRING_TYPE);
              removed.put(record.type.name, names);
            }
            names.add(slot.name);
            if (index !== null) modified.add(index);
          }
          return copy;
        };
        const result = new ApexObject(decision);
        result.native = {
          records: new ApexList(
            list.element ?? GENERIC_SOBJECT,
            list.items.map((r, i) => strip(r as SObject, i))
          ),
          removed,
          modified
        };
        return result;
      }
    }
  });
}
