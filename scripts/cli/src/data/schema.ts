import type { NumberRule } from './numberValues';

/**
 * The objects and fields the CLI reads and exports, with the type each value is parsed as. The
 * names are SPEC §0's public interface; the types follow the org's field types (a CSV export
 * writes every value as text). An export written by `psms export` holds exactly these columns,
 * so it can be read back with `--data`.
 */

/**
 * `id`: a record id (or an id kept as text, Opportunity_Key__c), read in its 15- or 18-character
 * form and handed on in the 18-character one (recordId.ts). `picklist`: a restricted picklist,
 * one of the values the package's metadata lists (picklists.ts; an unrestricted one such as
 * Partner_Region__c, which admins extend, is `text`). `period`: a fiscal quarter label
 * `FYyyyy-Qn`, as the package's Period_Format validation rules require.
 */
export type FieldType = 'text' | 'id' | 'number' | 'boolean' | 'date' | 'datetime' | 'picklist' | 'period';

export const OBJECTS = {
  Account: {
    Id: 'id',
    Name: 'text',
    OwnerId: 'id',
    Partner_Status__c: 'picklist',
    Partner_Tier__c: 'picklist',
    Partner_Region__c: 'text',
    Recruited_On__c: 'date',
    Activated_On__c: 'date',
    First_Revenue_On__c: 'date'
  },
  User: { Id: 'id', Name: 'text', ManagerId: 'id' },
  Opportunity: {
    Id: 'id',
    Name: 'text',
    AccountId: 'id',
    OwnerId: 'id',
    Amount: 'number',
    CloseDate: 'date',
    StageName: 'text',
    Probability: 'number',
    ForecastCategoryName: 'picklist',
    IsClosed: 'boolean',
    IsWon: 'boolean',
    NextStep: 'text',
    LastActivityDate: 'date',
    PushCount: 'number',
    LastStageChangeDate: 'datetime',
    CreatedDate: 'datetime',
    LeadSource: 'text',
    Product_Line__c: 'picklist',
    Validated_On__c: 'date',
    Validated_By__c: 'id',
    Help_Needed__c: 'text'
  },
  Partner_Deal__c: {
    Id: 'id',
    Opportunity__c: 'id',
    Partner_Account__c: 'id',
    Role__c: 'picklist',
    Co_Sell__c: 'boolean',
    Is_Primary__c: 'boolean',
    Deal_Registration__c: 'id'
  },
  Deal_Registration__c: {
    Id: 'id',
    Name: 'text',
    Partner_Account__c: 'id',
    End_Customer_Account__c: 'id',
    End_Customer_Name__c: 'text',
    End_Customer_Domain__c: 'text',
    Product_Line__c: 'picklist',
    Estimated_Amount__c: 'number',
    Status__c: 'picklist',
    Submitted_On__c: 'datetime',
    Decided_On__c: 'datetime',
    Approved_On__c: 'date',
    Expires_On__c: 'date',
    Opportunity__c: 'id'
  },
  Partner_Account_Plan__c: {
    Id: 'id',
    Partner_Account__c: 'id',
    Fiscal_Year__c: 'text',
    Status__c: 'picklist',
    Last_Reviewed_On__c: 'date',
    Next_Review_On__c: 'date',
    Revenue_Goal__c: 'number',
    Co_Sell_Goal__c: 'number',
    Objectives__c: 'text',
    Satisfaction_Score__c: 'number'
  },
  Partner_Target__c: {
    Id: 'id',
    Period__c: 'period',
    Partner_Account__c: 'id',
    Manager__c: 'id',
    Revenue_Target__c: 'number',
    Recruitment_Target__c: 'number',
    Program_Cost__c: 'number'
  },
  Forecast_Submission__c: {
    Id: 'id',
    Period__c: 'period',
    Partner_Account__c: 'id',
    Submitted_By__c: 'id',
    Submitted_On__c: 'datetime',
    Week__c: 'number',
    Commit_Call__c: 'number',
    Best_Case_Call__c: 'number',
    Accepted_On__c: 'datetime',
    Accepted_By__c: 'id'
  },
  Opportunity_Snapshot__c: {
    Id: 'id',
    Snapshot_Date__c: 'date',
    Opportunity_Key__c: 'id',
    Period__c: 'period',
    Amount__c: 'number',
    Forecast_Category__c: 'picklist',
    Stage__c: 'text',
    Close_Date__c: 'date',
    Is_Closed__c: 'boolean',
    Is_Won__c: 'boolean',
    Primary_Partner__c: 'id',
    Owner__c: 'id'
  },
  Review_Action__c: {
    Id: 'id',
    Subject__c: 'text',
    Owner__c: 'id',
    Assigned_By__c: 'id',
    Meeting__c: 'text',
    Period__c: 'period',
    Due_On__c: 'date',
    Status__c: 'picklist',
    Done_On__c: 'date',
    Opportunity__c: 'id',
    Partner_Account__c: 'id'
  }
} as const satisfies Record<string, Record<string, FieldType>>;

