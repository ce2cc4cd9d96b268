/**
 * The operations the PSMS components call, declared once: the Apex controller methods in the
 * org (`@salesforce/apex/<Class>.<method>`), the local adapter in the workbench. Requests and
 * responses use Salesforce API field names, dates as `YYYY-MM-DD`, datetimes as ISO-8601 —
 * exactly how Aura serialises Apex SObjects — so the engine reads them as they arrive.
 *
 * No top-level import: this is a global declaration file. Record types come from the engine.
 */
declare namespace Psms {
  type Records = typeof import('../main/default/lwc/psmsEngine/records');
  type Opportunity = import('../main/default/lwc/psmsEngine/records').Opportunity & {
    Account?: { Name?: string | null } | null;
    Owner?: { Name?: string | null } | null;
  };
  type Account = import('../main/default/lwc/psmsEngine/records').Account;
  type User = import('../main/default/lwc/psmsEngine/records').User;
  type PartnerDeal = import('../main/default/lwc/psmsEngine/records').Partner_Deal__c & {
    Partner_Account__r?: { Name?: string | null } | null;
  };
  type Registration = import('../main/default/lwc/psmsEngine/records').Deal_Registration__c & {
    Partner_Account__r?: { Name?: string | null } | null;
    End_Customer_Account__r?: { Name?: string | null } | null;
    Conflicting_Registration__r?: { Name?: string | null } | null;
    Conflicting_Opportunity__r?: { Name?: string | null } | null;
  };
  type Dispute = import('../main/default/lwc/psmsEngine/records').Registration_Dispute__c & {
    /** DSP-00042. */
    Name?: string | null;
    CreatedDate?: string | null;
    Deal_Registration__r?: Registration | null;
    Raised_By__r?: { Name?: string | null } | null;
    Resolved_By__r?: { Name?: string | null } | null;
  };
  type AccountPlan = import('../main/default/lwc/psmsEngine/records').Partner_Account_Plan__c;
  type Target = import('../main/default/lwc/psmsEngine/records').Partner_Target__c;
  type ForecastCall = import('../main/default/lwc/psmsEngine/records').Forecast_Submission__c;
  type Snapshot = import('../main/default/lwc/psmsEngine/records').Opportunity_Snapshot__c;
  type Settings = import('../main/default/lwc/psmsEngine/settings').PsmsSettings;

  /** Whose opportunities: the user's own, their team's (direct reports), or every one they can see. */
  type Scope = 'mine' | 'team' | 'all';

  // ---- Settings -------------------------------------------------------------------------
  /** PsmsSettingsController.getSettings (cacheable): custom metadata + the org's fiscal year start. */
  type SettingsResponse = Settings;

  // ---- Partner forecast ------------------------------------------------------------------
  interface PipelineRequest {
    /** e.g. `FY2026-Q4`. */
    period: string;
    /** Null = the viewer's team, or everyone for leadership (the answer says which). */
    scope: Scope | null;
  }
  /**
   * PartnerForecastController.getPipeline (cacheable). Over a few thousand opportunities the
   * org returns `aggregated: true`: one synthetic row per row of the pipeline summary (owner ×
   * primary partner × role × co-sell × category × closed/won; `Amount` summed, `Id` =
   * `agg:<n>`, `Opportunity_Count__c` how many it stands for), with the matching synthetic
   * partner deals, so the engine's roll-up is the same code either way (docs/scale.md).
   */
  interface PipelineResponse {
    period: string;
    /** The server's today (the user's locale date), so every client computes alike. */
    today: string;
    /** The scope answered: the one asked for, or the viewer's default. */
    scope: Scope;
    aggregated: boolean;
    /** Aggregated over the whole channel, these rows carry partners but no owner: see `ownerOpportunities`. */
    opportunities: Opportunity[];
    /**
     * Aggregated over the whole channel (a user who sees every owner): per-owner rows, which the
     * owner and manager groupings read instead of `opportunities`. Absent otherwise.
     */
    ownerOpportunities?: Opportunity[];
    partnerDeals: PartnerDeal[];
    partners: Account[];
    users: User[];
    targets: Target[];
    calls: ForecastCall[];
    /** False for users who may not read forecast calls (reps): no call columns, no calibration request. */
    readsCalls?: boolean;
  }
  interface ForecastCallRequest {
    period: string;
    /** Blank = the manager's whole team. */
    partnerAccountId: string | null;
    commitCall: number;
    bestCaseCall: number;
    note: string | null;
  }
  /** PartnerForecastController.submitForecastCall: Week__c and Submitted_On__c are set by the server. */
  type ForecastCallResponse = ForecastCall;
  interface SnapshotsRequest {
    period: string;
  }
  /**
   * PartnerForecastController.getSnapshots (cacheable): every snapshot of the period, oldest first;
   * past 20,000 rows `aggregated: true` and, instead, synthetic pairs from the summarised changes
   * between the latest snapshot and the earlier `dates` (keys `chg:<earlier date>:<n>`).
   */
  interface SnapshotsResponse {
    period: string;
    dates: string[];
    aggregated?: boolean;
    snapshots: Snapshot[];
    /** Aggregated over the whole channel: the per-owner pairs the owner and manager groupings read. */
    ownerSnapshots?: Snapshot[];
  }

