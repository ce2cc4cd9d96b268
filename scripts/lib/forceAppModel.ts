// The data model of a force-app folder (objects and fields as the metadata declares them), for
// checks that must agree with the package's schema without an org: the SOQL field check, the
// cross-reference check, the schema tests. Names keep their metadata case; lookups by name are
// case-insensitive, like Salesforce's own.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { children, flag, num, readMetadataFile, text, type XmlNode } from './metadataXml';

export interface FieldInfo {
  name: string;
  /** Metadata type: Text, Lookup, MasterDetail, Picklist, Currency, ...; `System` for implicit fields (Id, Name, OwnerId, ...). */
  type: string;
  label?: string;
  /** Target object of a Lookup or MasterDetail. */
  referenceTo?: string;
  relationshipName?: string;
  deleteConstraint?: string;
  required: boolean;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  trackHistory: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  /** Picklist value API names, inline or from the global value set. */
  picklistValues?: string[];
  restricted?: boolean;
  valueSetName?: string;
  /** A formula field's formula (its `type` is the formula's result type: Number, Text, ...). */
  formula?: string;
  /** Declared by the platform, not by a field file (Id, Name, OwnerId, CreatedDate, DeveloperName, ...). */
  implicit: boolean;
}

export interface ObjectInfo {
  name: string;
  /** False for standard objects the package only adds fields to (no object-meta.xml of its own). */
  declared: boolean;
  label?: string;
  sharingModel?: string;
  enableHistory: boolean;
  fields: Map<string, FieldInfo>;
  validationRules: string[];
  /** Case-insensitive field lookup. */
  field(name: string): FieldInfo | undefined;
}

export interface DataModel {
  objects: Map<string, ObjectInfo>;
  /** Case-insensitive object lookup. */
  object(name: string): ObjectInfo | undefined;
  /** Case-insensitive `Object.Field` lookup. */
  field(objectName: string, fieldName: string): FieldInfo | undefined;
}

const SYSTEM_FIELDS = [
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'IsDeleted'
];
const METADATA_TYPE_FIELDS = [
  'Id',
  'DeveloperName',
  'MasterLabel',
  'Label',
  'Language',
  'NamespacePrefix',
  'QualifiedApiName'
];

/** Loads every `objects/` folder under `dir` (a package directory such as `force-app`). */
export function loadDataModel(dir: string): DataModel {
  const globalValueSets = loadGlobalValueSets(dir);
  const objects = new Map<string, ObjectInfo>();
  for (const objectsDir of findDirs(dir, 'objects')) {
    for (const name of readdirSync(objectsDir).sort()) {
      const objectDir = join(objectsDir, name);
      if (statSync(objectDir).isDirectory()) objects.set(name, loadObject(objectDir, name, globalValueSets));
    }
  }
  return withLookup(objects);
}

function loadObject(objectDir: string, name: string, globalValueSets: Map<string, string[]>): ObjectInfo {
  const objectFile = join(objectDir, `${name}.object-meta.xml`);
  const root = existsSync(objectFile) ? readMetadataFile(objectFile, 'CustomObject') : undefined;
  const fields = new Map<string, FieldInfo>();
  for (const implicit of implicitFields(name, root)) fields.set(implicit.name, implicit);
  for (const file of filesEnding(join(objectDir, 'fields'), '.field-meta.xml')) {
    const field = toField(readMetadataFile(file, 'CustomField'), globalValueSets);
    fields.set(field.name, field);
  }
  const validationRules = filesEnding(join(objectDir, 'validationRules'), '.validationRule-meta.xml').map(
    (file) => basename(file, '.validationRule-meta.xml')
  );
  const byLowerName = new Map([...fields.values()].map((f) => [f.name.toLowerCase(), f]));
  return {
    name,
    declared: root !== undefined,
    label: root && text(root, 'label'),
    sharingModel: root && text(root, 'sharingModel'),
    enableHistory: root !== undefined && flag(root, 'enableHistory'),
    fields,
    validationRules,
    field: (fieldName) => byLowerName.get(fieldName.toLowerCase())
  };
}

