import type { AgendaKind } from 'c/psmsEngine';
import LABEL_BOOKINGS from '@salesforce/label/c.PSMS_Agenda_List_Bookings';
import LABEL_COMMITS from '@salesforce/label/c.PSMS_Agenda_List_Commits';
import LABEL_CHANGES from '@salesforce/label/c.PSMS_Agenda_List_Changes';
import LABEL_RISKS from '@salesforce/label/c.PSMS_Agenda_List_Risks';
import LABEL_HELP from '@salesforce/label/c.PSMS_Agenda_List_Help_Needed';
import LABEL_VALIDATION from '@salesforce/label/c.PSMS_Agenda_List_Validation';
import LABEL_PARTNER_ROLL_UP from '@salesforce/label/c.PSMS_Agenda_List_Partner_Roll_Up';
import LABEL_RECRUITED from '@salesforce/label/c.PSMS_Agenda_List_Recruited';
import LABEL_ACTIONS from '@salesforce/label/c.PSMS_Agenda_List_Open_Actions';
import LABEL_NEXT_ROLL_UP from '@salesforce/label/c.PSMS_Agenda_List_Next_Quarter';
import LABEL_PLANS from '@salesforce/label/c.PSMS_Agenda_List_Account_Plans';
import LABEL_CO_SELL from '@salesforce/label/c.PSMS_Agenda_List_Co_Sell';
import LABEL_BY_MANAGER from '@salesforce/label/c.PSMS_Agenda_List_By_Manager';
import LABEL_ATTRIBUTION from '@salesforce/label/c.PSMS_Agenda_List_Attribution';
import LABEL_SATISFACTION from '@salesforce/label/c.PSMS_Agenda_List_Satisfaction';
import LABEL_ACTIVATED from '@salesforce/label/c.PSMS_Agenda_List_Activated';
import COL_DEAL from '@salesforce/label/c.PSMS_Agenda_Col_Deal';
import COL_OWNER from '@salesforce/label/c.PSMS_Agenda_Col_Owner';
import COL_PARTNER from '@salesforce/label/c.PSMS_Agenda_Col_Partner';
import COL_AMOUNT from '@salesforce/label/c.PSMS_Agenda_Col_Amount';
import COL_CLOSE from '@salesforce/label/c.PSMS_Agenda_Col_Close_Date';
import COL_CATEGORY from '@salesforce/label/c.PSMS_Agenda_Col_Category';
import COL_CHANGE from '@salesforce/label/c.PSMS_Agenda_Col_Change';
import COL_COMMIT_DELTA from '@salesforce/label/c.PSMS_Agenda_Col_Commit_Delta';
import COL_PIPELINE_DELTA from '@salesforce/label/c.PSMS_Agenda_Col_Pipeline_Delta';
import COL_FINDINGS from '@salesforce/label/c.PSMS_Agenda_Col_Findings';
import COL_HELP from '@salesforce/label/c.PSMS_Agenda_Col_Help_Needed';
import COL_VALIDATED from '@salesforce/label/c.PSMS_Agenda_Col_Validated';
import COL_CLOSED from '@salesforce/label/c.PSMS_Agenda_Col_Closed';
import COL_COMMIT from '@salesforce/label/c.PSMS_Agenda_Col_Commit';
import COL_BEST_CASE from '@salesforce/label/c.PSMS_Agenda_Col_Best_Case';
import COL_PIPELINE from '@salesforce/label/c.PSMS_Agenda_Col_Pipeline';
import COL_COMMIT_FORECAST from '@salesforce/label/c.PSMS_Agenda_Col_Commit_Forecast';
import COL_COMMIT_CALL from '@salesforce/label/c.PSMS_Agenda_Col_Commit_Call';
import COL_RECRUITED_ON from '@salesforce/label/c.PSMS_Agenda_Col_Recruited_On';
import COL_STATUS from '@salesforce/label/c.PSMS_Agenda_Col_Status';
import COL_ACTION from '@salesforce/label/c.PSMS_Agenda_Col_Action';
import COL_DUE from '@salesforce/label/c.PSMS_Agenda_Col_Due';
import COL_OPEN_PIPELINE from '@salesforce/label/c.PSMS_Agenda_Col_Open_Pipeline';
import COL_FISCAL_YEAR from '@salesforce/label/c.PSMS_Agenda_Col_Fiscal_Year';
import COL_REVENUE from '@salesforce/label/c.PSMS_Agenda_Col_Revenue_Attainment';
import COL_CO_SELL_WINS from '@salesforce/label/c.PSMS_Agenda_Col_Co_Sell_Attainment';
import COL_SATISFACTION from '@salesforce/label/c.PSMS_Agenda_Col_Satisfaction';
import COL_CO_SELL_PARTNERS from '@salesforce/label/c.PSMS_Agenda_Col_Co_Sell_Partners';
import COL_MANAGER from '@salesforce/label/c.PSMS_Agenda_Col_Manager';
import COL_TEAM_CALL from '@salesforce/label/c.PSMS_Agenda_Col_Team_Call';
import COL_AGREED from '@salesforce/label/c.PSMS_Agenda_Col_Agreed';
import COL_ROLE from '@salesforce/label/c.PSMS_Agenda_Col_Role';
import COL_SHARE from '@salesforce/label/c.PSMS_Agenda_Col_Share';
import COL_DEALS from '@salesforce/label/c.PSMS_Agenda_Col_Deals';
import COL_SCORE from '@salesforce/label/c.PSMS_Agenda_Col_Score';
import COL_ACTIVATED_ON from '@salesforce/label/c.PSMS_Agenda_Col_Activated_On';
import FIG_BOOKED from '@salesforce/label/c.PSMS_Agenda_Fig_Booked';
import FIG_COMMITTED from '@salesforce/label/c.PSMS_Agenda_Fig_Committed';
import FIG_COMMIT_FROM from '@salesforce/label/c.PSMS_Agenda_Fig_Commit_From';
import FIG_COMMIT_TO from '@salesforce/label/c.PSMS_Agenda_Fig_Commit_To';
import FIG_VALIDATED from '@salesforce/label/c.PSMS_Agenda_Fig_Validated';
import FIG_TO_VALIDATE from '@salesforce/label/c.PSMS_Agenda_Fig_To_Validate';
import FIG_COMMIT_FORECAST from '@salesforce/label/c.PSMS_Agenda_Fig_Commit_Forecast';
import FIG_CALL from '@salesforce/label/c.PSMS_Agenda_Fig_Call';
import FIG_RECRUITED from '@salesforce/label/c.PSMS_Agenda_Fig_Recruited';
import FIG_RECRUITMENT_TARGET from '@salesforce/label/c.PSMS_Agenda_Fig_Recruitment_Target';
import FIG_NEXT_PIPELINE from '@salesforce/label/c.PSMS_Agenda_Fig_Next_Pipeline';
import FIG_AGREED from '@salesforce/label/c.PSMS_Agenda_Fig_Agreed';
import FIG_AGREED_TEAMS from '@salesforce/label/c.PSMS_Agenda_Fig_Agreed_Teams';
import FIG_ROI from '@salesforce/label/c.PSMS_Agenda_Fig_Roi';
import FIG_SOURCED from '@salesforce/label/c.PSMS_Agenda_Fig_Sourced_Share';
import FIG_PARTNER_WON from '@salesforce/label/c.PSMS_Agenda_Fig_Partner_Won';
import FIG_SATISFACTION from '@salesforce/label/c.PSMS_Agenda_Fig_Satisfaction';
import FIG_GROWTH from '@salesforce/label/c.PSMS_Agenda_Fig_Growth';
import FIG_WON_TO_DATE from '@salesforce/label/c.PSMS_Agenda_Fig_Won_To_Date';
import FIG_WON_BEFORE from '@salesforce/label/c.PSMS_Agenda_Fig_Won_Previous';
import FIG_ACTIVATED from '@salesforce/label/c.PSMS_Agenda_Fig_Activated';
import FIG_ACTIVATION_TARGET from '@salesforce/label/c.PSMS_Agenda_Fig_Activation_Target';

