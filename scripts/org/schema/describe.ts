/**
 * The org's object model as the platform describes it (DescribeSObjectResult and
 * DescribeFieldResult): what the SOQL engine, the DML engine, the security checks and Apex's
 * `Schema` namespace all read. Built once per loaded package from the standard-object catalog
 * and the package's object metadata.
 */

/** Field data types as `Schema.DisplayType` names them (lower case). */
export type FieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'email'
  | 'url'
  | 'phone'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'boolean'
  | 'integer'
  | 'long'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'base64'
  | 'encryptedstring';

export interface PicklistEntry {
  value: string;
  label: string;
  isDefault: boolean;
  isActive: boolean;
}

export interface FieldDescribe {
  /** API name in its declared case. */
  name: string;
  label: string;
  type: FieldType;
  /** Text length; 0 when not text. */
  length: number;
  precision: number;
  scale: number;
  /** Must hold a value on save (nillable = false and not defaulted by the platform). */
  required: boolean;
  nillable: boolean;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  /** Set by the user on insert / update (false for system fields and formulas). */
  createable: boolean;
  updateable: boolean;
  /** Field-level security applies (required and system fields are always visible). */
  permissionable: boolean;
  /** A formula (or platform-derived) value computed on read. */
  calculated: boolean;
  formula?: string;
  /** A literal or formula default applied on insert when the field is blank. */
  defaultValueFormula?: string;
  defaultedOnCreate: boolean;
  referenceTo: string[];
  /** The parent relationship (`Account`, `Opportunity__r`). */
  relationshipName?: string;
  /** The relationship the parent sees its children by (`Opportunities`, `Partner_Deals__r`). */
  childRelationshipName?: string;
  /** Master-detail: deleting the parent deletes this record; the parent decides access. */
  masterDetail: boolean;
  reparentable: boolean;
  /** Lookup delete constraint: SetNull (default), Restrict or Cascade. */
  deleteConstraint?: 'SetNull' | 'Restrict' | 'Cascade';
  picklistValues: PicklistEntry[];
  restrictedPicklist: boolean;
  /** Auto-number display format, e.g. `REG-{00000}`. */
  autoNumberFormat?: string;
  custom: boolean;
  nameField: boolean;
  inlineHelpText?: string;
}

/** Organization-wide default for internal users. */
export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent' | 'FullAccess';

export interface ChildRelationship {
  relationshipName: string;
  childObject: string;
  field: string;
  cascadeDelete: boolean;
}

export interface ValidationRule {
  name: string;
  active: boolean;
  errorConditionFormula: string;
  errorMessage: string;
  errorDisplayField?: string;
  /** Where the rule is declared, for errors that name file and line. */
  file: string;
  line: number;
}

export interface ObjectDescribe {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  /** Custom metadata type (`__mdt`): read-only records deployed with the package. */
  customMetadata: boolean;
  /** Setup objects (User, PermissionSet, ...) are not subject to sharing and mixed DML rules apply. */
  setup: boolean;
  queryable: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  sharingModel: SharingModel;
  /** `<Object>__Share` (custom) or `<Object>Share` (standard) when the object can be shared manually or by Apex. */
  shareObject?: string;
  /** For a share object: the object it shares. */
  sharesObject?: string;
  /** Apex sharing reasons (custom objects): row causes that Apex may write. */
  sharingReasons: string[];
  fields: Map<string, FieldDescribe>;
  childRelationships: Map<string, ChildRelationship>;
  validationRules: ValidationRule[];
  /** The master-detail field that controls access (ControlledByParent). */
  controllingParentField?: string;
  field(name: string): FieldDescribe | undefined;
}

export function fieldOf(object: ObjectDescribe, name: string): FieldDescribe | undefined {
  return object.fields.get(name.toLowerCase());
}
