/**
 * The objects and fields the CLI reads and exports, with the type each value is parsed as. The
 * names are SPEC §0's public interface; the types follow the org's field types (a CSV export
 * writes every value as text). An export written by `psms export` holds exactly these columns,
 * so it can be read back with `--data`.
 */

export type FieldType = 'text' | 'number' | 'boolean' | 'date' | 'datetime';

export const OBJECTS = {
  Account: {
    Id: 'text',
    Name: 'text',
    OwnerId: 'text',
    Partner_Status__c: 'text',
    Partner_Tier__c: 'text',
    Partner_Region__c: 'text',
    Recruited_On__c: 'date',
    Activated_On__c: 'date',
    First_Revenue_On__c: 'date'
  },
  User: { Id: 'text', Name: 'text', ManagerId: 'text' },
  Opportunity: {
    Id: 'text',
    Name: 'text',
    AccountId: 'text',
    OwnerId: 'text',
    Amount: 'number',
    CloseDate: 'date',
    StageName: 'text',
    Probability: 'number',
    ForecastCategoryName: 'text',
    IsClosed: 'boolean',
    IsWon: 'boolean',
    NextStep: 'text',
    LastActivityDate: 'date',
    PushCount: 'number',
    LastStageChangeDate: 'datetime',
    CreatedDate: 'datetime',
    LeadSource: 'text',
    Product_Line__c: 'text',
    Validated_On__c: 'date',
    Validated_By__c: 'text',
    Help_Needed__c: 'text'
  },
  Partner_Deal__c: {
    Id: 'text',
    Opportunity__c: 'text',
    Partner_Account__c: 'text',
    Role__c: 'text',
    Co_Sell__c: 'boolean',
    Is_Primary__c: 'boolean',
    Deal_Registration__c: 'text'
  },
  Deal_Registration__c: {
    Id: 'text',
    Name: 'text',
    Partner_Account__c: 'text',
    End_Customer_Account__c: 'text',
    End_Customer_Name__c: 'text',
    End_Customer_Domain__c: 'text',
    Product_Line__c: 'text',
    Estimated_Amount__c: 'number',
    Status__c: 'text',
    Submitted_On__c: 'datetime',
    Decided_On__c: 'datetime',
    Approved_On__c: 'date',
    Expires_On__c: 'date',
    Opportunity__c: 'text'
  },
  Partner_Account_Plan__c: {
    Id: 'text',
    Partner_Account__c: 'text',
    Fiscal_Year__c: 'text',
    Status__c: 'text',
    Last_Reviewed_On__c: 'date',
    Next_Review_On__c: 'date',
    Revenue_Goal__c: 'number',
    Co_Sell_Goal__c: 'number',
    Objectives__c: 'text',
    Satisfaction_Score__c: 'number'
  },
  Partner_Target__c: {
    Id: 'text',
    Period__c: 'text',
    Partner_Account__c: 'text',
    Manager__c: 'text',
    Revenue_Target__c: 'number',
    Recruitment_Target__c: 'number',
    Program_Cost__c: 'number'
  },
  Forecast_Submission__c: {
    Id: 'text',
    Period__c: 'text',
    Partner_Account__c: 'text',
    Submitted_By__c: 'text',
    Submitted_On__c: 'datetime',
    Week__c: 'number',
    Commit_Call__c: 'number',
    Best_Case_Call__c: 'number',
    Accepted_On__c: 'datetime',
    Accepted_By__c: 'text'
  },
  Opportunity_Snapshot__c: {
    Id: 'text',
    Snapshot_Date__c: 'date',
    Opportunity_Key__c: 'text',
    Period__c: 'text',
    Amount__c: 'number',
    Forecast_Category__c: 'text',
    Stage__c: 'text',
    Close_Date__c: 'date',
    Is_Closed__c: 'boolean',
    Is_Won__c: 'boolean',
    Primary_Partner__c: 'text',
    Owner__c: 'text'
  },
  Review_Action__c: {
    Id: 'text',
    Subject__c: 'text',
    Owner__c: 'text',
    Assigned_By__c: 'text',
    Meeting__c: 'text',
    Period__c: 'text',
    Due_On__c: 'date',
    Status__c: 'text',
    Done_On__c: 'date',
    Opportunity__c: 'text',
    Partner_Account__c: 'text'
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

export function fieldType(object: ObjectName, field: string): FieldType {
  const type = (OBJECTS[object] as Record<string, FieldType>)[field];
  if (type === undefined) throw new Error(`schema: ${object}.${field} is not declared`);
  return type;
}

export function fieldsOf(object: ObjectName): string[] {
  return Object.keys(OBJECTS[object]);
}
