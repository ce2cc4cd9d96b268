// Presentation component: the registration queue with SLA status, expiry and conflicts, offering only the actions each row's state allows; emits `decide` (approve, or reject with a reason) and `extend`.
import { LightningElement, api } from 'lwc';
import { REJECTION_REASONS } from 'c/psmsEngine';
import { formatLabel } from 'c/displayFormat';
import { pageOf } from 'c/paginator';
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
import LABEL_REJECT_CONFIRM from '@salesforce/label/c.PSMS_RegistrationQueue_Reject_Confirm';
import LABEL_APPROVE_TITLE from '@salesforce/label/c.PSMS_RegistrationQueue_Approve_Title';
import LABEL_REJECT_TITLE from '@salesforce/label/c.PSMS_RegistrationQueue_Reject_Title';
import LABEL_EXTEND_TITLE from '@salesforce/label/c.PSMS_RegistrationQueue_Extend_Title';
import LABEL_DISPUTED from '@salesforce/label/c.PSMS_RegistrationQueue_Disputed';
import LABEL_APPROVE from '@salesforce/label/c.PSMS_Label_Approve';
import LABEL_REJECT from '@salesforce/label/c.PSMS_Label_Reject';
import LABEL_EXTEND from '@salesforce/label/c.PSMS_Label_Extend';
import LABEL_CANCEL from '@salesforce/label/c.PSMS_Label_Cancel';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_Label_No_Records';

/** One registration as the desk shows it: what the container decided its state allows. */
export interface QueueRow {
  id: string;
  name: string;
  partner: string;
  customer: string;
  status: string;
  submittedOn: string;
  /** Overdue, expiring soon (with its date) or within the SLA. */
  sla: string;
  slaIcon: string;
  overdue: boolean;
  conflictType: string;
  conflictId: string | null;
  conflictObject: string;
  conflictName: string;
  /** An open dispute holds it: the dispute, not the queue, decides it. */
  disputed: boolean;
  canDecide: boolean;
  canExtend: boolean;
}

const PER_PAGE = 15;

export default class RegistrationQueue extends LightningElement {
  @api rows: QueueRow[] = [];
  @api disabled = false;

  /** The row whose rejection reason is being chosen, and the reason. */
  rejecting: string | null = null;
  reason = '';
  currentPage = 0;

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
    cancel: LABEL_CANCEL,
    disputed: LABEL_DISPUTED,
    empty: LABEL_EMPTY
  };
  readonly reasonOptions = REJECTION_REASONS.map((reason) => ({ label: reason, value: reason }));

  /** Closes the rejection row: the container calls it once the decision is kept. */
  @api
  closeReject(): void {
    this.rejecting = null;
    this.reason = '';
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get count(): number {
    return this.rows.length;
  }

  get perPage(): number {
    return PER_PAGE;
  }

  get shownPage(): number {
    return pageOf(this.rows, this.currentPage, PER_PAGE).page;
  }

  get viewRows() {
    return pageOf(this.rows, this.currentPage, PER_PAGE).rows.map((row) => ({
      ...row,
      hasConflict: row.conflictId !== null,
      hasActions: row.canDecide || row.canExtend,
      approveTitle: formatLabel(LABEL_APPROVE_TITLE, row.name),
      rejectTitle: formatLabel(LABEL_REJECT_TITLE, row.name),
      extendTitle: formatLabel(LABEL_EXTEND_TITLE, row.name),
      rejecting: this.rejecting === row.id,
      rejectRowKey: `${row.id}-reject`,
      reasonLabel: formatLabel(LABEL_REASON_FOR, row.name),
      confirmLabel: formatLabel(LABEL_REJECT_CONFIRM, row.name),
      confirmDisabled: this.disabled || this.reason === ''
    }));
  }

  handlePage(event: CustomEvent<{ page: number }>): void {
    this.currentPage = event.detail.page;
  }

  handleApprove(event: Event): void {
    this.decide(this.idOf(event), 'Approve', null);
  }

  handleStartReject(event: Event): void {
    this.rejecting = this.idOf(event);
    this.reason = '';
  }

  handleReason(event: CustomEvent<{ value: string }>): void {
    this.reason = event.detail.value;
  }

  handleConfirmReject(): void {
    if (this.rejecting !== null && this.reason !== '') {
      this.decide(this.rejecting, 'Reject', this.reason);
    }
  }

  handleCancel(): void {
    this.closeReject();
  }

  handleExtend(event: Event): void {
    this.dispatchEvent(new CustomEvent('extend', { detail: { registrationId: this.idOf(event) } }));
  }

  private idOf(event: Event): string {
    return (event.currentTarget as HTMLElement).dataset.id ?? '';
  }

  private decide(
    registrationId: string,
    decision: 'Approve' | 'Reject',
    rejectionReason: string | null
  ): void {
    this.dispatchEvent(new CustomEvent('decide', { detail: { registrationId, decision, rejectionReason } }));
  }
}
