import type {
  Account,
  Deal_Registration__c,
  Forecast_Submission__c,
  IsoDate,
  Maturity_Assessment__c,
  Opportunity,
  Opportunity_Snapshot__c,
  Partner_Account_Plan__c,
  Partner_Deal__c,
  Partner_Target__c,
  RecordId,
  Registration_Dispute__c,
  Review_Action__c,
  User
} from '../../force-app/main/default/lwc/psmsEngine/records';

/**
 * The generated demo org: records per object, keyed by object API name so the workbench's
 * database and the CLI's `seed` can walk it generically. Every record carries a local `Id`
 * (what references point at) and an `External_Id__c`, stable for a given index, that a real org
 * upserts on; the CLI maps each reference through the referenced record's External_Id__c.
 */
type Keyed<T> = T & { Id: RecordId; External_Id__c: string };

export type DemoUser = Keyed<User & { Title?: string | null }>;
export type DemoAccount = Keyed<
  Account & { OwnerId?: RecordId | null; Website?: string | null; Type?: string | null }
>;
export type DemoOpportunity = Keyed<Opportunity>;
export type DemoPartnerDeal = Keyed<Partner_Deal__c>;
/** Owned by the rep who manages the registering partner: their registrations, under Private sharing. */
export type DemoRegistration = Keyed<
  Deal_Registration__c & {
    Decided_By__c?: RecordId | null;
    OwnerId?: RecordId | null;
    CreatedDate?: string | null;
  }
>;
/** CreatedDate: when it was raised (a local database keeps it; an org stamps its own). */
export type DemoDispute = Keyed<Registration_Dispute__c & { CreatedDate?: string | null }>;
export type DemoPlan = Keyed<Partner_Account_Plan__c & { Name?: string | null }>;
export type DemoTarget = Keyed<Partner_Target__c & { Name?: string | null }>;
/** Owned by the manager who submitted it, as a call submitted in the org is. */
export type DemoCall = Keyed<Forecast_Submission__c & { OwnerId?: RecordId | null }>;
/** Owned like its opportunity, as the snapshot job sets it, so managers see their team's history. */
export type DemoSnapshot = Keyed<Opportunity_Snapshot__c & { OwnerId?: RecordId | null }>;
/** OwnerId follows Owner__c, as the review action trigger keeps it. */
export type DemoReviewAction = Keyed<Review_Action__c & { OwnerId: RecordId }>;
export type DemoAssessment = Keyed<Maturity_Assessment__c>;

export interface DemoRecords {
  User: DemoUser[];
  Account: DemoAccount[];
  Opportunity: DemoOpportunity[];
  Partner_Deal__c: DemoPartnerDeal[];
  Deal_Registration__c: DemoRegistration[];
  Registration_Dispute__c: DemoDispute[];
  Partner_Account_Plan__c: DemoPlan[];
  Partner_Target__c: DemoTarget[];
  Forecast_Submission__c: DemoCall[];
  Opportunity_Snapshot__c: DemoSnapshot[];
  Review_Action__c: DemoReviewAction[];
  Maturity_Assessment__c: DemoAssessment[];
}

export type DemoObjectName = keyof DemoRecords;

/** Parents before children, so records can be inserted (or upserted) in this order. */
export const DEMO_OBJECT_ORDER: readonly DemoObjectName[] = [
  'User',
  'Account',
  'Opportunity',
  'Deal_Registration__c',
  'Partner_Deal__c',
  'Registration_Dispute__c',
  'Partner_Account_Plan__c',
  'Partner_Target__c',
  'Forecast_Submission__c',
  'Opportunity_Snapshot__c',
  'Review_Action__c',
  'Maturity_Assessment__c'
];

export interface DemoOrg {
  seed: number;
  today: IsoDate;
  /** The user the workbench signs in as: the head of partner sales (every partner rolls up to them). */
  currentUserId: RecordId;
  records: DemoRecords;
}