/**
 * How each list and figure of an agenda (SPEC §10) is shown: the engine names lists and figures
 * in camelCase; this maps them to labels, cell types and the in-place actions a list offers.
 */

export type CellType =
  | 'opportunity'
  | 'partner'
  | 'user'
  | 'plan'
  | 'action'
  | 'money'
  | 'percent'
  | 'count'
  | 'date'
  | 'text'
  | 'change'
  | 'rules'
  | 'yesNo'
  | 'partners';

export interface ColumnDef {
  label: string;
  type: CellType;
  /** The row field shown (for a link: the record id). */
  field: string;
}

export type RowAction = 'validate' | 'help' | 'complete' | 'accept';

export interface ListDef {
  label: string;
  columns: ColumnDef[];
  actions: RowAction[];
}

const col = (label: string, type: CellType, field: string): ColumnDef => ({ label, type, field });

const DEAL: ColumnDef[] = [
  col(COL_DEAL, 'opportunity', 'opportunityId'),
  col(COL_OWNER, 'user', 'ownerId'),
  col(COL_PARTNER, 'partner', 'partnerId'),
  col(COL_AMOUNT, 'money', 'amount'),
  col(COL_CLOSE, 'date', 'closeDate')
];
const ROLL_UP: ColumnDef[] = [
  col(COL_PARTNER, 'partner', 'partnerId'),
  col(COL_CLOSED, 'money', 'closed'),
  col(COL_COMMIT, 'money', 'commit'),
  col(COL_BEST_CASE, 'money', 'bestCase'),
  col(COL_PIPELINE, 'money', 'pipeline'),
  col(COL_COMMIT_FORECAST, 'money', 'commitForecast')
];

