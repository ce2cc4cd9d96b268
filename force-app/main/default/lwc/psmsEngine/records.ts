/**
 * Record shapes the engine reads, keyed by Salesforce API field names (SPEC §0), exactly as an
 * export CSV header or an Apex SObject serialised to JSON names them. Fields a CSV may leave
 * blank are optional and nullable, so an export row can be passed in as it is.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An ISO-8601 datetime; compared with dates as its calendar date in UTC. */
export type IsoDateTime = string;
/** A Salesforce record id (15 or 18 characters). */
export type RecordId = string;

export type ForecastCategory = 'Pipeline' | 'Best Case' | 'Commit' | 'Closed' | 'Omitted';
export type PartnerStatus = 'Prospect' | 'Recruited' | 'Onboarding' | 'Active' | 'Inactive';
export type PartnerTier = 'Registered' | 'Silver' | 'Gold' | 'Platinum';
export type PartnerRole = 'Sourced' | 'Co-Sell' | 'Influenced' | 'Resell' | 'Referral';
export type RegistrationStatus =
  'Draft' | 'Submitted' | 'Approved' | 'Rejected' | 'Needs Review' | 'Converted' | 'Expired' | 'Withdrawn';
export type ConflictType = 'Duplicate' | 'Already registered' | 'Direct';
export type RejectionReason =
  | 'Duplicate'
  | 'Already registered'
  | 'Direct sales engaged'
  | 'Existing customer'
  | 'Insufficient information'
  | 'Outside territory'
  | 'Too early';

export interface Opportunity {
  Id: RecordId;
  Name?: string | null;
  AccountId?: RecordId | null;
  OwnerId?: RecordId | null;
  Amount?: number | null;
  CloseDate: IsoDate;
  StageName?: string | null;
  Probability?: number | null;
  ForecastCategoryName?: ForecastCategory | string | null;
  IsClosed: boolean;
  IsWon: boolean;
  NextStep?: string | null;
  LastActivityDate?: IsoDate | null;
  PushCount?: number | null;
  /** A datetime in the org; a date is accepted too. */
  LastStageChangeDate?: IsoDateTime | IsoDate | null;
  CreatedDate: IsoDateTime;
  LeadSource?: string | null;
  Product_Line__c?: string | null;
  /** The week-1 1:1's validation (SPEC §10): when and by whom the manager validated the deal. */
  Validated_On__c?: IsoDate | null;
  Validated_By__c?: RecordId | null;
  /** What the rep needs help with; cleared when the deal closes. */
  Help_Needed__c?: string | null;
  /**
   * A row of the org's pipeline summary standing for several deals (docs/scale.md): how many,
   * and the sum of the won ones' days from creation to close. Absent on a record (one deal).
   */
  Opportunity_Count__c?: number | null;
  Cycle_Days__c?: number | null;
}

export interface Partner_Deal__c {
  Id?: RecordId | null;
  Opportunity__c: RecordId;
  Partner_Account__c: RecordId;
  Role__c?: PartnerRole | string | null;
  Co_Sell__c?: boolean | null;
  Is_Primary__c?: boolean | null;
  Deal_Registration__c?: RecordId | null;
  Primary_Key__c?: string | null;
}

export interface Deal_Registration__c {
  Id?: RecordId | null;
  Name?: string | null;
  Partner_Account__c: RecordId;
  End_Customer_Account__c?: RecordId | null;
  End_Customer_Name__c?: string | null;
  End_Customer_Domain__c?: string | null;
  Product_Line__c?: string | null;
  Estimated_Amount__c?: number | null;
  Expected_Close_Date__c?: IsoDate | null;
  Status__c: RegistrationStatus | string;
  Submitted_On__c?: IsoDateTime | null;
  Decided_On__c?: IsoDateTime | null;
  Approved_On__c?: IsoDate | null;
  Expires_On__c?: IsoDate | null;
  Extension_Count__c?: number | null;
  Rejection_Reason__c?: RejectionReason | string | null;
  Conflict_Type__c?: ConflictType | string | null;
  Conflicting_Registration__c?: RecordId | null;
  Conflicting_Opportunity__c?: RecordId | null;
  Opportunity__c?: RecordId | null;
  Normalized_Key__c?: string | null;
  Registration_Key__c?: string | null;
}

export interface Registration_Dispute__c {
  Id?: RecordId | null;
  Deal_Registration__c: RecordId;
  Raised_By__c?: RecordId | null;
  Reason__c?: string | null;
  Status__c?: 'Open' | 'Resolved' | string | null;
  /** The registration's status when the dispute opened (a Partner resolution may restore it). */
  Previous_Status__c?: RegistrationStatus | string | null;
  Resolution__c?: 'Partner' | 'Direct' | 'Co-Sell' | string | null;
  Resolution_Note__c?: string | null;
  Resolved_By__c?: RecordId | null;
  Resolved_On__c?: IsoDateTime | null;
}

