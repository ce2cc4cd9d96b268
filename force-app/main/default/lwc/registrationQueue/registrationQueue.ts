// Presentation component: the registration queue with SLA status and conflicts; emits `decide` (approve, or reject with a reason) and `extend`.
import { LightningElement, api } from 'lwc';
import { REJECTION_REASONS } from 'c/psmsEngine';
import { formatLabel } from 'c/displayFormat';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_RegistrationQueue_Caption';
import LABEL_REGISTRATION from '@salesforce/label/c.PSMS_RegistrationQueue_Registration';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_RegistrationQueue_Partner';
import LABEL_CUSTOMER from '@salesforce/label/c.PSMS_RegistrationQueue_Customer';
import LABEL_STATUS from '@salesforce/label/c.PSMS_RegistrationQueue_Status';
import LABEL_SUBMITTED from '@salesforce/label/c.PSMS_RegistrationQueue_Submitted';
import LABEL_SLA from '@salesforce/label/c.PSMS_RegistrationQueue_Sla';
import LABEL_CONFLICT from '@salesforce/label/c.PSMS_RegistrationQueue_Conflict';
import LABEL_ACTIONS from '@salesforce/label/c.PSMS_RegistrationQueue_Actions';
import LABEL_REASON_FOR from '@salesforce/label/c.PSMS_RegistrationQueue_Reason_For';
import LABEL_APPROVE from '@salesforce/label/c.PSMS_Label_Approve';
import LABEL_REJECT from '@salesforce/label/c.PSMS_Label_Reject';
import LABEL_EXTEND from '@salesforce/label/c.PSMS_Label_Extend';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_Label_No_Records';

interface Row {
  id: string;
  name: string;
  conflictId: string | null;
  canDecide: boolean;
  canExtend: boolean;
  [field: string]: unknown;
}

export default class RegistrationQueue extends LightningElement {
  @api rows: Row[] = [];
  @api disabled = false;

  /** The rejection reason chosen per registration: rejecting needs one. */
  reasons: Record<string, string> = {};

  readonly labels = {
    caption: LABEL_CAPTION,
    registration: LABEL_REGISTRATION,
    partner: LABEL_PARTNER,
    customer: LABEL_CUSTOMER,
    status: LABEL_STATUS,
    submitted: LABEL_SUBMITTED,
    sla: LABEL_SLA,
    conflict: LABEL_CONFLICT,
    actions: LABEL_ACTIONS,
    approve: LABEL_APPROVE,
    reject: LABEL_REJECT,
    extend: LABEL_EXTEND,
    empty: LABEL_EMPTY
  };
  readonly reasonOptions = REJECTION_REASONS.map((reason) => ({ label: reason, value: reason }));

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get viewRows() {
    return this.rows.map((row) => ({
      ...row,
      hasConflict: row.conflictId !== null,
      reasonLabel: formatLabel(LABEL_REASON_FOR, row.name),
      reason: this.reasons[row.id] ?? '',
      rejectDisabled: this.disabled || !this.reasons[row.id]
    }));
  }

  handleReason(event: CustomEvent<{ value: string }>): void {
    const id = (event.target as HTMLElement).dataset.id ?? '';
    this.reasons = { ...this.reasons, [id]: event.detail.value };
  }

  handleApprove(event: Event): void {
    this.decide(event, 'Approve');
  }

  handleReject(event: Event): void {
    this.decide(event, 'Reject');
  }

  handleExtend(event: Event): void {
    const registrationId = (event.target as HTMLElement).dataset.id ?? '';
    this.dispatchEvent(new CustomEvent('extend', { detail: { registrationId } }));
  }

  private decide(event: Event, decision: 'Approve' | 'Reject'): void {
    const registrationId = (event.target as HTMLElement).dataset.id ?? '';
    const rejectionReason = decision === 'Reject' ? this.reasons[registrationId] : null;
    this.dispatchEvent(new CustomEvent('decide', { detail: { registrationId, decision, rejectionReason } }));
  }
}