export const LISTS: Readonly<Record<string, ListDef>> = {
  lastWeekBookings: { label: LABEL_BOOKINGS, columns: DEAL, actions: [] },
  thisWeekCommits: { label: LABEL_COMMITS, columns: DEAL, actions: ['help'] },
  forecastChanges: {
    label: LABEL_CHANGES,
    columns: [
      col(COL_DEAL, 'opportunity', 'opportunityId'),
      col(COL_CHANGE, 'change', 'type'),
      col(COL_COMMIT_DELTA, 'money', 'commitDelta'),
      col(COL_PIPELINE_DELTA, 'money', 'pipelineDelta')
    ],
    actions: []
  },
  risks: {
    label: LABEL_RISKS,
    columns: [...DEAL, col(COL_CATEGORY, 'text', 'category'), col(COL_FINDINGS, 'rules', 'rules')],
    actions: ['help']
  },
  helpNeeded: {
    label: LABEL_HELP,
    columns: [...DEAL, col(COL_HELP, 'text', 'helpNeeded')],
    actions: ['help']
  },
  validation: {
    label: LABEL_VALIDATION,
    columns: [...DEAL, col(COL_CATEGORY, 'text', 'category'), col(COL_VALIDATED, 'date', 'validatedOn')],
    actions: ['validate', 'help']
  },
  partnerRollUp: {
    label: LABEL_PARTNER_ROLL_UP,
    columns: [...ROLL_UP, col(COL_COMMIT_CALL, 'money', 'commitCall')],
    actions: []
  },
  recruitedPartners: {
    label: LABEL_RECRUITED,
    columns: [
      col(COL_PARTNER, 'partner', 'partnerId'),
      col(COL_RECRUITED_ON, 'date', 'recruitedOn'),
      col(COL_STATUS, 'text', 'status')
    ],
    actions: []
  },
  openActions: {
    label: LABEL_ACTIONS,
    columns: [
      col(COL_ACTION, 'action', 'actionId'),
      col(COL_OWNER, 'user', 'ownerId'),
      col(COL_DUE, 'date', 'dueOn'),
      col(COL_DEAL, 'opportunity', 'opportunityId')
    ],
    actions: ['complete']
  },
  nextQuarterRollUp: {
    label: LABEL_NEXT_ROLL_UP,
    columns: [...ROLL_UP, col(COL_OPEN_PIPELINE, 'money', 'openPipeline')],
    actions: []
  },
  accountPlans: {
    label: LABEL_PLANS,
    columns: [
      col(COL_PARTNER, 'plan', 'planId'),
      col(COL_FISCAL_YEAR, 'text', 'fiscalYear'),
      col(COL_REVENUE, 'percent', 'revenueAttainment'),
      col(COL_CO_SELL_WINS, 'percent', 'coSellAttainment'),
      col(COL_SATISFACTION, 'count', 'satisfaction')
    ],
    actions: []
  },
  coSellOpportunities: {
    label: LABEL_CO_SELL,
    columns: [...DEAL, col(COL_CO_SELL_PARTNERS, 'partners', 'coSellPartners')],
    actions: []
  },
  byManager: {
    label: LABEL_BY_MANAGER,
    columns: [
      col(COL_MANAGER, 'user', 'managerId'),
      col(COL_CLOSED, 'money', 'closed'),
      col(COL_COMMIT, 'money', 'commit'),
      col(COL_BEST_CASE, 'money', 'bestCase'),
      col(COL_COMMIT_FORECAST, 'money', 'commitForecast'),
      col(COL_TEAM_CALL, 'money', 'commitCall'),
      col(COL_AGREED, 'money', 'agreedCommit')
    ],
    actions: ['accept']
  },
  attribution: {
    label: LABEL_ATTRIBUTION,
    columns: [
      col(COL_ROLE, 'text', 'role'),
      col(COL_AMOUNT, 'money', 'amount'),
      col(COL_DEALS, 'count', 'count'),
      col(COL_SHARE, 'percent', 'share')
    ],
    actions: []
  },
  satisfaction: {
    label: LABEL_SATISFACTION,
    columns: [col(COL_PARTNER, 'plan', 'planId'), col(COL_SCORE, 'count', 'score')],
    actions: []
  },
  activatedPartners: {
    label: LABEL_ACTIVATED,
    columns: [col(COL_PARTNER, 'partner', 'partnerId'), col(COL_ACTIVATED_ON, 'date', 'activatedOn')],
    actions: []
  }
};

