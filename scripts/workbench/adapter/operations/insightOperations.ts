import { fiscalPeriodOf } from '../../../../force-app/main/default/lwc/psmsEngine/calendar';
import type { AdapterContext } from '../adapterContext';
import {
  allUsers,
  ownerFilter,
  ownersInScope,
  partnerAccounts,
  withOpportunityNames,
  withRegistrationNames
} from '../recordShapes';
import { select, selectIn } from '../recordStore';
import { asBody, oneOf, period } from '../validateRequest';
import { dealsOf, opportunitiesClosingIn } from './forecastOperations';

/** The read-only inputs of hygiene, KPIs, plans, maturity and settings (SPEC §5, §7, §8). */

export function getSettings(ctx: AdapterContext, raw: unknown): Psms.SettingsResponse {
  asBody(raw ?? {}, []);
  return ctx.settings;
}

function hygieneInputs(ctx: AdapterContext, scope: Psms.Scope): Psms.HygieneResponse {
  const owners = ownerFilter(ownersInScope(ctx, scope));
  const opportunities = select<Psms.Opportunity>(
    ctx.demo,
    'Opportunity',
    `IsClosed = 0 AND ${owners.where}`,
    owners.params
  );
  const partnerDeals = dealsOf(ctx, opportunities);
  const registrationIds = partnerDeals.map((d) => d.Deal_Registration__c).filter((id): id is string => !!id);
  const byOpportunity = selectIn<Psms.Registration>(
    ctx.demo,
    'Deal_Registration__c',
    'Opportunity__c',
    opportunities.map((o) => o.Id)
  );
  const known = new Set(byOpportunity.map((r) => r.Id));
  const registrations = [
    ...byOpportunity,
    ...selectIn<Psms.Registration>(
      ctx.demo,
      'Deal_Registration__c',
      'Id',
      registrationIds.filter((id) => !known.has(id))
    )
  ];
  return {
    today: ctx.today(),
    opportunities: withOpportunityNames(ctx, opportunities),
    partnerDeals,
    registrations: withRegistrationNames(ctx, registrations),
    partners: partnerAccounts(ctx),
    plans: select<Psms.AccountPlan>(ctx.demo, 'Partner_Account_Plan__c'),
    users: allUsers(ctx)
  };
}

export function getHygieneInputs(ctx: AdapterContext, raw: unknown): Psms.HygieneResponse {
  return hygieneInputs(ctx, oneOf(asBody(raw, ['scope']), 'scope', ['mine', 'team', 'all'] as const));
}

function kpiInputs(ctx: AdapterContext, label: string): Psms.KpiResponse {
  const opportunities = opportunitiesClosingIn(ctx, label, 'all');
  return {
    period: label,
    today: ctx.today(),
    opportunities: withOpportunityNames(ctx, opportunities),
    partnerDeals: dealsOf(ctx, opportunities),
    partners: partnerAccounts(ctx),
    targets: select<Psms.Target>(ctx.demo, 'Partner_Target__c', 'Period__c = ?', [label]),
    calls: select<Psms.ForecastCall>(
      ctx.demo,
      'Forecast_Submission__c',
      'Period__c = ?',
      [label],
      'Submitted_On__c'
    )
  };
}

export function getKpiInputs(ctx: AdapterContext, raw: unknown): Psms.KpiResponse {
  return kpiInputs(ctx, period(asBody(raw, ['period'])));
}

export function getPlanHealth(ctx: AdapterContext, raw: unknown): Psms.PlanHealthResponse {
  asBody(raw ?? {}, []);
  return {
    today: ctx.today(),
    partners: partnerAccounts(ctx),
    plans: select<Psms.AccountPlan>(ctx.demo, 'Partner_Account_Plan__c')
  };
}

export function getMaturityInputs(ctx: AdapterContext, raw: unknown): Psms.MaturityResponse {
  asBody(raw ?? {}, []);
  const today = ctx.today();
  const current = fiscalPeriodOf(today, ctx.settings.fiscalYearStartMonth).label;
  return {
    today,
    hygiene: hygieneInputs(ctx, 'all'),
    registrations: withRegistrationNames(
      ctx,
      select<Psms.Registration>(ctx.demo, 'Deal_Registration__c', '1 = 1', [], 'Submitted_On__c')
    ),
    calls: select<Psms.ForecastCall>(ctx.demo, 'Forecast_Submission__c', '1 = 1', [], 'Submitted_On__c'),
    kpi: kpiInputs(ctx, current)
  };
}
