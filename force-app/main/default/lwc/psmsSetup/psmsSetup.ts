// Container component: the PSMS Setup tab — the health of the install (jobs, snapshots, the pipeline summary's nightly check, settings, permission sets, fiscal year) and a one-click fix for each problem.
import { LightningElement } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getHealth from '@salesforce/apex/PsmsSetupController.getHealth';
import scheduleJobs from '@salesforce/apex/PsmsSetupController.scheduleJobs';
import takeSnapshot from '@salesforce/apex/PsmsSetupController.takeSnapshot';
import { formatLabel } from 'c/displayFormat';
import {
  attentionCount,
  fiscalYearView,
  jobsView,
  permissionSetRows,
  settingsView,
  snapshotView,
  summaryView,
  type PermissionSetRow
} from './setupView';
import LABEL_TITLE from '@salesforce/label/c.PSMS_Setup_Title';
import LABEL_INTRO from '@salesforce/label/c.PSMS_Setup_Intro';
import LABEL_REFRESH from '@salesforce/label/c.PSMS_Setup_Refresh';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';
import LABEL_ALL_OK from '@salesforce/label/c.PSMS_Setup_All_Ok';
import LABEL_NEEDS_ATTENTION from '@salesforce/label/c.PSMS_Setup_Needs_Attention';
import LABEL_JOBS_TITLE from '@salesforce/label/c.PSMS_Setup_Jobs_Title';
import LABEL_SNAPSHOT_TITLE from '@salesforce/label/c.PSMS_Setup_Snapshot_Title';
import LABEL_SNAPSHOT_BUTTON from '@salesforce/label/c.PSMS_Setup_Snapshot_Button';
import LABEL_SUMMARY_TITLE from '@salesforce/label/c.PSMS_Setup_Summary_Title';
import LABEL_SETTINGS_TITLE from '@salesforce/label/c.PSMS_Setup_Settings_Title';
import LABEL_FISCAL_TITLE from '@salesforce/label/c.PSMS_Setup_Fiscal_Title';
import LABEL_PERMISSIONS_TITLE from '@salesforce/label/c.PSMS_Setup_Permissions_Title';
import LABEL_JOBS_SCHEDULED from '@salesforce/label/c.PSMS_Setup_Jobs_Scheduled';
import LABEL_SNAPSHOT_STARTED from '@salesforce/label/c.PSMS_Setup_Snapshot_Started';

export default class PsmsSetup extends NavigationMixin(LightningElement) {
  health: Psms.SetupHealth | undefined;
  error: unknown;
  actionError: unknown;
  busy = false;

  readonly labels = {
    title: LABEL_TITLE,
    intro: LABEL_INTRO,
    refresh: LABEL_REFRESH,
    loading: LABEL_LOADING,
    jobsTitle: LABEL_JOBS_TITLE,
    snapshotTitle: LABEL_SNAPSHOT_TITLE,
    snapshotButton: LABEL_SNAPSHOT_BUTTON,
    summaryTitle: LABEL_SUMMARY_TITLE,
    settingsTitle: LABEL_SETTINGS_TITLE,
    fiscalTitle: LABEL_FISCAL_TITLE,
    permissionsTitle: LABEL_PERMISSIONS_TITLE
  };

  override connectedCallback(): Promise<void> {
    return this.load();
  }

  /** Read live, never from the cache: the page exists to show what is true now. */
  async load(): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      this.health = await getHealth({});
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  get isLoading(): boolean {
    return this.health === undefined && this.error === undefined;
  }

  get summary(): string {
    if (!this.health) return '';
    const count = attentionCount(this.health);
    return count === 0 ? LABEL_ALL_OK : formatLabel(LABEL_NEEDS_ATTENTION, count);
  }

  get jobs() {
    return this.health ? jobsView(this.health) : undefined;
  }

  get snapshots() {
    return this.health ? snapshotView(this.health) : undefined;
  }

  get pipelineSummary() {
    return this.health ? summaryView(this.health) : undefined;
  }

  get snapshotDisabled(): boolean {
    return this.busy || Boolean(this.health?.snapshots.running);
  }

  get settings() {
    return this.health ? settingsView(this.health) : undefined;
  }

  get fiscalYear() {
    return this.health ? fiscalYearView(this.health) : undefined;
  }

  get permissionSets(): PermissionSetRow[] {
    return this.health ? permissionSetRows(this.health) : [];
  }

  handleRefresh(): Promise<void> {
    this.actionError = undefined;
    return this.load();
  }

  async handleSchedule(): Promise<void> {
    await this.fix(() => scheduleJobs({}), LABEL_JOBS_SCHEDULED);
  }

  async handleSnapshot(): Promise<void> {
    await this.fix(() => takeSnapshot({}), LABEL_SNAPSHOT_STARTED);
  }

  /** Opens the permission set's page in Setup, where its assignments are managed. */
  handleOpenPermissionSet(event: Event): void {
    const permissionSetId = (event.currentTarget as HTMLElement).dataset.id ?? '';
    const pageReference: PageReference = {
      type: 'standard__webPage',
      attributes: {
        url: `/lightning/setup/PermSets/page?address=${encodeURIComponent(`/${permissionSetId}`)}`
      }
    };
    this[NavigationMixin.Navigate](pageReference);
  }

  private async fix(write: () => Promise<Psms.SetupHealth>, done: string): Promise<void> {
    this.busy = true;
    this.actionError = undefined;
    try {
      this.health = await write();
      this.dispatchEvent(new ShowToastEvent({ title: done, variant: 'success' }));
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}
