import { parsePeriod } from './calendar';
import { addDays, daysBetween, utcDateOf } from './dates';
import { rollUpForecast } from './forecast';
import { fromCents, ratio, toCents } from './money';
import type { PartnerDealIndex } from './partnerDeals';
import { mean, median } from './statistics';
import type { Account, IsoDate, Opportunity, Partner_Target__c } from './records';

/** The partner KPIs of SPEC §7 for one period. */

export interface ChannelSplit<T> {
  partner: T;
  direct: T;
}

export interface KpiReport {
  period: string;
  recruitmentRate: number | null;
  /** Recruited in the period ÷ the period's Recruitment_Target__c (null when none is set). */
  recruitmentVsTarget: number | null;
  activationRate: number | null;
  timeToFirstRevenue: { median: number | null; mean: number | null; n: number };
  coSellShare: { count: number | null; amount: number | null };
  partnerSourcedShare: number | null;
  attainment: number | null;
  winRate: ChannelSplit<{ count: number | null; amount: number | null }>;
  avgDealSize: ChannelSplit<number | null>;
  salesCycleDays: ChannelSplit<number | null>;
  coverage: number | null;
  programRoi: number | null;
}

export interface KpiInput {
  period: string;
  accounts: readonly Account[];
  opportunities: readonly Opportunity[];
  partners: PartnerDealIndex;
  targets?: readonly Partner_Target__c[];
  fiscalYearStartMonth?: number;
}

function within(date: IsoDate | null | undefined, start: IsoDate, end: IsoDate): date is IsoDate {
  return date != null && date >= start && date <= end;
}

function partnerKpis(
  accounts: readonly Account[],
  start: IsoDate,
  end: IsoDate,
  recruitmentTarget: number | null
) {
  const partners = accounts.filter((account) => account.Partner_Status__c);
  const recruited = partners.filter((p) => within(p.Recruited_On__c, start, end)).length;
  const base = partners.filter(
    (p) =>
      p.Recruited_On__c != null &&
      p.Recruited_On__c < start &&
      (p.Partner_Status__c === 'Active' || p.Partner_Status__c === 'Onboarding')
  ).length;
  const activationCutoff = addDays(end, -90);
  const cohort = partners.filter((p) => p.Recruited_On__c != null && p.Recruited_On__c <= activationCutoff);
  const activated = cohort.filter(
    (p) => p.First_Revenue_On__c != null && p.First_Revenue_On__c <= end
  ).length;
  const days = partners
    .filter((p) => p.Recruited_On__c != null && within(p.First_Revenue_On__c, start, end))
    .map((p) => daysBetween(p.Recruited_On__c as IsoDate, p.First_Revenue_On__c as IsoDate));
  return {
    recruitmentRate: ratio(recruited, base),
    recruitmentVsTarget: recruitmentTarget === null ? null : ratio(recruited, recruitmentTarget),
    activationRate: ratio(activated, cohort.length),
    timeToFirstRevenue: { median: median(days), mean: mean(days), n: days.length }
  };
}

/** Closed-in-period tallies per channel, in cents. */
interface Tally {
  won: number;
  lost: number;
  wonAmount: number;
  lostAmount: number;
  cycleDays: number;
}

function emptyTally(): Tally {
  return { won: 0, lost: 0, wonAmount: 0, lostAmount: 0, cycleDays: 0 };
}

/** The sum of the periods' Recruitment_Target__c (null when none of their targets sets one). */
export function recruitmentTargetOf(
  targets: readonly Partner_Target__c[],
  periods: readonly string[]
): number | null {
  const set = targets.filter((t) => periods.includes(t.Period__c) && t.Recruitment_Target__c != null);
  return set.length === 0 ? null : set.reduce((sum, t) => sum + (t.Recruitment_Target__c ?? 0), 0);
}

export function computeKpis(input: KpiInput): KpiReport {
  const { start, end } = parsePeriod(input.period, input.fiscalYearStartMonth ?? 1);
  const targets = (input.targets ?? []).filter((target) => target.Period__c === input.period);
  const recruitmentTarget = recruitmentTargetOf(targets, [input.period]);
  const programCost = targets.reduce((sum, target) => sum + toCents(target.Program_Cost__c), 0);

  const channel = { partner: emptyTally(), direct: emptyTally() };
  let inPeriod = 0;
  let inPeriodAmount = 0;
  let coSell = 0;
  let coSellAmount = 0;
  let sourcedWon = 0;
  for (const opp of input.opportunities) {
    if (!within(opp.CloseDate, start, end)) {
      continue;
    }
    const cents = toCents(opp.Amount);
    const partners = input.partners.get(opp.Id);
    // A summary row (docs/scale.md) counts as the deals it sums; its amount is already their sum.
    const deals = opp.Opportunity_Count__c ?? 1;
    inPeriod += deals;
    inPeriodAmount += cents;
    if (partners?.coSell) {
      coSell += deals;
      coSellAmount += cents;
    }
    if (!opp.IsClosed) {
      continue;
    }
    const tally = partners?.primary ? channel.partner : channel.direct;
    if (opp.IsWon) {
      tally.won += deals;
      tally.wonAmount += cents;
      tally.cycleDays += opp.Cycle_Days__c ?? daysBetween(utcDateOf(opp.CreatedDate), opp.CloseDate);
      if (partners?.primary?.Role__c === 'Sourced') {
        sourcedWon += cents;
      }
    } else {
      tally.lost += deals;
      tally.lostAmount += cents;
    }
  }
  const total = rollUpForecast({
    period: input.period,
    by: 'partner',
    opportunities: input.opportunities,
    partners: input.partners,
    targets,
    fiscalYearStartMonth: input.fiscalYearStartMonth
  }).total;
  const winRate = (t: Tally) => ({
    count: ratio(t.won, t.won + t.lost),
    amount: ratio(t.wonAmount, t.wonAmount + t.lostAmount)
  });
  const dealSize = (t: Tally) => (t.won === 0 ? null : fromCents(t.wonAmount) / t.won);
  const cycle = (t: Tally) => ratio(t.cycleDays, t.won);
  return {
    period: input.period,
    ...partnerKpis(input.accounts, start, end, recruitmentTarget),
    coSellShare: { count: ratio(coSell, inPeriod), amount: ratio(coSellAmount, inPeriodAmount) },
    partnerSourcedShare: ratio(sourcedWon, channel.partner.wonAmount + channel.direct.wonAmount),
    attainment: total.attainment,
    winRate: { partner: winRate(channel.partner), direct: winRate(channel.direct) },
    avgDealSize: { partner: dealSize(channel.partner), direct: dealSize(channel.direct) },
    salesCycleDays: { partner: cycle(channel.partner), direct: cycle(channel.direct) },
    coverage: total.coverage,
    programRoi: ratio(channel.partner.wonAmount - programCost, programCost)
  };
}
