// Part of the partnerDealsPanel container: the sentence a rep reads for a registration verdict (the engine's preview or the server's).
import { conflictLink, formatLabel, type RecordLink } from 'c/displayFormat';
import type { PsmsSettings } from 'c/psmsEngine';
import LABEL_DUPLICATE from '@salesforce/label/c.PSMS_Outcome_Duplicate';
import LABEL_ALREADY from '@salesforce/label/c.PSMS_Outcome_Already_Registered';
import LABEL_DIRECT from '@salesforce/label/c.PSMS_Outcome_Direct_Conflict';
import LABEL_SUBMITTED from '@salesforce/label/c.PSMS_Outcome_Submitted';
import LABEL_APPROVED from '@salesforce/label/c.PSMS_Outcome_Approved';
import LABEL_REJECTED from '@salesforce/label/c.PSMS_Outcome_Rejected';

export interface Outcome {
  message: string;
  /** An SLDS alert theme, paired with the message text so colour is never the only signal. */
  variant: 'success' | 'warning' | 'error' | 'info';
  /** The record the conflict points at, so the rep can open what holds the deal. */
  link?: RecordLink;
}

export function outcomeOf(
  registration: Psms.Registration,
  settings: Pick<PsmsSettings, 'approvalSlaHours'>
): Outcome {
  const link = conflictLink(registration);
  if (registration.Conflict_Type__c === 'Duplicate') {
    return { message: LABEL_DUPLICATE, variant: 'error', link };
  }
  if (registration.Conflict_Type__c === 'Already registered') {
    return { message: LABEL_ALREADY, variant: 'error', link };
  }
  if (registration.Conflict_Type__c === 'Direct') {
    return { message: LABEL_DIRECT, variant: 'warning', link };
  }
  switch (registration.Status__c) {
    case 'Approved':
      return { message: formatLabel(LABEL_APPROVED, registration.Expires_On__c ?? ''), variant: 'success' };
    case 'Rejected':
      return {
        message: formatLabel(LABEL_REJECTED, registration.Rejection_Reason__c ?? ''),
        variant: 'error'
      };
    default:
      return { message: formatLabel(LABEL_SUBMITTED, settings.approvalSlaHours), variant: 'info' };
  }
}
