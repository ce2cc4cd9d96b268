// Service module (no template): what people read for hygiene rules, severities, reasons and fixes, from custom labels (the engine speaks in ids and message keys).
import type { HygieneFinding, HygieneReasonKey, HygieneRuleId, Severity } from 'c/psmsEngine';
import { formatLabel } from 'c/displayFormat';
import RULE_PAST_CLOSE_DATE from '@salesforce/label/c.PSMS_Hygiene_Rule_PastCloseDate';
import RULE_MISSING_AMOUNT from '@salesforce/label/c.PSMS_Hygiene_Rule_MissingAmount';
import RULE_NO_NEXT_STEP from '@salesforce/label/c.PSMS_Hygiene_Rule_NoNextStep';
import RULE_STALE from '@salesforce/label/c.PSMS_Hygiene_Rule_Stale';
import RULE_PUSHED from '@salesforce/label/c.PSMS_Hygiene_Rule_Pushed';
import RULE_STUCK_IN_STAGE from '@salesforce/label/c.PSMS_Hygiene_Rule_StuckInStage';
import RULE_CATEGORY_MISMATCH from '@salesforce/label/c.PSMS_Hygiene_Rule_CategoryMismatch';
import RULE_CLOSE_DATE_FAR from '@salesforce/label/c.PSMS_Hygiene_Rule_CloseDateFar';
import RULE_NO_PRIMARY_PARTNER from '@salesforce/label/c.PSMS_Hygiene_Rule_NoPrimaryPartner';
import RULE_SOURCED_UNREGISTERED from '@salesforce/label/c.PSMS_Hygiene_Rule_SourcedUnregistered';
import RULE_REGISTRATION_EXPIRES_BEFORE_CLOSE from '@salesforce/label/c.PSMS_Hygiene_Rule_RegistrationExpiresBeforeClose';
import RULE_PLAN_OUTDATED from '@salesforce/label/c.PSMS_Hygiene_Rule_PlanOutdated';
import REASON_PAST_CLOSE_DATE from '@salesforce/label/c.PSMS_Hygiene_Reason_PastCloseDate';
import REASON_MISSING_AMOUNT_BLANK from '@salesforce/label/c.PSMS_Hygiene_Reason_MissingAmountBlank';
import REASON_MISSING_AMOUNT_NOT_POSITIVE from '@salesforce/label/c.PSMS_Hygiene_Reason_MissingAmountNotPositive';
import REASON_NO_NEXT_STEP from '@salesforce/label/c.PSMS_Hygiene_Reason_NoNextStep';
import REASON_STALE from '@salesforce/label/c.PSMS_Hygiene_Reason_Stale';
import REASON_STALE_NO_ACTIVITY from '@salesforce/label/c.PSMS_Hygiene_Reason_StaleNoActivity';
import REASON_PUSHED from '@salesforce/label/c.PSMS_Hygiene_Reason_Pushed';
import REASON_STUCK_IN_STAGE from '@salesforce/label/c.PSMS_Hygiene_Reason_StuckInStage';
import REASON_CATEGORY_MISMATCH_COMMIT from '@salesforce/label/c.PSMS_Hygiene_Reason_CategoryMismatchCommit';
import REASON_CATEGORY_MISMATCH_PIPELINE from '@salesforce/label/c.PSMS_Hygiene_Reason_CategoryMismatchPipeline';
import REASON_CLOSE_DATE_FAR from '@salesforce/label/c.PSMS_Hygiene_Reason_CloseDateFar';
import REASON_NO_PRIMARY_PARTNER_NONE_PRIMARY from '@salesforce/label/c.PSMS_Hygiene_Reason_NoPrimaryPartnerNonePrimary';
import REASON_NO_PRIMARY_PARTNER_NO_DEAL from '@salesforce/label/c.PSMS_Hygiene_Reason_NoPrimaryPartnerNoDeal';
import REASON_SOURCED_UNREGISTERED from '@salesforce/label/c.PSMS_Hygiene_Reason_SourcedUnregistered';
import REASON_REGISTRATION_EXPIRES_BEFORE_CLOSE from '@salesforce/label/c.PSMS_Hygiene_Reason_RegistrationExpiresBeforeClose';
import REASON_PLAN_MISSING from '@salesforce/label/c.PSMS_Hygiene_Reason_PlanMissing';
import REASON_PLAN_NEVER_REVIEWED from '@salesforce/label/c.PSMS_Hygiene_Reason_PlanNeverReviewed';
import REASON_PLAN_REVIEW_OVERDUE from '@salesforce/label/c.PSMS_Hygiene_Reason_PlanReviewOverdue';
import FIX_PAST_CLOSE_DATE from '@salesforce/label/c.PSMS_Hygiene_Fix_PastCloseDate';
import FIX_MISSING_AMOUNT from '@salesforce/label/c.PSMS_Hygiene_Fix_MissingAmount';
import FIX_NO_NEXT_STEP from '@salesforce/label/c.PSMS_Hygiene_Fix_NoNextStep';
import FIX_STALE from '@salesforce/label/c.PSMS_Hygiene_Fix_Stale';
import FIX_PUSHED from '@salesforce/label/c.PSMS_Hygiene_Fix_Pushed';
import FIX_STUCK_IN_STAGE from '@salesforce/label/c.PSMS_Hygiene_Fix_StuckInStage';
import FIX_CATEGORY_MISMATCH from '@salesforce/label/c.PSMS_Hygiene_Fix_CategoryMismatch';
import FIX_CLOSE_DATE_FAR from '@salesforce/label/c.PSMS_Hygiene_Fix_CloseDateFar';
import FIX_NO_PRIMARY_PARTNER from '@salesforce/label/c.PSMS_Hygiene_Fix_NoPrimaryPartner';
import FIX_SOURCED_UNREGISTERED from '@salesforce/label/c.PSMS_Hygiene_Fix_SourcedUnregistered';
import FIX_REGISTRATION_EXPIRES_BEFORE_CLOSE from '@salesforce/label/c.PSMS_Hygiene_Fix_RegistrationExpiresBeforeClose';
import FIX_PLAN_OUTDATED from '@salesforce/label/c.PSMS_Hygiene_Fix_PlanOutdated';
import SEVERITY_HIGH from '@salesforce/label/c.PSMS_Hygiene_Severity_High';
import SEVERITY_MEDIUM from '@salesforce/label/c.PSMS_Hygiene_Severity_Medium';
import SEVERITY_LOW from '@salesforce/label/c.PSMS_Hygiene_Severity_Low';

