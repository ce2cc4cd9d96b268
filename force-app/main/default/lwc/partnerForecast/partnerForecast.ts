// Container component: the partner forecast tab — the roll-up by partner, owner, manager or region beside the managers' calls, a group's deals, the week-over-week waterfall over the table's scope with the deals behind each bar, call submission and accuracy.
import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPipeline from '@salesforce/apex/PartnerForecastController.getPipeline';
import getSnapshots from '@salesforce/apex/PartnerForecastController.getSnapshots';
import submitForecastCall from '@salesforce/apex/PartnerForecastController.submitForecastCall';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import getCalibrationInputs from '@salesforce/apex/ForecastCalibrationController.getCalibrationInputs';
import canSubmitCalls from '@salesforce/customPermission/PSMS_Submit_Forecast_Calls';
import {
  addDays,
  backtestCalibration,
  calibrateCall,
  calibrationFor,
  diffSnapshots,
  fiscalPeriodOf,
  forecastAccuracy,
  forecastBesideCall,
  forecastGroupKey,
  indexPartnerDeals,
  nextPeriod,
  parsePeriod,
  rollUpForecast,
  type AccuracyGrouping,
  type Calibration,
  type FiscalPeriod,
  type ForecastGrouping,
  type ForecastRow,
  type GroupKeyOf,
  type PartnerDealIndex
} from 'c/psmsEngine';
import { formatLabel, formatMoney, formatNumber, formatPercent, todayIso } from 'c/displayFormat';
import { pageOf } from 'c/paginator';
import type { ForecastTableRow } from 'c/forecastTable';
import { accuracyRowView, dealRowView, groupLabel, type AccuracyRowView, type DealRow } from './forecastView';
import {
  dealsBehind,
  waterfallModel,
  weekBefore,
  type WaterfallModel,
  type WaterfallScope
} from './waterfallSteps';
import LABEL_TITLE from '@salesforce/label/c.PSMS_PartnerForecast_Title';
import LABEL_PERIOD from '@salesforce/label/c.PSMS_Label_Period';
import LABEL_GROUPING from '@salesforce/label/c.PSMS_PartnerForecast_Grouping';
import LABEL_BY_PARTNER from '@salesforce/label/c.PSMS_PartnerForecast_By_Partner';
import LABEL_BY_OWNER from '@salesforce/label/c.PSMS_PartnerForecast_By_Owner';
import LABEL_BY_MANAGER from '@salesforce/label/c.PSMS_PartnerForecast_By_Manager';
import LABEL_BY_REGION from '@salesforce/label/c.PSMS_PartnerForecast_By_Region';
import LABEL_SCOPE from '@salesforce/label/c.PSMS_Scope_Label';
import LABEL_SCOPE_MINE from '@salesforce/label/c.PSMS_Scope_Mine';
import LABEL_SCOPE_TEAM from '@salesforce/label/c.PSMS_Scope_Team';
import LABEL_SCOPE_ALL from '@salesforce/label/c.PSMS_Scope_All';
import LABEL_CO_SELL_ONLY from '@salesforce/label/c.PSMS_PartnerForecast_Co_Sell_Only';
import LABEL_CO_SELL from '@salesforce/label/c.PSMS_PartnerForecast_Co_Sell';
import LABEL_CLEAR from '@salesforce/label/c.PSMS_PartnerForecast_Clear_Selection';
import LABEL_THIS_QUARTER from '@salesforce/label/c.PSMS_PartnerForecast_This_Quarter';
import LABEL_NEXT_QUARTER from '@salesforce/label/c.PSMS_PartnerForecast_Next_Quarter';
import LABEL_DRILL from '@salesforce/label/c.PSMS_PartnerForecast_Drill_Title';
import LABEL_CALL from '@salesforce/label/c.PSMS_PartnerForecast_Call_Title';
import LABEL_CALL_SAVED from '@salesforce/label/c.PSMS_PartnerForecast_Call_Saved';
import LABEL_CALL_SAVED_DETAIL from '@salesforce/label/c.PSMS_PartnerForecast_Call_Saved_Detail';
import LABEL_WATERFALL from '@salesforce/label/c.PSMS_PartnerForecast_Waterfall_Title';
import LABEL_WATERFALL_SCOPE from '@salesforce/label/c.PSMS_PartnerForecast_Waterfall_Scope';
import LABEL_WATERFALL_ALL from '@salesforce/label/c.PSMS_PartnerForecast_Waterfall_All_Groups';
import LABEL_WATERFALL_DEALS from '@salesforce/label/c.PSMS_PartnerForecast_Waterfall_Deals';
import LABEL_WATERFALL_DELTA from '@salesforce/label/c.PSMS_PartnerForecast_Waterfall_Delta';
import LABEL_WATERFALL_HINT from '@salesforce/label/c.PSMS_PartnerForecast_Waterfall_Hint';
import LABEL_WATERFALL_SINCE from '@salesforce/label/c.PSMS_PartnerForecast_Waterfall_Since';
import LABEL_WATERFALL_PARTIAL from '@salesforce/label/c.PSMS_PartnerForecast_Waterfall_Partial';
import LABEL_NO_SNAPSHOTS from '@salesforce/label/c.PSMS_PartnerForecast_No_Snapshots';
import LABEL_ACCURACY from '@salesforce/label/c.PSMS_PartnerForecast_Accuracy_Title';
import LABEL_ACCURACY_BY from '@salesforce/label/c.PSMS_PartnerForecast_Accuracy_By';
import LABEL_ACCURACY_PERIOD from '@salesforce/label/c.PSMS_PartnerForecast_Accuracy_Period';
import LABEL_IN_PROGRESS_NOTE from '@salesforce/label/c.PSMS_AccuracyTable_In_Progress_Note';
import LABEL_NO_MANAGER from '@salesforce/label/c.PSMS_PartnerForecast_No_Manager';
import LABEL_WHOLE_TEAM from '@salesforce/label/c.PSMS_PartnerForecast_Whole_Team';
import LABEL_OPPORTUNITY from '@salesforce/label/c.PSMS_PartnerForecast_Opportunity';
import LABEL_AMOUNT from '@salesforce/label/c.PSMS_PartnerForecast_Amount';
import LABEL_STAGE from '@salesforce/label/c.PSMS_PartnerForecast_Stage';
import LABEL_CATEGORY from '@salesforce/label/c.PSMS_PartnerForecast_Category';
import LABEL_CLOSE_DATE from '@salesforce/label/c.PSMS_PartnerForecast_Close_Date';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';
import LABEL_BACKTEST from '@salesforce/label/c.PSMS_PartnerForecast_Backtest';
import LABEL_BACKTEST_NONE from '@salesforce/label/c.PSMS_PartnerForecast_Backtest_None';

