// Presentation component: the forecast roll-up table (SPEC §3 columns, the call beside it). Sortable; the columns that do not fit its width fold into each row's details, the Commit forecast and the call always shown. Emits `drill` with a group's key.
import { LightningElement, api } from 'lwc';
import { formatLabel, formatMoney, formatNumber, formatPercent } from 'c/displayFormat';
import { pageOf } from 'c/paginator';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_ForecastTable_Caption';
import LABEL_GROUP from '@salesforce/label/c.PSMS_ForecastTable_Group';
import LABEL_CLOSED from '@salesforce/label/c.PSMS_ForecastTable_Closed';
import LABEL_COMMIT from '@salesforce/label/c.PSMS_ForecastTable_Commit';
import LABEL_BEST_CASE from '@salesforce/label/c.PSMS_ForecastTable_Best_Case';
import LABEL_PIPELINE from '@salesforce/label/c.PSMS_ForecastTable_Pipeline';
import LABEL_OMITTED from '@salesforce/label/c.PSMS_ForecastTable_Omitted';
import LABEL_COMMIT_FORECAST from '@salesforce/label/c.PSMS_ForecastTable_Commit_Forecast';
import LABEL_BEST_CASE_FORECAST from '@salesforce/label/c.PSMS_ForecastTable_Best_Case_Forecast';
import LABEL_OPEN_PIPELINE from '@salesforce/label/c.PSMS_ForecastTable_Open_Pipeline';
import LABEL_QUOTA from '@salesforce/label/c.PSMS_ForecastTable_Quota';
import LABEL_ATTAINMENT from '@salesforce/label/c.PSMS_ForecastTable_Attainment';
import LABEL_COVERAGE from '@salesforce/label/c.PSMS_ForecastTable_Coverage';
import LABEL_GAP from '@salesforce/label/c.PSMS_ForecastTable_Gap';
import LABEL_COMMIT_CALL from '@salesforce/label/c.PSMS_ForecastTable_Commit_Call';
import LABEL_BEST_CASE_CALL from '@salesforce/label/c.PSMS_ForecastTable_Best_Case_Call';
import LABEL_NOTE from '@salesforce/label/c.PSMS_ForecastTable_Note';
import LABEL_TOTAL from '@salesforce/label/c.PSMS_ForecastTable_Total';
import LABEL_SHOW from '@salesforce/label/c.PSMS_ForecastTable_Show_Opportunities';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_ForecastTable_Empty';
import LABEL_CO_SELL_DEALS from '@salesforce/label/c.PSMS_ForecastTable_Co_Sell_Deals';
import LABEL_SHOW_DETAILS from '@salesforce/label/c.PSMS_ForecastTable_Show_Details';
import LABEL_DETAILS from '@salesforce/label/c.PSMS_ForecastTable_Details';
import LABEL_SORT_BY from '@salesforce/label/c.PSMS_ForecastTable_Sort_By';
import LABEL_CALIBRATED from '@salesforce/label/c.PSMS_ForecastTable_Calibrated';

/** One group of the roll-up as the engine computed it, with the call beside it (partner grouping). */
export interface ForecastTableRow {
  key: string;
  label: string;
  closed: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  omitted: number;
  commitForecast: number;
  bestCaseForecast: number;
  openPipeline: number;
  quota: number | null;
  attainment: number | null;
  coverage: number | null;
  gapToQuota: number | null;
  commitCall?: number | null;
  /** The Commit call calibrated by the partner's past bias (SPEC §11), shown under the call. */
  calibratedCall?: number | null;
  bestCaseCall?: number | null;
  note?: string | null;
  /** Opportunities of the group with a co-sell partner deal. */
  coSellDeals?: number;
}

type ColumnId =
  | 'closed'
  | 'commit'
  | 'bestCase'
  | 'pipeline'
  | 'omitted'
  | 'commitForecast'
  | 'bestCaseForecast'
  | 'openPipeline'
  | 'quota'
  | 'attainment'
  | 'coverage'
  | 'gapToQuota'
  | 'commitCall'
  | 'bestCaseCall';
type SortKey = ColumnId | 'label';

interface Column {
  id: ColumnId;
  label: string;
  kind: 'money' | 'percent' | 'multiple';
  /** Lower is kept longer when the table is narrow; 0 is always shown. */
  rank: number;
  /** The manager's call, shown only beside a roll-up by partner. */
  call?: boolean;
}

