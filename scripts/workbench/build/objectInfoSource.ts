import { loadDataModel, type FieldInfo } from '../../lib/forceAppModel';

/**
 * What `lightning/uiObjectInfoApi` answers in the workbench: each object's label and its fields'
 * labels, data types and reference targets, and each picklist's values, generated from the
 * force-app metadata (the org derives the same from it). The platform's standard fields that
 * PSMS shows are described here, with the labels an org gives them.
 */

export interface WorkbenchFieldInfo {
  apiName: string;
  label: string;
  dataType: string;
  relationshipName: string | null;
  referenceToInfos: { apiName: string }[];
}

export interface WorkbenchObjectInfo {
  apiName: string;
  label: string;
  fields: Record<string, WorkbenchFieldInfo>;
  picklists: Record<string, { label: string; value: string }[]>;
}

/** LDS data types by metadata field type. */
const DATA_TYPES: Readonly<Record<string, string>> = {
  Text: 'String',
  AutoNumber: 'String',
  TextArea: 'TextArea',
  LongTextArea: 'TextArea',
  Html: 'TextArea',
  Picklist: 'Picklist',
  MultiselectPicklist: 'MultiPicklist',
  Currency: 'Currency',
  Number: 'Double',
  Percent: 'Percent',
  Date: 'Date',
  DateTime: 'DateTime',
  Checkbox: 'Boolean',
  Lookup: 'Reference',
  MasterDetail: 'Reference',
  Url: 'Url',
  Email: 'Email',
  Phone: 'Phone'
};

/** The platform's own fields PSMS reads or shows, as an org labels them. */
type StandardField = [label: string, dataType: string, referenceTo?: string];
const STANDARD: Readonly<Record<string, { label: string; fields: Record<string, StandardField> }>> = {
  Opportunity: {
    label: 'Opportunity',
    fields: {
      Name: ['Opportunity Name', 'String'],
      AccountId: ['Account Name', 'Reference', 'Account'],
      OwnerId: ['Opportunity Owner', 'Reference', 'User'],
      Amount: ['Amount', 'Currency'],
      CloseDate: ['Close Date', 'Date'],
      StageName: ['Stage', 'Picklist'],
      Probability: ['Probability (%)', 'Percent'],
      ForecastCategoryName: ['Forecast Category', 'Picklist'],
      IsClosed: ['Closed', 'Boolean'],
      IsWon: ['Won', 'Boolean'],
      NextStep: ['Next Step', 'String'],
      LastActivityDate: ['Last Activity', 'Date'],
      PushCount: ['Push Count', 'Double'],
      LastStageChangeDate: ['Last Stage Change Date', 'DateTime'],
      LeadSource: ['Lead Source', 'Picklist'],
      CreatedDate: ['Created Date', 'DateTime']
    }
  },
  Account: {
    label: 'Account',
    fields: {
      Name: ['Account Name', 'String'],
      OwnerId: ['Account Owner', 'Reference', 'User'],
      Website: ['Website', 'Url'],
      Type: ['Type', 'Picklist']
    }
  },
  User: {
    label: 'User',
    fields: {
      Name: ['Full Name', 'String'],
      Title: ['Title', 'String'],
      ManagerId: ['Manager', 'Reference', 'User']
    }
  }
};

/** The implicit fields of a custom object, as an org labels them. */
const IMPLICIT_LABELS: Readonly<Record<string, StandardField>> = {
  OwnerId: ['Owner', 'Reference', 'User'],
  CreatedDate: ['Created Date', 'DateTime'],
  CreatedById: ['Created By', 'Reference', 'User'],
  LastModifiedDate: ['Last Modified Date', 'DateTime'],
  LastModifiedById: ['Last Modified By', 'Reference', 'User']
};

function referenceName(apiName: string): string | null {
  if (apiName.endsWith('__c')) return apiName.replace(/__c$/, '__r');
  return apiName.endsWith('Id') && apiName !== 'Id' ? apiName.slice(0, -2) : null;
}

function standardField(apiName: string, [label, dataType, referenceTo]: StandardField): WorkbenchFieldInfo {
  return {
    apiName,
    label,
    dataType,
    relationshipName: referenceTo ? referenceName(apiName) : null,
    referenceToInfos: referenceTo ? [{ apiName: referenceTo }] : []
  };
}

function customField(field: FieldInfo): WorkbenchFieldInfo | null {
  if (field.implicit) {
    if (field.name === 'Name') return standardField('Name', [field.label ?? 'Name', 'String']);
    const known = IMPLICIT_LABELS[field.name];
    return known ? standardField(field.name, known) : null;
  }
  const reference = field.type === 'Lookup' || field.type === 'MasterDetail';
  return {
    apiName: field.name,
    label: field.label ?? field.name,
    // A formula field's type is its result's type.
    dataType: DATA_TYPES[field.type] ?? 'String',
    // A custom lookup's relationship is its name with __r (the metadata's relationshipName names the child list).
    relationshipName: reference ? referenceName(field.name) : null,
    referenceToInfos: reference && field.referenceTo ? [{ apiName: field.referenceTo }] : []
  };
}

export function objectInfos(forceAppDir: string): Record<string, WorkbenchObjectInfo> {
  const model = loadDataModel(forceAppDir);
  const infos: Record<string, WorkbenchObjectInfo> = {};
  for (const [apiName, standard] of Object.entries(STANDARD)) {
    infos[apiName] = {
      apiName,
      label: standard.label,
      fields: Object.fromEntries(
        Object.entries(standard.fields).map(([name, field]) => [name, standardField(name, field)])
      ),
      picklists: {}
    };
  }
  for (const object of model.objects.values()) {
    if (object.name.endsWith('__mdt')) continue;
    const info = (infos[object.name] ??= {
      apiName: object.name,
      label: object.label ?? object.name,
      fields: {},
      picklists: {}
    });
    for (const field of object.fields.values()) {
      const described = customField(field);
      // A standard object's own description of a field wins over the model's bare implicit one.
      if (!described || (described.apiName in info.fields && field.implicit)) continue;
      info.fields[described.apiName] = described;
      if (field.picklistValues && field.picklistValues.length > 0) {
        info.picklists[field.name] = field.picklistValues.map((value) => ({ label: value, value }));
      }
    }
  }
  return infos;
}

export function objectInfoSource(forceAppDir: string): string {
  return `export const OBJECT_INFOS = ${JSON.stringify(objectInfos(forceAppDir))};\n`;
}