export type ObjectName = keyof typeof OBJECTS;
export type FieldName<O extends ObjectName> = keyof (typeof OBJECTS)[O] & string;

export const OBJECT_NAMES = Object.keys(OBJECTS) as ObjectName[];

/**
 * Values the engine relies on and Salesforce never leaves blank (required standard fields,
 * record ids): a blank one in an export is a malformed row, reported, not guessed.
 */
export const NOT_BLANK: Readonly<Partial<Record<ObjectName, readonly string[]>>> = {
  Opportunity: ['Id', 'CloseDate', 'IsClosed', 'IsWon', 'CreatedDate'],
  Account: ['Id'],
  User: ['Id'],
  Partner_Deal__c: ['Opportunity__c', 'Partner_Account__c'],
  Deal_Registration__c: ['Partner_Account__c', 'Status__c'],
  Partner_Account_Plan__c: ['Partner_Account__c'],
  Partner_Target__c: ['Period__c'],
  Forecast_Submission__c: ['Period__c'],
  Opportunity_Snapshot__c: [
    'Snapshot_Date__c',
    'Opportunity_Key__c',
    'Close_Date__c',
    'Is_Closed__c',
    'Is_Won__c'
  ]
};

/**
 * The range of each number the engine relies on, from SPEC and the package's validation rules
 * (Calls_Not_Negative, Week_In_Quarter, Amounts_Not_Negative, Goals_Not_Negative,
 * Satisfaction_Score_Range, Amount_Not_Negative) and the platform's (a probability is a
 * percentage, a push count a count). Other numbers (Amount, Amount__c) may be any decimal.
 */
export const NUMBER_RULES: Readonly<Partial<Record<ObjectName, Readonly<Record<string, NumberRule>>>>> = {
  Opportunity: { Probability: { min: 0, max: 100 }, PushCount: { min: 0, whole: true } },
  Deal_Registration__c: { Estimated_Amount__c: { min: 0 } },
  Partner_Account_Plan__c: {
    Revenue_Goal__c: { min: 0 },
    Co_Sell_Goal__c: { min: 0, whole: true },
    Satisfaction_Score__c: { min: 1, max: 10, whole: true }
  },
  Partner_Target__c: {
    Revenue_Target__c: { min: 0 },
    Recruitment_Target__c: { min: 0, whole: true },
    Program_Cost__c: { min: 0 }
  },
  Forecast_Submission__c: {
    Week__c: { min: 1, max: 13, whole: true },
    Commit_Call__c: { min: 0 },
    Best_Case_Call__c: { min: 0 }
  }
};

/**
 * Standard picklists whose values the platform fixes, checked against the package field that
 * copies them: a snapshot's Forecast_Category__c stores the opportunity's ForecastCategoryName.
 */
export const PICKLIST_VALUES_FROM: Readonly<
  Partial<Record<ObjectName, Readonly<Record<string, [ObjectName, string]>>>>
> = {
  Opportunity: { ForecastCategoryName: ['Opportunity_Snapshot__c', 'Forecast_Category__c'] }
};

/**
 * What identifies a row: its Id, or for a snapshot the date and the opportunity (the package's
 * unique Snapshot_Key__c). A report reads these with every load, and two rows with the same key
 * (a duplicated export row) are refused rather than counted twice.
 */
export function uniqueKeyOf(object: ObjectName): readonly string[] {
  return object === 'Opportunity_Snapshot__c' ? ['Snapshot_Date__c', 'Opportunity_Key__c'] : ['Id'];
}

export function fieldType(object: ObjectName, field: string): FieldType {
  const type = (OBJECTS[object] as Record<string, FieldType>)[field];
  if (type === undefined) throw new Error(`schema: ${object}.${field} is not declared`);
  return type;
}

export function fieldsOf(object: ObjectName): string[] {
  return Object.keys(OBJECTS[object]);
}
