// Container component: the partner forecast tab — roll-up by partner or owner beside the managers' calls, drill-down, call submission, waterfall and accuracy.
import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPipeline from '@salesforce/apex/PartnerForecastController.getPipeline';
import getSnapshots from '@salesforce/apex/PartnerForecastController.getSnapshots';
import submitForecastCall from '@salesforce/apex/PartnerForecastController.submitForecastCall';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import {
  addDays,
  diffSnapshots,
  fiscalPeriodOf,
  forecastAccuracy,
  forecastBesideCall,
  indexPartnerDeals,
  nextPeriod,
  parsePeriod,
  rollUpForecast,
  type FiscalPeriod,
  type ForecastRow,
  type PartnerDealIndex
} from 'c/psmsEngine';
import { formatLabel, formatMoney, todayIso } from 'c/displayFormat';
import {
  accuracyRowView,
  forecastRowView,
  type AccuracyRowView,
  type Calls,
  type ForecastRowView
} from './forecastView';
import { waterfallSteps, type WaterfallStep } from './waterfallSteps';
import LABEL_TITLE from '@salesforce/label/c.PSMS_PartnerForecast_Title';
import LABEL_PERIOD from '@salesforce/label/c.PSMS_Label_Period';
import LABEL_GROUPING from '@salesforce/label/c.PSMS_PartnerForecast_Grouping';
import LABEL_BY_PARTNER from '@salesforce/label/c.PSMS_PartnerForecast_By_Partner';
import LABEL_BY_OWNER from '@salesforce/label/c.PSMS_PartnerForecast_By_Owner';
import LABEL_SCOPE from '@salesforce/label/c.PSMS_Scope_Label';
import LABEL_SCOPE_MINE from '@salesforce/label/c.PSMS_Scope_Mine';
import LABEL_SCOPE_TEAM from '@salesforce/label/c.PSMS_Scope_Team';
import LABEL_SCOPE_ALL from '@salesforce/label/c.PSMS_Scope_All';
import LABEL_THIS_QUARTER from '@salesforce/label/c.PSMS_PartnerForecast_This_Quarter';
import LABEL_NEXT_QUARTER from '@salesforce/label/c.PSMS_PartnerForecast_Next_Quarter';
import LABEL_DRILL from '@salesforce/label/c.PSMS_PartnerForecast_Drill_Title';
import LABEL_CALL from '@salesforce/label/c.PSMS_PartnerForecast_Call_Title';
import LABEL_CALL_SAVED from '@salesforce/label/c.PSMS_PartnerForecast_Call_Saved';
import LABEL_WATERFALL from '@salesforce/label/c.PSMS_PartnerForecast_Waterfall_Title';
import LABEL_NO_SNAPSHOTS from '@salesforce/label/c.PSMS_PartnerForecast_No_Snapshots';
import LABEL_ACCURACY from '@salesforce/label/c.PSMS_PartnerForecast_Accuracy_Title';
import LABEL_WHOLE_TEAM from '@salesforce/label/c.PSMS_PartnerForecast_Whole_Team';
import LABEL_OPPORTUNITY from '@salesforce/label/c.PSMS_PartnerForecast_Opportunity';
import LABEL_AMOUNT from '@salesforce/label/c.PSMS_PartnerForecast_Amount';
import LABEL_STAGE from '@salesforce/label/c.PSMS_PartnerForecast_Stage';
import LABEL_CATEGORY from '@salesforce/label/c.PSMS_PartnerForecast_Category';
import LABEL_CLOSE_DATE from '@salesforce/label/c.PSMS_PartnerForecast_Close_Date';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';

type Grouping = 'partner' | 'owner';
interface Option {
  label: string;
  value: string;
}

export default class PartnerForecast extends LightningElement {
  today = todayIso();
  fiscalYearStartMonth: number | undefined;
  period: string | undefined;
  grouping: Grouping = 'partner';
  scope: Psms.Scope = 'team';
  selectedKey: string | null = null;

