// Container component: the registration desk — submissions by SLA status (overdue first) with only the actions each state allows, open disputes with their details, the resolved-disputes history, and the user's own registrations and disputes.
import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getDeskQueue from '@salesforce/apex/RegistrationDeskController.getDeskQueue';
import decideRegistration from '@salesforce/apex/RegistrationDeskController.decideRegistration';
import extendRegistration from '@salesforce/apex/RegistrationDeskController.extendRegistration';
import resolveDispute from '@salesforce/apex/RegistrationDeskController.resolveDispute';
import raiseDispute from '@salesforce/apex/RegistrationDeskController.raiseDispute';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import canDecideRegistrations from '@salesforce/customPermission/PSMS_Decide_Registrations';
import canResolveDisputes from '@salesforce/customPermission/PSMS_Resolve_Disputes';
import { DEFAULT_SETTINGS, isExpiringSoon, isOverdue, type PsmsSettings } from 'c/psmsEngine';
import { conflictLink, formatLabel } from 'c/displayFormat';
import type { QueueRow } from 'c/registrationQueue';
import LABEL_TITLE from '@salesforce/label/c.PSMS_RegistrationDesk_Title';
import LABEL_QUEUE from '@salesforce/label/c.PSMS_RegistrationDesk_Queue';
import LABEL_OPEN_DISPUTES from '@salesforce/label/c.PSMS_RegistrationDesk_Open_Disputes';
import LABEL_HISTORY from '@salesforce/label/c.PSMS_RegistrationDesk_History';
import LABEL_MINE from '@salesforce/label/c.PSMS_RegistrationDesk_Mine';
import LABEL_DECIDED_TITLE from '@salesforce/label/c.PSMS_RegistrationDesk_Decided_Title';
import LABEL_APPROVED from '@salesforce/label/c.PSMS_RegistrationDesk_Approved';
import LABEL_REJECTED from '@salesforce/label/c.PSMS_RegistrationDesk_Rejected';
import LABEL_EXTENDED from '@salesforce/label/c.PSMS_RegistrationDesk_Extended';
import LABEL_RESOLVED from '@salesforce/label/c.PSMS_RegistrationDesk_Resolved';
import LABEL_DISPUTE_RAISED from '@salesforce/label/c.PSMS_RegistrationList_Dispute_Raised';
import LABEL_DISPUTE_RAISED_TITLE from '@salesforce/label/c.PSMS_RegistrationList_Dispute_Raised_Title';
import LABEL_OVERDUE from '@salesforce/label/c.PSMS_Label_Overdue';
import LABEL_EXPIRES_ON from '@salesforce/label/c.PSMS_RegistrationQueue_Expires_On';
import LABEL_ON_TIME from '@salesforce/label/c.PSMS_RegistrationDesk_Within_Sla';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';

const UNDECIDED = new Set(['Submitted', 'Needs Review']);

export default class RegistrationDesk extends LightningElement {
  desk: Psms.DeskResponse | undefined;
  error: unknown;
  actionError: unknown;
  settings: PsmsSettings = DEFAULT_SETTINGS;
  busy = false;
  private deskResult: Psms.Wired<Psms.DeskResponse> | undefined;