  // ---- Opportunity record page -----------------------------------------------------------
  interface DealRequest {
    opportunityId: string;
  }
  /** PartnerDealsController.getDealPartners (cacheable). */
  interface DealResponse {
    opportunity: Opportunity;
    partnerDeals: PartnerDeal[];
    registrations: Registration[];
    /**
     * The disputes of those registrations, newest first. Optional only while the workbench still
     * answers with its TypeScript stand-in, which predates the field; the Apex always sends it.
     */
    disputes?: Dispute[];
    /** For the hygiene panel: the partner accounts on the deal and their plans. */
    partners: Account[];
    plans: AccountPlan[];
    today: string;
  }
  interface AddPartnerRequest {
    opportunityId: string;
    partnerAccountId: string;
    role: string;
    coSell: boolean;
    isPrimary: boolean;
  }
  interface CoSellRequest {
    partnerDealId: string;
    coSell: boolean;
  }
  interface PartnerSearchRequest {
    term: string;
  }
  /** PartnerDealsController.searchPartners (cacheable): partner accounts whose name matches, at most 20. */
  type PartnerSearchResponse = Account[];
  interface ConflictCandidatesRequest {
    normalizedKey: string;
    endCustomerAccountId: string | null;
    productLine: string | null;
  }
  /**
   * PartnerDealsController.getConflictCandidates (cacheable): what the engine needs for the
   * live conflict preview — registrations holding or having held the key, and the open
   * opportunities on the customer account with their partner deals.
   */
  interface ConflictCandidatesResponse {
    registrations: Registration[];
    opportunities: Opportunity[];
    partnerDeals: PartnerDeal[];
  }
  interface RegistrationRequest {
    registration: {
      Partner_Account__c: string;
      End_Customer_Account__c: string | null;
      End_Customer_Name__c: string | null;
      End_Customer_Domain__c: string | null;
      Product_Line__c: string | null;
      Estimated_Amount__c: number | null;
      Expected_Close_Date__c: string | null;
      Opportunity__c: string | null;
    };
  }
  /** PartnerDealsController.submitRegistration: the stored registration with the server's verdict. */
  type RegistrationResponse = Registration;

  // ---- Registration desk -----------------------------------------------------------------
  /** RegistrationDeskController.getDeskQueue (cacheable). */
  interface DeskResponse {
    today: string;
    /** Submitted and Needs Review, and Approved/Converted ones expiring soon. */
    registrations: Registration[];
    /** Open disputes, oldest first, with the raiser's name, when, and the registration at stake. */
    disputes: Dispute[];
    /**
     * The latest 200 resolved disputes, most recently resolved first (the history). This and the
     * two below are optional only while the workbench still answers with its TypeScript stand-in,
     * which predates them; the Apex always sends them.
     */
    resolvedDisputes?: Dispute[];
    /** The user's own latest 200 registrations, any status, and the disputes they raised. */
    myRegistrations?: Registration[];
    myDisputes?: Dispute[];
    /** The opportunities registrations conflict with. */
    opportunities: Opportunity[];
  }
  interface DecisionRequest {
    registrationId: string;
    decision: 'Approve' | 'Reject';
    rejectionReason: string | null;
  }
  interface ExtensionRequest {
    registrationId: string;
  }
  interface RegistrationDisputesRequest {
    registrationId: string;
  }
  interface DisputeRequest {
    registrationId: string;
    reason: string;
  }
  interface ResolutionRequest {
    disputeId: string;
    resolution: 'Partner' | 'Direct' | 'Co-Sell';
    note: string;
  }