/** In reading order: the roll-up, then the call beside it. */
const COLUMNS: readonly Column[] = [
  { id: 'closed', label: LABEL_CLOSED, kind: 'money', rank: 1 },
  { id: 'commitForecast', label: LABEL_COMMIT_FORECAST, kind: 'money', rank: 0 },
  { id: 'bestCaseForecast', label: LABEL_BEST_CASE_FORECAST, kind: 'money', rank: 2 },
  { id: 'openPipeline', label: LABEL_OPEN_PIPELINE, kind: 'money', rank: 3 },
  { id: 'quota', label: LABEL_QUOTA, kind: 'money', rank: 4 },
  { id: 'attainment', label: LABEL_ATTAINMENT, kind: 'percent', rank: 5 },
  { id: 'coverage', label: LABEL_COVERAGE, kind: 'multiple', rank: 9 },
  { id: 'gapToQuota', label: LABEL_GAP, kind: 'money', rank: 6 },
  { id: 'commit', label: LABEL_COMMIT, kind: 'money', rank: 10 },
  { id: 'bestCase', label: LABEL_BEST_CASE, kind: 'money', rank: 11 },
  { id: 'pipeline', label: LABEL_PIPELINE, kind: 'money', rank: 12 },
  { id: 'omitted', label: LABEL_OMITTED, kind: 'money', rank: 13 },
  { id: 'commitCall', label: LABEL_COMMIT_CALL, kind: 'money', rank: 0, call: true },
  { id: 'bestCaseCall', label: LABEL_BEST_CASE_CALL, kind: 'money', rank: 7, call: true }
];

/** Widths (px) the layout budgets: the group column, the details toggle, one figure column. */
const GROUP_WIDTH = 208;
const FIGURE_WIDTH = 108;
/** What a 1280-px window leaves a full-width card (the width before it is measured, and in tests). */
export const DEFAULT_WIDTH = 1200;
/** Groups per page: the total stays under them on every page. */
const ROWS_PER_PAGE = 25;

function format(column: Column, value: number | null | undefined): string {
  if (column.kind === 'percent') {
    return formatPercent(value);
  }
  if (column.kind === 'multiple') {
    // Coverage is a multiple (3.2×), not a share.
    return value == null ? formatPercent(null) : `${formatNumber(value, 1)}×`;
  }
  return formatMoney(value);
}

export default class ForecastTable extends LightningElement {
  @api rows: ForecastTableRow[] = [];
  @api total: ForecastTableRow | null = null;
  /** Show the managers' calls beside the roll-up (partner grouping). */
  @api showCalls = false;
  /** The first column's heading: Partner, Owner, Manager or Region. */
  @api groupLabel = LABEL_GROUP;
  /** The group whose opportunities are shown below the table. */
  @api selectedKey: string | null = null;

  sortKey: SortKey = 'commitForecast';
  sortDescending = true;
  currentPage = 0;
  expanded: string[] = [];
  width = DEFAULT_WIDTH;
  private observer: ResizeObserver | undefined;

  readonly labels = { caption: LABEL_CAPTION, total: LABEL_TOTAL, empty: LABEL_EMPTY };

  override renderedCallback(): void {
    // Columns fold into the details when the card is narrow: its width decides how many fit.
    if (this.observer || typeof ResizeObserver === 'undefined') {
      return;
    }
    const frame = this.template?.querySelector('[data-id="frame"]');
    if (frame) {
      this.observer = new ResizeObserver((entries) => {
        const measured = Math.floor(entries[0]?.contentRect.width ?? 0);
        if (measured > 0 && measured !== this.width) {
          this.width = measured;
        }
      });
      this.observer.observe(frame);
    }
  }

