// Container component: the partner KPIs of SPEC §7 for a period, partner channel beside direct, computed by the engine.
import { LightningElement, wire } from 'lwc';
import getKpiInputs from '@salesforce/apex/PartnerKpiController.getKpiInputs';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { addDays, computeKpis, fiscalPeriodOf, forecastAccuracy, indexPartnerDeals } from 'c/psmsEngine';
import { formatMoney, formatNumber, formatPercent, todayIso } from 'c/displayFormat';
import LABEL_TITLE from '@salesforce/label/c.PSMS_PartnerKpis_Title';
import LABEL_PERIOD from '@salesforce/label/c.PSMS_Label_Period';
import LABEL_KPI from '@salesforce/label/c.PSMS_PartnerKpis_Kpi';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_PartnerKpis_Partner_Channel';
import LABEL_DIRECT from '@salesforce/label/c.PSMS_PartnerKpis_Direct';
import LABEL_RECRUITMENT from '@salesforce/label/c.PSMS_PartnerKpis_Recruitment_Rate';
import LABEL_RECRUITMENT_TARGET from '@salesforce/label/c.PSMS_PartnerKpis_Recruitment_Vs_Target';
import LABEL_ACTIVATION from '@salesforce/label/c.PSMS_PartnerKpis_Activation_Rate';
import LABEL_TTFR_MEDIAN from '@salesforce/label/c.PSMS_PartnerKpis_Ttfr_Median';
import LABEL_TTFR_MEAN from '@salesforce/label/c.PSMS_PartnerKpis_Ttfr_Mean';
import LABEL_CO_SELL_COUNT from '@salesforce/label/c.PSMS_PartnerKpis_Co_Sell_Count';
import LABEL_CO_SELL_AMOUNT from '@salesforce/label/c.PSMS_PartnerKpis_Co_Sell_Amount';
import LABEL_SOURCED from '@salesforce/label/c.PSMS_PartnerKpis_Sourced_Share';
import LABEL_ATTAINMENT from '@salesforce/label/c.PSMS_PartnerKpis_Attainment';
import LABEL_IN_PROGRESS from '@salesforce/label/c.PSMS_AccuracyTable_In_Progress';
import LABEL_ACCURACY from '@salesforce/label/c.PSMS_PartnerKpis_Accuracy';
import LABEL_BIAS from '@salesforce/label/c.PSMS_PartnerKpis_Bias';
import LABEL_WIN_COUNT from '@salesforce/label/c.PSMS_PartnerKpis_Win_Rate_Count';
import LABEL_WIN_AMOUNT from '@salesforce/label/c.PSMS_PartnerKpis_Win_Rate_Amount';
import LABEL_DEAL_SIZE from '@salesforce/label/c.PSMS_PartnerKpis_Deal_Size';
import LABEL_CYCLE from '@salesforce/label/c.PSMS_PartnerKpis_Sales_Cycle';
import LABEL_COVERAGE from '@salesforce/label/c.PSMS_PartnerKpis_Coverage';
import LABEL_ROI from '@salesforce/label/c.PSMS_PartnerKpis_Program_Roi';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';

interface KpiRow {
  key: string;
  label: string;
  partner: string;
  direct: string;
}

export default class PartnerKpis extends LightningElement {
  today = todayIso();
  fiscalYearStartMonth: number | undefined;
  period: string | undefined;
  inputs: Psms.KpiResponse | undefined;
  error: unknown;

  readonly labels = {
    title: LABEL_TITLE,
    period: LABEL_PERIOD,
    kpi: LABEL_KPI,
    partner: LABEL_PARTNER,
    direct: LABEL_DIRECT,
    loading: LABEL_LOADING
  };

  @wire(getSettings)
  wiredSettings({ data, error }: Psms.Wired<Psms.SettingsResponse>): void {
    if (data) {
      this.fiscalYearStartMonth = data.fiscalYearStartMonth;
      this.period = this.period ?? fiscalPeriodOf(this.today, data.fiscalYearStartMonth).label;
    }
    this.error = error ?? this.error;
  }