  // ---- Hygiene, KPIs, plans, maturity ----------------------------------------------------
  interface HygieneRequest {
    /** Null = the viewer's team, or everyone for leadership (the answer says which). */
    scope: Scope | null;
  }
  type HygieneSummaryRow = import('../main/default/lwc/psmsEngine/hygieneSummary').HygieneSummaryRow;
  /**
   * PipelineHygieneController.getHygieneInputs (cacheable): open opportunities in scope and what
   * the rules read. Past 3,000 open opportunities `aggregated: true`: no opportunities, the
   * pipeline summary's hygiene rows instead (`summaries`: the scope's owner-and-partner rows, or
   * the whole channel's partner rows with `ownerSummaries` and `channelSummaries`), and the deals
   * a page at a time from getHygienePage (docs/scale.md).
   */
  interface HygieneResponse {
    today: string;
    /** The scope answered: the one asked for, or the viewer's default (absent in the maturity page's copy). */
    scope?: Scope;
    aggregated?: boolean;
    opportunities: Opportunity[];
    partnerDeals: PartnerDeal[];
    registrations: Registration[];
    partners: Account[];
    plans: AccountPlan[];
    users: User[];
    summaries?: HygieneSummaryRow[] | null;
    ownerSummaries?: HygieneSummaryRow[] | null;
    channelSummaries?: HygieneSummaryRow[] | null;
  }
  interface HygienePageRequest {
    scope: Scope;
    /** Only this owner's deals (null: the scope's). */
    ownerId: string | null;
    /** Only deals with this primary partner (null: any). */
    partnerId: string | null;
    /** The last id of the previous page (null: the first page). */
    afterId: string | null;
  }
  interface KpiRequest {
    period: string;
  }
  /**
   * PartnerKpiController.getKpiInputs (cacheable). Past 3,000 opportunities in the period
   * `aggregated: true`: synthetic rows of the pipeline summary, each standing for
   * `Opportunity_Count__c` deals (as getPipeline's).
   */
  interface KpiResponse {
    period: string;
    today: string;
    aggregated?: boolean;
    opportunities: Opportunity[];
    partnerDeals: PartnerDeal[];
    partners: Account[];
    targets: Target[];
    calls: ForecastCall[];
  }
  /** AccountPlanController.getPlanHealth (cacheable). */
  interface PlanHealthResponse {
    today: string;
    partners: Account[];
    plans: AccountPlan[];
  }
  /** MaturityController.getMaturityInputs (cacheable): the data measured maturity is scored from. */
  interface MaturityResponse {
    today: string;
    hygiene: HygieneResponse;
    registrations: Registration[];
    calls: ForecastCall[];
    kpi: KpiResponse;
  }

