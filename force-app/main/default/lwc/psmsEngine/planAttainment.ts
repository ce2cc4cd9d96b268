import { fiscalPeriodOf } from './calendar';
import { fromCents, ratio, toCents } from './money';
import type { PartnerDealIndex } from './partnerDeals';
import type { IsoDate, Opportunity, Partner_Account_Plan__c, RecordId } from './records';

/**
 * Account plan attainment (SPEC §12) for the plan's own fiscal year FY: revenue = the
 * partner-channel won amount of FY whose primary partner is the plan's partner ÷ Revenue Goal;
 * co-sell = the number of won opportunities of FY with that partner on a co-sell partner deal ÷
 * Co-Sell Goal. Each is null when its goal is blank or 0. Every plan is listed, healthy or not.
 */

export interface PlanAttainment {
  planId: RecordId;
  partnerId: RecordId;
  fiscalYear: string | null;
  status: string | null;
  objectives: string | null;
  revenueGoal: number | null;
  coSellGoal: number | null;
  /** Partner-channel won amount of FY with the partner as primary. */
  revenue: number;
  /** Won opportunities of FY with the partner on a co-sell deal. */
  coSellWins: number;
  revenueAttainment: number | null;
  coSellAttainment: number | null;
  satisfaction: number | null;
  lastReviewedOn: IsoDate | null;
}

export interface PlanAttainmentInput {
  plans: readonly Partner_Account_Plan__c[];
  /** Won opportunities (others are skipped) of the plans' fiscal years. */
  opportunities: readonly Opportunity[];
  partners: PartnerDealIndex;
  fiscalYearStartMonth?: number;
}

const FISCAL_YEAR = /^FY(\d{4})$/;

export function planAttainment(input: PlanAttainmentInput): PlanAttainment[] {
  const startMonth = input.fiscalYearStartMonth ?? 1;
  // Won cents and co-sell wins per fiscal year and partner, in one pass over the opportunities.
  const revenue = new Map<string, number>();
  const coSell = new Map<string, number>();
  for (const opp of input.opportunities) {
    if (!opp.IsWon) {
      continue;
    }
    const entry = input.partners.get(opp.Id);
    if (entry === undefined) {
      continue;
    }
    const year = `FY${fiscalPeriodOf(opp.CloseDate, startMonth).fiscalYear}`;
    if (entry.primary) {
      const key = `${year}|${entry.primary.Partner_Account__c}`;
      revenue.set(key, (revenue.get(key) ?? 0) + toCents(opp.Amount));
    }
    const coSellers = new Set(
      entry.deals.filter((d) => d.Co_Sell__c === true).map((d) => d.Partner_Account__c)
    );
    for (const partner of coSellers) {
      const key = `${year}|${partner}`;
      // A summary row (docs/scale.md) counts as the deals it sums.
      coSell.set(key, (coSell.get(key) ?? 0) + (opp.Opportunity_Count__c ?? 1));
    }
  }
  return input.plans.map((plan): PlanAttainment => {
    const year = plan.Fiscal_Year__c?.trim() ?? '';
    const valid = FISCAL_YEAR.test(year);
    const key = `${year}|${plan.Partner_Account__c}`;
    const wonCents = valid ? (revenue.get(key) ?? 0) : 0;
    const wins = valid ? (coSell.get(key) ?? 0) : 0;
    const revenueGoal = plan.Revenue_Goal__c ?? null;
    const coSellGoal = plan.Co_Sell_Goal__c ?? null;
    return {
      planId: plan.Id ?? '',
      partnerId: plan.Partner_Account__c,
      fiscalYear: plan.Fiscal_Year__c ?? null,
      status: plan.Status__c ?? null,
      objectives: plan.Objectives__c ?? null,
      revenueGoal,
      coSellGoal,
      revenue: fromCents(wonCents),
      coSellWins: wins,
      revenueAttainment: !valid || !revenueGoal ? null : ratio(wonCents, toCents(revenueGoal)),
      coSellAttainment: !valid || !coSellGoal ? null : ratio(wins, coSellGoal),
      satisfaction: plan.Satisfaction_Score__c ?? null,
      lastReviewedOn: plan.Last_Reviewed_On__c ?? null
    };
  });
}
