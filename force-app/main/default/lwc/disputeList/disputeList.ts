// Presentation component: open disputes, oldest first, each with who raised it and when, the registration and amount at stake and the reason; a resolver resolves one (Partner, Direct, Co-Sell) only with a note. Emits `resolve`.
import { LightningElement, api } from 'lwc';
import { DISPUTE_RESOLUTIONS } from 'c/psmsEngine';
import { formatLabel, formatMoney } from 'c/displayFormat';
import { pageOf } from 'c/paginator';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_DisputeList_Caption';
import LABEL_RESOLUTION from '@salesforce/label/c.PSMS_DisputeList_Resolution';
import LABEL_NOTE from '@salesforce/label/c.PSMS_DisputeList_Note';
import LABEL_REASON from '@salesforce/label/c.PSMS_DisputeList_Reason';
import LABEL_HEADING from '@salesforce/label/c.PSMS_DisputeList_Heading';
import LABEL_RAISED from '@salesforce/label/c.PSMS_DisputeList_Raised';
import LABEL_AMOUNT from '@salesforce/label/c.PSMS_DisputeList_Amount';
import LABEL_CUSTOMER from '@salesforce/label/c.PSMS_DisputeList_Customer';
import LABEL_RESOLVE_FOR from '@salesforce/label/c.PSMS_DisputeList_Resolve_For';
import LABEL_NOTE_REQUIRED from '@salesforce/label/c.PSMS_Error_Note_Required';
import LABEL_RESOLVE from '@salesforce/label/c.PSMS_Label_Resolve';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_Label_No_Records';

const PER_PAGE = 10;

export default class DisputeList extends LightningElement {
  /** Open disputes. */
  @api disputes: Psms.Dispute[] = [];
  @api disabled = false;
  /** Whether the user may resolve disputes (PSMS_Resolve_Disputes): otherwise the list only informs. */
  @api canResolve = false;

  drafts: Record<string, { resolution: string; note: string }> = {};
  currentPage = 0;

  readonly labels = {
    caption: LABEL_CAPTION,
    resolution: LABEL_RESOLUTION,
    note: LABEL_NOTE,
    reason: LABEL_REASON,
    amount: LABEL_AMOUNT,
    customer: LABEL_CUSTOMER,
    noteRequired: LABEL_NOTE_REQUIRED,
    resolve: LABEL_RESOLVE,
    empty: LABEL_EMPTY
  };
  readonly resolutionOptions = DISPUTE_RESOLUTIONS.map((value) => ({ label: value, value }));

  /** Forgets a resolved dispute's draft: the container calls it once the resolution is kept. */
  @api
  clearDraft(disputeId: string): void {
    const rest = { ...this.drafts };
    delete rest[disputeId];
    this.drafts = rest;
  }

  get hasDisputes(): boolean {
    return this.disputes.length > 0;
  }

  get count(): number {
    return this.disputes.length;
  }

  get perPage(): number {
    return PER_PAGE;
  }

  get shownPage(): number {
    return pageOf(this.disputes, this.currentPage, PER_PAGE).page;
  }

  get items() {
    return pageOf(this.disputes, this.currentPage, PER_PAGE).rows.map((dispute) => {
      const id = dispute.Id ?? '';
      const draft = this.drafts[id] ?? { resolution: 'Partner', note: '' };
      const registration = dispute.Deal_Registration__r;
      const registrationName = registration?.Name ?? '';
      return {
        id,
        name: dispute.Name ?? '',
        heading: formatLabel(LABEL_HEADING, registrationName, registration?.Partner_Account__r?.Name ?? ''),
        registrationId: dispute.Deal_Registration__c,
        registrationName,
        raised: formatLabel(
          LABEL_RAISED,
          dispute.Raised_By__r?.Name ?? '',
          (dispute.CreatedDate ?? '').slice(0, 10)
        ),
        amount: formatMoney(registration?.Estimated_Amount__c ?? null),
        customer: registration?.End_Customer_Account__r?.Name ?? registration?.End_Customer_Name__c ?? '',
        reason: dispute.Reason__c ?? '',
        resolution: draft.resolution,
        note: draft.note,
        resolveLabel: formatLabel(LABEL_RESOLVE_FOR, dispute.Name ?? registrationName),
        resolveDisabled: this.disabled || draft.note.trim() === ''
      };
    });
  }

  private update(event: Event, change: Partial<{ resolution: string; note: string }>): void {
    const id = (event.target as HTMLElement).dataset.dispute ?? '';
    const current = this.drafts[id] ?? { resolution: 'Partner', note: '' };
    this.drafts = { ...this.drafts, [id]: { ...current, ...change } };
  }

  handleResolution(event: CustomEvent<{ value: string }>): void {
    this.update(event, { resolution: event.detail.value });
  }

  handleNote(event: Event): void {
    this.update(event, { note: (event.target as HTMLTextAreaElement).value ?? '' });
  }

  handlePage(event: CustomEvent<{ page: number }>): void {
    this.currentPage = event.detail.page;
  }

  handleResolve(event: Event): void {
    const disputeId = (event.currentTarget as HTMLElement).dataset.dispute ?? '';
    const draft = this.drafts[disputeId];
    if (!draft || draft.note.trim() === '' || this.disabled) {
      return;
    }
    this.dispatchEvent(
      new CustomEvent('resolve', {
        detail: { disputeId, resolution: draft.resolution, note: draft.note.trim() }
      })
    );
  }
}
