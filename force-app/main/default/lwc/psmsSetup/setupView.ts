// Part of the psmsSetup container: the health of the install turned into what each check shows and whether it needs attention.
import { formatLabel, formatNumber } from 'c/displayFormat';
import LABEL_OK from '@salesforce/label/c.PSMS_Setup_Status_Ok';
import LABEL_ATTENTION from '@salesforce/label/c.PSMS_Setup_Status_Attention';
import LABEL_JOB_EXPIRY from '@salesforce/label/c.PSMS_Setup_Job_Expiry';
import LABEL_JOB_SNAPSHOT from '@salesforce/label/c.PSMS_Setup_Job_Snapshot';
import LABEL_JOB_RETENTION from '@salesforce/label/c.PSMS_Setup_Job_Retention';
import LABEL_JOB_NOT_SCHEDULED from '@salesforce/label/c.PSMS_Setup_Job_Not_Scheduled';
import LABEL_JOB_NEXT_RUN from '@salesforce/label/c.PSMS_Setup_Job_Next_Run';
import LABEL_JOB_RUNS_AS from '@salesforce/label/c.PSMS_Setup_Job_Runs_As';
import LABEL_JOB_SUMMARY from '@salesforce/label/c.PSMS_Setup_Job_Summary';
import LABEL_JOBS_OK from '@salesforce/label/c.PSMS_Setup_Jobs_Ok';
import LABEL_JOBS_MISSING from '@salesforce/label/c.PSMS_Setup_Jobs_Missing';
import LABEL_SCHEDULE from '@salesforce/label/c.PSMS_Setup_Schedule_Button';
import LABEL_RESCHEDULE from '@salesforce/label/c.PSMS_Setup_Reschedule_Button';
import LABEL_SNAPSHOT_LATEST from '@salesforce/label/c.PSMS_Setup_Snapshot_Latest';
import LABEL_SNAPSHOT_NONE from '@salesforce/label/c.PSMS_Setup_Snapshot_None';
import LABEL_SNAPSHOT_RUNNING from '@salesforce/label/c.PSMS_Setup_Snapshot_Running';
import LABEL_SETTINGS_OK from '@salesforce/label/c.PSMS_Setup_Settings_Ok';
import LABEL_SETTINGS_HOW from '@salesforce/label/c.PSMS_Setup_Settings_How_To_Fix';
import LABEL_FISCAL_ORG from '@salesforce/label/c.PSMS_Setup_Fiscal_Org';
import LABEL_FISCAL_OVERRIDE from '@salesforce/label/c.PSMS_Setup_Fiscal_Override';
import LABEL_FISCAL_SAME from '@salesforce/label/c.PSMS_Setup_Fiscal_Same';
import LABEL_HOLDERS from '@salesforce/label/c.PSMS_Setup_Permission_Holders';
import LABEL_HOLDER_ONE from '@salesforce/label/c.PSMS_Setup_Permission_Holder_One';
import LABEL_HOLDERS_NONE from '@salesforce/label/c.PSMS_Setup_Permission_Nobody';
import LABEL_HOLDERS_MORE from '@salesforce/label/c.PSMS_Setup_Permission_More';
import LABEL_NOT_INSTALLED from '@salesforce/label/c.PSMS_Setup_Permission_Not_Installed';
import LABEL_OPEN_PERMISSION_SET from '@salesforce/label/c.PSMS_Setup_Open_Permission_Set';
import LABEL_TEMPORARY from '@salesforce/label/c.PSMS_Setup_Permission_Temporary';
import LABEL_TEMPORARY_HELD from '@salesforce/label/c.PSMS_Setup_Permission_Temporary_Held';
import LABEL_SUMMARY_CHECKED from '@salesforce/label/c.PSMS_Setup_Summary_Checked';
import LABEL_SUMMARY_CLEAN from '@salesforce/label/c.PSMS_Setup_Summary_Clean';
import LABEL_SUMMARY_DRIFT from '@salesforce/label/c.PSMS_Setup_Summary_Drift';
import LABEL_SUMMARY_NONE from '@salesforce/label/c.PSMS_Setup_Summary_None';