  pipeline: Psms.PipelineResponse | undefined;
  pastPipeline: Psms.PipelineResponse | undefined;
  snapshots: Psms.SnapshotsResponse | undefined;
  error: unknown;
  actionError: unknown;
  busy = false;
  private pipelineResult: Psms.Wired<Psms.PipelineResponse> | undefined;

  readonly labels = {
    title: LABEL_TITLE,
    period: LABEL_PERIOD,
    grouping: LABEL_GROUPING,
    scope: LABEL_SCOPE,
    drill: LABEL_DRILL,
    call: LABEL_CALL,
    waterfall: LABEL_WATERFALL,
    noSnapshots: LABEL_NO_SNAPSHOTS,
    opportunity: LABEL_OPPORTUNITY,
    amount: LABEL_AMOUNT,
    stage: LABEL_STAGE,
    category: LABEL_CATEGORY,
    closeDate: LABEL_CLOSE_DATE,
    loading: LABEL_LOADING
  };
  readonly groupingOptions: Option[] = [
    { label: LABEL_BY_PARTNER, value: 'partner' },
    { label: LABEL_BY_OWNER, value: 'owner' }
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

  // Accuracy is measured on a period that has ended: the selected one, or else the last quarter.
  @wire(getPipeline, { period: '$accuracyPeriod', scope: '$scope' })
  wiredPastPipeline({ data }: Psms.Wired<Psms.PipelineResponse>): void {
    this.pastPipeline = data;
  }

  @wire(getSnapshots, { period: '$period' })
  wiredSnapshots({ data }: Psms.Wired<Psms.SnapshotsResponse>): void {
    this.snapshots = data;
  }

  get isLoading(): boolean {
    return this.period !== undefined && this.pipeline === undefined && this.error === undefined;
  }

  private get current(): FiscalPeriod | undefined {
    return this.fiscalYearStartMonth === undefined
      ? undefined
      : fiscalPeriodOf(this.today, this.fiscalYearStartMonth);
  }

  /** Four past quarters, this quarter and the next. */
  get periodOptions(): Option[] {
    const current = this.current;
    if (!current) {
      return [];
    }
    const start = this.fiscalYearStartMonth ?? 1;
    const options: Option[] = [];
    let past = current;
    for (let i = 0; i < 4; i++) {
      past = fiscalPeriodOf(addDays(past.start, -1), start);
      options.unshift({ label: past.label, value: past.label });
    }
    options.push({ label: formatLabel(LABEL_THIS_QUARTER, current.label), value: current.label });
    const next = nextPeriod(current, start);
    options.push({ label: formatLabel(LABEL_NEXT_QUARTER, next.label), value: next.label });
    return options;
  }

  get accuracyPeriod(): string | undefined {
    const current = this.current;
    if (!current || !this.period) {
      return undefined;
    }
    const selected = parsePeriod(this.period, this.fiscalYearStartMonth);
    return selected.end < this.today
      ? selected.label
      : fiscalPeriodOf(addDays(current.start, -1), this.fiscalYearStartMonth).label;
  }

  private get index(): PartnerDealIndex {
    return indexPartnerDeals(this.pipeline?.partnerDeals ?? []);
  }

  private get rollUp() {
    const data = this.pipeline;
    if (!data) {
      return null;
    }
    const report = rollUpForecast({
      period: data.period,
      by: this.grouping,
      opportunities: data.opportunities,
      partners: this.index,
      targets: data.targets,
      accounts: data.partners,
      users: data.users,
      fiscalYearStartMonth: this.fiscalYearStartMonth
    });
    // The call sits beside the roll-up, per partner; it never replaces the system's numbers.
    if (this.grouping === 'partner') {
      const withCalls = forecastBesideCall(report, data.calls);
      return {
        groups: withCalls.groups as (ForecastRow & Calls)[],
        total: withCalls.total as ForecastRow & Calls
      };
    }
    return { groups: report.groups as (ForecastRow & Calls)[], total: report.total as ForecastRow & Calls };
  }

  get rows(): ForecastRowView[] {
    return (this.rollUp?.groups ?? []).map(forecastRowView);
  }

  get total(): ForecastRowView | null {
    const total = this.rollUp?.total;
    return total ? forecastRowView(total) : null;
  }

  get showCalls(): boolean {
    return this.grouping === 'partner';
  }

  get callPartnerOptions(): Option[] {
    const partners = (this.pipeline?.partners ?? []).map((account) => ({
      label: account.Name ?? account.Id,
      value: account.Id
    }));
    return [{ label: LABEL_WHOLE_TEAM, value: '' }, ...partners];
  }

  get drillTitle(): string {
    const row = this.rows.find((group) => group.key === this.selectedKey);
    return formatLabel(LABEL_DRILL, row?.label ?? '');
  }

  /** The selected group's opportunities in the period, biggest first. */
  get drillRows() {
    const data = this.pipeline;
    if (!data || this.selectedKey === null) {
      return [];
    }
    const { start, end } = parsePeriod(data.period, this.fiscalYearStartMonth);
    const index = this.index;
    return data.opportunities
      .filter((opp) => {
        const primary = index.get(opp.Id)?.primary;
        if (!primary || opp.CloseDate < start || opp.CloseDate > end) {
          return false;
        }
        return (this.grouping === 'partner' ? primary.Partner_Account__c : opp.OwnerId) === this.selectedKey;
      })
      .sort((a, b) => (b.Amount ?? 0) - (a.Amount ?? 0))
      .map((opp) => ({
        id: opp.Id,
        name: opp.Name ?? opp.Id,
        amount: formatMoney(opp.Amount ?? 0),
        stage: opp.StageName ?? '',
        category: opp.ForecastCategoryName ?? '',
        closeDate: opp.CloseDate
      }));
  }

  get hasDrill(): boolean {
    return this.selectedKey !== null;
  }

  get waterfall(): WaterfallStep[] {
    const data = this.snapshots;
    if (!data || data.dates.length < 2 || !this.period) {
      return [];
    }
    return waterfallSteps(data, parsePeriod(this.period, this.fiscalYearStartMonth), diffSnapshots);
  }

  get hasWaterfall(): boolean {
    return this.waterfall.length > 0;
  }

  get waterfallDescription(): string {
    const dates = this.snapshots?.dates ?? [];
    return dates.length < 2 ? '' : `${dates[dates.length - 2]} → ${dates[dates.length - 1]}`;
  }

  get accuracyTitle(): string {
    return formatLabel(LABEL_ACCURACY, this.accuracyPeriod ?? '');
  }

  get accuracy(): { rows: AccuracyRowView[]; total: AccuracyRowView } | null {
    const data = this.pastPipeline;
    if (!data) {
      return null;
    }
    const report = forecastAccuracy({
      period: data.period,
      submissions: data.calls,
      opportunities: data.opportunities,
      partners: indexPartnerDeals(data.partnerDeals),
      fiscalYearStartMonth: this.fiscalYearStartMonth
    });
    const names = new Map(data.partners.map((account) => [account.Id, account.Name ?? account.Id]));
    return {
      rows: report.groups.map((row) => accuracyRowView(row, names.get(row.key) ?? row.key)),
      total: accuracyRowView(report.total, LABEL_WHOLE_TEAM)
    };
  }

  handlePeriod(event: CustomEvent<{ value: string }>): void {
    this.period = event.detail.value;
    this.selectedKey = null;
  }

  handleGrouping(event: CustomEvent<{ value: Grouping }>): void {
    this.grouping = event.detail.value;
    this.selectedKey = null;
  }

  handleScope(event: CustomEvent<{ value: Psms.Scope }>): void {
    this.scope = event.detail.value;
  }

  handleDrill(event: CustomEvent<{ key: string }>): void {
    this.selectedKey = this.selectedKey === event.detail.key ? null : event.detail.key;
  }

  async handleSubmitCall(event: CustomEvent<Omit<Psms.ForecastCallRequest, 'period'>>): Promise<void> {
    this.busy = true;
    this.actionError = undefined;
    try {
      await submitForecastCall({ ...event.detail, period: this.period ?? '' });
      this.dispatchEvent(new ShowToastEvent({ title: LABEL_CALL_SAVED, variant: 'success' }));
      await refreshApex(this.pipelineResult);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}
