import type { PartnerTier } from './records';

/**
 * Every threshold SPEC.md marks *(setting)*, with the spec's defaults. In an org these come
 * from custom metadata (PSMS_Setting__mdt, Hygiene_Rule__mdt, Review_Meeting__mdt,
 * Maturity_Practice__mdt); locally from a settings file. The engine never reads them itself:
 * callers pass them in, so every result is reproducible.
 */

export type Severity = 'high' | 'medium' | 'low';

export type HygieneRuleId =
  | 'PAST_CLOSE_DATE'
  | 'MISSING_AMOUNT'
  | 'NO_NEXT_STEP'
  | 'STALE'
  | 'PUSHED'
  | 'STUCK_IN_STAGE'
  | 'CATEGORY_MISMATCH'
  | 'CLOSE_DATE_FAR'
  | 'NO_PRIMARY_PARTNER'
  | 'SOURCED_UNREGISTERED'
  | 'REGISTRATION_EXPIRES_BEFORE_CLOSE'
  | 'PLAN_OUTDATED';

export interface HygieneRuleSetting {
  active: boolean;
  severity: Severity;
  /** N (days, pushes or probability, depending on the rule). */
  threshold?: number;
  /** N2 (CATEGORY_MISMATCH's Pipeline probability). */
  threshold2?: number;
  /** PLAN_OUTDATED: the lowest partner tier that needs a plan. */
  tier?: PartnerTier;
  /** Overrides the severity's weight in the hygiene score. */
  weight?: number;
}

export interface ReviewMeeting {
  name: string;
  /** Weeks of the quarter (1–13) in which the meeting is due. */
  weeks: number[];
  audience: string;
  agenda: string;
}

export type PracticeId =
  | 'dataHygiene'
  | 'forecastCadence'
  | 'pipelineReviews'
  | 'accountPlanning'
  | 'coSell'
  | 'dealRegistration'
  | 'recruitment'
  | 'enablement'
  | 'kpis'
  | 'leadershipRollUps';

export interface MaturityPractice {
  id: PracticeId;
  name: string;
  question: string;
  /** What the practice looks like at Ad hoc (1), Defined (2), Managed (3), Optimized (4). */
  levels: [string, string, string, string];
  /** Given when the practice scores below Managed (3). */
  recommendation: string;
}

export interface PsmsSettings {
  /** 1 = January; in an org, Organization.FiscalYearStartMonth. */
  fiscalYearStartMonth: number;
  protectionDays: number;
  maxExtensions: number;
  extensionDays: number;
  approvalSlaHours: number;
  expiringSoonDays: number;
  retentionQuarters: number;
  snapshotWeekday: 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';
  /** Pipeline hygiene % a group should reach (a fraction). */
  hygieneTargetPercent: number;
  /** Below this pipeline hygiene % the forecast is flagged unreliable (a fraction). */
  unreliableBelowPercent: number;
  severityWeights: Record<Severity, number>;
  hygieneRules: Record<HygieneRuleId, HygieneRuleSetting>;
  cadence: ReviewMeeting[];
  maturityPractices: MaturityPractice[];
}

const EVERY_WEEK = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

/** SPEC §1's cadence table. */
export const DEFAULT_CADENCE: ReviewMeeting[] = [
  {
    name: 'Weekly Partner Team Call',
    weeks: EVERY_WEEK,
    audience: 'partner team',
    agenda: "last week's bookings, this week's commits, changes to the quarter forecast, risks, help needed"
  },
  {
    name: 'Partner Forecast & Acquisition 1:1',
    weeks: [1, 5, 9],
    audience: 'partner sales manager + each partner rep',
    agenda:
      'current-quarter forecast, opportunity validation, new-partner acquisition goals; then the leadership roll-up of the partner forecast'
  },
  {
    name: 'CEO/CFO Forecast Roll-Up',
    weeks: [1, 5, 9],
    audience: 'executives',
    agenda: 'the consolidated partner forecast'
  },
  {
    name: 'Partner Pipeline & Account Planning 1:1',
    weeks: [3, 7, 11],
    audience: 'partner sales manager + each partner rep',
    agenda: 'next-quarter pipeline, account plans, co-selling, common goals'
  },
  {
    name: 'MBR (Monthly Business Review)',
    weeks: [8],
    audience: 'leadership',
    agenda: 'partner program ROI, partner satisfaction, revenue attribution'
  },
  {
    name: 'QBR (Quarterly Business Review)',
    weeks: [13],
    audience: 'leadership',
    agenda: 'partner program ROI, partner satisfaction, revenue attribution, for the quarter'
  },
  {
    name: 'ELT Meeting',
    weeks: [10],
    audience: 'executive leadership',
    agenda: 'annual goals: partner program growth rate, market-share gains'
  }
];

