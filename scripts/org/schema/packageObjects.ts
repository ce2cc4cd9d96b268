import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { filesEnding, findDirs } from '../../lib/forceAppModel';
import { children, flag, num, readMetadataFile, text, type XmlNode } from '../../lib/metadataXml';
import type { FieldDescribe, FieldType, ObjectDescribe, SharingModel, ValidationRule } from './describe';
import { auditFields, entry, field, idField, ownerField } from './fieldBuilder';

/**
 * Custom objects, custom metadata types and fields added to standard objects, read from the
 * `objects/` folders of SFDX source directories, as the platform would describe them after a
 * deploy: field types and lengths, picklists (inline or global value sets), master-detail and
 * lookup relationships, auto-number names, validation rules with the file and line they come
 * from, and the share table of every object with a Private or Read sharing model.
 */
export interface PackageObjects {
  /** Objects the source declares (object-meta.xml present). */
  declared: ObjectDescribe[];
  /** Fields the source adds to standard objects, by object name. */
  extensions: Map<string, FieldDescribe[]>;
  /** Validation rules on standard objects, by object name. */
  standardRules: Map<string, ValidationRule[]>;
}

const TYPES: Readonly<Record<string, FieldType>> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  EncryptedText: 'encryptedstring',
  Email: 'email',
  Url: 'url',
  Phone: 'phone',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Checkbox: 'boolean',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Date: 'date',
  DateTime: 'datetime',
  Time: 'time',
  Lookup: 'reference',
  MasterDetail: 'reference',
  AutoNumber: 'string'
};

export function loadPackageObjects(sourceDirs: readonly string[]): PackageObjects {
  const declared: ObjectDescribe[] = [];
  const extensions = new Map<string, FieldDescribe[]>();
  const standardRules = new Map<string, ValidationRule[]>();
  const valueSets = loadGlobalValueSets(sourceDirs);
  for (const sourceDir of sourceDirs) {
    for (const objectsDir of findDirs(sourceDir, 'objects')) {
      for (const name of readdirSync(objectsDir).sort()) {
        const dir = join(objectsDir, name);
        if (!statSync(dir).isDirectory()) continue;
        const fields = filesEnding(join(dir, 'fields'), '.field-meta.xml').map((file) =>
          toField(readMetadataFile(file, 'CustomField'), file, valueSets)
        );
        const rules = loadValidationRules(dir);
        const objectFile = join(dir, `${name}.object-meta.xml`);
        if (existsSync(objectFile) && (name.endsWith('__c') || name.endsWith('__mdt'))) {
          const reasons = filesEnding(join(dir, 'sharingReasons'), '.sharingReason-meta.xml').map((file) =>
            basename(file, '.sharingReason-meta.xml')
          );
          declared.push(toObject(name, readMetadataFile(objectFile, 'CustomObject'), fields, rules, reasons));
        } else {
          extensions.set(name, [...(extensions.get(name) ?? []), ...fields]);
          if (rules.length > 0) standardRules.set(name, [...(standardRules.get(name) ?? []), ...rules]);
        }
      }
    }
  }
  return { declared, extensions, standardRules };
}

function toObject(
  name: string,
  root: XmlNode,
  customFields: FieldDescribe[],
  validationRules: ValidationRule[],
  sharingReasons: string[]
): ObjectDescribe {
  const customMetadata = name.endsWith('__mdt');
  const sharingModel = (text(root, 'sharingModel') ??
    (customMetadata ? 'Read' : 'ReadWrite')) as SharingModel;
  const fields: FieldDescribe[] = [idField()];
  if (customMetadata) {
    fields.push(
      textField('DeveloperName', 40, true),
      textField('MasterLabel', 40, true),
      textField('Label', 40, true),
      textField('QualifiedApiName', 100, false),
      textField('NamespacePrefix', 15, false),
      textField('Language', 40, false)
    );
  } else {
    fields.push(nameField(root), ...auditFields());
    if (sharingModel !== 'ControlledByParent') fields.push(ownerField());
  }
  fields.push(...customFields);
  const masterDetail = customFields.find((f) => f.masterDetail);
  const label = text(root, 'label') ?? name;
  return describeObject({
    name,
    label,
    labelPlural: text(root, 'pluralLabel') ?? label,
    keyPrefix: '',
    custom: true,
    customMetadata,
    setup: false,
    queryable: true,
    createable: !customMetadata,
    updateable: !customMetadata,
    deletable: !customMetadata,
    sharingModel,
    shareObject:
      !customMetadata && (sharingModel === 'Private' || sharingModel === 'Read')
        ? `${name.slice(0, -3)}__Share`
        : undefined,
    sharingReasons,
    fields,
    validationRules,
    controllingParentField: sharingModel === 'ControlledByParent' ? masterDetail?.name : undefined
  });
}

/** An ObjectDescribe with its case-insensitive field map; child relationships are linked later. */
export function describeObject(
  spec: Omit<ObjectDescribe, 'fields' | 'childRelationships' | 'field'> & { fields: FieldDescribe[] }
): ObjectDescribe {
  const fields = new Map(spec.fields.map((f) => [f.name.toLowerCase(), f]));
  return { ...spec, fields, childRelationships: new Map(), field: (n) => fields.get(n.toLowerCase()) };
}

function textField(name: string, length: number, required: boolean): FieldDescribe {
  return field(name, 'string', { length, required, readOnly: true, permissionable: false });
}

