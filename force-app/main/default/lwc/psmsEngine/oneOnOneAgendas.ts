import {
  byAmountDesc,
  compareText,
  partnersOfRep,
  primaryPartnerOf,
  resolveScope,
  rolledUp,
  within,
  type AgendaInput,
  type AgendaScope
} from './agendaData';
import { fiscalPeriodOf } from './calendar';
import { rollUpForecast, type ForecastRow } from './forecast';
import { forecastBesideCall, type CallBeside } from './forecastCall';
import { recruitmentTargetOf } from './kpis';
import { ratio } from './money';
import { planAttainment, type PlanAttainment } from './planAttainment';
import type { IsoDate, Opportunity, RecordId } from './records';
import { openActions, type ActionRow } from './reviewActions';
import { dealRow, type DealRow } from './teamCallAgenda';

/**
 * The two 1:1s of SPEC §10, per rep (or for the whole team when no rep is given). "The rep's
 * partners" are the partner accounts the rep owns (a partner account's owner is its partner
 * rep); "the rep's opportunities" are those the rep owns.
 */

export interface ValidationRow extends DealRow {
  /** Validated_On__c within Q, on or before T. */
  validated: boolean;
  validatedOn: IsoDate | null;
  validatedBy: RecordId | null;
}

export interface RecruitedRow {
  partnerId: RecordId;
  name: string | null;
  recruitedOn: IsoDate;
  status: string | null;
}

export interface ForecastOneOnOneAgenda {
  kind: 'forecastOneOnOne';
  period: string;
  week: number;
  asOf: IsoDate;
  rep: RecordId | null;
  lists: {
    /** Open partner-channel Commit and Best Case deals of Q, not yet validated first. */
    validation: ValidationRow[];
    /** The §3 roll-up of the rep's partners with each partner's latest call. */
    partnerRollUp: (CallBeside & { partnerId: RecordId })[];
    recruitedPartners: RecruitedRow[];
    openActions: ActionRow[];
  };
  figures: {
    rollUpTotal: ForecastRow & { commitCall: number | null; bestCaseCall: number | null };
    validatedCount: number;
    toValidateCount: number;
    recruited: number;
    recruitmentTarget: number | null;
    recruitmentAttainment: number | null;
  };
}

export interface CoSellRow extends DealRow {
  coSellPartners: RecordId[];
}

export interface PipelineOneOnOneAgenda {
  kind: 'pipelineOneOnOne';
  period: string;
  week: number;
  asOf: IsoDate;
  rep: RecordId | null;
  lists: {
    /** The §3 roll-up of the next quarter for the rep's partners. */
    nextQuarterRollUp: (ForecastRow & { partnerId: RecordId })[];
    /** Those partners' plans of the current and the next quarter's fiscal year, with attainment (§12). */
    accountPlans: PlanAttainment[];
    coSellOpportunities: CoSellRow[];
    openActions: ActionRow[];
  };
  figures: {
    nextPeriod: string;
    nextQuarterTotal: ForecastRow;
  };
}

/** Partner accounts a 1:1 covers: the rep's, or every partner in the data for the team view. */
function coveredPartners(input: AgendaInput): ReadonlySet<RecordId> | null {
  return input.rep ? partnersOfRep(input.data.partners, input.rep) : null;
}

function ofPartners(opp: Opportunity, scope: AgendaScope, partners: ReadonlySet<RecordId> | null): boolean {
  const partner = primaryPartnerOf(scope.partners, opp);
  return partner !== null && (partners === null || partners.has(partner));
}

function isValidated(opp: Opportunity, scope: AgendaScope): boolean {
  return (
    within(opp.Validated_On__c, scope.period.start, scope.period.end) && opp.Validated_On__c <= scope.today
  );
}

