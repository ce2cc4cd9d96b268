import {
  compareText,
  primaryPartnerOf,
  resolveScope,
  rolledUp,
  within,
  type AgendaInput
} from './agendaData';
import { fiscalPeriodOf, fiscalYearDates } from './calendar';
import { civilOf, dayNumberOf, fromDay, toDay } from './dates';
import { rollUpForecast, type ForecastRow } from './forecast';
import { latestCalls } from './forecastCalls';
import { computeKpis, recruitmentTargetOf } from './kpis';
import { fromCents, ratio, toCents } from './money';
import type { Forecast_Submission__c, IsoDate, IsoDateTime, RecordId } from './records';
import { revenueAttribution, type AttributionRow } from './revenueAttribution';
import { mean } from './statistics';

/** The leadership meetings' live agendas (SPEC §10): the CEO/CFO roll-up, MBR/QBR and ELT. */

export interface AgreedCall {
  submissionId: RecordId;
  commitCall: number | null;
  bestCaseCall: number | null;
  acceptedOn: IsoDateTime | null;
  acceptedBy: RecordId | null;
}

export interface ManagerCallRow extends ForecastRow {
  managerId: string;
  /** The manager's latest whole-team call of Q, else the sum of their latest partner calls. */
  commitCall: number | null;
  bestCaseCall: number | null;
  /** The whole-team submission leadership can accept (null when the manager sent only partner calls). */
  teamCallId: RecordId | null;
  teamCallAccepted: boolean;
  /** The team's agreed forecast: its latest accepted call. */
  agreed: AgreedCall | null;
}

export interface RollUpAgenda {
  kind: 'rollUp';
  period: string;
  week: number;
  asOf: IsoDate;
  lists: { byManager: ManagerCallRow[] };
  figures: {
    total: ForecastRow;
    /** Σ of the managers' calls. */
    commitCall: number | null;
    bestCaseCall: number | null;
    /** Σ of the teams' agreed forecasts, and how many teams have one. */
    agreedCommit: number | null;
    agreedBestCase: number | null;
    agreedTeams: number;
    teams: number;
  };
}

export interface SatisfactionRow {
  partnerId: RecordId;
  planId: RecordId;
  score: number;
}

export interface BusinessReviewAgenda {
  kind: 'businessReview';
  period: string;
  week: number;
  asOf: IsoDate;
  lists: { attribution: AttributionRow[]; satisfaction: SatisfactionRow[] };
  figures: {
    programRoi: number | null;
    partnerSourcedShare: number | null;
    partnerWon: number;
    satisfactionMean: number | null;
    satisfactionCount: number;
  };
}

export interface ActivatedRow {
  partnerId: RecordId;
  name: string | null;
  activatedOn: IsoDate;
}

export interface EltAgenda {
  kind: 'elt';
  period: string;
  week: number;
  asOf: IsoDate;
  lists: { activatedPartners: ActivatedRow[] };
  figures: {
    fiscalYear: string;
    /** Partner-channel won amount of the fiscal year to T, and of the same span a year earlier. */
    wonToDate: number;
    wonPreviousSpan: number;
    programGrowthRate: number | null;
    activated: number;
    activationTarget: number | null;
    activationAttainment: number | null;
  };
}

function isLaterAccepted(a: Forecast_Submission__c, b: Forecast_Submission__c): boolean {
  const keyA = `${a.Accepted_On__c ?? ''}|${a.Submitted_On__c ?? ''}|${a.Id ?? ''}`;
  const keyB = `${b.Accepted_On__c ?? ''}|${b.Submitted_On__c ?? ''}|${b.Id ?? ''}`;
  return keyA > keyB;
}

/** The latest accepted whole-team call per manager (by acceptance time). */
function agreedCalls(calls: readonly Forecast_Submission__c[], period: string): Map<RecordId, AgreedCall> {
  const latest = new Map<RecordId, Forecast_Submission__c>();
  for (const call of calls) {
    if (
      call.Period__c !== period ||
      call.Partner_Account__c ||
      !call.Accepted_On__c ||
      !call.Submitted_By__c
    ) {
      continue;
    }
    const known = latest.get(call.Submitted_By__c);
    if (known === undefined || isLaterAccepted(call, known)) {
      latest.set(call.Submitted_By__c, call);
    }
  }
  return new Map(
    [...latest].map(([manager, call]) => [
      manager,
      {
        submissionId: call.Id ?? '',
        commitCall: call.Commit_Call__c ?? null,
        bestCaseCall: call.Best_Case_Call__c ?? null,
        acceptedOn: call.Accepted_On__c ?? null,
        acceptedBy: call.Accepted_By__c ?? null
      }
    ])
  );
}