export const RULE_LABELS: Readonly<Record<HygieneRuleId, string>> = {
  PAST_CLOSE_DATE: RULE_PAST_CLOSE_DATE,
  MISSING_AMOUNT: RULE_MISSING_AMOUNT,
  NO_NEXT_STEP: RULE_NO_NEXT_STEP,
  STALE: RULE_STALE,
  PUSHED: RULE_PUSHED,
  STUCK_IN_STAGE: RULE_STUCK_IN_STAGE,
  CATEGORY_MISMATCH: RULE_CATEGORY_MISMATCH,
  CLOSE_DATE_FAR: RULE_CLOSE_DATE_FAR,
  NO_PRIMARY_PARTNER: RULE_NO_PRIMARY_PARTNER,
  SOURCED_UNREGISTERED: RULE_SOURCED_UNREGISTERED,
  REGISTRATION_EXPIRES_BEFORE_CLOSE: RULE_REGISTRATION_EXPIRES_BEFORE_CLOSE,
  PLAN_OUTDATED: RULE_PLAN_OUTDATED
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  high: SEVERITY_HIGH,
  medium: SEVERITY_MEDIUM,
  low: SEVERITY_LOW
};

/** Highest first: the order findings are read in. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

/** Each reason's label: the engine's English template is its default text (a test holds them equal). */
export const REASON_LABELS: Readonly<Record<HygieneReasonKey, string>> = {
  PAST_CLOSE_DATE: REASON_PAST_CLOSE_DATE,
  MISSING_AMOUNT_BLANK: REASON_MISSING_AMOUNT_BLANK,
  MISSING_AMOUNT_NOT_POSITIVE: REASON_MISSING_AMOUNT_NOT_POSITIVE,
  NO_NEXT_STEP: REASON_NO_NEXT_STEP,
  STALE: REASON_STALE,
  STALE_NO_ACTIVITY: REASON_STALE_NO_ACTIVITY,
  PUSHED: REASON_PUSHED,
  STUCK_IN_STAGE: REASON_STUCK_IN_STAGE,
  CATEGORY_MISMATCH_COMMIT: REASON_CATEGORY_MISMATCH_COMMIT,
  CATEGORY_MISMATCH_PIPELINE: REASON_CATEGORY_MISMATCH_PIPELINE,
  CLOSE_DATE_FAR: REASON_CLOSE_DATE_FAR,
  NO_PRIMARY_PARTNER_NONE_PRIMARY: REASON_NO_PRIMARY_PARTNER_NONE_PRIMARY,
  NO_PRIMARY_PARTNER_NO_DEAL: REASON_NO_PRIMARY_PARTNER_NO_DEAL,
  SOURCED_UNREGISTERED: REASON_SOURCED_UNREGISTERED,
  REGISTRATION_EXPIRES_BEFORE_CLOSE: REASON_REGISTRATION_EXPIRES_BEFORE_CLOSE,
  PLAN_MISSING: REASON_PLAN_MISSING,
  PLAN_NEVER_REVIEWED: REASON_PLAN_NEVER_REVIEWED,
  PLAN_REVIEW_OVERDUE: REASON_PLAN_REVIEW_OVERDUE
};

/** What a rep should do about each rule. */
export const FIX_LABELS: Readonly<Record<HygieneRuleId, string>> = {
  PAST_CLOSE_DATE: FIX_PAST_CLOSE_DATE,
  MISSING_AMOUNT: FIX_MISSING_AMOUNT,
  NO_NEXT_STEP: FIX_NO_NEXT_STEP,
  STALE: FIX_STALE,
  PUSHED: FIX_PUSHED,
  STUCK_IN_STAGE: FIX_STUCK_IN_STAGE,
  CATEGORY_MISMATCH: FIX_CATEGORY_MISMATCH,
  CLOSE_DATE_FAR: FIX_CLOSE_DATE_FAR,
  NO_PRIMARY_PARTNER: FIX_NO_PRIMARY_PARTNER,
  SOURCED_UNREGISTERED: FIX_SOURCED_UNREGISTERED,
  REGISTRATION_EXPIRES_BEFORE_CLOSE: FIX_REGISTRATION_EXPIRES_BEFORE_CLOSE,
  PLAN_OUTDATED: FIX_PLAN_OUTDATED
};

/** A finding's reason in the user's language, with the values that triggered it. */
export function findingReason(
  finding: Pick<HygieneFinding, 'reasonKey' | 'reasonParams' | 'reason'>
): string {
  const label = REASON_LABELS[finding.reasonKey];
  return label === undefined ? finding.reason : formatLabel(label, ...finding.reasonParams);
}

/** The fix for a finding's rule, in the user's language. */
export function findingFix(finding: Pick<HygieneFinding, 'rule' | 'fix'>): string {
  return FIX_LABELS[finding.rule] ?? finding.fix;
}
