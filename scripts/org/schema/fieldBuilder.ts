import type { FieldDescribe, FieldType, PicklistEntry } from './describe';

/**
 * A compact way to declare the platform's standard fields: each helper fills the
 * DescribeFieldResult the way the platform reports that kind of field, and the options say
 * where a field differs (required, read-only, not subject to field-level security).
 */
export interface FieldOptions {
  label?: string;
  required?: boolean;
  /** Written by the platform only (IsClosed, CreatedDate, ...). */
  readOnly?: boolean;
  /** Field-level security applies; defaults to true for optional user-editable fields. */
  permissionable?: boolean;
  unique?: boolean;
  caseSensitive?: boolean;
  externalId?: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  nameField?: boolean;
  defaultedOnCreate?: boolean;
}

export function field(name: string, type: FieldType, options: FieldOptions = {}): FieldDescribe {
  const readOnly = options.readOnly ?? false;
  const required = options.required ?? false;
  return {
    name,
    label: options.label ?? labelOf(name),
    type,
    length: options.length ?? (type === 'string' || type === 'textarea' ? 255 : type === 'id' ? 18 : 0),
    precision: options.precision ?? 0,
    scale: options.scale ?? 0,
    required,
    nillable: !required && !(options.defaultedOnCreate ?? false),
    unique: options.unique ?? false,
    caseSensitive: options.caseSensitive ?? false,
    externalId: options.externalId ?? false,
    createable: !readOnly,
    updateable: !readOnly,
    permissionable: options.permissionable ?? (!required && !readOnly),
    calculated: false,
    defaultedOnCreate: options.defaultedOnCreate ?? false,
    referenceTo: [],
    masterDetail: false,
    reparentable: true,
    picklistValues: [],
    restrictedPicklist: false,
    custom: false,
    nameField: options.nameField ?? false
  };
}

export function idField(): FieldDescribe {
  return field('Id', 'id', { readOnly: true, permissionable: false, defaultedOnCreate: true });
}

export function text(name: string, length: number, options: FieldOptions = {}): FieldDescribe {
  return field(name, 'string', { ...options, length });
}

export function reference(
  name: string,
  referenceTo: string,
  relationshipName: string,
  options: FieldOptions & { deleteConstraint?: FieldDescribe['deleteConstraint']; children?: string } = {}
): FieldDescribe {
  return {
    ...field(name, 'reference', { ...options, length: 18 }),
    referenceTo: [referenceTo],
    relationshipName,
    childRelationshipName: options.children,
    deleteConstraint: options.deleteConstraint ?? 'SetNull'
  };
}

export function picklist(
  name: string,
  values: readonly string[],
  options: FieldOptions & { restricted?: boolean } = {}
): FieldDescribe {
  return {
    ...field(name, 'picklist', { ...options, length: 255 }),
    picklistValues: values.map(entry),
    restrictedPicklist: options.restricted ?? false
  };
}

export function entry(value: string): PicklistEntry {
  return { value, label: value, isDefault: false, isActive: true };
}

/** The audit fields every object has; none is settable (except through Test.setCreatedDate). */
export function auditFields(): FieldDescribe[] {
  const system = { readOnly: true, permissionable: false, defaultedOnCreate: true };
  return [
    field('CreatedDate', 'datetime', system),
    reference('CreatedById', 'User', 'CreatedBy', system),
    field('LastModifiedDate', 'datetime', system),
    reference('LastModifiedById', 'User', 'LastModifiedBy', system),
    field('SystemModstamp', 'datetime', system),
    field('IsDeleted', 'boolean', system)
  ];
}

/** `OwnerId`: set to the running user on insert when blank; a record's owner is never blank. */
export function ownerField(): FieldDescribe {
  return reference('OwnerId', 'User', 'Owner', { permissionable: false, defaultedOnCreate: true });
}

/** `LastStageChangeDate` → `Last Stage Change Date`. */
function labelOf(name: string): string {
  return name
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
}