export function forecastOneOnOneAgenda(input: AgendaInput): ForecastOneOnOneAgenda {
  const scope = resolveScope(input);
  const { start, end, label } = scope.period;
  const rep = input.rep ?? null;
  const partners = coveredPartners(input);
  const validation = input.data.opportunities
    .filter(
      (opp) =>
        !opp.IsClosed &&
        (rep === null || opp.OwnerId === rep) &&
        within(opp.CloseDate, start, end) &&
        (opp.ForecastCategoryName === 'Commit' || opp.ForecastCategoryName === 'Best Case') &&
        primaryPartnerOf(scope.partners, opp) !== null
    )
    .map((opp): ValidationRow => {
      const validated = isValidated(opp, scope);
      return {
        ...dealRow(opp, scope),
        validated,
        validatedOn: validated ? (opp.Validated_On__c ?? null) : null,
        validatedBy: validated ? (opp.Validated_By__c ?? null) : null
      };
    })
    .sort(
      (a, b) =>
        Number(a.validated) - Number(b.validated) ||
        Number(b.category === 'Commit') - Number(a.category === 'Commit') ||
        byAmountDesc(a, b)
    );
  const rollUp = forecastBesideCall(
    rollUpForecast({
      period: label,
      by: 'partner',
      opportunities: rolledUp(input.data).filter((opp) => ofPartners(opp, scope, partners)),
      partners: scope.partners,
      targets: input.data.targets,
      accounts: input.data.partners,
      fiscalYearStartMonth: scope.startMonth
    }),
    (input.data.calls ?? []).filter(
      (call) => call.Partner_Account__c && (partners === null || partners.has(call.Partner_Account__c))
    )
  );
  const recruitedPartners = (input.data.partners ?? [])
    .filter(
      (p) =>
        p.Partner_Status__c &&
        (partners === null || partners.has(p.Id)) &&
        within(p.Recruited_On__c, start, end)
    )
    .map((p) => ({
      partnerId: p.Id,
      name: p.Name ?? null,
      recruitedOn: p.Recruited_On__c as IsoDate,
      status: p.Partner_Status__c ?? null
    }))
    .sort((a, b) => compareText(a.recruitedOn, b.recruitedOn) || compareText(a.partnerId, b.partnerId));
  const target = recruitmentTargetOf(input.data.targets ?? [], [label]);
  return {
    kind: 'forecastOneOnOne',
    period: label,
    week: scope.week,
    asOf: scope.today,
    rep,
    lists: {
      validation,
      partnerRollUp: rollUp.groups.map((row) => ({ ...row, partnerId: row.key })),
      recruitedPartners,
      openActions: openActions(input.data.actions ?? [], scope.today, rep)
    },
    figures: {
      rollUpTotal: rollUp.total,
      validatedCount: validation.filter((row) => row.validated).length,
      toValidateCount: validation.filter((row) => !row.validated).length,
      recruited: recruitedPartners.length,
      recruitmentTarget: target,
      recruitmentAttainment: target === null ? null : ratio(recruitedPartners.length, target)
    }
  };
}

export function pipelineOneOnOneAgenda(input: AgendaInput): PipelineOneOnOneAgenda {
  const scope = resolveScope(input);
  const rep = input.rep ?? null;
  const partners = coveredPartners(input);
  const next = scope.next;
  const rollUp = rollUpForecast({
    period: next.label,
    by: 'partner',
    opportunities: rolledUp(input.data).filter((opp) => ofPartners(opp, scope, partners)),
    partners: scope.partners,
    targets: input.data.targets,
    accounts: input.data.partners,
    fiscalYearStartMonth: scope.startMonth
  });
  const years = new Set([
    `FY${fiscalPeriodOf(scope.today, scope.startMonth).fiscalYear}`,
    `FY${next.fiscalYear}`
  ]);
  const plans = (input.data.plans ?? []).filter(
    (plan) =>
      (partners === null || partners.has(plan.Partner_Account__c)) &&
      years.has(plan.Fiscal_Year__c?.trim() ?? '')
  );
  const coSellOpportunities = input.data.opportunities
    .flatMap((opp): CoSellRow[] => {
      if (!within(opp.CloseDate, next.start, next.end)) {
        return [];
      }
      const coSellers = [
        ...new Set(
          (scope.partners.get(opp.Id)?.deals ?? [])
            .filter((deal) => deal.Co_Sell__c === true)
            .map((deal) => deal.Partner_Account__c)
        )
      ].sort();
      const mine =
        rep === null || opp.OwnerId === rep || coSellers.some((partner) => partners?.has(partner) === true);
      return coSellers.length > 0 && mine ? [{ ...dealRow(opp, scope), coSellPartners: coSellers }] : [];
    })
    .sort(byAmountDesc);
  return {
    kind: 'pipelineOneOnOne',
    period: scope.period.label,
    week: scope.week,
    asOf: scope.today,
    rep,
    lists: {
      nextQuarterRollUp: rollUp.groups.map((row) => ({ ...row, partnerId: row.key })),
      accountPlans: planAttainment({
        plans,
        opportunities: scope.wonOpportunities,
        partners: scope.partners,
        fiscalYearStartMonth: scope.startMonth
      }).sort((a, b) => compareText(a.partnerId, b.partnerId) || compareText(a.planId, b.planId)),
      coSellOpportunities,
      openActions: openActions(input.data.actions ?? [], scope.today, rep)
    },
    figures: { nextPeriod: next.label, nextQuarterTotal: rollUp.total }
  };
}