interface Option {
  label: string;
  value: string;
}

const GROUP_LABELS: Readonly<Record<ForecastGrouping, string>> = {
  partner: LABEL_BY_PARTNER,
  owner: LABEL_BY_OWNER,
  manager: LABEL_BY_MANAGER,
  region: LABEL_BY_REGION
};
const DEALS_PER_PAGE = 10;

// Each response's deals indexed once: a render asks for the index from several getters, each
// of which indexed every deal again. The wires replace their data, never change it, so the
// deals array itself says when to index again.
const indexes = new WeakMap<readonly Psms.PartnerDeal[], PartnerDealIndex>();
function indexOf(deals: readonly Psms.PartnerDeal[]): PartnerDealIndex {
  let index = indexes.get(deals);
  if (index === undefined) {
    index = indexPartnerDeals(deals);
    indexes.set(deals, index);
  }
  return index;
}

export default class PartnerForecast extends LightningElement {
  today = todayIso();
  fiscalYearStartMonth: number | undefined;
  period: string | undefined;
  grouping: ForecastGrouping = 'partner';
  /** The scope asked for; null until the user picks one (the server then answers with the user's default). */
  scope: Psms.Scope | null = null;
  coSellOnly = false;
  selectedKey: string | null = null;
  dealPage = 0;
  selectedStep: string | null = null;
  stepPage = 0;
  /** The snapshot the waterfall starts from; undefined: about a week before the latest. */
  chosenSince: string | undefined;
  accuracyBy: AccuracyGrouping = 'partner';
  chosenAccuracyPeriod: string | undefined;

  pipeline: Psms.PipelineResponse | undefined;
  pastPipeline: Psms.PipelineResponse | undefined;
  snapshots: Psms.SnapshotsResponse | undefined;
  /** The calls and wins of earlier quarters the calibrated call and its backtest come from (SPEC §11). */
  calibrationInputs: Psms.CalibrationResponse | undefined;
  error: unknown;
  actionError: unknown;
  busy = false;
  private pipelineResult: Psms.Wired<Psms.PipelineResponse> | undefined;

