// Part of the partnerForecast container: the week-over-week waterfall of the Commit forecast, from the engine's snapshot changes.
import type { ChangeType, ChangesInput, ChangesReport, FiscalPeriod } from 'c/psmsEngine';
import { formatLabel } from 'c/displayFormat';
import LABEL_FROM from '@salesforce/label/c.PSMS_Waterfall_From';
import LABEL_TO from '@salesforce/label/c.PSMS_Waterfall_To';
import LABEL_WON from '@salesforce/label/c.PSMS_Change_Won';
import LABEL_LOST from '@salesforce/label/c.PSMS_Change_Lost';
import LABEL_NEW from '@salesforce/label/c.PSMS_Change_New';
import LABEL_REMOVED from '@salesforce/label/c.PSMS_Change_Removed';
import LABEL_PUSHED from '@salesforce/label/c.PSMS_Change_Pushed_Out';
import LABEL_PULLED from '@salesforce/label/c.PSMS_Change_Pulled_In';
import LABEL_CATEGORY_UP from '@salesforce/label/c.PSMS_Change_Category_Up';
import LABEL_CATEGORY_DOWN from '@salesforce/label/c.PSMS_Change_Category_Down';
import LABEL_AMOUNT_UP from '@salesforce/label/c.PSMS_Change_Amount_Up';
import LABEL_AMOUNT_DOWN from '@salesforce/label/c.PSMS_Change_Amount_Down';

export interface WaterfallStep {
  label: string;
  /** A total (first and last bar) or the change a group of opportunities made. */
  kind: 'total' | 'delta';
  value: number;
}

/** In the spec's order, so the chart reads the same every week. */
const CHANGE_LABELS: readonly [ChangeType, string][] = [
  ['Won', LABEL_WON],
  ['Lost', LABEL_LOST],
  ['New', LABEL_NEW],
  ['Removed', LABEL_REMOVED],
  ['Pushed out', LABEL_PUSHED],
  ['Pulled in', LABEL_PULLED],
  ['Category up', LABEL_CATEGORY_UP],
  ['Category down', LABEL_CATEGORY_DOWN],
  ['Amount up', LABEL_AMOUNT_UP],
  ['Amount down', LABEL_AMOUNT_DOWN]
];

/** Between the last two snapshots; each change type's Commit deltas summed, so the bars add up exactly. */
export function waterfallSteps(
  data: Psms.SnapshotsResponse,
  period: FiscalPeriod,
  diff: (input: ChangesInput) => ChangesReport
): WaterfallStep[] {
  const from = data.dates[data.dates.length - 2];
  const to = data.dates[data.dates.length - 1];
  const report = diff({
    from: data.snapshots.filter((row) => row.Snapshot_Date__c === from),
    to: data.snapshots.filter((row) => row.Snapshot_Date__c === to),
    period,
    omitUnchanged: true
  });
  // Summed in cents, as the engine does, so float noise never leaves a phantom bar.
  const cents = new Map<ChangeType, number>();
  for (const change of report.changes) {
    cents.set(change.type, (cents.get(change.type) ?? 0) + Math.round(change.commitDelta * 100));
  }
  const steps: WaterfallStep[] = [
    { label: formatLabel(LABEL_FROM, from), kind: 'total', value: report.commitFrom }
  ];
  for (const [type, label] of CHANGE_LABELS) {
    const delta = cents.get(type) ?? 0;
    if (delta !== 0) {
      steps.push({ label, kind: 'delta', value: delta / 100 });
    }
  }
  steps.push({ label: formatLabel(LABEL_TO, to), kind: 'total', value: report.commitTo });
  return steps;
}