function addCents(sum: number | null, value: number | null | undefined): number | null {
  return value == null ? sum : (sum ?? 0) + toCents(value);
}

export function rollUpAgenda(input: AgendaInput): RollUpAgenda {
  const scope = resolveScope(input);
  const label = scope.period.label;
  const rollUp = rollUpForecast({
    period: label,
    by: 'manager',
    opportunities: rolledUp(input.data, true),
    partners: scope.partners,
    targets: input.data.targets,
    users: input.data.users,
    fiscalYearStartMonth: scope.startMonth
  });
  const latest = latestCalls(input.data.calls ?? [], label);
  const partnerSums = new Map<string, { commit: number | null; bestCase: number | null }>();
  for (const call of latest.values()) {
    if (!call.Partner_Account__c) {
      continue;
    }
    const manager = call.Submitted_By__c || 'none';
    const sums = partnerSums.get(manager) ?? { commit: null, bestCase: null };
    partnerSums.set(manager, {
      commit: addCents(sums.commit, call.Commit_Call__c),
      bestCase: addCents(sums.bestCase, call.Best_Case_Call__c)
    });
  }
  const agreed = agreedCalls(input.data.calls ?? [], label);
  let commitCall: number | null = null;
  let bestCaseCall: number | null = null;
  let agreedCommit: number | null = null;
  let agreedBestCase: number | null = null;
  const byManager = rollUp.groups.map((row): ManagerCallRow => {
    const team = latest.get(`team:${row.key}`);
    const sums = partnerSums.get(row.key);
    const commitCents = team ? addCents(null, team.Commit_Call__c) : (sums?.commit ?? null);
    const bestCaseCents = team ? addCents(null, team.Best_Case_Call__c) : (sums?.bestCase ?? null);
    commitCall = commitCents === null ? commitCall : (commitCall ?? 0) + commitCents;
    bestCaseCall = bestCaseCents === null ? bestCaseCall : (bestCaseCall ?? 0) + bestCaseCents;
    const teamAgreed = agreed.get(row.key) ?? null;
    agreedCommit = addCents(agreedCommit, teamAgreed?.commitCall);
    agreedBestCase = addCents(agreedBestCase, teamAgreed?.bestCaseCall);
    return {
      ...row,
      managerId: row.key,
      commitCall: commitCents === null ? null : fromCents(commitCents),
      bestCaseCall: bestCaseCents === null ? null : fromCents(bestCaseCents),
      teamCallId: team?.Id ?? null,
      teamCallAccepted: team !== undefined && teamAgreed !== null && teamAgreed.submissionId === team.Id,
      agreed: teamAgreed
    };
  });
  const money = (cents: number | null) => (cents === null ? null : fromCents(cents));
  return {
    kind: 'rollUp',
    period: label,
    week: scope.week,
    asOf: scope.today,
    lists: { byManager },
    figures: {
      total: rollUp.total,
      commitCall: money(commitCall),
      bestCaseCall: money(bestCaseCall),
      agreedCommit: money(agreedCommit),
      agreedBestCase: money(agreedBestCase),
      agreedTeams: byManager.filter((row) => row.agreed !== null).length,
      teams: byManager.length
    }
  };
}