export interface FigureDef {
  label: string;
  type: 'money' | 'percent' | 'count' | 'number' | 'text';
  value: (figures: Record<string, unknown>) => unknown;
}

const fig = (label: string, type: FigureDef['type'], path: string): FigureDef => ({
  label,
  type,
  value: (figures) =>
    path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | null)?.[key], figures)
});

export const FIGURES: Readonly<Record<AgendaKind, FigureDef[]>> = {
  teamCall: [
    fig(FIG_BOOKED, 'money', 'bookedAmount'),
    fig(FIG_COMMITTED, 'money', 'commitAmount'),
    fig(FIG_COMMIT_FROM, 'money', 'commitFrom'),
    fig(FIG_COMMIT_TO, 'money', 'commitTo')
  ],
  forecastOneOnOne: [
    fig(FIG_VALIDATED, 'count', 'validatedCount'),
    fig(FIG_TO_VALIDATE, 'count', 'toValidateCount'),
    fig(FIG_COMMIT_FORECAST, 'money', 'rollUpTotal.commitForecast'),
    fig(FIG_CALL, 'money', 'rollUpTotal.commitCall'),
    fig(FIG_RECRUITED, 'count', 'recruited'),
    fig(FIG_RECRUITMENT_TARGET, 'count', 'recruitmentTarget')
  ],
  pipelineOneOnOne: [
    fig(FIG_NEXT_PIPELINE, 'money', 'nextQuarterTotal.openPipeline'),
    fig(FIG_COMMIT_FORECAST, 'money', 'nextQuarterTotal.commitForecast')
  ],
  rollUp: [
    fig(FIG_COMMIT_FORECAST, 'money', 'total.commitForecast'),
    fig(FIG_CALL, 'money', 'commitCall'),
    fig(FIG_AGREED, 'money', 'agreedCommit'),
    fig(FIG_AGREED_TEAMS, 'text', 'agreedTeamsText')
  ],
  businessReview: [
    fig(FIG_ROI, 'percent', 'programRoi'),
    fig(FIG_SOURCED, 'percent', 'partnerSourcedShare'),
    fig(FIG_PARTNER_WON, 'money', 'partnerWon'),
    fig(FIG_SATISFACTION, 'number', 'satisfactionMean')
  ],
  elt: [
    fig(FIG_GROWTH, 'percent', 'programGrowthRate'),
    fig(FIG_WON_TO_DATE, 'money', 'wonToDate'),
    fig(FIG_WON_BEFORE, 'money', 'wonPreviousSpan'),
    fig(FIG_ACTIVATED, 'count', 'activated'),
    fig(FIG_ACTIVATION_TARGET, 'count', 'activationTarget')
  ]
};
