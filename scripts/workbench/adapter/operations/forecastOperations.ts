import {
  fiscalPeriodOf,
  parsePeriod,
  weekOfQuarter
} from '../../../../force-app/main/default/lwc/psmsEngine/calendar';
import type { AdapterContext } from '../adapterContext';
import {
  partnerAccounts,
  allUsers,
  ownerFilter,
  ownersInScope,
  withOpportunityNames,
  withPartnerNames
} from '../recordShapes';
import { insertRecord, inTransaction, select, selectById, selectIn } from '../recordStore';
import { badRequest, conflict, notFound } from '../requestError';
import { asBody, oneOf, optionalRecordId, optionalString, period, requiredNumber } from '../validateRequest';

/** PartnerForecastController: the pipeline of a period, forecast calls, snapshots (SPEC §3, §4). */

const SCOPES: readonly Psms.Scope[] = ['mine', 'team', 'all'];

export function opportunitiesClosingIn(
  ctx: AdapterContext,
  label: string,
  scope: Psms.Scope
): Psms.Opportunity[] {
  const { start, end } = parsePeriod(label, ctx.settings.fiscalYearStartMonth);
  const owners = ownerFilter(ownersInScope(ctx, scope));
  return select<Psms.Opportunity>(ctx.demo, 'Opportunity', `CloseDate BETWEEN ? AND ? AND ${owners.where}`, [
    start,
    end,
    ...owners.params
  ]);
}

export function dealsOf(ctx: AdapterContext, opportunities: readonly Psms.Opportunity[]): Psms.PartnerDeal[] {
  return withPartnerNames(
    ctx,
    selectIn<Psms.PartnerDeal>(
      ctx.demo,
      'Partner_Deal__c',
      'Opportunity__c',
      opportunities.map((o) => o.Id)
    )
  );
}

export function getPipeline(ctx: AdapterContext, raw: unknown): Psms.PipelineResponse {
  const body = asBody(raw, ['period', 'scope']);
  const label = period(body);
  const scope = oneOf(body, 'scope', SCOPES);
  const opportunities = opportunitiesClosingIn(ctx, label, scope);
  return {
    period: label,
    today: ctx.today(),
    aggregated: false,
    opportunities: withOpportunityNames(ctx, opportunities),
    partnerDeals: dealsOf(ctx, opportunities),
    partners: partnerAccounts(ctx),
    users: allUsers(ctx),
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

export function submitForecastCall(ctx: AdapterContext, raw: unknown): Psms.ForecastCallResponse {
  const body = asBody(raw, ['period', 'partnerAccountId', 'commitCall', 'bestCaseCall', 'note']);
  const label = period(body);
  const partnerAccountId = optionalRecordId(body, 'partnerAccountId');
  const commitCall = requiredNumber(body, 'commitCall', { min: 0, max: 1e12 });
  const bestCaseCall = requiredNumber(body, 'bestCaseCall', { min: 0, max: 1e12 });
  const note = optionalString(body, 'note', 32768);
  if (bestCaseCall < commitCall) throw badRequest('The Best Case call cannot be below the Commit call.');
  const today = ctx.today();
  const target = parsePeriod(label, ctx.settings.fiscalYearStartMonth);
  if (target.end < today)
    throw conflict(`${label} has ended; calls are made for the current or a later quarter.`);
  if (partnerAccountId) {
    const partner = selectById<Psms.Account>(ctx.demo, 'Account', partnerAccountId);
    if (!partner || !partner.Partner_Status__c) throw notFound(`No partner account ${partnerAccountId}.`);
  }
  // A call made before its quarter starts counts as that quarter's week-1 call.
  const current = fiscalPeriodOf(today, ctx.settings.fiscalYearStartMonth).label === label;
  const week = current ? weekOfQuarter(today, ctx.settings.fiscalYearStartMonth) : 1;
  return inTransaction(ctx.demo, () =>
    insertRecord<Psms.ForecastCall>(ctx.demo, 'Forecast_Submission__c', {
      Period__c: label,
      Partner_Account__c: partnerAccountId,
      Submitted_By__c: ctx.demo.currentUserId,
      Submitted_On__c: ctx.now(),
      Week__c: week,
      Commit_Call__c: commitCall,
      Best_Case_Call__c: bestCaseCall,
      Note__c: note
    })
  );
}

export function getSnapshots(ctx: AdapterContext, raw: unknown): Psms.SnapshotsResponse {
  const label = period(asBody(raw, ['period']));
  const snapshots = select<Psms.Snapshot>(
    ctx.demo,
    'Opportunity_Snapshot__c',
    'Period__c = ?',
    [label],
    'Snapshot_Date__c, Opportunity_Key__c'
  );
  return { period: label, dates: [...new Set(snapshots.map((s) => s.Snapshot_Date__c))], snapshots };
}