/** Each active partner's latest satisfaction score: its plan of the latest fiscal year that has one. */
function satisfaction(input: AgendaInput): SatisfactionRow[] {
  const active = new Set(
    (input.data.partners ?? []).filter((p) => p.Partner_Status__c === 'Active').map((p) => p.Id)
  );
  const latest = new Map<RecordId, { key: string; row: SatisfactionRow }>();
  for (const plan of input.data.plans ?? []) {
    const score = plan.Satisfaction_Score__c;
    if (score == null || !active.has(plan.Partner_Account__c)) {
      continue;
    }
    // Latest fiscal year first, then the Active plan, then the latest review, then the id.
    const key = `${plan.Fiscal_Year__c ?? ''}|${plan.Status__c === 'Active' ? 1 : 0}|${plan.Last_Reviewed_On__c ?? ''}|${plan.Id ?? ''}`;
    const known = latest.get(plan.Partner_Account__c);
    if (known === undefined || key > known.key) {
      latest.set(plan.Partner_Account__c, {
        key,
        row: { partnerId: plan.Partner_Account__c, planId: plan.Id ?? '', score }
      });
    }
  }
  return [...latest.values()].map(({ row }) => row).sort((a, b) => compareText(a.partnerId, b.partnerId));
}

export function businessReviewAgenda(input: AgendaInput): BusinessReviewAgenda {
  const scope = resolveScope(input);
  const { label, start, end } = scope.period;
  const kpis = computeKpis({
    period: label,
    accounts: input.data.partners ?? [],
    opportunities: scope.wonOpportunities,
    partners: scope.partners,
    targets: input.data.targets,
    fiscalYearStartMonth: scope.startMonth
  });
  const attribution = revenueAttribution(scope.wonOpportunities, scope.partners, start, end);
  const scores = satisfaction(input);
  return {
    kind: 'businessReview',
    period: label,
    week: scope.week,
    asOf: scope.today,
    lists: { attribution: attribution.rows, satisfaction: scores },
    figures: {
      programRoi: kpis.programRoi,
      partnerSourcedShare: kpis.partnerSourcedShare,
      partnerWon: attribution.total,
      satisfactionMean: mean(scores.map((row) => row.score)),
      satisfactionCount: scores.length
    }
  };
}

/** The same calendar date a year earlier (29 February becomes 28 February). */
export function sameDateYearBefore(date: IsoDate): IsoDate {
  const { year, month, day } = civilOf(toDay(date));
  const daysInMonth =
    dayNumberOf(month === 12 ? year : year - 1, month === 12 ? 1 : month + 1, 1) -
    dayNumberOf(year - 1, month, 1);
  return fromDay(dayNumberOf(year - 1, month, Math.min(day, daysInMonth)));
}

export function eltAgenda(input: AgendaInput): EltAgenda {
  const scope = resolveScope(input);
  const fiscalYear = fiscalPeriodOf(scope.today, scope.startMonth).fiscalYear;
  const year = fiscalYearDates(fiscalYear, scope.startMonth);
  const previous = fiscalYearDates(fiscalYear - 1, scope.startMonth);
  const previousTo = sameDateYearBefore(scope.today);
  let wonToDate = 0;
  let wonBefore = 0;
  for (const opp of scope.wonOpportunities) {
    if (!opp.IsWon || primaryPartnerOf(scope.partners, opp) === null) {
      continue;
    }
    if (within(opp.CloseDate, year.start, scope.today)) {
      wonToDate += toCents(opp.Amount);
    } else if (within(opp.CloseDate, previous.start, previousTo)) {
      wonBefore += toCents(opp.Amount);
    }
  }
  const activatedPartners = (input.data.partners ?? [])
    .filter((p) => p.Partner_Status__c && within(p.Activated_On__c, year.start, scope.today))
    .map((p) => ({ partnerId: p.Id, name: p.Name ?? null, activatedOn: p.Activated_On__c as IsoDate }))
    .sort((a, b) => compareText(a.activatedOn, b.activatedOn) || compareText(a.partnerId, b.partnerId));
  const quarters = [1, 2, 3, 4].map((q) => `FY${fiscalYear}-Q${q}`);
  const target = recruitmentTargetOf(input.data.targets ?? [], quarters);
  const growth = ratio(wonToDate, wonBefore);
  return {
    kind: 'elt',
    period: scope.period.label,
    week: scope.week,
    asOf: scope.today,
    lists: { activatedPartners },
    figures: {
      fiscalYear: `FY${fiscalYear}`,
      wonToDate: fromCents(wonToDate),
      wonPreviousSpan: fromCents(wonBefore),
      programGrowthRate: growth === null ? null : growth - 1,
      activated: activatedPartners.length,
      activationTarget: target,
      activationAttainment: target === null ? null : ratio(activatedPartners.length, target)
    }
  };
}
