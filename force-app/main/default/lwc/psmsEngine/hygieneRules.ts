import { addDays, daysBetween, utcDateOf } from './dates';
import type { OpportunityPartners } from './partnerDeals';
import type { Deal_Registration__c, IsoDate, Opportunity } from './records';
import type { HygieneRuleId, HygieneRuleSetting, Severity } from './settings';

/**
 * The opportunity rules of SPEC §5. Each rule answers with the one-line reason (naming the
 * values that triggered it) or null. Day thresholds are turned into cut-off dates once per run,
 * so the per-record test is a string comparison of ISO dates.
 *
 * A reason is a message key and the values it names (records by name, never by id), so that
 * each reader words it in its own language: the components through custom labels
 * (`PSMS_Hygiene_Reason_<key>`), the CLI in the English of `REASON_TEMPLATES`, which are the
 * labels' default values (a test holds the two equal).
 */

export type HygieneReasonKey =
  | 'PAST_CLOSE_DATE'
  | 'MISSING_AMOUNT_BLANK'
  | 'MISSING_AMOUNT_NOT_POSITIVE'
  | 'NO_NEXT_STEP'
  | 'STALE'
  | 'STALE_NO_ACTIVITY'
  | 'PUSHED'
  | 'STUCK_IN_STAGE'
  | 'CATEGORY_MISMATCH_COMMIT'
  | 'CATEGORY_MISMATCH_PIPELINE'
  | 'CLOSE_DATE_FAR'
  | 'NO_PRIMARY_PARTNER_NONE_PRIMARY'
  | 'NO_PRIMARY_PARTNER_NO_DEAL'
  | 'SOURCED_UNREGISTERED'
  | 'REGISTRATION_EXPIRES_BEFORE_CLOSE'
  | 'PLAN_MISSING'
  | 'PLAN_NEVER_REVIEWED'
  | 'PLAN_REVIEW_OVERDUE';

/** The values a reason names, in the order of its template's `{0}`, `{1}`, … */
export type ReasonParams = readonly (string | number)[];

export interface HygieneReason {
  key: HygieneReasonKey;
  params: ReasonParams;
}

/** English reasons; `{n}` is the n-th parameter. */
export const REASON_TEMPLATES: Readonly<Record<HygieneReasonKey, string>> = {
  PAST_CLOSE_DATE: 'Close date {0} is before today ({1}).',
  MISSING_AMOUNT_BLANK: 'Amount is blank.',
  MISSING_AMOUNT_NOT_POSITIVE: 'Amount is {0}.',
  NO_NEXT_STEP: 'Next step is blank.',
  STALE: 'Last activity {0}: {1} days ago (more than {2}).',
  STALE_NO_ACTIVITY: 'No activity since it was created on {0}: {1} days ago (more than {2}).',
  PUSHED: 'Close date pushed {0} times (limit {1}).',
  STUCK_IN_STAGE: 'In stage {0} since {1}: {2} days (more than {3}).',
  CATEGORY_MISMATCH_COMMIT: 'Category Commit with probability {0}% (below {1}%).',
  CATEGORY_MISMATCH_PIPELINE: 'Category Pipeline with probability {0}% ({1}% or more).',
  CLOSE_DATE_FAR: 'Close date {0} is {1} days away (more than {2}).',
  NO_PRIMARY_PARTNER_NONE_PRIMARY: '{0} partner deal(s), none primary.',
  NO_PRIMARY_PARTNER_NO_DEAL: 'Lead source is Partner but there is no partner deal.',
  SOURCED_UNREGISTERED: 'Primary partner deal is Sourced but has no approved or converted registration.',
  REGISTRATION_EXPIRES_BEFORE_CLOSE: 'Registration {0} expires {1}, before the close date {2}.',
  PLAN_MISSING: '{0} partner with no active account plan.',
  PLAN_NEVER_REVIEWED: 'Active account plan never reviewed.',
  PLAN_REVIEW_OVERDUE: 'Account plan last reviewed {0}: {1} days ago (more than {2}).'
};

/** Each template split once into text and parameter positions: a million findings fill them by concatenation. */
const COMPILED = new Map<string, readonly (string | number)[]>();

