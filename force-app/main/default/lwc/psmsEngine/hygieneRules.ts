import { addDays, daysBetween, utcDateOf } from './dates';
import type { OpportunityPartners } from './partnerDeals';
import type { Deal_Registration__c, IsoDate, Opportunity } from './records';
import type { HygieneRuleId, HygieneRuleSetting, Severity } from './settings';

/**
 * The opportunity rules of SPEC §5. Each rule answers with the one-line reason (naming the
 * values that triggered it) or null. Day thresholds are turned into cut-off dates once per run,
 * so the per-record test is a string comparison of ISO dates.
 */

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
  check: (opp: Opportunity, context: RuleContext) => string | null;
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
      return opp.CloseDate < today ? `Close date ${opp.CloseDate} is before today (${today}).` : null;
    }
  },
  {
    id: 'MISSING_AMOUNT',
    fix: 'Enter the expected amount.',
    check: (opp) => {
      if (opp.Amount == null) {
        return 'Amount is blank.';
      }
      return opp.Amount <= 0 ? `Amount is ${opp.Amount}.` : null;
    }
  },
  {
    id: 'NO_NEXT_STEP',
    fix: 'Write the next step with a date and an owner.',
    check: (opp) => (isBlank(opp.NextStep) ? 'Next step is blank.' : null)
  },
  {
    id: 'STALE',
    fix: 'Log the latest activity with the customer or the partner, or close the opportunity.',
    check: (opp, context) => {
      if (!isBefore(opp.LastActivityDate ?? opp.CreatedDate, context.staleBefore)) {
        return null;
      }
      const last = opp.LastActivityDate ?? utcDateOf(opp.CreatedDate);
      const what = opp.LastActivityDate ? 'activity' : 'activity (none; created)';
      return `Last ${what} ${last}: ${daysBetween(last, context.today)} days ago (more than ${context.rules.STALE.threshold ?? 21}).`;
    }
  },
  {
    id: 'PUSHED',
    fix: 'Confirm the close date with the partner and the customer; qualify the deal again.',
    check: (opp, { rules }) => {
      const pushes = opp.PushCount ?? 0;
      const limit = rules.PUSHED.threshold ?? 2;
      return pushes >= limit ? `Close date pushed ${pushes} times (limit ${limit}).` : null;
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
      return `In stage ${opp.StageName ?? '(none)'} since ${since}: ${daysBetween(since, context.today)} days (more than ${context.rules.STUCK_IN_STAGE.threshold ?? 45}).`;
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
        return `Category Commit with probability ${probability}% (below ${commitBelow}%).`;
      }
      if (opp.ForecastCategoryName === 'Pipeline' && probability >= pipelineFrom) {
        return `Category Pipeline with probability ${probability}% (${pipelineFrom}% or more).`;
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
      return `Close date ${opp.CloseDate} is ${daysBetween(context.today, opp.CloseDate)} days away (more than ${limit}).`;
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
        return `${deals} partner deal(s), none primary.`;
      }
      return opp.LeadSource === 'Partner' ? 'Lead source is Partner but there is no partner deal.' : null;
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
        : 'Primary partner deal is Sourced but has no approved or converted registration.';
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
      return expiring
        ? `Registration ${expiring.Id ?? ''} expires ${expiring.Expires_On__c ?? ''}, before the close date ${opp.CloseDate}.`
        : null;
    }
  }
];
