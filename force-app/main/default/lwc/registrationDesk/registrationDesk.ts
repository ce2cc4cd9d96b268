// Container component: the registration desk — submissions by SLA status (overdue first), conflicts, decisions, extensions and disputes.
import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getDeskQueue from '@salesforce/apex/RegistrationDeskController.getDeskQueue';
import decideRegistration from '@salesforce/apex/RegistrationDeskController.decideRegistration';
import extendRegistration from '@salesforce/apex/RegistrationDeskController.extendRegistration';
import resolveDispute from '@salesforce/apex/RegistrationDeskController.resolveDispute';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS, isExpiringSoon, isOverdue, type PsmsSettings } from 'c/psmsEngine';
import { conflictLink } from 'c/displayFormat';
import LABEL_TITLE from '@salesforce/label/c.PSMS_RegistrationDesk_Title';
import LABEL_QUEUE from '@salesforce/label/c.PSMS_RegistrationDesk_Queue';
import LABEL_DISPUTES from '@salesforce/label/c.PSMS_RegistrationDesk_Disputes';
import LABEL_SAVED from '@salesforce/label/c.PSMS_RegistrationDesk_Saved';
import LABEL_OVERDUE from '@salesforce/label/c.PSMS_Label_Overdue';
import LABEL_EXPIRING from '@salesforce/label/c.PSMS_Label_Expiring_Soon';
import LABEL_ON_TIME from '@salesforce/label/c.PSMS_RegistrationDesk_Within_Sla';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';

export interface QueueRow {
  id: string;
  name: string;
  partner: string;
  customer: string;
  status: string;
  submittedOn: string;
  expiresOn: string;
  sla: string;
  slaIcon: string;
  overdue: boolean;
  conflictType: string;
  conflictId: string | null;
  conflictObject: string;
  conflictName: string;
  canDecide: boolean;
  canExtend: boolean;
}

export default class RegistrationDesk extends LightningElement {
  desk: Psms.DeskResponse | undefined;
  error: unknown;
  actionError: unknown;
  settings: PsmsSettings = DEFAULT_SETTINGS;
  busy = false;
  private deskResult: Psms.Wired<Psms.DeskResponse> | undefined;

  readonly labels = {
    title: LABEL_TITLE,
    queue: LABEL_QUEUE,
    disputes: LABEL_DISPUTES,
    loading: LABEL_LOADING
  };

  @wire(getDeskQueue)
  wiredDesk(result: Psms.Wired<Psms.DeskResponse>): void {
    this.deskResult = result;
    this.desk = result.data;
    this.error = result.error;
  }

  @wire(getSettings)
  wiredSettings({ data }: Psms.Wired<Psms.SettingsResponse>): void {
    if (data) {
      this.settings = data;
    }
  }

  get isLoading(): boolean {
    return this.desk === undefined && this.error === undefined;
  }

  get rows(): QueueRow[] {
    const desk = this.desk;
    if (!desk) {
      return [];
    }
    const rows = desk.registrations.map((registration): QueueRow => {
      const overdue = isOverdue(registration, desk.today, this.settings);
      const expiring = isExpiringSoon(registration, desk.today, this.settings);
      const undecided = registration.Status__c === 'Submitted' || registration.Status__c === 'Needs Review';
      const conflict = conflictLink(registration);
      return {
        id: registration.Id ?? '',
        name: registration.Name ?? registration.Id ?? '',
        partner: registration.Partner_Account__r?.Name ?? registration.Partner_Account__c,
        customer:
          registration.End_Customer_Account__r?.Name ??
          registration.End_Customer_Name__c ??
          registration.End_Customer_Domain__c ??
          '',
        status: registration.Status__c,
        submittedOn: (registration.Submitted_On__c ?? '').slice(0, 10),
        expiresOn: registration.Expires_On__c ?? '',
        sla: overdue ? LABEL_OVERDUE : expiring ? LABEL_EXPIRING : LABEL_ON_TIME,
        slaIcon: overdue ? 'utility:warning' : expiring ? 'utility:clock' : 'utility:success',
        overdue,
        conflictType: registration.Conflict_Type__c ?? '',
        conflictId: conflict?.recordId ?? null,
        conflictObject: conflict?.objectApiName ?? '',
        conflictName: conflict?.label ?? '',
        canDecide: undecided,
        canExtend:
          registration.Status__c === 'Approved' &&
          (registration.Extension_Count__c ?? 0) < this.settings.maxExtensions
      };
    });
    // Overdue first, then oldest submission first: the order a manager should work the queue in.
    return rows.sort(
      (a, b) => Number(b.overdue) - Number(a.overdue) || a.submittedOn.localeCompare(b.submittedOn)
    );
  }

  get disputes(): Psms.Dispute[] {
    return this.desk?.disputes ?? [];
  }

  async handleDecide(event: CustomEvent<Psms.DecisionRequest>): Promise<void> {
    await this.run(() => decideRegistration(event.detail));
  }

  async handleExtend(event: CustomEvent<Psms.ExtensionRequest>): Promise<void> {
    await this.run(() => extendRegistration(event.detail));
  }

  async handleResolve(event: CustomEvent<Psms.ResolutionRequest>): Promise<void> {
    await this.run(() => resolveDispute(event.detail));
  }

  private async run(write: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.actionError = undefined;
    try {
      await write();
      this.dispatchEvent(new ShowToastEvent({ title: LABEL_SAVED, variant: 'success' }));
      await refreshApex(this.deskResult);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}