function nameField(root: XmlNode): FieldDescribe {
  const node = children(root, 'nameField')[0] ?? {};
  const autoNumber = text(node, 'type') === 'AutoNumber';
  // A text Name is required in the UI only: a record inserted by Apex or the API without one
  // gets its 15-character Id as Name (saveRecords), so it is defaulted on create, never missing.
  const described = field('Name', 'string', {
    label: text(node, 'label') ?? 'Name',
    length: 80,
    readOnly: autoNumber,
    permissionable: false,
    nameField: true,
    defaultedOnCreate: true
  });
  return autoNumber ? { ...described, autoNumberFormat: text(node, 'displayFormat') ?? '{0}' } : described;
}

function toField(node: XmlNode, file: string, valueSets: Map<string, string[]>): FieldDescribe {
  const name = text(node, 'fullName') ?? basename(file, '.field-meta.xml');
  const metadataType = text(node, 'type') ?? '';
  const formula = text(node, 'formula');
  // A formula field's <type> is the type it returns, so one table serves both.
  const type = TYPES[metadataType];
  if (!type)
    throw new Error(`${file}: field type ${metadataType || '(none)'} is not supported by the local runtime`);
  const masterDetail = metadataType === 'MasterDetail';
  const required = flag(node, 'required') || masterDetail;
  const calculated = formula !== undefined;
  const autoNumber = metadataType === 'AutoNumber';
  const base = field(name, type, {
    label: text(node, 'label') ?? name,
    required,
    readOnly: calculated || autoNumber,
    unique: flag(node, 'unique'),
    caseSensitive: flag(node, 'caseSensitive'),
    externalId: flag(node, 'externalId'),
    length: num(node, 'length') ?? lengthOf(metadataType),
    precision: num(node, 'precision') ?? 0,
    scale: num(node, 'scale') ?? 0,
    defaultedOnCreate: metadataType === 'Checkbox' || autoNumber
  });
  const valueSet = children(node, 'valueSet')[0];
  const valueSetName = valueSet && text(valueSet, 'valueSetName');
  const definition = valueSet && children(valueSet, 'valueSetDefinition')[0];
  const values = definition
    ? children(definition, 'value').map((v) => ({
        ...entry(text(v, 'fullName') ?? ''),
        label: text(v, 'label') ?? text(v, 'fullName') ?? '',
        isDefault: flag(v, 'default')
      }))
    : (valueSets.get(valueSetName ?? '') ?? []).map(entry);
  const defaultValue = text(node, 'defaultValue');
  return {
    ...base,
    custom: true,
    calculated,
    formula,
    defaultValueFormula: defaultValue,
    referenceTo: metadataType === 'Lookup' || masterDetail ? [text(node, 'referenceTo') ?? ''] : [],
    relationshipName: metadataType === 'Lookup' || masterDetail ? `${name.slice(0, -3)}__r` : undefined,
    childRelationshipName:
      (metadataType === 'Lookup' || masterDetail) && text(node, 'relationshipName')
        ? `${text(node, 'relationshipName')}__r`
        : undefined,
    masterDetail,
    reparentable: !masterDetail || flag(node, 'reparentableMasterDetail'),
    deleteConstraint: masterDetail
      ? 'Cascade'
      : metadataType === 'Lookup'
        ? ((text(node, 'deleteConstraint') as FieldDescribe['deleteConstraint']) ?? 'SetNull')
        : undefined,
    picklistValues: values,
    restrictedPicklist: valueSet ? flag(valueSet, 'restricted') || valueSetName !== undefined : false,
    autoNumberFormat: autoNumber ? (text(node, 'displayFormat') ?? '{0}') : undefined,
    inlineHelpText: text(node, 'inlineHelpText')
  };
}

function lengthOf(metadataType: string): number | undefined {
  switch (metadataType) {
    case 'TextArea':
      return 255;
    case 'Email':
      return 80;
    case 'Url':
      return 255;
    case 'Phone':
      return 40;
    case 'Picklist':
    case 'MultiselectPicklist':
      return 255;
    case 'AutoNumber':
      return 30;
    default:
      return undefined;
  }
}

function loadValidationRules(objectDir: string): ValidationRule[] {
  return filesEnding(join(objectDir, 'validationRules'), '.validationRule-meta.xml').map((file) => {
    const root = readMetadataFile(file, 'ValidationRule');
    const source = readFileSync(file, 'utf8');
    const at = source.indexOf('<errorConditionFormula>');
    return {
      name: text(root, 'fullName') ?? basename(file, '.validationRule-meta.xml'),
      active: flag(root, 'active'),
      errorConditionFormula: text(root, 'errorConditionFormula') ?? '',
      errorMessage: text(root, 'errorMessage') ?? '',
      errorDisplayField: text(root, 'errorDisplayField'),
      file,
      line: at < 0 ? 1 : source.slice(0, at).split('\n').length
    };
  });
}

function loadGlobalValueSets(sourceDirs: readonly string[]): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const sourceDir of sourceDirs) {
    for (const dir of findDirs(sourceDir, 'globalValueSets')) {
      for (const file of filesEnding(dir, '.globalValueSet-meta.xml')) {
        const root = readMetadataFile(file, 'GlobalValueSet');
        sets.set(
          basename(file, '.globalValueSet-meta.xml'),
          children(root, 'customValue').map((v) => text(v, 'fullName') ?? '')
        );
      }
    }
  }
  return sets;
}
