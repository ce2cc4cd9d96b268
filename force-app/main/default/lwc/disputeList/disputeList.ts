// Presentation component: disputes and their resolution; an open one is resolved (Partner, Direct, Co-Sell) only with a note. Emits `resolve`.
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/displayFormat';
import LABEL_RESOLUTION from '@salesforce/label/c.PSMS_DisputeList_Resolution';
import LABEL_NOTE from '@salesforce/label/c.PSMS_DisputeList_Note';
import LABEL_REASON from '@salesforce/label/c.PSMS_DisputeList_Reason';
import LABEL_HEADING from '@salesforce/label/c.PSMS_DisputeList_Heading';
import LABEL_RESOLVED from '@salesforce/label/c.PSMS_DisputeList_Resolved';
import LABEL_NOTE_REQUIRED from '@salesforce/label/c.PSMS_Error_Note_Required';
import LABEL_RESOLVE from '@salesforce/label/c.PSMS_Label_Resolve';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_Label_No_Records';

const RESOLUTIONS = ['Partner', 'Direct', 'Co-Sell'];

export default class DisputeList extends LightningElement {
  @api disputes: Psms.Dispute[] = [];
  @api disabled = false;

  drafts: Record<string, { resolution: string; note: string }> = {};

  readonly labels = {
    resolution: LABEL_RESOLUTION,
    note: LABEL_NOTE,
    reason: LABEL_REASON,
    noteRequired: LABEL_NOTE_REQUIRED,
    resolve: LABEL_RESOLVE,
    empty: LABEL_EMPTY
  };
  readonly resolutionOptions = RESOLUTIONS.map((value) => ({ label: value, value }));

  get hasDisputes(): boolean {
    return this.disputes.length > 0;
  }

  get items() {
    return this.disputes.map((dispute) => {
      const id = dispute.Id ?? '';
      const draft = this.drafts[id] ?? { resolution: 'Partner', note: '' };
      const registration = dispute.Deal_Registration__r;
      return {
        id,
        heading: formatLabel(
          LABEL_HEADING,
          registration?.Name ?? dispute.Deal_Registration__c,
          registration?.Partner_Account__r?.Name ?? ''
        ),
        registrationId: dispute.Deal_Registration__c,
        registrationName: registration?.Name ?? dispute.Deal_Registration__c,
        reason: dispute.Reason__c ?? '',
        open: dispute.Status__c !== 'Resolved',
        resolvedText: formatLabel(
          LABEL_RESOLVED,
          dispute.Resolution__c ?? '',
          dispute.Resolution_Note__c ?? ''
        ),
        resolution: draft.resolution,
        note: draft.note,
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
    this.update(event, { note: (event.target as HTMLTextAreaElement).value });
  }

  handleResolve(event: Event): void {
    const disputeId = (event.target as HTMLElement).dataset.dispute ?? '';
    const draft = this.drafts[disputeId];
    if (!draft || draft.note.trim() === '') {
      return;
    }
    this.dispatchEvent(
      new CustomEvent('resolve', {
        detail: { disputeId, resolution: draft.resolution, note: draft.note.trim() }
      })
    );
  }
}