/** SPEC §8's ten practices, in the spec's order. */
export const DEFAULT_MATURITY_PRACTICES: MaturityPractice[] = [
  {
    id: 'dataHygiene',
    name: 'Data hygiene',
    question: 'How clean is the partner pipeline in the CRM?',
    levels: [
      'Reps update opportunities when they remember; nobody measures data quality.',
      'Required fields and basic rules exist (amount, close date, next step), checked now and then.',
      'Hygiene rules run weekly; reps fix findings before the forecast call and hygiene % is tracked per team.',
      'Hygiene % stays above target in every team; findings are fixed within days and rules are tuned from results.'
    ],
    recommendation:
      'Run the hygiene report every week before the forecast call, make each rep fix their findings, and track pipeline hygiene % per team against the 85 % target.'
  },
  {
    id: 'forecastCadence',
    name: 'Forecast cadence',
    question: 'How regular is the partner forecast?',
    levels: [
      'Forecasts are gathered when leadership asks, in spreadsheets.',
      'A forecast is collected at the start of each quarter.',
      'Managers submit a commit and best-case call per partner in weeks 1, 5 and 9, beside the system roll-up.',
      'Calls are submitted on time every cycle and accuracy and bias are reviewed each quarter to improve the next call.'
    ],
    recommendation:
      'Hold the Partner Forecast 1:1 in weeks 1, 5 and 9 and have each manager submit a commit and best-case call per partner in the CRM.'
  },
  {
    id: 'pipelineReviews',
    name: 'Pipeline reviews',
    question: 'How is the partner pipeline reviewed?',
    levels: [
      'Deals are discussed only when they are at risk or about to close.',
      'A weekly team call goes over the biggest deals.',
      'Week-over-week changes (new, pushed, pulled in, category moves) are reviewed every week with each rep.',
      'Reviews cover next-quarter pipeline as well, and coverage gaps trigger agreed actions with partners.'
    ],
    recommendation:
      'Review the week-over-week change waterfall in the Weekly Partner Team Call and next-quarter pipeline in the weeks 3, 7 and 11 1:1s.'
  },
  {
    id: 'accountPlanning',
    name: 'Account planning',
    question: 'Do key partners have joint account plans?',
    levels: [
      'No written plans with partners.',
      'Some key partners have a plan, written once a year.',
      'Every Gold and Platinum partner has an active plan with revenue and co-sell goals, reviewed each quarter.',
      'Plans are reviewed monthly with the partner and progress against goals drives investment decisions.'
    ],
    recommendation:
      'Create an active account plan with revenue and co-sell goals for every Gold and Platinum partner and review it at least every 90 days.'
  },
  {
    id: 'coSell',
    name: 'Co-sell',
    question: 'How do direct and partner sellers work deals together?',
    levels: [
      'Co-selling happens by chance; it is not recorded.',
      'Co-sell deals are flagged on some opportunities.',
      'Every co-sold opportunity carries a co-sell partner deal and the co-sell share is reported each period.',
      'Co-sell targets are set per partner and the co-sell share grows quarter over quarter.'
    ],
    recommendation:
      'Record every partner involvement as a partner deal with the co-sell flag, and report the co-sell opportunity share each period.'
  },
  {
    id: 'dealRegistration',
    name: 'Deal registration',
    question: 'How are partner deal registrations handled?',
    levels: [
      'Partners announce deals by e-mail; conflicts are settled case by case.',
      'A registration form exists, but decisions are slow and conflicts are found late.',
      'Registrations are checked for duplicates and direct conflicts on submission and decided within the 48-hour SLA.',
      'Nearly all registrations are decided within SLA, expiries and extensions are automatic, and disputes are rare and resolved with a note.'
    ],
    recommendation:
      'Route every partner deal through deal registration with automatic duplicate and direct-conflict checks, and decide each one within the approval SLA.'
  },
  {
    id: 'recruitment',
    name: 'Recruitment',
    question: 'How are new partners recruited?',
    levels: [
      'Partners sign up opportunistically; no recruitment goals.',
      'A list of target partners exists.',
      'Recruitment targets are set per period and recruitment and activation rates are tracked.',
      'Recruitment targets the profiles that activate fastest, measured by time to first revenue.'
    ],
    recommendation:
      'Set a recruitment target each period and track recruitment rate, activation rate and time to first revenue for new partners.'
  },
  {
    id: 'enablement',
    name: 'Enablement',
    question: 'How are partners enabled to sell?',
    levels: [
      'Partners get a slide deck when they sign.',
      'An onboarding programme exists for new partners.',
      'Each partner has an onboarding plan with milestones to first deal, and certifications are tracked.',
      'Enablement content is tuned from win rates and time to first revenue, per partner tier.'
    ],
    recommendation:
      'Give each onboarding partner a plan with milestones up to its first registered and won deal, and follow activation in the 1:1s.'
  },
  {
    id: 'kpis',
    name: 'KPIs',
    question: 'Which partner KPIs are measured?',
    levels: [
      'Only total partner revenue, when someone asks.',
      'Partner revenue and pipeline are reported monthly.',
      'Attainment, coverage, win rate, deal size, sales cycle and co-sell share are reported each period, partner channel beside direct.',
      'KPIs include program ROI and forecast accuracy and drive the MBR and QBR decisions.'
    ],
    recommendation:
      'Report the partner KPIs each period (attainment, coverage, win rate, deal size, cycle, co-sell share), partner channel beside direct, in the MBR.'
  },
  {
    id: 'leadershipRollUps',
    name: 'Leadership roll-ups',
    question: 'How does leadership see the partner forecast?',
    levels: [
      'Leadership hears about the partner business in ad-hoc updates.',
      'A quarterly summary is assembled by hand.',
      'A consolidated partner forecast (calls beside the system roll-up) reaches the CEO/CFO in weeks 1, 5 and 9.',
      'The roll-up is trusted: its hygiene is reported with it and accuracy is reviewed in the QBR.'
    ],
    recommendation:
      'Send the CEO/CFO a consolidated partner forecast in weeks 1, 5 and 9 showing the managers’ calls beside the system roll-up and its hygiene %.'
  }
];