  override disconnectedCallback(): void {
    this.observer?.disconnect();
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  private get available(): Column[] {
    return COLUMNS.filter((column) => this.showCalls || !column.call);
  }

  /** The columns that fit, in reading order; the Commit forecast and the call always. */
  private get visible(): Column[] {
    const fit = Math.max(2, Math.floor((this.width - GROUP_WIDTH) / FIGURE_WIDTH));
    const kept = new Set(
      [...this.available]
        .sort((a, b) => a.rank - b.rank)
        .slice(0, fit)
        .map((column) => column.id)
    );
    return this.available.filter((column) => kept.has(column.id));
  }

  private get folded(): Column[] {
    const shown = new Set(this.visible.map((column) => column.id));
    return this.available.filter((column) => !shown.has(column.id));
  }

  get columnCount(): number {
    return this.visible.length + 1;
  }

  /** Figures, and the call's columns marked (the first of them draws the line between). */
  private cellClass(column: Column): string {
    if (!column.call) {
      return 'figure';
    }
    const firstCall = this.visible.find((shown) => shown.call);
    return firstCall?.id === column.id ? 'figure call call-first' : 'figure call';
  }

  get headers() {
    return [
      this.header('label', this.groupLabel, 'group'),
      ...this.visible.map((column) => this.header(column.id, column.label, this.cellClass(column)))
    ];
  }

  private header(key: SortKey, label: string, className: string) {
    const sorted = this.sortKey === key;
    return {
      key,
      label,
      className: `${className}${sorted ? ' sorted' : ''}`,
      ariaSort: sorted ? (this.sortDescending ? 'descending' : 'ascending') : 'none',
      sortTitle: formatLabel(LABEL_SORT_BY, label),
      icon: sorted ? (this.sortDescending ? 'utility:arrowdown' : 'utility:arrowup') : 'utility:sort'
    };
  }

  get rowCount(): number {
    return this.rows.length;
  }

  get rowsPerPage(): number {
    return ROWS_PER_PAGE;
  }

  get shownPage(): number {
    return pageOf(this.rows, this.currentPage, ROWS_PER_PAGE).page;
  }

  /** The page of groups shown, sorted over all of them. */
  get viewRows() {
    const key = this.sortKey;
    const direction = this.sortDescending ? -1 : 1;
    const sorted = [...this.rows].sort((a, b) => {
      if (key === 'label') {
        return direction * a.label.localeCompare(b.label);
      }
      // A figure that is not defined (no quota) sorts after every defined one, either way.
      const x = a[key] ?? null;
      const y = b[key] ?? null;
      if (x === null || y === null) {
        return x === y ? 0 : x === null ? 1 : -1;
      }
      return direction * (x - y) || a.label.localeCompare(b.label);
    });
    return pageOf(sorted, this.currentPage, ROWS_PER_PAGE).rows.map((row) => this.view(row, false));
  }

  get totalRow() {
    return this.total ? this.view({ ...this.total, label: LABEL_TOTAL }, true) : null;
  }

  private view(row: ForecastTableRow, isTotal: boolean) {
    const expanded = this.expanded.includes(row.key);
    const coSell = row.coSellDeals ?? 0;
    const details: { key: string; label: string; value: string }[] = this.folded.map((column) => ({
      key: column.id as string,
      label: column.label,
      value: format(column, row[column.id])
    }));
    if (this.showCalls && row.note) {
      details.push({ key: 'note', label: LABEL_NOTE, value: row.note });
    }
    return {
      key: row.key,
      label: row.label,
      isTotal,
      rowClass: `${isTotal ? 'total' : ''}${row.key === this.selectedKey ? ' slds-is-selected' : ''}`,
      drillTitle: formatLabel(LABEL_SHOW, row.label),
      ariaCurrent: row.key === this.selectedKey ? 'true' : 'false',
      cells: this.visible.map((column) => ({
        id: column.id,
        className: this.cellClass(column),
        value: format(column, row[column.id]),
        calibrated:
          column.id === 'commitCall' && row.calibratedCall != null
            ? formatLabel(LABEL_CALIBRATED, formatMoney(row.calibratedCall))
            : ''
      })),
      hasCoSell: coSell > 0,
      coSellText: formatLabel(LABEL_CO_SELL_DEALS, coSell),
      coSellCount: coSell,
      hasDetails: details.length > 0,
      details,
      expanded,
      expandedText: expanded ? 'true' : 'false',
      toggleIcon: expanded ? 'utility:chevrondown' : 'utility:chevronright',
      toggleTitle: formatLabel(LABEL_SHOW_DETAILS, row.label),
      detailsId: `details-${row.key}`,
      detailsLabel: formatLabel(LABEL_DETAILS, row.label)
    };
  }

  handleSort(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.sort as SortKey;
    if (this.sortKey === key) {
      this.sortDescending = !this.sortDescending;
    } else {
      this.sortKey = key;
      // Figures read biggest first, names from A.
      this.sortDescending = key !== 'label';
    }
    this.currentPage = 0;
  }

  handlePage(event: CustomEvent<{ page: number }>): void {
    this.currentPage = event.detail.page;
  }

  handleToggle(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
    this.expanded = this.expanded.includes(key)
      ? this.expanded.filter((open) => open !== key)
      : [...this.expanded, key];
  }

  handleDrill(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
    this.dispatchEvent(new CustomEvent('drill', { detail: { key } }));
  }
}
