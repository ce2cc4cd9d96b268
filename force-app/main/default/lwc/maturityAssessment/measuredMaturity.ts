// Part of the maturityAssessment container: the measures the engine's measureMaturity scores, taken from the org's data.
import {
  computeKpis,
  evaluateHygiene,
  fiscalPeriodOf,
  indexPartnerDeals,
  toInstant,
  weekOfQuarter,
  type MaturityMeasures,
  type PsmsSettings
} from 'c/psmsEngine';

const CALL_WEEKS = [1, 5, 9];
const REVIEWED_WITHIN_DAYS = 21;
const DAY_MS = 86_400_000;

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.min(1, part / whole);
}

export function measuresFrom(data: Psms.MaturityResponse, settings: PsmsSettings): MaturityMeasures {
  const hygiene = data.hygiene;
  const index = indexPartnerDeals(hygiene.partnerDeals);
  const report = evaluateHygiene({
    today: data.today,
    opportunities: hygiene.opportunities,
    partners: index,
    registrations: hygiene.registrations,
    accounts: hygiene.partners,
    plans: hygiene.plans,
    settings
  });
  const kpi = data.kpi;
  const kpis = computeKpis({
    period: kpi.period,
    accounts: kpi.partners,
    opportunities: kpi.opportunities,
    partners: indexPartnerDeals(kpi.partnerDeals),
    targets: kpi.targets,
    fiscalYearStartMonth: settings.fiscalYearStartMonth
  });

  // Forecast cadence: calls expected per active partner in each call week reached so far this quarter.
  const period = fiscalPeriodOf(data.today, settings.fiscalYearStartMonth).label;
  const week = weekOfQuarter(data.today, settings.fiscalYearStartMonth);
  const dueWeeks = CALL_WEEKS.filter((callWeek) => callWeek <= week);
  const activePartners = kpi.partners.filter((partner) => partner.Partner_Status__c === 'Active').length;
  const onTime = new Set(
    data.calls
      .filter(
        (call) => call.Period__c === period && dueWeeks.includes(call.Week__c ?? 0) && call.Partner_Account__c
      )
      .map((call) => `${call.Partner_Account__c}|${call.Week__c}`)
  ).size;

  // Pipeline reviews: open partner opportunities touched in the last three weeks.
  const open = hygiene.opportunities.filter(
    (opp) => !opp.IsClosed && (index.get(opp.Id)?.deals.length ?? 0) > 0
  );
  const cutOff = toInstant(data.today) - REVIEWED_WITHIN_DAYS * DAY_MS;
  const reviewed = open.filter(
    (opp) => opp.LastActivityDate && toInstant(opp.LastActivityDate) >= cutOff
  ).length;

  // Account planning: key partners (those PLAN_OUTDATED scores) without a PLAN_OUTDATED finding.
  const accountIds = new Set(hygiene.partners.map((partner) => partner.Id));
  const keyScores = report.scores.filter((score) => accountIds.has(score.recordId));
  const planned = keyScores.filter((score) => score.score === 100).length;

  const decided = data.registrations.filter(
    (registration) => registration.Decided_On__c && registration.Submitted_On__c
  );
  const withinSla = decided.filter(
    (registration) =>
      toInstant(registration.Decided_On__c as string) - toInstant(registration.Submitted_On__c as string) <=
      settings.approvalSlaHours * 3_600_000
  ).length;

  const kpiValues = [
    kpis.recruitmentRate,
    kpis.activationRate,
    kpis.coSellShare.count,
    kpis.partnerSourcedShare,
    kpis.attainment,
    kpis.winRate.partner.count,
    kpis.coverage,
    kpis.programRoi
  ];
  const fiscalYear = period.slice(0, 6);
  const quotaPeriods = new Set(
    kpi.targets
      .filter(
        (target) =>
          !target.Partner_Account__c && !target.Manager__c && target.Period__c.startsWith(fiscalYear)
      )
      .map((target) => target.Period__c)
  ).size;

  return {
    hygienePercent: report.hygienePercent,
    callsOnTime: share(onTime, activePartners * dueWeeks.length),
    pipelineReviewed: share(reviewed, open.length),
    planCoverage: share(planned, keyScores.length),
    coSellShare: kpis.coSellShare.count,
    decidedWithinSla: share(withinSla, decided.length),
    recruitmentVsTarget: kpis.recruitmentVsTarget,
    activationRate: kpis.activationRate,
    kpisMeasurable: share(kpiValues.filter((value) => value !== null).length, kpiValues.length),
    periodsWithQuota: share(quotaPeriods, 4)
  };
}
