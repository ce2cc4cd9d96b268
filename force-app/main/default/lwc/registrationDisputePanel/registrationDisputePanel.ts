// Container component: a deal registration's own record page — where it stands (status, protection, conflict, latest dispute), its resolved disputes, and raising a dispute on it when one can be raised.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getRecord, notifyRecordUpdateAvailable, type RecordRepresentation } from 'lightning/uiRecordApi';
import getRegistrationDisputes from '@salesforce/apex/PartnerDealsController.getRegistrationDisputes';
import raiseDispute from '@salesforce/apex/RegistrationDeskController.raiseDispute';
import { formatLabel, todayIso } from 'c/displayFormat';
import LABEL_TITLE from '@salesforce/label/c.PSMS_RegistrationDisputePanel_Title';
import LABEL_HISTORY from '@salesforce/label/c.PSMS_RegistrationDisputePanel_History';
import LABEL_DISPUTE_RAISED from '@salesforce/label/c.PSMS_RegistrationList_Dispute_Raised';
import LABEL_DISPUTE_RAISED_TITLE from '@salesforce/label/c.PSMS_RegistrationList_Dispute_Raised_Title';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';

/** What the panel reads of the registration, through Lightning Data Service. */
const FIELDS = [
  'Deal_Registration__c.Name',
  'Deal_Registration__c.Status__c',
  'Deal_Registration__c.Partner_Account__c',
  'Deal_Registration__c.Partner_Account__r.Name',
  'Deal_Registration__c.End_Customer_Name__c',
  'Deal_Registration__c.Submitted_On__c',
  'Deal_Registration__c.Expires_On__c',
  'Deal_Registration__c.Rejection_Reason__c',
  'Deal_Registration__c.Conflict_Type__c',
  'Deal_Registration__c.Conflicting_Registration__c',
  'Deal_Registration__c.Conflicting_Registration__r.Name',
  'Deal_Registration__c.Conflicting_Opportunity__c',
  'Deal_Registration__c.Conflicting_Opportunity__r.Name'
];

function value(record: RecordRepresentation, field: string): string | null {
  const found = record.fields[field]?.value;
  return typeof found === 'string' ? found : null;
}

/** A parent's Name from a spanning field (`Partner_Account__r.Name`), as LDS nests it. */
function parentName(record: RecordRepresentation, relationship: string): { Name: string | null } | null {
  const parent = record.fields[relationship]?.value as RecordRepresentation | null | undefined;
  return parent ? { Name: value(parent, 'Name') } : null;
}

export default class RegistrationDisputePanel extends LightningElement {
  @api recordId: string | undefined;

  record: RecordRepresentation | undefined;
  disputes: Psms.Dispute[] = [];
  error: unknown;
  actionError: unknown;
  busy = false;
  readonly today = todayIso();
  private disputesResult: Psms.Wired<Psms.Dispute[]> | undefined;

  readonly labels = { title: LABEL_TITLE, history: LABEL_HISTORY, loading: LABEL_LOADING };

  @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
  wiredRecord({ data, error }: { data?: RecordRepresentation; error?: unknown }): void {
    this.record = data;
    this.error = error;
  }

  @wire(getRegistrationDisputes, { registrationId: '$recordId' })
  wiredDisputes(result: Psms.Wired<Psms.Dispute[]>): void {
    this.disputesResult = result;
    this.disputes = result.data ?? [];
    this.error = result.error ?? this.error;
  }

  get isLoading(): boolean {
    return this.record === undefined && this.error === undefined;
  }

  /** The registration as the engine and the list read it. */
  get registration(): Psms.Registration | null {
    const record = this.record;
    if (!record) {
      return null;
    }
    return {
      Id: record.id,
      Name: value(record, 'Name'),
      Status__c: value(record, 'Status__c') ?? '',
      Partner_Account__c: value(record, 'Partner_Account__c') ?? '',
      Partner_Account__r: parentName(record, 'Partner_Account__r'),
      End_Customer_Name__c: value(record, 'End_Customer_Name__c'),
      Submitted_On__c: value(record, 'Submitted_On__c'),
      Expires_On__c: value(record, 'Expires_On__c'),
      Rejection_Reason__c: value(record, 'Rejection_Reason__c'),
      Conflict_Type__c: value(record, 'Conflict_Type__c'),
      Conflicting_Registration__c: value(record, 'Conflicting_Registration__c'),
      Conflicting_Registration__r: parentName(record, 'Conflicting_Registration__r'),
      Conflicting_Opportunity__c: value(record, 'Conflicting_Opportunity__c'),
      Conflicting_Opportunity__r: parentName(record, 'Conflicting_Opportunity__r')
    };
  }

  get registrations(): Psms.Registration[] {
    const registration = this.registration;
    return registration ? [registration] : [];
  }

  get resolvedDisputes(): Psms.Dispute[] {
    return this.disputes.filter((dispute) => dispute.Status__c === 'Resolved');
  }

  get hasHistory(): boolean {
    return this.resolvedDisputes.length > 0;
  }

  async handleRaiseDispute(event: CustomEvent<Psms.DisputeRequest>): Promise<void> {
    this.busy = true;
    this.actionError = undefined;
    try {
      const dispute = await raiseDispute(event.detail);
      (
        this.template?.querySelector('c-registration-list') as { closeForm?: () => void } | null
      )?.closeForm?.();
      this.dispatchEvent(
        new ShowToastEvent({
          title: LABEL_DISPUTE_RAISED_TITLE,
          message: formatLabel(LABEL_DISPUTE_RAISED, this.registration?.Name ?? '', dispute.Name ?? ''),
          variant: 'success'
        })
      );
      // The dispute holds the registration in Needs Review: read both again.
      await Promise.all([
        refreshApex(this.disputesResult),
        notifyRecordUpdateAvailable([{ recordId: event.detail.registrationId }])
      ]);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}