function toField(node: XmlNode, globalValueSets: Map<string, string[]>): FieldInfo {
  const name = text(node, 'fullName');
  if (!name) throw new Error('field file without <fullName>');
  const valueSet = children(node, 'valueSet')[0];
  const valueSetName = valueSet && text(valueSet, 'valueSetName');
  const definition = valueSet && children(valueSet, 'valueSetDefinition')[0];
  const inlineValues = definition && children(definition, 'value').map((v) => text(v, 'fullName') ?? '');
  return {
    name,
    type: text(node, 'type') ?? 'Unknown',
    label: text(node, 'label'),
    referenceTo: text(node, 'referenceTo'),
    relationshipName: text(node, 'relationshipName'),
    deleteConstraint: text(node, 'deleteConstraint'),
    // A master-detail field is always required, although its file has no <required>.
    required: flag(node, 'required') || text(node, 'type') === 'MasterDetail',
    unique: flag(node, 'unique'),
    caseSensitive: flag(node, 'caseSensitive'),
    externalId: flag(node, 'externalId'),
    trackHistory: flag(node, 'trackHistory'),
    length: num(node, 'length'),
    precision: num(node, 'precision'),
    scale: num(node, 'scale'),
    picklistValues: valueSetName ? globalValueSets.get(valueSetName) : inlineValues,
    restricted: valueSet ? flag(valueSet, 'restricted') : undefined,
    valueSetName,
    formula: text(node, 'formula'),
    implicit: false
  };
}

/** Fields every record of the object has without a field file; enough for SOQL checks on PSMS objects. */
function implicitFields(name: string, root: XmlNode | undefined): FieldInfo[] {
  const implicit = (fieldName: string, extra: Partial<FieldInfo> = {}): FieldInfo => ({
    name: fieldName,
    type: 'System',
    required: false,
    unique: false,
    caseSensitive: false,
    externalId: false,
    trackHistory: false,
    implicit: true,
    ...extra
  });
  if (root === undefined) return [implicit('Id')]; // a standard object: its standard fields are the platform's
  if (name.endsWith('__mdt')) return METADATA_TYPE_FIELDS.map((f) => implicit(f));
  const owned = text(root, 'sharingModel') !== 'ControlledByParent';
  return [
    ...SYSTEM_FIELDS.map((f) => implicit(f)),
    implicit('Name', { label: text(children(root, 'nameField')[0] ?? {}, 'label') }),
    ...(owned ? [implicit('OwnerId', { referenceTo: 'User' })] : [])
  ];
}

function loadGlobalValueSets(dir: string): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const setsDir of findDirs(dir, 'globalValueSets')) {
    for (const file of filesEnding(setsDir, '.globalValueSet-meta.xml')) {
      const root = readMetadataFile(file, 'GlobalValueSet');
      sets.set(
        basename(file, '.globalValueSet-meta.xml'),
        children(root, 'customValue').map((v) => text(v, 'fullName') ?? '')
      );
    }
  }
  return sets;
}

function withLookup(objects: Map<string, ObjectInfo>): DataModel {
  const byLowerName = new Map([...objects.values()].map((o) => [o.name.toLowerCase(), o]));
  const object = (name: string) => byLowerName.get(name.toLowerCase());
  return { objects, object, field: (objectName, fieldName) => object(objectName)?.field(fieldName) };
}

/** Directories named `name` anywhere under `dir` (skipping LWC bundles and dot folders). */
export function findDirs(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (
      !entry.isDirectory() ||
      entry.name.startsWith('.') ||
      entry.name === 'lwc' ||
      entry.name === 'node_modules'
    )
      continue;
    const path = join(dir, entry.name);
    if (entry.name === name) found.push(path);
    else found.push(...findDirs(path, name));
  }
  return found.sort();
}

export function filesEnding(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => join(dir, file));
}
