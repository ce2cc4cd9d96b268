// Part of the partnerForecast container: the week-over-week waterfall of the Commit forecast over exactly the table's scope, and the deals behind each bar.
import {
  addDays,
  snapshotContribution,
  type ChangeType,
  type ChangesInput,
  type ChangesReport,
  type FiscalPeriod,
  type GroupKeyOf
} from 'c/psmsEngine';
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
  /** The change type, or `from` / `to` for the two totals. */
  key: string;
  label: string;
  kind: 'total' | 'delta';
  value: number;
}

/**
 * The table's scope, for snapshot rows: partner-channel deals (a primary partner) of the owners
 * the table covers, the co-sell deals when only those are shown, and one group when a row is
 * selected. A snapshot row is judged by its own owner and primary partner on its date.
 */
export interface WaterfallScope {
  /** Owners whose deals the table shows; null: every owner (scope "all"). */
  owners: ReadonlySet<string> | null;
  /** Only these opportunities (the co-sell filter); null: all. */
  opportunities: ReadonlySet<string> | null;
  /** One group of the table; null: all of them. */
  group: { key: string; keyOf: GroupKeyOf } | null;
}

export interface WaterfallModel {
  from: string;
  to: string;
  steps: WaterfallStep[];
  report: ChangesReport;
  fromRows: Psms.Snapshot[];
  toRows: Psms.Snapshot[];
}

/** One deal behind a bar: its id and what it adds to (or takes from) the Commit forecast. */
export interface DealBehind {
  id: string;
  amount: number;
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

export function inScope(row: Psms.Snapshot, scope: WaterfallScope): boolean {
  const partner = row.Primary_Partner__c;
  if (!partner) {
    return false;
  }
  if (scope.owners !== null && !scope.owners.has(row.Owner__c ?? '')) {
    return false;
  }
  if (scope.opportunities !== null && !scope.opportunities.has(row.Opportunity_Key__c)) {
    return false;
  }
  return (
    scope.group === null ||
    scope.group.keyOf({ OwnerId: row.Owner__c ?? null }, { Partner_Account__c: partner }) === scope.group.key
  );
}

/**
 * The earlier snapshot a week-over-week view compares the latest with: the latest one taken at
 * least a week before it, else the one just before it; null when there are fewer than two.
 */
export function weekBefore(dates: readonly string[]): string | null {
  if (dates.length < 2) {
    return null;
  }
  const latest = dates[dates.length - 1];
  const weekAgo = addDays(latest, -7);
  const earlier = dates.slice(0, -1).filter((date) => date <= weekAgo);
  return earlier.length > 0 ? earlier[earlier.length - 1] : dates[dates.length - 2];
}

/** From the snapshot `from` to the latest; each change type's Commit deltas summed, so the bars add up exactly. */
export function waterfallModel(
  data: Psms.SnapshotsResponse,
  from: string | null,
  period: FiscalPeriod,
  scope: WaterfallScope,
  diff: (input: ChangesInput) => ChangesReport
): WaterfallModel | null {
  const to = data.dates[data.dates.length - 1];
  if (from === null || to === undefined || from >= to) {
    return null;
  }
  // Summarised (docs/scale.md): the pairs of each earlier snapshot with the latest carry its date in their key.
  const ofPair = (row: Psms.Snapshot) =>
    !data.aggregated || row.Opportunity_Key__c.startsWith(`chg:${from}:`);
  const fromRows = data.snapshots.filter(
    (row) => row.Snapshot_Date__c === from && ofPair(row) && inScope(row, scope)
  );
  const toRows = data.snapshots.filter(
    (row) => row.Snapshot_Date__c === to && ofPair(row) && inScope(row, scope)
  );
  const report = diff({ from: fromRows, to: toRows, period, omitUnchanged: true });
  // Summed in cents, as the engine does, so float noise never leaves a phantom bar.
  const cents = new Map<ChangeType, number>();
  for (const change of report.changes) {
    cents.set(change.type, (cents.get(change.type) ?? 0) + Math.round(change.commitDelta * 100));
  }
  const steps: WaterfallStep[] = [
    { key: 'from', label: formatLabel(LABEL_FROM, from), kind: 'total', value: report.commitFrom }
  ];
  for (const [type, label] of CHANGE_LABELS) {
    const delta = cents.get(type) ?? 0;
    if (delta !== 0) {
      steps.push({ key: type, label, kind: 'delta', value: delta / 100 });
    }
  }
  steps.push({ key: 'to', label: formatLabel(LABEL_TO, to), kind: 'total', value: report.commitTo });
  return { from, to, steps, report, fromRows, toRows };
}

/** The deals that make a bar: a total's contributors, or the changes of one type, largest first. */
export function dealsBehind(model: WaterfallModel, key: string, period: FiscalPeriod): DealBehind[] {
  let deals: DealBehind[];
  if (key === 'from' || key === 'to') {
    deals = (key === 'from' ? model.fromRows : model.toRows)
      .map((row) => ({ id: row.Opportunity_Key__c, amount: snapshotContribution(row, period).commit }))
      .filter((deal) => deal.amount !== 0);
  } else {
    deals = model.report.changes
      .filter((change) => change.type === key && change.commitDelta !== 0)
      .map((change) => ({ id: change.opportunityId, amount: change.commitDelta }));
  }
  return deals.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || a.id.localeCompare(b.id));
}
