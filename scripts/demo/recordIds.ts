import type { DemoObjectName } from './demoOrgTypes';

/**
 * Salesforce-shaped 18-character ids (the object's key prefix, then a counter), so the
 * components see ids that look like an org's, and External_Id__c keys that stay the same for
 * the same index whatever the seed.
 */
const KEY_PREFIXES: Readonly<Record<DemoObjectName, string>> = {
  User: '005',
  Account: '001',
  Opportunity: '006',
  Partner_Deal__c: 'a01',
  Deal_Registration__c: 'a02',
  Registration_Dispute__c: 'a03',
  Partner_Account_Plan__c: 'a04',
  Partner_Target__c: 'a05',
  Forecast_Submission__c: 'a06',
  Opportunity_Snapshot__c: 'a07',
  Review_Action__c: 'a08',
  Maturity_Assessment__c: 'a09'
};

const EXTERNAL_NAMES: Readonly<Record<DemoObjectName, string>> = {
  User: 'user',
  Account: 'account',
  Opportunity: 'opp',
  Partner_Deal__c: 'deal',
  Deal_Registration__c: 'reg',
  Registration_Dispute__c: 'dispute',
  Partner_Account_Plan__c: 'plan',
  Partner_Target__c: 'target',
  Forecast_Submission__c: 'call',
  Opportunity_Snapshot__c: 'snap',
  Review_Action__c: 'action',
  Maturity_Assessment__c: 'maturity'
};

export function recordId(object: DemoObjectName, index: number): string {
  return `${KEY_PREFIXES[object]}WB${String(index).padStart(13, '0')}`;
}

export function externalId(object: DemoObjectName, index: number): string {
  return `psms-demo-${EXTERNAL_NAMES[object]}-${String(index).padStart(5, '0')}`;
}

/** The key prefix of an object, for the workbench's new records. */
export function keyPrefix(object: DemoObjectName): string {
  return KEY_PREFIXES[object];
}

/** Hands out ids and external ids in sequence for one object. */
export function idSequence(object: DemoObjectName): () => { Id: string; External_Id__c: string } {
  let next = 1;
  return () => {
    const index = next++;
    return { Id: recordId(object, index), External_Id__c: externalId(object, index) };
  };
}
