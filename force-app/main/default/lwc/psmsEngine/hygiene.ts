import { daysBetween } from './dates';
import {
  cutOffs,
  OPPORTUNITY_RULES,
  reasonText,
  type HygieneReason,
  type HygieneReasonKey,
  type ReasonParams,
  type RuleContext
} from './hygieneRules';
import type { OpportunityPartners, PartnerColumn, PartnerDealIndex } from './partnerDeals';
import type {
  Account,
  Deal_Registration__c,
  IsoDate,
  Opportunity,
  Partner_Account_Plan__c,
  RecordId
} from './records';
import type { HygieneRuleId, HygieneRuleSetting, PsmsSettings, Severity } from './settings';

/** Pipeline hygiene (SPEC §5): findings, scores, hygiene % and the unreliable flag. */

export interface HygieneFinding {
  rule: HygieneRuleId;
  severity: Severity;
  recordId: RecordId;
  /** In English, with the values that triggered it (the CLI's text). */
  reason: string;
  /** The same reason as a message key and its values, for a translated label. */
  reasonKey: HygieneReasonKey;
  reasonParams: ReasonParams;
  fix: string;
}

function finding(
  rule: HygieneRuleId,
  severity: Severity,
  recordId: RecordId,
  why: HygieneReason,
  fix: string
): HygieneFinding {
  return {
    rule,
    severity,
    recordId,
    reason: reasonText(why.key, why.params),
    reasonKey: why.key,
    reasonParams: why.params,
    fix
  };
}

export interface HygieneReport {
  asOf: IsoDate;
  findings: HygieneFinding[];
  scores: { recordId: RecordId; score: number }[];
  /** Clean open opportunities ÷ open opportunities; null when there are none. */
  hygienePercent: number | null;
  unreliable: boolean;
}

export interface HygieneInput {
  today: IsoDate;
  opportunities: readonly Opportunity[];
  /** From `indexPartnerDeals`, or `alignPartners` for this opportunity list (faster). */
  partners: PartnerDealIndex | PartnerColumn;
  registrations?: readonly Deal_Registration__c[];
  /** Partner accounts, for PLAN_OUTDATED. */
  accounts?: readonly Account[];
  plans?: readonly Partner_Account_Plan__c[];
  /** Evaluate every open opportunity, not only the partner-involved ones. */
  allOpen?: boolean;
  settings: Pick<PsmsSettings, 'hygieneRules' | 'severityWeights' | 'unreliableBelowPercent'>;
}

const TIER_RANK: Readonly<Record<string, number>> = { Registered: 1, Silver: 2, Gold: 3, Platinum: 4 };
const NO_REGISTRATIONS: readonly Deal_Registration__c[] = [];

/** Registrations linked to each opportunity: by Opportunity__c, or through its partner deals. */
function linkedRegistrations(
  input: HygieneOptions
): (oppId: RecordId, context: RuleContext) => readonly Deal_Registration__c[] {
  const byId = new Map<RecordId, Deal_Registration__c>();
  const byOpportunity = new Map<RecordId, Deal_Registration__c[]>();
  for (const registration of input.registrations ?? []) {
    if (registration.Id) {
      byId.set(registration.Id, registration);
    }
    if (registration.Opportunity__c) {
      const list = byOpportunity.get(registration.Opportunity__c) ?? [];
      list.push(registration);
      byOpportunity.set(registration.Opportunity__c, list);
    }
  }
  if (byId.size === 0) {
    // No registrations at all (or none with an Id a deal could name): nothing to link.
    return (oppId) => byOpportunity.get(oppId) ?? NO_REGISTRATIONS;
  }
  return (oppId, context) => {
    const direct = byOpportunity.get(oppId);
    const deals = context.partners?.deals;
    if (deals === undefined) {
      return direct ?? NO_REGISTRATIONS;
    }
    // Most deals name no registration: only a deal that does costs a set and a copy.
    let linked: Set<Deal_Registration__c> | null = null;
    for (const deal of deals) {
      const registration = deal.Deal_Registration__c ? byId.get(deal.Deal_Registration__c) : undefined;
      if (registration) {
        if (linked === null) {
          linked = new Set(direct);
        }
        linked.add(registration);
      }
    }
    return linked === null ? (direct ?? NO_REGISTRATIONS) : [...linked];
  };
}