  readonly canDecide = canDecideRegistrations;
  readonly canResolve = canResolveDisputes;
  readonly labels = {
    title: LABEL_TITLE,
    queue: LABEL_QUEUE,
    disputes: LABEL_OPEN_DISPUTES,
    history: LABEL_HISTORY,
    mine: LABEL_MINE,
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

  /** Registrations an open dispute holds: the dispute decides them, not the queue. */
  private get disputed(): Set<string> {
    return new Set((this.desk?.disputes ?? []).map((dispute) => dispute.Deal_Registration__c));
  }

  get rows(): QueueRow[] {
    const desk = this.desk;
    if (!desk) {
      return [];
    }
    const disputed = this.disputed;
    const rows = desk.registrations.map((registration): QueueRow => {
      const id = registration.Id ?? '';
      const overdue = isOverdue(registration, desk.today, this.settings);
      const expiring = isExpiringSoon(registration, desk.today, this.settings);
      const held = disputed.has(id);
      const conflict = conflictLink(registration);
      return {
        id,
        name: registration.Name ?? '',
        partner: registration.Partner_Account__r?.Name ?? '',
        customer:
          registration.End_Customer_Account__r?.Name ??
          registration.End_Customer_Name__c ??
          registration.End_Customer_Domain__c ??
          '',
        status: registration.Status__c,
        submittedOn: (registration.Submitted_On__c ?? '').slice(0, 10),
        sla: overdue
          ? LABEL_OVERDUE
          : expiring
            ? formatLabel(LABEL_EXPIRES_ON, registration.Expires_On__c ?? '')
            : LABEL_ON_TIME,
        slaIcon: overdue ? 'utility:warning' : expiring ? 'utility:clock' : 'utility:success',
        overdue,
        conflictType: registration.Conflict_Type__c ?? '',
        conflictId: conflict?.recordId ?? null,
        conflictObject: conflict?.objectApiName ?? '',
        conflictName: conflict?.label ?? '',
        disputed: held,
        // Only what the state allows: a disputed registration waits for its dispute's resolution.
        canDecide: this.canDecide && !held && UNDECIDED.has(registration.Status__c),
        canExtend:
          this.canDecide &&
          !held &&
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

  get resolvedDisputes(): Psms.Dispute[] {
    return this.desk?.resolvedDisputes ?? [];
  }

  get myRegistrations(): Psms.Registration[] {
    return this.desk?.myRegistrations ?? [];
  }

  get myDisputes(): Psms.Dispute[] {
    return this.desk?.myDisputes ?? [];
  }

  get today(): string {
    return this.desk?.today ?? '';
  }

  /** A manager works the queue first; a rep looks at their own registrations first. */
  get mineFirst(): boolean {
    return !this.canDecide;
  }

  private nameOf(registrationId: string): string {
    const desk = this.desk;
    const registration = [...(desk?.registrations ?? []), ...(desk?.myRegistrations ?? [])].find(
      (r) => r.Id === registrationId
    );
    return registration?.Name ?? '';
  }

  async handleDecide(event: CustomEvent<Psms.DecisionRequest>): Promise<void> {
    await this.run(async () => {
      const decided = await decideRegistration(event.detail);
      this.child<{ closeReject(): void }>('c-registration-queue')?.closeReject();
      return decided.Status__c === 'Rejected'
        ? formatLabel(LABEL_REJECTED, decided.Name ?? '', decided.Rejection_Reason__c ?? '')
        : formatLabel(LABEL_APPROVED, decided.Name ?? '', decided.Expires_On__c ?? '');
    });
  }

  async handleExtend(event: CustomEvent<Psms.ExtensionRequest>): Promise<void> {
    await this.run(async () => {
      const extended = await extendRegistration(event.detail);
      return formatLabel(LABEL_EXTENDED, extended.Name ?? '', extended.Expires_On__c ?? '');
    });
  }

  async handleResolve(event: CustomEvent<Psms.ResolutionRequest>): Promise<void> {
    await this.run(async () => {
      const resolved = await resolveDispute(event.detail);
      this.child<{ clearDraft(id: string): void }>('c-dispute-list')?.clearDraft(event.detail.disputeId);
      const registration = resolved.Deal_Registration__r;
      return formatLabel(
        LABEL_RESOLVED,
        resolved.Name ?? '',
        resolved.Resolution__c ?? event.detail.resolution,
        registration?.Name ?? this.nameOf(resolved.Deal_Registration__c),
        registration?.Status__c ?? ''
      );
    });
  }

  async handleRaiseDispute(event: CustomEvent<Psms.DisputeRequest>): Promise<void> {
    const name = this.nameOf(event.detail.registrationId);
    await this.run(async () => {
      const dispute = await raiseDispute(event.detail);
      this.child<{ closeForm(): void }>('c-registration-list')?.closeForm();
      return formatLabel(LABEL_DISPUTE_RAISED, name, dispute.Name ?? '');
    }, LABEL_DISPUTE_RAISED_TITLE);
  }

  private child<T>(selector: string): T | null {
    return (this.template?.querySelector(selector) as unknown as T | null) ?? null;
  }

  /** Every write: call, say what happened, then re-read the desk so it shows what the server kept. */
  private async run(write: () => Promise<string>, title = LABEL_DECIDED_TITLE): Promise<void> {
    this.busy = true;
    this.actionError = undefined;
    try {
      const message = await write();
      this.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
      await refreshApex(this.deskResult);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}
