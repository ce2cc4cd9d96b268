import type { Opportunity, Opportunity_Snapshot__c, Partner_Deal__c } from '../records';

/** Small record builders for the engine tests: only the fields a test cares about vary. */

export function opp(id: string, fields: Partial<Opportunity> = {}): Opportunity {
  return {
    Id: id,
    AccountId: '001C',
    OwnerId: '005A',
    Amount: 100,
    CloseDate: '2026-05-15',
    StageName: 'Negotiation',
    Probability: 60,
    ForecastCategoryName: 'Commit',
    IsClosed: false,
    IsWon: false,
    NextStep: 'Call',
    LastActivityDate: '2026-05-01',
    PushCount: 0,
    LastStageChangeDate: '2026-05-01T00:00:00.000Z',
    CreatedDate: '2026-04-01T00:00:00.000Z',
    LeadSource: 'Partner',
    Product_Line__c: 'Analytics',
    ...fields
  };
}

export function deal(
  opportunityId: string,
  partner: string,
  fields: Partial<Partner_Deal__c> = {}
): Partner_Deal__c {
  return {
    Id: `pd-${opportunityId}-${partner}`,
    Opportunity__c: opportunityId,
    Partner_Account__c: partner,
    Role__c: 'Resell',
    Is_Primary__c: true,
    Co_Sell__c: false,
    ...fields
  };
}

export function snap(key: string, fields: Partial<Opportunity_Snapshot__c> = {}): Opportunity_Snapshot__c {
  return {
    Snapshot_Date__c: '2026-05-04',
    Opportunity_Key__c: key,
    Amount__c: 100,
    Forecast_Category__c: 'Pipeline',
    Close_Date__c: '2026-05-15',
    Is_Closed__c: false,
    Is_Won__c: false,
    ...fields
  };
}
