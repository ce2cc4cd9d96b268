// Presentation component: registrations with where each stands — status, protection, conflict, the latest dispute — and, where a dispute can be raised, a form to raise it; emits `raisedispute`, and its container closes the form with `closeForm()` once the dispute is kept.
import { LightningElement, api } from 'lwc';
import { canRaiseDispute, daysBetween } from 'c/psmsEngine';
import { conflictLink, formatLabel } from 'c/displayFormat';
import { pageOf } from 'c/paginator';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_RegistrationList_Caption';
import LABEL_RAISE from '@salesforce/label/c.PSMS_RegistrationList_Raise';
import LABEL_RAISE_FOR from '@salesforce/label/c.PSMS_RegistrationList_Raise_For';
import LABEL_REASON from '@salesforce/label/c.PSMS_RegistrationList_Reason';
import LABEL_SEND from '@salesforce/label/c.PSMS_RegistrationList_Send';
import LABEL_CANCEL from '@salesforce/label/c.PSMS_Label_Cancel';
import LABEL_DISPUTE_OPEN from '@salesforce/label/c.PSMS_RegistrationList_Dispute_Open';
import LABEL_DISPUTE_RESOLVED from '@salesforce/label/c.PSMS_RegistrationList_Dispute_Resolved';
import LABEL_CONFLICT from '@salesforce/label/c.PSMS_RegistrationList_Conflict';
import LABEL_REJECTED from '@salesforce/label/c.PSMS_RegistrationList_Rejected';
import LABEL_PROTECTED_UNTIL from '@salesforce/label/c.PSMS_RegistrationList_Protected_Until';
import LABEL_EXPIRED_ON from '@salesforce/label/c.PSMS_RegistrationList_Expired_On';
import LABEL_SUBMITTED_ON from '@salesforce/label/c.PSMS_RegistrationList_Submitted_On';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_Label_No_Records';

const PROTECTING = new Set(['Approved', 'Converted']);
const STATUS_CLASSES: Readonly<Record<string, string>> = {
  Approved: 'slds-badge slds-theme_success',
  Converted: 'slds-badge slds-theme_success',
  Rejected: 'slds-badge slds-theme_error',
  'Needs Review': 'slds-badge slds-theme_warning',
  Expired: 'slds-badge',
  Withdrawn: 'slds-badge'
};
const PER_PAGE = 10;

export default class RegistrationList extends LightningElement {
  @api registrations: Psms.Registration[] = [];
  /** Their disputes, any status. */
  @api disputes: Psms.Dispute[] = [];
  /** The server's today, for the days of protection left. */
  @api today = '';
  @api disabled = false;
  /** Show the registering partner (a list of one deal's registrations may leave it out). */
  @api showPartner = false;

  formFor: string | null = null;
  reason = '';
  currentPage = 0;

  readonly labels = {
    caption: LABEL_CAPTION,
    raise: LABEL_RAISE,
    reason: LABEL_REASON,
    send: LABEL_SEND,
    cancel: LABEL_CANCEL,
    empty: LABEL_EMPTY
  };

  /** Closes the dispute form: the container calls it once the dispute is kept. */
  @api
  closeForm(): void {
    this.formFor = null;
    this.reason = '';
  }

  get hasRegistrations(): boolean {
    return this.registrations.length > 0;
  }

  get count(): number {
    return this.registrations.length;
  }

  get perPage(): number {
    return PER_PAGE;
  }

  get shownPage(): number {
    return pageOf(this.registrations, this.currentPage, PER_PAGE).page;
  }

  get items() {
    return pageOf(this.registrations, this.currentPage, PER_PAGE).rows.map((registration) =>
      this.item(registration)
    );
  }

  private item(registration: Psms.Registration) {
    const id = registration.Id ?? '';
    const name = registration.Name ?? '';
    const own = this.disputes.filter((dispute) => dispute.Deal_Registration__c === id);
    // The latest dispute tells where the registration stands (newest first from the server).
    const latest = [...own].sort((a, b) => (b.CreatedDate ?? '').localeCompare(a.CreatedDate ?? ''))[0];
    const conflict = conflictLink(registration);
    return {
      id,
      name,
      partner: this.showPartner ? (registration.Partner_Account__r?.Name ?? '') : '',
      customer: registration.End_Customer_Account__r?.Name ?? registration.End_Customer_Name__c ?? '',
      status: registration.Status__c,
      statusClass: STATUS_CLASSES[registration.Status__c] ?? 'slds-badge slds-badge_lightest',
      standing: this.standing(registration),
      conflictText: conflict ? formatLabel(LABEL_CONFLICT, registration.Conflict_Type__c ?? '') : '',
      conflict,
      disputeText: latest ? this.disputeText(latest) : '',
      canDispute: canRaiseDispute(registration, own),
      raiseTitle: formatLabel(LABEL_RAISE_FOR, name),
      formOpen: this.formFor === id,
      sendDisabled: this.disabled || this.reason.trim() === ''
    };
  }

  /** Protection left, when it ended, why it was refused, or when it was submitted. */
  private standing(registration: Psms.Registration): string {
    const expires = registration.Expires_On__c;
    if (expires && PROTECTING.has(registration.Status__c)) {
      const left = this.today ? daysBetween(this.today, expires) : 0;
      return left >= 0
        ? formatLabel(LABEL_PROTECTED_UNTIL, expires, left)
        : formatLabel(LABEL_EXPIRED_ON, expires);
    }
    if (expires && registration.Status__c === 'Expired') {
      return formatLabel(LABEL_EXPIRED_ON, expires);
    }
    if (registration.Status__c === 'Rejected' && registration.Rejection_Reason__c) {
      return formatLabel(LABEL_REJECTED, registration.Rejection_Reason__c);
    }
    return registration.Submitted_On__c
      ? formatLabel(LABEL_SUBMITTED_ON, registration.Submitted_On__c.slice(0, 10))
      : '';
  }

  private disputeText(dispute: Psms.Dispute): string {
    const name = dispute.Name ?? '';
    if (dispute.Status__c === 'Resolved') {
      return formatLabel(
        LABEL_DISPUTE_RESOLVED,
        name,
        (dispute.Resolved_On__c ?? '').slice(0, 10),
        dispute.Resolution__c ?? ''
      );
    }
    return formatLabel(
      LABEL_DISPUTE_OPEN,
      name,
      (dispute.CreatedDate ?? '').slice(0, 10),
      dispute.Raised_By__r?.Name ?? ''
    );
  }

  handleOpen(event: Event): void {
    this.formFor = (event.currentTarget as HTMLElement).dataset.id ?? null;
    this.reason = '';
  }

  handleCancel(): void {
    this.closeForm();
  }

  handleReason(event: Event): void {
    this.reason = (event.target as HTMLTextAreaElement).value ?? '';
  }

  handleSend(): void {
    const reason = this.reason.trim();
    if (this.formFor === null || reason === '' || this.disabled) {
      return;
    }
    this.dispatchEvent(new CustomEvent('raisedispute', { detail: { registrationId: this.formFor, reason } }));
  }

  handlePage(event: CustomEvent<{ page: number }>): void {
    this.currentPage = event.detail.page;
  }
}