function compiled(template: string): readonly (string | number)[] {
  let parts = COMPILED.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\d+)\}/).map((part, i) => (i % 2 === 1 ? Number(part) : part));
    COMPILED.set(template, parts);
  }
  return parts;
}

/** A template with its `{n}` filled from the parameters (a missing one stays `{n}`). */
export function fillTemplate(template: string, params: ReasonParams): string {
  let text = '';
  const parts = compiled(template);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    text += i % 2 === 1 ? (params[part as number] ?? `{${part}}`) : part;
  }
  return text;
}

/** The reason in English (what the CLI prints). */
export function reasonText(key: HygieneReasonKey, params: ReasonParams): string {
  return fillTemplate(REASON_TEMPLATES[key], params);
}

function reason(key: HygieneReasonKey, ...params: (string | number)[]): HygieneReason {
  return { key, params };
}

export interface RuleContext {
  today: IsoDate;
  /** Last activity (or creation) before this date is stale: days since > N. */
  staleBefore: IsoDate;
  /** Last stage change (or creation) before this date is stuck. */
  stuckBefore: IsoDate;
  /** Close dates after this are too far: more than N days after today. */
  farAfter: IsoDate;
  rules: Record<HygieneRuleId, HygieneRuleSetting>;
  partners: OpportunityPartners | undefined;
  registrations: readonly Deal_Registration__c[];
}

export interface OpportunityRule {
  id: HygieneRuleId;
  fix: string;
  check: (opp: Opportunity, context: RuleContext) => HygieneReason | null;
  /** A severity other than the configured one for this finding (PUSHED escalates). */
  severityOf?: (opp: Opportunity, setting: HygieneRuleSetting) => Severity;
}

export function cutOffs(
  today: IsoDate,
  rules: Record<HygieneRuleId, HygieneRuleSetting>
): Pick<RuleContext, 'staleBefore' | 'stuckBefore' | 'farAfter'> {
  return {
    staleBefore: addDays(today, -(rules.STALE.threshold ?? 21)),
    stuckBefore: addDays(today, -(rules.STUCK_IN_STAGE.threshold ?? 45)),
    farAfter: addDays(today, rules.CLOSE_DATE_FAR.threshold ?? 365)
  };
}

/**
 * Whether a date or datetime falls before a cut-off date, without building its date string: a
 * bare date or a UTC datetime (`...Z`, as exports and Aura write them) compares with an ISO date
 * as a string — equal date prefixes make the longer datetime the greater, i.e. not before. Other
 * offsets go through their UTC date. This runs for every open opportunity, so no slice is made.
 */
function isBefore(value: string, cutOff: IsoDate): boolean {
  return value.length <= 10 || value.charCodeAt(value.length - 1) === 90 /* Z */
    ? value < cutOff
    : utcDateOf(value) < cutOff;
}

function isBlank(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}

const PROTECTING = new Set(['Approved', 'Converted']);