  // ---- Setup (PSMS admins) ---------------------------------------------------------------
  /**
   * PsmsSetupController.getHealth (not cacheable: the tab shows what is true now), and what
   * scheduleJobs and takeSnapshot return after their fix. Apex leaves null values out.
   */
  interface SetupHealth {
    /** The four PsmsJobs schedules, in the order expiry, snapshot, retention, pipeline summary. */
    jobs: SetupJob[];
    snapshots: { taken: boolean; latestDate?: string | null; running: boolean };
    /** found: the Default PSMS_Setting__mdt record exists; problems: translated sentences, empty when valid. */
    settings: { found: boolean; problems: string[] };
    /** PSMS_Partner_Rep, PSMS_Partner_Manager, PSMS_Leadership, PSMS_Admin, PSMS_Data_Load, in that order. */
    permissionSets: SetupPermissionSet[];
    /** Months 1–12; overrideMonth is the setting's Fiscal_Start_Override__c. */
    fiscalYear: { orgStartMonth: number; overrideMonth?: number | null; effectiveMonth: number };
    /**
     * The pipeline summary's latest nightly reconcile (docs/scale.md): when it ran, the rows it
     * checked and how many it corrected (drift the incremental upkeep left; 0 = none), with where.
     */
    summary: {
      reconciled: boolean;
      /** ISO-8601 datetime. */
      reconciledOn?: string | null;
      checkedRows?: number | null;
      correctedRows?: number | null;
      detail?: string | null;
    };
  }
  interface SetupJob {
    /** The CronJobDetail name, e.g. `PSMS Opportunity Snapshot`. */
    name: string;
    scheduled: boolean;
    /** CronTrigger.State, e.g. `WAITING`. */
    state?: string | null;
    /** ISO-8601 datetime. */
    nextRun?: string | null;
    /** The username the job runs as (whoever scheduled it); absent when not scheduled. */
    runsAs?: string | null;
  }
  interface SetupPermissionSet {
    name: string;
    label: string;
    /** Absent when the permission set is not in the org. */
    permissionSetId?: string | null;
    /** PSMS_Data_Load: assigned only for a data load, so every holder is one to remove. */
    temporary: boolean;
    /** Active users holding it. */
    holderCount: number;
    /** The first ten holders by name. */
    holders: { userId: string; name: string; username: string }[];
  }

  // ---- Review cadence (SPEC §10–12) -------------------------------------------------------
  type ReviewAction = import('../main/default/lwc/psmsEngine/records').Review_Action__c & {
    Name?: string | null;
    Owner__r?: { Name?: string | null } | null;
    Assigned_By__r?: { Name?: string | null } | null;
    Opportunity__r?: { Name?: string | null } | null;
    Partner_Account__r?: { Name?: string | null } | null;
  };
  type MaturityAssessment = import('../main/default/lwc/psmsEngine/records').Maturity_Assessment__c & {
    Name?: string | null;
  };
  type CadenceOpportunity = Opportunity & { Validated_By__r?: { Name?: string | null } | null };
  type CadenceCall = ForecastCall & { Accepted_By__r?: { Name?: string | null } | null };
  interface CadenceRequest {
    /** Blank = today's quarter. */
    period: string | null;
    /** Blank = the viewer's team, or everyone for leadership. */
    scope: Scope | null;
  }
  /** What the viewer may do on the cadence page (the server checks each again). */
  interface CadenceViewer {
    userId: string;
    canValidate: boolean;
    canAcceptCalls: boolean;
    canAssignActions: boolean;
    canCompleteActions: boolean;
    canEditHelpNeeded: boolean;
    canSaveAssessment: boolean;
  }
  /**
   * ReviewCadenceController.getCadenceInputs (cacheable): what every agenda of the quarter, the
   * scorecards, funnel, plans and maturity trend are computed from (the engine's `AgendaData`).
   */
  interface CadenceResponse {
    today: string;
    period: string;
    scope: Scope;
    viewer: CadenceViewer;
    /**
     * Past 3,000 opportunities in the three quarters: the lists' deals capped at 2,000 each, the
     * roll-ups from `summarised` (and `summarisedByOwner`), the programme figures from the
     * summary's won rows in `wonOpportunities`, no snapshots (docs/scale.md).
     */
    aggregated?: boolean;
    /** The scope's opportunities closing in the previous, this and the next quarter. */
    opportunities: CadenceOpportunity[];
    /** Every visible won opportunity from the previous fiscal year's start (at scale: summary rows). */
    wonOpportunities: Opportunity[];
    /** At scale: the pipeline summary's rows of this and the next quarter, for the roll-ups. */
    summarised?: Opportunity[] | null;
    /** At scale over the whole channel: this quarter's per-owner rows (the manager roll-up). */
    summarisedByOwner?: Opportunity[] | null;
    partnerDeals: PartnerDeal[];
    registrations: Registration[];
    /** The rows of the quarter's latest two snapshot dates up to today. */
    snapshots: Snapshot[];
    /** Partner accounts with `OwnerId` (a partner's owner is its rep). */
    partners: Account[];
    plans: AccountPlan[];
    users: User[];
    targets: Target[];
    calls: CadenceCall[];
    actions: ReviewAction[];
    assessments: MaturityAssessment[];
  }
  interface ValidateDealRequest {
    opportunityId: string;
  }
  interface AcceptCallRequest {
    submissionId: string;
  }
  interface AddReviewActionRequest {
    ownerId: string;
    subject: string;
    meeting: string | null;
    period: string;
    /** `YYYY-MM-DD`. */
    dueOn: string;
    opportunityId: string | null;
    partnerAccountId: string | null;
  }
  interface CompleteReviewActionRequest {
    actionId: string;
  }
  interface HelpNeededRequest {
    opportunityId: string;
    /** Blank clears it. */
    helpNeeded: string | null;
  }
  interface MaturityAssessmentRequest {
    /** Practice id (settings.ts `PracticeId`) → level 1–4, every practice answered. */
    answers: Record<string, number>;
    measuredScore: number | null;
  }

