// Part of the partnerDealsPanel container: the sentence a rep reads for a registration verdict (the engine's preview or the server's).
import { formatLabel } from 'c/displayFormat';
import type { Deal_Registration__c, PsmsSettings } from 'c/psmsEngine';
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
}

export function outcomeOf(
  registration: Deal_Registration__c,
  settings: Pick<PsmsSettings, 'approvalSlaHours'>
): Outcome {
  if (registration.Conflict_Type__c === 'Duplicate') {
    return { message: LABEL_DUPLICATE, variant: 'error' };
  }
  if (registration.Conflict_Type__c === 'Already registered') {
    return { message: LABEL_ALREADY, variant: 'error' };
  }
  if (registration.Conflict_Type__c === 'Direct') {
    return { message: LABEL_DIRECT, variant: 'warning' };
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