export const OPPORTUNITY_RULES: readonly OpportunityRule[] = [
  {
    id: 'PAST_CLOSE_DATE',
    fix: 'Move the close date to when the deal will really close, or close the opportunity.',
    check: (opp, { today }) => {
      return opp.CloseDate < today ? reason('PAST_CLOSE_DATE', opp.CloseDate, today) : null;
    }
  },
  {
    id: 'MISSING_AMOUNT',
    fix: 'Enter the expected amount.',
    check: (opp) => {
      if (opp.Amount == null) {
        return reason('MISSING_AMOUNT_BLANK');
      }
      return opp.Amount <= 0 ? reason('MISSING_AMOUNT_NOT_POSITIVE', opp.Amount) : null;
    }
  },
  {
    id: 'NO_NEXT_STEP',
    fix: 'Write the next step with a date and an owner.',
    check: (opp) => (isBlank(opp.NextStep) ? reason('NO_NEXT_STEP') : null)
  },
  {
    id: 'STALE',
    fix: 'Log the latest activity with the customer or the partner, or close the opportunity.',
    check: (opp, context) => {
      if (!isBefore(opp.LastActivityDate ?? opp.CreatedDate, context.staleBefore)) {
        return null;
      }
      const last = opp.LastActivityDate ?? utcDateOf(opp.CreatedDate);
      return reason(
        opp.LastActivityDate ? 'STALE' : 'STALE_NO_ACTIVITY',
        last,
        daysBetween(last, context.today),
        context.rules.STALE.threshold ?? 21
      );
    }
  },
  {
    id: 'PUSHED',
    fix: 'Confirm the close date with the partner and the customer; qualify the deal again.',
    check: (opp, { rules }) => {
      const pushes = opp.PushCount ?? 0;
      const limit = rules.PUSHED.threshold ?? 2;
      return pushes >= limit ? reason('PUSHED', pushes, limit) : null;
    },
    // One push beyond the threshold makes it high.
    severityOf: (opp, setting) => {
      return (opp.PushCount ?? 0) >= (setting.threshold ?? 2) + 1 ? 'high' : setting.severity;
    }
  },
  {
    id: 'STUCK_IN_STAGE',
    fix: 'Advance the stage or record what blocks the deal.',
    check: (opp, context) => {
      const changed = opp.LastStageChangeDate || opp.CreatedDate;
      if (!isBefore(changed, context.stuckBefore)) {
        return null;
      }
      const since = utcDateOf(changed);
      return reason(
        'STUCK_IN_STAGE',
        opp.StageName ?? '',
        since,
        daysBetween(since, context.today),
        context.rules.STUCK_IN_STAGE.threshold ?? 45
      );
    }
  },
  {
    id: 'CATEGORY_MISMATCH',
    fix: 'Align the forecast category with the probability (or the stage).',
    check: (opp, { rules }) => {
      const probability = opp.Probability;
      if (probability == null) {
        return null;
      }
      const commitBelow = rules.CATEGORY_MISMATCH.threshold ?? 50;
      const pipelineFrom = rules.CATEGORY_MISMATCH.threshold2 ?? 90;
      if (opp.ForecastCategoryName === 'Commit' && probability < commitBelow) {
        return reason('CATEGORY_MISMATCH_COMMIT', probability, commitBelow);
      }
      if (opp.ForecastCategoryName === 'Pipeline' && probability >= pipelineFrom) {
        return reason('CATEGORY_MISMATCH_PIPELINE', probability, pipelineFrom);
      }
      return null;
    }
  },
  {
    id: 'CLOSE_DATE_FAR',
    fix: 'Set a realistic close date within the year, or move the deal to a later plan.',
    check: (opp, context) => {
      if (opp.CloseDate <= context.farAfter) {
        return null;
      }
      const limit = context.rules.CLOSE_DATE_FAR.threshold ?? 365;
      return reason('CLOSE_DATE_FAR', opp.CloseDate, daysBetween(context.today, opp.CloseDate), limit);
    }
  },
  {
    id: 'NO_PRIMARY_PARTNER',
    fix: 'Mark one partner deal as primary (or add the partner deal).',
    check: (opp, { partners }) => {
      if (partners?.primary) {
        return null;
      }
      const deals = partners?.deals.length ?? 0;
      if (deals > 0) {
        return reason('NO_PRIMARY_PARTNER_NONE_PRIMARY', deals);
      }
      return opp.LeadSource === 'Partner' ? reason('NO_PRIMARY_PARTNER_NO_DEAL') : null;
    }
  },
  {
    id: 'SOURCED_UNREGISTERED',
    fix: 'Ask the partner to register the deal, or link its approved registration to the partner deal.',
    check: (_opp, { partners, registrations }) => {
      if (partners?.primary?.Role__c !== 'Sourced') {
        return null;
      }
      return registrations.some((registration) => PROTECTING.has(registration.Status__c))
        ? null
        : reason('SOURCED_UNREGISTERED');
    }
  },
  {
    id: 'REGISTRATION_EXPIRES_BEFORE_CLOSE',
    fix: "Extend the registration or bring the close date inside the partner's protection.",
    check: (opp, { registrations }) => {
      const expiring = registrations.find(
        (registration) =>
          PROTECTING.has(registration.Status__c) &&
          registration.Expires_On__c != null &&
          registration.Expires_On__c < opp.CloseDate
      );
      // Named as people know it (REG-00042), not by its id.
      return expiring
        ? reason(
            'REGISTRATION_EXPIRES_BEFORE_CLOSE',
            expiring.Name ?? expiring.Id ?? '',
            expiring.Expires_On__c ?? '',
            opp.CloseDate
          )
        : null;
    }
  }
];