/** An Account; the partner fields are set only on partner accounts. */
export interface Account {
  Id: RecordId;
  Name?: string | null;
  /** The partner's account manager: a partner account's owner is "the rep" of SPEC §10. */
  OwnerId?: RecordId | null;
  Partner_Status__c?: PartnerStatus | string | null;
  Partner_Tier__c?: PartnerTier | string | null;
  Recruited_On__c?: IsoDate | null;
  Activated_On__c?: IsoDate | null;
  First_Revenue_On__c?: IsoDate | null;
  /** AMER, EMEA, APAC, LATAM; admins add values (SPEC §0, §3). */
  Partner_Region__c?: string | null;
}

export interface Partner_Account_Plan__c {
  Id?: RecordId | null;
  Partner_Account__c: RecordId;
  Fiscal_Year__c?: string | null;
  Status__c?: 'Draft' | 'Active' | 'Closed' | string | null;
  Revenue_Goal__c?: number | null;
  Co_Sell_Goal__c?: number | null;
  Objectives__c?: string | null;
  Last_Reviewed_On__c?: IsoDate | null;
  Next_Review_On__c?: IsoDate | null;
  /** The partner's satisfaction, 1–10 (SPEC §10 MBR/QBR). */
  Satisfaction_Score__c?: number | null;
}

export interface Partner_Target__c {
  Id?: RecordId | null;
  /** e.g. `FY2026-Q4`. */
  Period__c: string;
  /** Blank = the whole channel. */
  Partner_Account__c?: RecordId | null;
  Manager__c?: RecordId | null;
  /** The quota. */
  Revenue_Target__c?: number | null;
  Recruitment_Target__c?: number | null;
  Program_Cost__c?: number | null;
}

export interface Forecast_Submission__c {
  Id?: RecordId | null;
  Period__c: string;
  /** Blank = the manager's whole team. */
  Partner_Account__c?: RecordId | null;
  Submitted_By__c?: RecordId | null;
  Submitted_On__c?: IsoDateTime | null;
  Week__c?: number | null;
  Commit_Call__c?: number | null;
  Best_Case_Call__c?: number | null;
  Note__c?: string | null;
  /** Leadership's acceptance (SPEC §10): the latest accepted call is the team's agreed forecast. */
  Accepted_On__c?: IsoDateTime | null;
  Accepted_By__c?: RecordId | null;
}

export interface Opportunity_Snapshot__c {
  Id?: RecordId | null;
  Snapshot_Date__c: IsoDate;
  Opportunity__c?: RecordId | null;
  /** The opportunity id as text, kept after the opportunity is deleted. */
  Opportunity_Key__c: string;
  Period__c?: string | null;
  Amount__c?: number | null;
  Forecast_Category__c?: ForecastCategory | string | null;
  Stage__c?: string | null;
  Close_Date__c: IsoDate;
  Is_Closed__c: boolean;
  Is_Won__c: boolean;
  Primary_Partner__c?: RecordId | null;
  Owner__c?: RecordId | null;
  Snapshot_Key__c?: string | null;
}

/** The standard User fields the roll-ups read (label and manager of an owner). */
export interface User {
  Id: RecordId;
  Name?: string | null;
  ManagerId?: RecordId | null;
}

/** A coaching action from a review meeting (SPEC §10). */
export interface Review_Action__c {
  Id?: RecordId | null;
  Subject__c?: string | null;
  /** The rep who must do it. */
  Owner__c?: RecordId | null;
  Assigned_By__c?: RecordId | null;
  /** The cadence meeting it came from. */
  Meeting__c?: string | null;
  Period__c?: string | null;
  Due_On__c?: IsoDate | null;
  Status__c?: 'Open' | 'Done' | string | null;
  Done_On__c?: IsoDate | null;
  Opportunity__c?: RecordId | null;
  Partner_Account__c?: RecordId | null;
}

/** A saved self-assessment (SPEC §12): the ten answers (1–4), their mean and the measured score. */
export interface Maturity_Assessment__c {
  Id?: RecordId | null;
  Assessed_On__c?: IsoDate | null;
  Assessed_By__c?: RecordId | null;
  Period__c?: string | null;
  Data_Hygiene_Level__c?: number | null;
  Forecast_Cadence_Level__c?: number | null;
  Pipeline_Reviews_Level__c?: number | null;
  Account_Planning_Level__c?: number | null;
  Co_Sell_Level__c?: number | null;
  Deal_Registration_Level__c?: number | null;
  Recruitment_Level__c?: number | null;
  Enablement_Level__c?: number | null;
  Kpis_Level__c?: number | null;
  Leadership_Roll_Ups_Level__c?: number | null;
  /** Mean of the ten answers (a formula in the org). */
  Score__c?: number | null;
  /** The measured maturity score (SPEC §8) when the assessment was saved. */
  Measured_Score__c?: number | null;
}