/** The job names PsmsJobs schedules under, read as the admin should. */
const JOB_LABELS: Record<string, string> = {
  'PSMS Registration Expiry': LABEL_JOB_EXPIRY,
  'PSMS Opportunity Snapshot': LABEL_JOB_SNAPSHOT,
  'PSMS Snapshot Retention': LABEL_JOB_RETENTION,
  'PSMS Pipeline Summary Reconcile': LABEL_JOB_SUMMARY
};

export interface CheckStatus {
  ok: boolean;
  icon: string;
  statusLabel: string;
  /** SLDS class of the status badge. */
  badgeClass: string;
}

export interface JobRow {
  key: string;
  label: string;
  when: string;
  /** Whom the job runs as (whoever scheduled it): empty when it is not scheduled. */
  runsAs: string;
}

export interface PermissionSetRow {
  key: string;
  label: string;
  permissionSetId: string | null;
  installed: boolean;
  holders: string;
  /** What a temporary set (PSMS_Data_Load) is for, and what to do while someone holds it. */
  note: string;
  holderNames: { key: string; userId: string; name: string }[];
  more: string;
  openLabel: string;
  status: CheckStatus;
}

function locale(): string | undefined {
  return typeof navigator !== 'undefined' ? navigator.language : undefined;
}

function status(ok: boolean): CheckStatus {
  return {
    ok,
    icon: ok ? 'utility:success' : 'utility:warning',
    statusLabel: ok ? LABEL_OK : LABEL_ATTENTION,
    badgeClass: ok ? 'slds-badge slds-theme_success' : 'slds-badge slds-theme_warning'
  };
}

/** `2026-03-02` as the user's locale writes a date (the date itself, whatever their time zone). */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
  );
}

/** A datetime in the user's locale and time zone. */
export function formatDateTime(isoDateTime: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(isoDateTime)
  );
}

/** Month 1–12 as its name in the user's language. */
export function monthName(month: number): string {
  return new Intl.DateTimeFormat(locale(), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1))
  );
}

export function jobsView(health: Psms.SetupHealth) {
  const missing = health.jobs.filter((job) => !job.scheduled).length;
  const rows: JobRow[] = health.jobs.map((job) => ({
    key: job.name,
    label: JOB_LABELS[job.name] ?? job.name,
    when:
      job.scheduled && job.nextRun
        ? formatLabel(LABEL_JOB_NEXT_RUN, formatDateTime(job.nextRun))
        : LABEL_JOB_NOT_SCHEDULED,
    runsAs: job.scheduled && job.runsAs ? formatLabel(LABEL_JOB_RUNS_AS, job.runsAs) : ''
  }));
  return {
    status: status(missing === 0),
    summary:
      missing === 0
        ? formatLabel(LABEL_JOBS_OK, health.jobs.length)
        : formatLabel(LABEL_JOBS_MISSING, missing, health.jobs.length),
    rows,
    buttonLabel: missing === 0 ? LABEL_RESCHEDULE : LABEL_SCHEDULE,
    // The fix is the page's call to action only while something needs it.
    buttonVariant: missing === 0 ? 'neutral' : 'brand'
  };
}

export function snapshotView(health: Psms.SetupHealth) {
  const { taken, latestDate, running } = health.snapshots;
  const lines: string[] = [];
  if (taken && latestDate) lines.push(formatLabel(LABEL_SNAPSHOT_LATEST, formatDate(latestDate)));
  else lines.push(LABEL_SNAPSHOT_NONE);
  if (running) lines.push(LABEL_SNAPSHOT_RUNNING);
  return { status: status(taken), lines, running, buttonVariant: taken ? 'neutral' : 'brand' };
}