export const DEFAULT_SETTINGS: PsmsSettings = {
  fiscalYearStartMonth: 1,
  protectionDays: 90,
  maxExtensions: 1,
  extensionDays: 30,
  approvalSlaHours: 48,
  expiringSoonDays: 14,
  retentionQuarters: 8,
  snapshotWeekday: 'Monday',
  hygieneTargetPercent: 0.85,
  unreliableBelowPercent: 0.7,
  severityWeights: { high: 30, medium: 15, low: 5 },
  hygieneRules: {
    PAST_CLOSE_DATE: { active: true, severity: 'high' },
    MISSING_AMOUNT: { active: true, severity: 'high' },
    NO_NEXT_STEP: { active: true, severity: 'medium' },
    STALE: { active: true, severity: 'medium', threshold: 21 },
    PUSHED: { active: true, severity: 'medium', threshold: 2 },
    STUCK_IN_STAGE: { active: true, severity: 'medium', threshold: 45 },
    CATEGORY_MISMATCH: { active: true, severity: 'medium', threshold: 50, threshold2: 90 },
    CLOSE_DATE_FAR: { active: true, severity: 'low', threshold: 365 },
    NO_PRIMARY_PARTNER: { active: true, severity: 'high' },
    SOURCED_UNREGISTERED: { active: true, severity: 'medium' },
    REGISTRATION_EXPIRES_BEFORE_CLOSE: { active: true, severity: 'high' },
    PLAN_OUTDATED: { active: true, severity: 'medium', tier: 'Gold', threshold: 90 }
  },
  cadence: DEFAULT_CADENCE,
  maturityPractices: DEFAULT_MATURITY_PRACTICES
};

/** A partial settings object, as a case file or a settings file gives it. */
export type SettingsOverrides = Omit<Partial<PsmsSettings>, 'hygieneRules' | 'severityWeights'> & {
  hygieneRules?: Partial<Record<HygieneRuleId, Partial<HygieneRuleSetting>>>;
  severityWeights?: Partial<Record<Severity, number>>;
};

/** Defaults overlaid with the given overrides (hygiene rules merged rule by rule). */
export function withSettings(overrides: SettingsOverrides = {}): PsmsSettings {
  const rules = { ...DEFAULT_SETTINGS.hygieneRules };
  for (const id of Object.keys(overrides.hygieneRules ?? {}) as HygieneRuleId[]) {
    rules[id] = { ...rules[id], ...overrides.hygieneRules?.[id] };
  }
  return {
    ...DEFAULT_SETTINGS,
    ...overrides,
    severityWeights: { ...DEFAULT_SETTINGS.severityWeights, ...overrides.severityWeights },
    hygieneRules: rules
  };
}
