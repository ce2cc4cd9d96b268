// Presentation component: resolved disputes, most recently resolved first — how each ended, with the note, who resolved it and when — paged.
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/displayFormat';
import { pageOf } from 'c/paginator';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_DisputeHistory_Caption';
import LABEL_DISPUTE from '@salesforce/label/c.PSMS_DisputeHistory_Dispute';
import LABEL_REGISTRATION from '@salesforce/label/c.PSMS_DisputeHistory_Registration';
import LABEL_RESOLUTION from '@salesforce/label/c.PSMS_DisputeHistory_Resolution';
import LABEL_NOTE from '@salesforce/label/c.PSMS_DisputeHistory_Note';
import LABEL_RESOLVED_BY from '@salesforce/label/c.PSMS_DisputeHistory_Resolved_By';
import LABEL_RESOLVED_ON from '@salesforce/label/c.PSMS_DisputeHistory_Resolved_On';
import LABEL_RAISED_COLUMN from '@salesforce/label/c.PSMS_DisputeHistory_Raised';
import LABEL_RAISED from '@salesforce/label/c.PSMS_DisputeList_Raised';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_Label_No_Records';

const PER_PAGE = 10;

export default class DisputeHistory extends LightningElement {
  /** Resolved disputes, most recently resolved first. */
  @api disputes: Psms.Dispute[] = [];

  currentPage = 0;

  readonly labels = {
    caption: LABEL_CAPTION,
    dispute: LABEL_DISPUTE,
    registration: LABEL_REGISTRATION,
    resolution: LABEL_RESOLUTION,
    note: LABEL_NOTE,
    resolvedBy: LABEL_RESOLVED_BY,
    resolvedOn: LABEL_RESOLVED_ON,
    raised: LABEL_RAISED_COLUMN,
    empty: LABEL_EMPTY
  };

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

  get rows() {
    return pageOf(this.disputes, this.currentPage, PER_PAGE).rows.map((dispute) => ({
      id: dispute.Id ?? '',
      name: dispute.Name ?? '',
      registrationId: dispute.Deal_Registration__c,
      registrationName: dispute.Deal_Registration__r?.Name ?? '',
      partner: dispute.Deal_Registration__r?.Partner_Account__r?.Name ?? '',
      raised: formatLabel(
        LABEL_RAISED,
        dispute.Raised_By__r?.Name ?? '',
        (dispute.CreatedDate ?? '').slice(0, 10)
      ),
      resolution: dispute.Resolution__c ?? '',
      note: dispute.Resolution_Note__c ?? '',
      resolvedBy: dispute.Resolved_By__r?.Name ?? '',
      resolvedOn: (dispute.Resolved_On__c ?? '').slice(0, 10)
    }));
  }

  handlePage(event: CustomEvent<{ page: number }>): void {
    this.currentPage = event.detail.page;
  }
}