  @wire(getKpiInputs, { period: '$period' })
  wiredInputs({ data, error }: Psms.Wired<Psms.KpiResponse>): void {
    this.inputs = data;
    this.error = error;
  }

  get isLoading(): boolean {
    return this.period !== undefined && this.inputs === undefined && this.error === undefined;
  }

  /** This quarter and the four before it: KPIs describe what has happened. */
  get periodOptions() {
    if (this.fiscalYearStartMonth === undefined) {
      return [];
    }
    const options = [];
    let period = fiscalPeriodOf(this.today, this.fiscalYearStartMonth);
    for (let i = 0; i < 5; i++) {
      options.push({ label: period.label, value: period.label });
      period = fiscalPeriodOf(addDays(period.start, -1), this.fiscalYearStartMonth);
    }
    return options;
  }

  get rows(): KpiRow[] {
    const data = this.inputs;
    if (!data) {
      return [];
    }
    const partners = indexPartnerDeals(data.partnerDeals);
    const kpis = computeKpis({
      period: data.period,
      accounts: data.partners,
      opportunities: data.opportunities,
      partners,
      targets: data.targets,
      fiscalYearStartMonth: this.fiscalYearStartMonth
    });
    // Measured when the period ends: a running one reads "In progress", never 0 %.
    const measured = forecastAccuracy({
      period: data.period,
      submissions: data.calls,
      opportunities: data.opportunities,
      partners,
      today: data.today,
      fiscalYearStartMonth: this.fiscalYearStartMonth
    });
    const accuracy = measured.total;
    const ratioOrProgress = (value: number | null): string => {
      return measured.inProgress ? LABEL_IN_PROGRESS : formatPercent(value);
    };
    // KPIs defined for the channel only have no direct counterpart: that cell stays empty.
    const row = (key: string, label: string, partner: string, direct = ''): KpiRow => ({
      key,
      label,
      partner,
      direct
    });
    return [
      row('recruitment', LABEL_RECRUITMENT, formatPercent(kpis.recruitmentRate)),
      row('recruitmentTarget', LABEL_RECRUITMENT_TARGET, formatPercent(kpis.recruitmentVsTarget)),
      row('activation', LABEL_ACTIVATION, formatPercent(kpis.activationRate)),
      row('ttfrMedian', LABEL_TTFR_MEDIAN, formatNumber(kpis.timeToFirstRevenue.median)),
      row('ttfrMean', LABEL_TTFR_MEAN, formatNumber(kpis.timeToFirstRevenue.mean)),
      row('coSellCount', LABEL_CO_SELL_COUNT, formatPercent(kpis.coSellShare.count)),
      row('coSellAmount', LABEL_CO_SELL_AMOUNT, formatPercent(kpis.coSellShare.amount)),
      row('sourced', LABEL_SOURCED, formatPercent(kpis.partnerSourcedShare)),
      row('attainment', LABEL_ATTAINMENT, formatPercent(kpis.attainment)),
      row('accuracy', LABEL_ACCURACY, ratioOrProgress(accuracy.accuracy)),
      row('bias', LABEL_BIAS, ratioOrProgress(accuracy.bias)),
      row(
        'winCount',
        LABEL_WIN_COUNT,
        formatPercent(kpis.winRate.partner.count),
        formatPercent(kpis.winRate.direct.count)
      ),
      row(
        'winAmount',
        LABEL_WIN_AMOUNT,
        formatPercent(kpis.winRate.partner.amount),
        formatPercent(kpis.winRate.direct.amount)
      ),
      row(
        'dealSize',
        LABEL_DEAL_SIZE,
        formatMoney(kpis.avgDealSize.partner),
        formatMoney(kpis.avgDealSize.direct)
      ),
      row(
        'cycle',
        LABEL_CYCLE,
        formatNumber(kpis.salesCycleDays.partner),
        formatNumber(kpis.salesCycleDays.direct)
      ),
      row('coverage', LABEL_COVERAGE, formatNumber(kpis.coverage)),
      row('roi', LABEL_ROI, formatPercent(kpis.programRoi))
    ];
  }

  handlePeriod(event: CustomEvent<{ value: string }>): void {
    this.period = event.detail.value;
  }
}
