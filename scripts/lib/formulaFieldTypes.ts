import type { FieldType } from '../org/formula';
import type { DataModel, FieldInfo } from './forceAppModel';
import { STANDARD_FIELD_TYPES, SYSTEM_FIELD_TYPES, type StandardField } from './standardFieldTypes';

/**
 * Answers "what type is this field reference?" for a formula on one object of the package, from
 * the package metadata (custom fields, with lookups as relationships) and the standard field
 * table: `Amount__c`, `Partner_Account__r.Partner_Tier__c`, `Account.Owner.Name`, `$User.Id`,
 * `$Permission.X`, `$Label.X`. Lookups are case-insensitive, like Salesforce's.
 */
export interface FormulaGlobals {
  customPermissions?: Iterable<string>;
  labels?: Iterable<string>;
}

const FIXED_GLOBALS: Readonly<Record<string, FieldType>> = {
  '$profile.name': { dataType: 'text' },
  '$userrole.name': { dataType: 'text' },
  '$recordtype.id': { dataType: 'text' },
  '$recordtype.name': { dataType: 'text' },
  '$recordtype.developername': { dataType: 'text' },
  '$organization.id': { dataType: 'text' },
  '$organization.name': { dataType: 'text' }
};

const lowerSet = (names: Iterable<string> | undefined): Set<string> =>
  new Set([...(names ?? [])].map((n) => n.toLowerCase()));

function findIgnoringCase<T>(table: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  if (!table) return undefined;
  const key = Object.keys(table).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : table[key];
}

/** A metadata field's formula type; a lookup keeps its target so it can be followed. */
function fromMetadata(field: FieldInfo): StandardField | undefined {
  const scalar = (dataType: FieldType['dataType']): StandardField => ({
    dataType,
    scale: field.scale,
    length: field.length,
    options: field.picklistValues,
    referenceTo: field.referenceTo
  });
  switch (field.type) {
    case 'System': {
      const system = findIgnoringCase(SYSTEM_FIELD_TYPES, field.name);
      return system && { ...system, referenceTo: field.referenceTo ?? system.referenceTo };
    }
    case 'Number':
    case 'Currency':
    case 'Percent':
    case 'Summary':
      return scalar('number');
    case 'Date':
      return scalar('date');
    case 'DateTime':
      return scalar('datetime');
    case 'Time':
      return scalar('time');
    case 'Checkbox':
      return scalar('checkbox');
    case 'Picklist':
      return scalar('picklist');
    case 'MultiselectPicklist':
      return scalar('multipicklist');
    case 'Location':
      return scalar('geolocation');
    case 'Text':
    case 'TextArea':
    case 'LongTextArea':
    case 'Html':
    case 'Email':
    case 'Phone':
    case 'Url':
    case 'EncryptedText':
    case 'AutoNumber':
    case 'Lookup':
    case 'MasterDetail':
    case 'Hierarchy':
    case 'MetadataRelationship':
      return scalar('text');
    default:
      return undefined;
  }
}

export function formulaFieldResolver(
  model: DataModel,
  objectName: string,
  globals: FormulaGlobals = {}
): (reference: string) => FieldType | undefined {
  const permissions = lowerSet(globals.customPermissions);
  const labels = lowerSet(globals.labels);

  const fieldOn = (object: string, name: string): StandardField | undefined => {
    const declared = model.field(object, name);
    if (declared) return fromMetadata(declared);
    const standard = findIgnoringCase(STANDARD_FIELD_TYPES, object);
    if (!standard && !model.object(object)) return undefined;
    return findIgnoringCase(standard, name) ?? findIgnoringCase(SYSTEM_FIELD_TYPES, name);
  };

  /** `Partner_Account__r` → the Partner_Account__c lookup's target; `Owner` → OwnerId's. */
  const follow = (object: string, relationship: string): string | undefined => {
    const lookup = /__r$/i.test(relationship) ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`;
    return fieldOn(object, lookup)?.referenceTo;
  };

  const walk = (object: string, path: string[]): FieldType | undefined => {
    let current: string | undefined = object;
    for (const relationship of path.slice(0, -1)) {
      current = current && follow(current, relationship);
      if (!current) return undefined;
    }
    const field = fieldOn(current, path[path.length - 1]);
    return (
      field && { dataType: field.dataType, scale: field.scale, length: field.length, options: field.options }
    );
  };

  return (reference) => {
    const path = reference.split('.');
    if (!reference.startsWith('$')) return walk(objectName, path);
    const [global, ...rest] = path;
    const name = rest.join('.').toLowerCase();
    switch (global.toLowerCase()) {
      case '$user':
        return walk('User', rest);
      case '$permission':
        return permissions.has(name) ? { dataType: 'checkbox' } : undefined;
      case '$label':
        return labels.has(name) ? { dataType: 'text' } : undefined;
      default:
        return FIXED_GLOBALS[reference.toLowerCase()];
    }
  };
}
