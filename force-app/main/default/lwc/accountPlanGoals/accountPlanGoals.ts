// Presentation component: every account plan (SPEC §12), healthy ones too — objectives, revenue and co-sell goals against what was won, and the partner's satisfaction; paged.
import { LightningElement, api } from 'lwc';
import type { PlanAttainment } from 'c/psmsEngine';
import { formatLabel, formatMoney, formatNumber, formatPercent } from 'c/displayFormat';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_PlanGoals_Caption';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_PlanGoals_Partner';
import LABEL_YEAR from '@salesforce/label/c.PSMS_PlanGoals_Year';
import LABEL_STATUS from '@salesforce/label/c.PSMS_PlanGoals_Status';
import LABEL_REVENUE from '@salesforce/label/c.PSMS_PlanGoals_Revenue';
import LABEL_REVENUE_OF from '@salesforce/label/c.PSMS_PlanGoals_Revenue_Of';
import LABEL_CO_SELL from '@salesforce/label/c.PSMS_PlanGoals_Co_Sell';
import LABEL_CO_SELL_OF from '@salesforce/label/c.PSMS_PlanGoals_Co_Sell_Of';
import LABEL_SATISFACTION from '@salesforce/label/c.PSMS_PlanGoals_Satisfaction';
import LABEL_OBJECTIVES from '@salesforce/label/c.PSMS_PlanGoals_Objectives';
import LABEL_NONE from '@salesforce/label/c.PSMS_PlanGoals_None';
import LABEL_MORE from '@salesforce/label/c.PSMS_Agenda_Show_More';

const PAGE = 15;

export default class AccountPlanGoals extends LightningElement {
  @api plans: PlanAttainment[] = [];
  /** Record id → name. */
  @api names: Record<string, string> = {};

  showAll = false;

  readonly labels = {
    caption: LABEL_CAPTION,
    partner: LABEL_PARTNER,
    year: LABEL_YEAR,
    status: LABEL_STATUS,
    revenue: LABEL_REVENUE,
    coSell: LABEL_CO_SELL,
    satisfaction: LABEL_SATISFACTION,
    objectives: LABEL_OBJECTIVES,
    none: LABEL_NONE
  };

  get hasPlans(): boolean {
    return this.plans.length > 0;
  }

  private get sorted() {
    return this.plans
      .map((plan) => ({
        key: plan.planId,
        planId: plan.planId,
        partner: this.names[plan.partnerId] ?? plan.partnerId,
        year: plan.fiscalYear ?? '',
        status: plan.status ?? '',
        revenue: formatPercent(plan.revenueAttainment),
        revenueDetail: formatLabel(
          LABEL_REVENUE_OF,
          formatMoney(plan.revenue),
          formatMoney(plan.revenueGoal)
        ),
        coSell: formatPercent(plan.coSellAttainment),
        coSellDetail: formatLabel(
          LABEL_CO_SELL_OF,
          formatNumber(plan.coSellWins, 0),
          formatNumber(plan.coSellGoal, 0)
        ),
        satisfaction: formatNumber(plan.satisfaction, 0),
        objectives: plan.objectives ?? ''
      }))
      .sort((a, b) => b.year.localeCompare(a.year) || a.partner.localeCompare(b.partner));
  }

  get rows() {
    return this.showAll ? this.sorted : this.sorted.slice(0, PAGE);
  }

  get hasMore(): boolean {
    return !this.showAll && this.plans.length > PAGE;
  }

  get moreLabel(): string {
    return formatLabel(LABEL_MORE, formatNumber(this.plans.length - PAGE, 0));
  }

  handleMore(): void {
    this.showAll = true;
  }
}