  interface CalibrationRequest {
    period: string;
  }
  /**
   * ForecastCalibrationController.getCalibrationInputs (cacheable): the week-1 partner calls of the
   * period and the eight before it, and their won opportunities with the primary deals (SPEC §11).
   */
  interface CalibrationResponse {
    period: string;
    today: string;
    calls: ForecastCall[];
    /**
     * Past a few thousand won deals, the pipeline summary's won rows per partner and quarter
     * (synthetic opportunities whose Amount is the sum, as PipelineResponse's aggregated rows).
     */
    aggregated?: boolean;
    opportunities: Opportunity[];
    partnerDeals: PartnerDeal[];
  }

  /** What @wire delivers from an Apex method: its data, or the error it raised. */
  interface Wired<Response> {
    data?: Response;
    error?: unknown;
  }

  /** An operation as a component imports it: callable imperatively, or usable with @wire. */
  type Operation<Request, Response> = ((request: Request) => Promise<Response>) &
    import('lwc').WireAdapterConstructor<Request, Wired<Response>>;
}

declare module '@salesforce/apex/PsmsSettingsController.getSettings' {
  const op: Psms.Operation<Record<string, never>, Psms.SettingsResponse>;
  export default op;
}
declare module '@salesforce/apex/PartnerForecastController.getPipeline' {
  const op: Psms.Operation<Psms.PipelineRequest, Psms.PipelineResponse>;
  export default op;
}
declare module '@salesforce/apex/PartnerForecastController.submitForecastCall' {
  const op: Psms.Operation<Psms.ForecastCallRequest, Psms.ForecastCallResponse>;
  export default op;
}
declare module '@salesforce/apex/PartnerForecastController.getSnapshots' {
  const op: Psms.Operation<Psms.SnapshotsRequest, Psms.SnapshotsResponse>;
  export default op;
}
declare module '@salesforce/apex/PartnerDealsController.getDealPartners' {
  const op: Psms.Operation<Psms.DealRequest, Psms.DealResponse>;
  export default op;
}
declare module '@salesforce/apex/PartnerDealsController.addPartnerDeal' {
  const op: Psms.Operation<Psms.AddPartnerRequest, Psms.PartnerDeal>;
  export default op;
}
declare module '@salesforce/apex/PartnerDealsController.setCoSell' {
  const op: Psms.Operation<Psms.CoSellRequest, Psms.PartnerDeal>;
  export default op;
}
declare module '@salesforce/apex/PartnerDealsController.searchPartners' {
  const op: Psms.Operation<Psms.PartnerSearchRequest, Psms.PartnerSearchResponse>;
  export default op;
}
declare module '@salesforce/apex/PartnerDealsController.getConflictCandidates' {
  const op: Psms.Operation<Psms.ConflictCandidatesRequest, Psms.ConflictCandidatesResponse>;
  export default op;
}
declare module '@salesforce/apex/PartnerDealsController.submitRegistration' {
  const op: Psms.Operation<Psms.RegistrationRequest, Psms.RegistrationResponse>;
  export default op;
}
declare module '@salesforce/apex/RegistrationDeskController.getDeskQueue' {
  const op: Psms.Operation<Record<string, never>, Psms.DeskResponse>;
  export default op;
}
declare module '@salesforce/apex/RegistrationDeskController.decideRegistration' {
  const op: Psms.Operation<Psms.DecisionRequest, Psms.Registration>;
  export default op;
}
declare module '@salesforce/apex/RegistrationDeskController.extendRegistration' {
  const op: Psms.Operation<Psms.ExtensionRequest, Psms.Registration>;
  export default op;
}
declare module '@salesforce/apex/PartnerDealsController.getRegistrationDisputes' {
  /** Cacheable: a registration's disputes, newest first (its record page). */
  const op: Psms.Operation<Psms.RegistrationDisputesRequest, Psms.Dispute[]>;
  export default op;
}
declare module '@salesforce/apex/RegistrationDeskController.raiseDispute' {
  const op: Psms.Operation<Psms.DisputeRequest, Psms.Dispute>;
  export default op;
}
declare module '@salesforce/apex/RegistrationDeskController.resolveDispute' {
  const op: Psms.Operation<Psms.ResolutionRequest, Psms.Dispute>;
  export default op;
}
declare module '@salesforce/apex/PipelineHygieneController.getHygieneInputs' {
  const op: Psms.Operation<Psms.HygieneRequest, Psms.HygieneResponse>;
  export default op;
}
declare module '@salesforce/apex/PipelineHygieneController.getHygienePage' {
  /** Cacheable: one page of open deals (id order, 200 at a time) with what the rules read; with an owner, that owner's hygiene rows in `summaries`. */
  const op: Psms.Operation<Psms.HygienePageRequest, Psms.HygieneResponse>;
  export default op;
}
declare module '@salesforce/apex/PartnerKpiController.getKpiInputs' {
  const op: Psms.Operation<Psms.KpiRequest, Psms.KpiResponse>;
  export default op;
}
declare module '@salesforce/apex/AccountPlanController.getPlanHealth' {
  const op: Psms.Operation<Record<string, never>, Psms.PlanHealthResponse>;
  export default op;
}
declare module '@salesforce/apex/MaturityController.getMaturityInputs' {
  const op: Psms.Operation<Record<string, never>, Psms.MaturityResponse>;
  export default op;
}