/** Where the latest reconcile corrected rows: the first lines of its detail. */
const DRIFT_LINES = 5;

/**
 * The pipeline summary's latest nightly check (docs/scale.md): information, like the fiscal year —
 * the check corrects what it finds, and a job that is not scheduled is the jobs check's concern.
 */
export function summaryView(health: Psms.SetupHealth) {
  const summary = health.summary;
  if (!summary?.reconciled) return { status: status(true), lines: [LABEL_SUMMARY_NONE], drift: [] };
  const corrected = summary.correctedRows ?? 0;
  const lines = [
    formatLabel(
      LABEL_SUMMARY_CHECKED,
      summary.reconciledOn ? formatDateTime(summary.reconciledOn) : '',
      formatNumber(summary.checkedRows ?? 0, 0),
      formatNumber(corrected, 0)
    ),
    corrected === 0 ? LABEL_SUMMARY_CLEAN : LABEL_SUMMARY_DRIFT
  ];
  const drift =
    corrected === 0 ? [] : (summary.detail ?? '').split('\n').filter(Boolean).slice(0, DRIFT_LINES);
  return { status: status(true), lines, drift: drift.map((text, index) => ({ key: String(index), text })) };
}

export function settingsView(health: Psms.SetupHealth) {
  const problems = health.settings.problems;
  return {
    status: status(problems.length === 0),
    message: problems.length === 0 ? LABEL_SETTINGS_OK : LABEL_SETTINGS_HOW,
    problems: problems.map((text, index) => ({ key: String(index), text }))
  };
}

export function fiscalYearView(health: Psms.SetupHealth) {
  const { orgStartMonth, overrideMonth, effectiveMonth } = health.fiscalYear;
  const lines = [formatLabel(LABEL_FISCAL_ORG, monthName(orgStartMonth))];
  lines.push(
    overrideMonth != null && overrideMonth !== orgStartMonth
      ? formatLabel(LABEL_FISCAL_OVERRIDE, monthName(effectiveMonth))
      : LABEL_FISCAL_SAME
  );
  return { status: status(true), lines };
}

export function permissionSetRows(health: Psms.SetupHealth): PermissionSetRow[] {
  return health.permissionSets.map((set) => {
    const installed = Boolean(set.permissionSetId);
    const listed = set.holders.length;
    // A role set needs holders; the data-load set (it skips every trigger) should have none.
    const ok = installed && (set.temporary ? set.holderCount === 0 : set.holderCount > 0);
    return {
      key: set.name,
      label: set.label,
      permissionSetId: set.permissionSetId ?? null,
      installed,
      holders: !installed
        ? LABEL_NOT_INSTALLED
        : set.holderCount === 0
          ? LABEL_HOLDERS_NONE
          : set.holderCount === 1
            ? LABEL_HOLDER_ONE
            : formatLabel(LABEL_HOLDERS, formatNumber(set.holderCount, 0)),
      note: !set.temporary
        ? ''
        : set.holderCount > 0
          ? `${LABEL_TEMPORARY} ${LABEL_TEMPORARY_HELD}`
          : LABEL_TEMPORARY,
      holderNames: set.holders.map((holder) => ({
        key: holder.userId,
        userId: holder.userId,
        name: holder.name
      })),
      more:
        set.holderCount > listed
          ? formatLabel(LABEL_HOLDERS_MORE, formatNumber(set.holderCount - listed, 0))
          : '',
      openLabel: formatLabel(LABEL_OPEN_PERMISSION_SET, set.label),
      status: status(ok)
    };
  });
}

/** How many checks need the admin (the fiscal year start is information, never a problem). */
export function attentionCount(health: Psms.SetupHealth): number {
  return [
    jobsView(health).status.ok,
    snapshotView(health).status.ok,
    settingsView(health).status.ok,
    permissionSetRows(health).every((row) => row.status.ok)
  ].filter((ok) => !ok).length;
}