function weightOf(
  setting: HygieneRuleSetting,
  severity: Severity,
  weights: Record<Severity, number>
): number {
  return setting.weight ?? weights[severity];
}

/** Everything a hygiene evaluation needs but the opportunities and their partners. */
export type HygieneOptions = Omit<HygieneInput, 'opportunities' | 'partners'>;

/**
 * Hygiene one opportunity at a time: `evaluateHygiene` feeds it a list, and a reader of a
 * million-row export feeds it each open opportunity as it is parsed, so that the rows are never
 * held in memory together (only their findings and scores are). Either way the report is the
 * same.
 */
export class HygieneEvaluation {
  private readonly options: HygieneOptions;
  private readonly active: typeof OPPORTUNITY_RULES;
  private readonly context: RuleContext;
  private readonly registrationsOf: ReturnType<typeof linkedRegistrations> | null;
  private findings: HygieneFinding[] = [];
  private scores: HygieneReport['scores'];
  /** Scores in `scores` (those handed over by `take` are no longer there). */
  private scored = 0;
  private open = 0;
  private clean = 0;
  private result: HygieneReport | null = null;

  /** `capacity`: the most opportunities that will be added, when known (the scores are sized once). */
  constructor(options: HygieneOptions, capacity = 0) {
    this.options = options;
    const rules = options.settings.hygieneRules;
    this.active = OPPORTUNITY_RULES.filter((rule) => rules[rule.id].active);
    this.context = {
      today: options.today,
      ...cutOffs(options.today, rules),
      rules,
      partners: undefined,
      registrations: NO_REGISTRATIONS
    };
    this.registrationsOf =
      options.registrations && options.registrations.length > 0 ? linkedRegistrations(options) : null;
    // Sized once for the worst case, then cut to length: a million pushes would regrow and
    // recopy the array about thirty times, and each copy of young scores into a large
    // old-space array is paid again by the garbage collector's write barrier.
    this.scores = new Array(capacity);
  }

  /** One opportunity with its partner involvement (undefined: none). Closed ones are skipped. */
  add(opp: Opportunity, partners: OpportunityPartners | undefined): void {
    if (this.result !== null) {
      throw new Error('HygieneEvaluation: an opportunity was added after the report was made');
    }
    if (opp.IsClosed) {
      return;
    }
    if (
      this.options.allOpen !== true &&
      opp.LeadSource !== 'Partner' &&
      (partners === undefined || partners.deals.length === 0)
    ) {
      return;
    }
    const { context, options } = this;
    const rules = options.settings.hygieneRules;
    context.partners = partners;
    context.registrations =
      this.registrationsOf === null ? NO_REGISTRATIONS : this.registrationsOf(opp.Id, context);
    let penalty = 0;
    for (const rule of this.active) {
      const why = rule.check(opp, context);
      if (why !== null) {
        const setting = rules[rule.id];
        const severity = rule.severityOf ? rule.severityOf(opp, setting) : setting.severity;
        penalty += weightOf(setting, severity, options.settings.severityWeights);
        this.findings.push(finding(rule.id, severity, opp.Id, why, rule.fix));
      }
    }
    if (penalty === 0) {
      this.clean++;
    }
    this.open++;
    this.scores[this.scored++] = { recordId: opp.Id, score: Math.max(0, 100 - penalty) };
  }

