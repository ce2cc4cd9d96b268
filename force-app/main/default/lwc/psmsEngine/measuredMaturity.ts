import { fiscalPeriodOf, weekOfQuarter } from './calendar';
import { addDays, toInstant, utcDateOf } from './dates';
import { evaluateHygiene } from './hygiene';
import { summarizeHygiene, type HygieneSummaryRow } from './hygieneSummary';
import { computeKpis } from './kpis';
import { measureMaturity, type MaturityMeasures, type MeasuredPractice } from './maturity';
import { indexPartnerDeals } from './partnerDeals';
import type {
  Account,
  Deal_Registration__c,
  Forecast_Submission__c,
  IsoDate,
  Opportunity,
  Partner_Account_Plan__c,
  Partner_Deal__c,
  Partner_Target__c,
  User
} from './records';
import { isOverdue } from './registrationStatus';
import type { PsmsSettings } from './settings';

/**
 * Measured maturity (SPEC §8): the ten practices scored from the CRM's own records, with the
 * engine's own rules, beside the self-assessment. A practice the records cannot tell is `null`.
 *
 * The input is structurally the `Psms.MaturityResponse` of MaturityController.getMaturityInputs
 * (force-app/types/psmsOperations.d.ts), declared again here because the engine imports nothing
 * from outside itself; a type test keeps the two identical.
 */

export interface MaturityHygieneInputs {
  today: IsoDate;
  /** At scale: no records, the org's hygiene summary rows instead (docs/scale.md). */
  aggregated?: boolean;
  opportunities: Opportunity[];
  partnerDeals: Partner_Deal__c[];
  registrations: Deal_Registration__c[];
  partners: Account[];
  plans: Partner_Account_Plan__c[];
  users: User[];
  summaries?: HygieneSummaryRow[] | null;
  ownerSummaries?: HygieneSummaryRow[] | null;
  channelSummaries?: HygieneSummaryRow[] | null;
}

export interface MaturityKpiInputs {
  period: string;
  today: IsoDate;
  opportunities: Opportunity[];
  partnerDeals: Partner_Deal__c[];
  partners: Account[];
  targets: Partner_Target__c[];
  calls: Forecast_Submission__c[];
}

export interface MaturityData {
  today: IsoDate;
  hygiene: MaturityHygieneInputs;
  /** Registrations submitted in the last year, any status. */
  registrations: Deal_Registration__c[];
  /** Forecast submissions of the current and the previous period. */
  calls: Forecast_Submission__c[];
  kpi: MaturityKpiInputs;
}

export interface MeasuredMaturity {
  /** The fractions each practice was scored from (null: not measurable). */
  measures: MaturityMeasures;
  /** The period whose week-1 calls were counted (the latest whose week 1 is over). */
  callPeriod: string;
  practices: MeasuredPractice[];
  /** Mean level of the practices that could be measured; null when none could. */
  score: number | null;
}

/** Week 1 of the quarter is when each partner's call is due (SPEC §3). */
const CALL_WEEK = 1;
/** Partners whose calls are expected: those selling now. */
const FORECASTING_STATUS = 'Active';

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/**
 * Forecast cadence: the share of Active partners with a week-1 call for the period submitted in
 * week 1. The period is the current one once its week 1 is over, else the previous one (during
 * week 1 calls are still coming in, so a low share would say nothing).
 */
function callsOnTime(
  data: MaturityData,
  today: IsoDate,
  startMonth: number
): { period: string; value: number | null } {
  const current = fiscalPeriodOf(today, startMonth);
  const period =
    weekOfQuarter(today, startMonth) > CALL_WEEK
      ? current
      : fiscalPeriodOf(addDays(current.start, -1), startMonth);
  const weekEnds = addDays(period.start, 7 * CALL_WEEK - 1);
  const expected = new Set(
    data.kpi.partners.filter((p) => p.Partner_Status__c === FORECASTING_STATUS).map((p) => p.Id)
  );
  const onTime = new Set<string>();
  for (const call of data.calls) {
    const partner = call.Partner_Account__c;
    if (
      call.Period__c !== period.label ||
      call.Week__c !== CALL_WEEK ||
      !partner ||
      !expected.has(partner) ||
      !call.Submitted_On__c
    ) {
      continue;
    }
    const submitted = utcDateOf(call.Submitted_On__c);
    if (submitted >= period.start && submitted <= weekEnds) {
      onTime.add(partner);
    }
  }
  return { period: period.label, value: share(onTime.size, expected.size) };
}

/**
 * Deal registration: decisions made within the approval SLA. A decision is on time when the
 * registration was not yet overdue (SPEC §6) on the day it was decided; an undecided
 * registration that is overdue today has already missed it. Decisions taken at submission
 * (automatic Duplicate / Already registered rejections) measure no one and are left out.
 */