  readonly canSubmitCalls = canSubmitCalls;
  readonly labels = {
    title: LABEL_TITLE,
    period: LABEL_PERIOD,
    grouping: LABEL_GROUPING,
    scope: LABEL_SCOPE,
    coSellOnly: LABEL_CO_SELL_ONLY,
    coSell: LABEL_CO_SELL,
    clear: LABEL_CLEAR,
    call: LABEL_CALL,
    waterfall: LABEL_WATERFALL,
    waterfallHint: LABEL_WATERFALL_HINT,
    since: LABEL_WATERFALL_SINCE,
    waterfallPartial: LABEL_WATERFALL_PARTIAL,
    waterfallDelta: LABEL_WATERFALL_DELTA,
    noSnapshots: LABEL_NO_SNAPSHOTS,
    accuracyBy: LABEL_ACCURACY_BY,
    accuracyPeriod: LABEL_ACCURACY_PERIOD,
    opportunity: LABEL_OPPORTUNITY,
    amount: LABEL_AMOUNT,
    stage: LABEL_STAGE,
    category: LABEL_CATEGORY,
    closeDate: LABEL_CLOSE_DATE,
    loading: LABEL_LOADING
  };
  readonly groupingOptions: Option[] = (['partner', 'owner', 'manager', 'region'] as const).map((by) => ({
    label: GROUP_LABELS[by],
    value: by
  }));
  readonly accuracyByOptions: Option[] = [
    { label: LABEL_BY_PARTNER, value: 'partner' },
    { label: LABEL_BY_MANAGER, value: 'manager' }
  ];
  readonly scopeOptions: Option[] = [
    { label: LABEL_SCOPE_MINE, value: 'mine' },
    { label: LABEL_SCOPE_TEAM, value: 'team' },
    { label: LABEL_SCOPE_ALL, value: 'all' }
  ];

  // Periods depend on the org's fiscal year start, so nothing is fetched before the settings arrive.
  @wire(getSettings)
  wiredSettings({ data, error }: Psms.Wired<Psms.SettingsResponse>): void {
    if (data) {
      this.fiscalYearStartMonth = data.fiscalYearStartMonth;
      this.period = this.period ?? fiscalPeriodOf(this.today, data.fiscalYearStartMonth).label;
    }
    this.error = error ?? this.error;
  }

  @wire(getPipeline, { period: '$period', scope: '$scope' })
  wiredPipeline(result: Psms.Wired<Psms.PipelineResponse>): void {
    this.pipelineResult = result;
    this.pipeline = result.data;
    this.error = result.error;
    if (result.data) {
      this.today = result.data.today;
    }
  }

  @wire(getPipeline, { period: '$accuracyPeriod', scope: '$scope' })
  wiredPastPipeline({ data }: Psms.Wired<Psms.PipelineResponse>): void {
    this.pastPipeline = data;
  }

  @wire(getCalibrationInputs, { period: '$calibrationPeriod' })
  wiredCalibration({ data }: Psms.Wired<Psms.CalibrationResponse>): void {
    this.calibrationInputs = data;
  }

  @wire(getSnapshots, { period: '$period' })
  wiredSnapshots({ data }: Psms.Wired<Psms.SnapshotsResponse>): void {
    this.snapshots = data;
  }

  get isLoading(): boolean {
    return this.period !== undefined && this.pipeline === undefined && this.error === undefined;
  }

  private get startMonth(): number {
    return this.fiscalYearStartMonth ?? 1;
  }

  private get current(): FiscalPeriod | undefined {
    return this.fiscalYearStartMonth === undefined ? undefined : fiscalPeriodOf(this.today, this.startMonth);
  }

  private get selectedPeriod(): FiscalPeriod | undefined {
    return this.period ? parsePeriod(this.period, this.startMonth) : undefined;
  }

  /** Four past quarters, this quarter and the next. */
  get periodOptions(): Option[] {
    const current = this.current;
    if (!current) {
      return [];
    }
    const options: Option[] = [];
    let past = current;
    for (let i = 0; i < 4; i++) {
      past = fiscalPeriodOf(addDays(past.start, -1), this.startMonth);
      options.unshift({ label: past.label, value: past.label });
    }
    options.push({ label: formatLabel(LABEL_THIS_QUARTER, current.label), value: current.label });
    const next = nextPeriod(current, this.startMonth);
    options.push({ label: formatLabel(LABEL_NEXT_QUARTER, next.label), value: next.label });
    return options;
  }