declare module '@salesforce/apex/PsmsSetupController.getHealth' {
  const op: Psms.Operation<Record<string, never>, Psms.SetupHealth>;
  export default op;
}
declare module '@salesforce/apex/PsmsSetupController.scheduleJobs' {
  const op: Psms.Operation<Record<string, never>, Psms.SetupHealth>;
  export default op;
}
declare module '@salesforce/apex/PsmsSetupController.takeSnapshot' {
  const op: Psms.Operation<Record<string, never>, Psms.SetupHealth>;
  export default op;
}

declare module '@salesforce/apex/ReviewCadenceController.getCadenceInputs' {
  const op: Psms.Operation<Psms.CadenceRequest, Psms.CadenceResponse>;
  export default op;
}
declare module '@salesforce/apex/ReviewCadenceController.validateDeal' {
  const op: Psms.Operation<Psms.ValidateDealRequest, Psms.CadenceOpportunity>;
  export default op;
}
declare module '@salesforce/apex/ReviewCadenceController.acceptCall' {
  const op: Psms.Operation<Psms.AcceptCallRequest, Psms.CadenceCall>;
  export default op;
}
declare module '@salesforce/apex/ReviewCadenceController.addReviewAction' {
  const op: Psms.Operation<Psms.AddReviewActionRequest, Psms.ReviewAction>;
  export default op;
}
declare module '@salesforce/apex/ReviewCadenceController.completeReviewAction' {
  const op: Psms.Operation<Psms.CompleteReviewActionRequest, Psms.ReviewAction>;
  export default op;
}
declare module '@salesforce/apex/ReviewCadenceController.setHelpNeeded' {
  const op: Psms.Operation<Psms.HelpNeededRequest, Psms.CadenceOpportunity>;
  export default op;
}
declare module '@salesforce/apex/ReviewCadenceController.saveMaturityAssessment' {
  const op: Psms.Operation<Psms.MaturityAssessmentRequest, Psms.MaturityAssessment>;
  export default op;
}

declare module '@salesforce/apex/ForecastCalibrationController.getCalibrationInputs' {
  const op: Psms.Operation<Psms.CalibrationRequest, Psms.CalibrationResponse>;
  export default op;
}

/** Custom labels: `import label from '@salesforce/label/c.PSMS_X'` is a string. */
declare module '@salesforce/label/c.*' {
  const label: string;
  export default label;
}
