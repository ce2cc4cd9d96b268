// Service module (no template): the names people read for hygiene rules and severities (the engine speaks in ids).
import type { HygieneRuleId, Severity } from 'c/psmsEngine';
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
