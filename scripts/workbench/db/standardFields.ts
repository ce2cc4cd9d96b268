import type { ColumnKind } from './tableSchema';

/**
 * The standard fields PSMS reads on the platform's own objects (SPEC §2 and the operations
 * contract). The package's metadata declares only its custom fields on Opportunity and Account,
 * and nothing on User, so these few are declared here; everything else comes from force-app.
 * User's External_Id__c exists only locally: it lets the demo generator's users be keyed like
 * every other record.
 */
export const STANDARD_FIELDS: Readonly<Record<string, Readonly<Record<string, ColumnKind>>>> = {
  User: { Name: 'text', Title: 'text', ManagerId: 'text', External_Id__c: 'text' },
  Account: { Name: 'text', OwnerId: 'text', Website: 'text', Type: 'text' },
  Opportunity: {
    Name: 'text',
    AccountId: 'text',
    OwnerId: 'text',
    Amount: 'number',
    CloseDate: 'text',
    StageName: 'text',
    Probability: 'number',
    ForecastCategoryName: 'text',
    IsClosed: 'boolean',
    IsWon: 'boolean',
    NextStep: 'text',
    LastActivityDate: 'text',
    PushCount: 'number',
    LastStageChangeDate: 'text',
    CreatedDate: 'text',
    LeadSource: 'text'
  }
};