  /**
   * The findings and scores of the opportunities added since the last call, handed over and
   * no longer held (the hygiene % still counts them): a reader of a million opportunities
   * writes them out as they come instead of holding millions of findings until the end. The
   * report then holds only what was added after the last call (and the plan findings).
   */
  take(): Pick<HygieneReport, 'findings' | 'scores'> {
    if (this.result !== null) {
      throw new Error('HygieneEvaluation: take() after the report was made');
    }
    const findings = this.findings;
    const scores = this.scores;
    scores.length = this.scored;
    this.findings = [];
    this.scores = [];
    this.scored = 0;
    return { findings, scores };
  }

  /**
   * The report, built on the first call (the plan rule over partner accounts runs then, once);
   * it shares the evaluation's arrays, so nothing can be added after it.
   */
  report(): HygieneReport {
    if (this.result !== null) {
      return this.result;
    }
    const { open, clean, options, scores } = this;
    scores.length = this.scored;
    const report: HygieneReport = {
      asOf: options.today,
      findings: this.findings,
      scores,
      hygienePercent: open === 0 ? null : clean / open,
      unreliable: false
    };
    evaluatePlans(options, report);
    report.unreliable =
      report.hygienePercent !== null && report.hygienePercent < options.settings.unreliableBelowPercent;
    this.result = report;
    return report;
  }
}

export function evaluateHygiene(input: HygieneInput): HygieneReport {
  const opportunities = input.opportunities;
  const evaluation = new HygieneEvaluation(input, opportunities.length);
  // One branch per run instead of per row: a column is read by position, an index by id.
  if (input.partners instanceof Map) {
    const index = input.partners;
    for (const opp of opportunities) {
      evaluation.add(opp, index.get(opp.Id));
    }
  } else {
    const column = input.partners;
    for (let i = 0; i < opportunities.length; i++) {
      evaluation.add(opportunities[i], column[i]);
    }
  }
  return evaluation.report();
}

const PLAN_FIX = 'Create or review the joint account plan with the partner and record the review date.';

/** PLAN_OUTDATED: partner accounts of the tier or above with no active plan reviewed within D days. */
function evaluatePlans(input: HygieneOptions, report: HygieneReport): void {
  const setting = input.settings.hygieneRules.PLAN_OUTDATED;
  if (!setting.active || !input.accounts) {
    return;
  }
  const minimum = TIER_RANK[setting.tier ?? 'Gold'];
  const maxDays = setting.threshold ?? 90;
  const lastReview = new Map<RecordId, IsoDate | null>();
  for (const plan of input.plans ?? []) {
    if (plan.Status__c !== 'Active') {
      continue;
    }
    const reviewed = plan.Last_Reviewed_On__c ?? null;
    const known = lastReview.get(plan.Partner_Account__c);
    if (known === undefined || (reviewed !== null && (known === null || reviewed > known))) {
      lastReview.set(plan.Partner_Account__c, reviewed);
    }
  }
  const weight = weightOf(setting, setting.severity, input.settings.severityWeights);
  for (const account of input.accounts) {
    if (!account.Partner_Status__c || (TIER_RANK[account.Partner_Tier__c ?? ''] ?? 0) < minimum) {
      continue;
    }
    const reviewed = lastReview.get(account.Id);
    let why: HygieneReason | null = null;
    if (reviewed === undefined) {
      why = { key: 'PLAN_MISSING', params: [account.Partner_Tier__c ?? ''] };
    } else if (reviewed === null) {
      why = { key: 'PLAN_NEVER_REVIEWED', params: [] };
    } else if (daysBetween(reviewed, input.today) > maxDays) {
      why = { key: 'PLAN_REVIEW_OVERDUE', params: [reviewed, daysBetween(reviewed, input.today), maxDays] };
    }
    if (why !== null) {
      report.findings.push(finding('PLAN_OUTDATED', setting.severity, account.Id, why, PLAN_FIX));
    }
    report.scores.push({ recordId: account.Id, score: Math.max(0, 100 - (why === null ? 0 : weight)) });
  }
}