  // ---- The roll-up -----------------------------------------------------------------------

  private get index(): PartnerDealIndex {
    return this.pipeline ? indexOf(this.pipeline.partnerDeals) : new Map();
  }

  /** Opportunities with a co-sell partner deal (SPEC §7's co-sell opportunities). */
  private get coSellIds(): Set<string> {
    const ids = new Set<string>();
    for (const [id, entry] of this.index) {
      if (entry.coSell) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The period's opportunities the table covers: all, or only the co-sell ones. Summarised over
   * the whole channel, the partner rows carry no owner: the owner and manager groupings read the
   * per-owner rows instead (docs/scale.md).
   */
  private get opportunities(): Psms.Opportunity[] {
    const byOwner = this.grouping === 'owner' || this.grouping === 'manager';
    const rows = byOwner ? this.pipeline?.ownerOpportunities : undefined;
    const all = rows ?? this.pipeline?.opportunities ?? [];
    if (!this.coSellOnly) {
      return all;
    }
    const coSell = this.coSellIds;
    return all.filter((opp) => coSell.has(opp.Id));
  }

  private get keyOf(): GroupKeyOf {
    return forecastGroupKey({
      by: this.grouping,
      users: this.pipeline?.users ?? [],
      accounts: this.pipeline?.partners ?? []
    });
  }

  /** The period's partner-channel opportunities of one group, biggest first. */
  private groupDeals(key: string): Psms.Opportunity[] {
    const period = this.selectedPeriod;
    if (!period) {
      return [];
    }
    const index = this.index;
    const keyOf = this.keyOf;
    return this.opportunities
      .filter((opp) => {
        const primary = index.get(opp.Id)?.primary;
        return (
          !!primary &&
          opp.CloseDate >= period.start &&
          opp.CloseDate <= period.end &&
          keyOf(opp, primary) === key
        );
      })
      .sort((a, b) => (b.Amount ?? 0) - (a.Amount ?? 0));
  }

  private get rollUp(): { groups: ForecastTableRow[]; total: ForecastTableRow } | null {
    const data = this.pipeline;
    if (!data) {
      return null;
    }
    const report = rollUpForecast({
      period: data.period,
      by: this.grouping,
      opportunities: this.opportunities,
      partners: this.index,
      targets: data.targets,
      accounts: data.partners,
      users: data.users,
      fiscalYearStartMonth: this.fiscalYearStartMonth
    });
    // The call sits beside the roll-up, per partner; it never replaces the system's numbers.
    const shown = this.showCalls ? forecastBesideCall(report, data.calls) : report;
    const coSell = this.coSellCounts();
    const calibration = this.showCalls ? this.calibration : null;
    let calibratedTotal: number | null = null;
    const view = (row: ForecastRow & { commitCall?: number | null }): ForecastTableRow => {
      // Beside each partner's call, that call calibrated by the partner's past bias (SPEC §11).
      const calibratedCall =
        calibration === null || row.commitCall == null
          ? null
          : calibrateCall(row.commitCall, calibration.of(row.key).bias);
      if (calibratedCall !== null) {
        calibratedTotal = (calibratedTotal ?? 0) + calibratedCall;
      }
      return {
        ...row,
        label: groupLabel(this.grouping, row.key, row.label),
        coSellDeals: coSell.get(row.key) ?? 0,
        calibratedCall
      };
    };
    const groups = shown.groups.map(view);
    // The total keeps the leadership total of the calls (partners' calls plus whole-team
    // adjustments, SPEC §3); its calibrated call sums the partners' only (an adjustment is no
    // partner's call), so the total is not calibrated again.
    const total = shown.total as ForecastRow & { commitCall?: number | null };
    return {
      groups,
      total: {
        ...total,
        label: groupLabel(this.grouping, total.key, total.label),
        coSellDeals: coSell.get(total.key) ?? 0,
        calibratedCall: calibratedTotal
      }
    };
  }

  /** The calibration of this period's calls from the history before it; null until it arrives. */
  private get calibration(): Calibration | null {
    const data = this.calibrationInputs;
    if (!data || data.period !== this.period) {
      return null;
    }
    return calibrationFor(data.period, {
      submissions: data.calls,
      opportunities: data.opportunities,
      partners: indexOf(data.partnerDeals),
      fiscalYearStartMonth: this.fiscalYearStartMonth
    });
  }

  /** How much calibration would have reduced the error of the closed quarters' calls. */
  get backtestText(): string {
    const data = this.calibrationInputs;
    if (!data) {
      return '';
    }
    const backtest = backtestCalibration({
      submissions: data.calls,
      opportunities: data.opportunities,
      partners: indexOf(data.partnerDeals),
      fiscalYearStartMonth: this.fiscalYearStartMonth,
      today: data.today
    });
    return backtest.n === 0
      ? LABEL_BACKTEST_NONE
      : formatLabel(
          LABEL_BACKTEST,
          formatNumber(backtest.n, 0),
          formatPercent(backtest.rawError),
          formatPercent(backtest.calibratedError)
        );
  }

  /** Co-sell opportunities per group, for the table's marker. */
  private coSellCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    const period = this.selectedPeriod;
    if (!period) {
      return counts;
    }
    const index = this.index;
    const keyOf = this.keyOf;
    for (const opp of this.opportunities) {
      const entry = index.get(opp.Id);
      if (entry?.primary && entry.coSell && opp.CloseDate >= period.start && opp.CloseDate <= period.end) {
        const key = keyOf(opp, entry.primary);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  }

  get rows(): ForecastTableRow[] {
    return this.rollUp?.groups ?? [];
  }

  get total(): ForecastTableRow | null {
    return this.rollUp?.total ?? null;
  }

  get showCalls(): boolean {
    return this.grouping === 'partner' && this.pipeline?.readsCalls !== false;
  }

  /** Calibration reads past calls: asked for only once the pipeline says the user reads calls. */
  get calibrationPeriod(): string | undefined {
    return this.pipeline?.readsCalls ? this.period : undefined;
  }

  get groupHeading(): string {
    return GROUP_LABELS[this.grouping];
  }

  get callPartnerOptions(): Option[] {
    const partners = (this.pipeline?.partners ?? []).map((account) => ({
      label: account.Name ?? '',
      value: account.Id
    }));
    return [{ label: LABEL_WHOLE_TEAM, value: '' }, ...partners];
  }

  // ---- A group's deals -------------------------------------------------------------------

  get hasDrill(): boolean {
    return this.selectedKey !== null;
  }

  private get selectedLabel(): string {
    return this.rows.find((group) => group.key === this.selectedKey)?.label ?? '';
  }

  get drillTitle(): string {
    return formatLabel(LABEL_DRILL, this.selectedLabel);
  }

  private get allDrillRows(): DealRow[] {
    if (this.selectedKey === null) {
      return [];
    }
    const coSell = this.coSellIds;
    return this.groupDeals(this.selectedKey).map((opp) => dealRowView(opp, coSell.has(opp.Id)));
  }

  get drillCount(): number {
    return this.allDrillRows.length;
  }

  get drillRows(): DealRow[] {
    return pageOf(this.allDrillRows, this.dealPage, DEALS_PER_PAGE).rows;
  }

  get drillPage(): number {
    return pageOf(this.allDrillRows, this.dealPage, DEALS_PER_PAGE).page;
  }

  get dealsPerPage(): number {
    return DEALS_PER_PAGE;
  }

  // ---- The waterfall over the table's scope ----------------------------------------------

  /** The table's scope for snapshot rows: its owners, its co-sell filter, its selected group. */
  private get waterfallScope(): WaterfallScope {
    const owners =
      this.scopeValue === 'all'
        ? null
        : new Set((this.pipeline?.opportunities ?? []).map((opp) => opp.OwnerId ?? ''));
    return {
      owners,
      // Summarised pairs are not deals: the co-sell filter narrows the table only (docs/scale.md).
      opportunities: this.coSellOnly && this.snapshots?.aggregated !== true ? this.coSellIds : null,
      group: this.selectedKey === null ? null : { key: this.selectedKey, keyOf: this.keyOf }
    };
  }

  /** The earlier snapshot: the one chosen, else about a week before the latest. */
  get since(): string | null {
    const dates = this.snapshots?.dates ?? [];
    const chosen = this.chosenSince;
    return chosen !== undefined && dates.slice(0, -1).includes(chosen) ? chosen : weekBefore(dates);
  }

  /** Every snapshot before the latest, newest first. */
  get sinceOptions(): Option[] {
    return (this.snapshots?.dates ?? [])
      .slice(0, -1)
      .reverse()
      .map((date) => ({ label: date, value: date }));
  }

  private get model(): WaterfallModel | null {
    const data = this.snapshots;
    const period = this.selectedPeriod;
    if (!data || !period || !this.pipeline) {
      return null;
    }
    // Summarised over the whole channel, the partner rows carry no owner: the owner and manager
    // groupings read the per-owner rows (docs/scale.md).
    const byOwner = this.grouping === 'owner' || this.grouping === 'manager';
    const ownerRows = byOwner ? data.ownerSnapshots : undefined;
    const shown = ownerRows ? { ...data, snapshots: ownerRows } : data;
    return waterfallModel(shown, this.since, period, this.waterfallScope, diffSnapshots);
  }

  get waterfall() {
    return this.model?.steps ?? [];
  }

  get hasWaterfall(): boolean {
    return this.model !== null;
  }

  /**
   * A snapshot taken today must end exactly on the table. When it does not, some of the table's
   * deals have snapshots the user may not read (snapshots are Private: a manager reads the team's):
   * say so rather than show a waterfall that silently disagrees with the table.
   */
  get waterfallIsPartial(): boolean {
    const model = this.model;
    const total = this.rollUp?.total;
    if (!model || !total || model.to !== this.today) {
      return false;
    }
    const selected =
      this.selectedKey === null ? total : this.rows.find((row) => row.key === this.selectedKey);
    return selected !== undefined && Math.abs(model.report.commitTo - selected.commitForecast) >= 0.01;
  }

  get waterfallScopeText(): string {
    const model = this.model;
    if (!model) {
      return '';
    }
    const scope = this.selectedKey === null ? LABEL_WATERFALL_ALL : this.selectedLabel;
    return formatLabel(LABEL_WATERFALL_SCOPE, scope, model.from, model.to);
  }

  private get stepLabel(): string {
    return this.waterfall.find((step) => step.key === this.selectedStep)?.label ?? '';
  }

  /** Summarised, a bar's rows are groups of deals, not deals: no list behind it (docs/scale.md). */
  get hasStepDeals(): boolean {
    return this.selectedStep !== null && this.model !== null && this.snapshots?.aggregated !== true;
  }

  get stepDealsTitle(): string {
    return formatLabel(LABEL_WATERFALL_DEALS, this.stepLabel);
  }

  private get allStepDeals() {
    const model = this.model;
    const period = this.selectedPeriod;
    if (!model || !period || this.selectedStep === null) {
      return [];
    }
    // Names of the deals still in the period; the others (pushed out, lost) are named by their link.
    const names = new Map((this.pipeline?.opportunities ?? []).map((opp) => [opp.Id, opp.Name ?? '']));
    return dealsBehind(model, this.selectedStep, period).map((deal) => ({
      id: deal.id,
      name: names.get(deal.id) ?? '',
      amount: `${deal.amount > 0 && this.selectedStep !== 'from' && this.selectedStep !== 'to' ? '+' : ''}${formatMoney(deal.amount)}`
    }));
  }

  get stepDealCount(): number {
    return this.allStepDeals.length;
  }

  get stepDeals() {
    return pageOf(this.allStepDeals, this.stepPage, DEALS_PER_PAGE).rows;
  }

  get stepDealPage(): number {
    return pageOf(this.allStepDeals, this.stepPage, DEALS_PER_PAGE).page;
  }

  // ---- Accuracy ----------------------------------------------------------------------------

  /** The chosen period, else the last quarter that has ended (accuracy is measured at the end). */
  get accuracyPeriod(): string | undefined {
    const current = this.current;
    if (!current) {
      return undefined;
    }
    return this.chosenAccuracyPeriod ?? fiscalPeriodOf(addDays(current.start, -1), this.startMonth).label;
  }

  /** Past quarters and this one (a call for next quarter cannot be measured yet). */
  get accuracyPeriodOptions(): Option[] {
    return this.periodOptions.slice(0, -1);
  }

  get accuracyTitle(): string {
    return formatLabel(LABEL_ACCURACY, this.accuracyPeriod ?? '');
  }

  private get accuracyReport() {
    const data = this.pastPipeline;
    if (!data) {
      return null;
    }
    return forecastAccuracy({
      period: data.period,
      submissions: data.calls,
      opportunities: data.opportunities,
      partners: indexOf(data.partnerDeals),
      by: this.accuracyBy,
      today: this.today,
      accounts: data.partners,
      users: data.users,
      fiscalYearStartMonth: this.fiscalYearStartMonth
    });
  }

  get accuracy(): { rows: AccuracyRowView[]; total: AccuracyRowView; inProgress: boolean } | null {
    const report = this.accuracyReport;
    if (!report) {
      return null;
    }
    const name = (key: string, label: string) => (key === 'none' ? LABEL_NO_MANAGER : label);
    return {
      rows: report.groups.map((row) => accuracyRowView(row, name(row.key, row.label), report.inProgress)),
      total: accuracyRowView(report.total, LABEL_WHOLE_TEAM, report.inProgress),
      inProgress: report.inProgress
    };
  }

  get accuracyNote(): string {
    const report = this.accuracyReport;
    if (!report?.inProgress) {
      return '';
    }
    return formatLabel(
      LABEL_IN_PROGRESS_NOTE,
      report.period,
      parsePeriod(report.period, this.startMonth).end
    );
  }

  get accuracyGroupLabel(): string {
    return this.accuracyBy === 'manager' ? LABEL_BY_MANAGER : LABEL_BY_PARTNER;
  }

  // ---- Events ------------------------------------------------------------------------------

  private clearSelection(): void {
    this.selectedKey = null;
    this.selectedStep = null;
    this.dealPage = 0;
    this.stepPage = 0;
  }

  handlePeriod(event: CustomEvent<{ value: string }>): void {
    this.period = event.detail.value;
    this.chosenSince = undefined;
    this.clearSelection();
  }

  handleGrouping(event: CustomEvent<{ value: ForecastGrouping }>): void {
    this.grouping = event.detail.value;
    this.clearSelection();
  }

  /** The scope shown: the one picked, else the one answered (the user's default). */
  get scopeValue(): Psms.Scope {
    return this.scope ?? this.pipeline?.scope ?? 'team';
  }

  handleScope(event: CustomEvent<{ value: Psms.Scope }>): void {
    this.scope = event.detail.value;
    this.clearSelection();
  }

  handleCoSell(event: Event): void {
    this.coSellOnly = (event.target as HTMLInputElement).checked;
    this.clearSelection();
  }

  handleDrill(event: CustomEvent<{ key: string }>): void {
    const key = this.selectedKey === event.detail.key ? null : event.detail.key;
    this.clearSelection();
    this.selectedKey = key;
  }

  handleClearGroup(): void {
    this.clearSelection();
  }

  handleDealPage(event: CustomEvent<{ page: number }>): void {
    this.dealPage = event.detail.page;
  }

  handleStep(event: CustomEvent<{ key: string }>): void {
    this.selectedStep = this.selectedStep === event.detail.key ? null : event.detail.key;
    this.stepPage = 0;
  }

  handleSince(event: CustomEvent<{ value: string }>): void {
    this.chosenSince = event.detail.value;
    this.selectedStep = null;
    this.stepPage = 0;
  }

  handleStepPage(event: CustomEvent<{ page: number }>): void {
    this.stepPage = event.detail.page;
  }

  handleAccuracyBy(event: CustomEvent<{ value: AccuracyGrouping }>): void {
    this.accuracyBy = event.detail.value;
  }

  handleAccuracyPeriod(event: CustomEvent<{ value: string }>): void {
    this.chosenAccuracyPeriod = event.detail.value;
  }

  async handleSubmitCall(event: CustomEvent<Omit<Psms.ForecastCallRequest, 'period'>>): Promise<void> {
    this.busy = true;
    this.actionError = undefined;
    try {
      const call = { ...event.detail, period: this.period ?? '' };
      await submitForecastCall(call);
      // Cleared only once the server kept it: a refused call stays on screen to be corrected.
      (this.template?.querySelector('c-forecast-call-form') as { reset?: () => void } | null)?.reset?.();
      const partner = this.callPartnerOptions.find(
        (option) => option.value === (call.partnerAccountId ?? '')
      );
      this.dispatchEvent(
        new ShowToastEvent({
          title: LABEL_CALL_SAVED,
          message: formatLabel(
            LABEL_CALL_SAVED_DETAIL,
            call.period,
            partner?.label ?? LABEL_WHOLE_TEAM,
            formatMoney(call.commitCall),
            formatMoney(call.bestCaseCall)
          ),
          variant: 'success'
        })
      );
      await refreshApex(this.pipelineResult);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}