function decidedWithinSla(
  registrations: readonly Deal_Registration__c[],
  today: IsoDate,
  settings: Pick<PsmsSettings, 'approvalSlaHours'>
): number | null {
  let onTime = 0;
  let due = 0;
  for (const registration of registrations) {
    const submitted = registration.Submitted_On__c;
    const decided = registration.Decided_On__c;
    if (!submitted) {
      continue;
    }
    if (!decided) {
      if (isOverdue(registration, today, settings)) {
        due++;
      }
      continue;
    }
    if (toInstant(decided) <= toInstant(submitted)) {
      continue;
    }
    due++;
    // The same SLA test, asked as of the decision day of the registration still undecided.
    if (!isOverdue({ ...registration, Status__c: 'Submitted' }, utcDateOf(decided), settings)) {
      onTime++;
    }
  }
  return share(onTime, due);
}

export function measureMaturityFromData(
  data: MaturityData,
  today: IsoDate,
  settings: PsmsSettings
): MeasuredMaturity {
  const startMonth = settings.fiscalYearStartMonth;
  const hygiene = data.hygiene;
  const report = evaluateHygiene({
    today,
    opportunities: hygiene.opportunities,
    partners: indexPartnerDeals(hygiene.partnerDeals),
    registrations: hygiene.registrations,
    accounts: hygiene.partners,
    plans: hygiene.plans,
    settings
  });
  // Scores are given per evaluated record: opportunities (open, partner-involved) and the key
  // partners PLAN_OUTDATED looked at. Split them by which input the record came from.
  const opportunityIds = new Set(hygiene.opportunities.map((opp) => opp.Id));
  const accountIds = new Set(hygiene.partners.map((account) => account.Id));
  const outdated = new Set<string>();
  let stale = 0;
  for (const finding of report.findings) {
    if (finding.rule === 'STALE') {
      stale++;
    } else if (finding.rule === 'PLAN_OUTDATED') {
      outdated.add(finding.recordId);
    }
  }
  let evaluated = report.scores.filter((s) => opportunityIds.has(s.recordId)).length;
  let hygienePercent = report.hygienePercent;
  if (hygiene.aggregated) {
    // At scale the opportunities come summarised: the same figures from the summary's counts.
    const summary = summarizeHygiene({
      rows: hygiene.channelSummaries ?? hygiene.summaries ?? [],
      settings
    });
    evaluated = summary.evaluated;
    hygienePercent = summary.hygienePercent;
    stale = summary.counts
      .filter((count) => count.rule === 'STALE')
      .reduce((sum, count) => sum + count.count, 0);
  }
  const keyPartners = report.scores.filter((s) => accountIds.has(s.recordId)).length;

  const kpi = data.kpi;
  const kpis = computeKpis({
    period: kpi.period,
    accounts: kpi.partners,
    opportunities: kpi.opportunities,
    partners: indexPartnerDeals(kpi.partnerDeals),
    targets: kpi.targets,
    fiscalYearStartMonth: startMonth
  });
  // The KPIs of SPEC §7 that a period's data defines; a null one lacks its data.
  const kpiValues = [
    kpis.recruitmentRate,
    kpis.activationRate,
    kpis.timeToFirstRevenue.median,
    kpis.coSellShare.count,
    kpis.partnerSourcedShare,
    kpis.attainment,
    kpis.winRate.partner.count,
    kpis.avgDealSize.partner,
    kpis.salesCycleDays.partner,
    kpis.coverage,
    kpis.programRoi
  ];
  const calls = callsOnTime(data, today, startMonth);
  const rules = settings.hygieneRules;
  const measures: MaturityMeasures = {
    hygienePercent,
    callsOnTime: calls.value,
    // Reviewed = not STALE: activity within the STALE rule's N days.
    pipelineReviewed: rules.STALE.active ? share(evaluated - stale, evaluated) : null,
    planCoverage: rules.PLAN_OUTDATED.active ? share(keyPartners - outdated.size, keyPartners) : null,
    coSellShare: kpis.coSellShare.count,
    decidedWithinSla: decidedWithinSla(data.registrations, today, settings),
    recruitmentVsTarget: kpis.recruitmentVsTarget,
    activationRate: kpis.activationRate,
    kpisMeasurable: share(kpiValues.filter((value) => value !== null).length, kpiValues.length),
    // Whether the leadership roll-up is held is not in the CRM, and the input carries one
    // period's targets only, so a year's quota coverage cannot be told either: not scored.
    periodsWithQuota: null
  };
  return { measures, callPeriod: calls.period, ...measureMaturity(measures, settings.maturityPractices) };
}
