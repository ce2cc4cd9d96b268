import {
  openDispute,
  resolveDispute,
  type DisputeResult
} from '../../../force-app/main/default/lwc/psmsEngine/disputes';
import type {
  Deal_Registration__c,
  Registration_Dispute__c
} from '../../../force-app/main/default/lwc/psmsEngine/records';
import type { DemoObjectName } from '../../demo/demoOrgTypes';
import type { FieldValue } from '../db/demoDatabase';
import type { AdapterContext } from './adapterContext';
import { insertRecord, select, selectById, updateRecord } from './recordStore';
import { existingFor, isKeyTaken } from './registrationStore';
import { conflict, notFound } from './requestError';

/**
 * Disputes under SPEC §6, decided by the engine's openDispute/resolveDispute (the same rules the
 * Apex trigger applies); this file loads what they read and writes what they return, inside the
 * caller's transaction: the registration, the dispute, and any co-sell partner deal.
 */

export interface DisputeOutcome {
  registration: Deal_Registration__c;
  dispute: Registration_Dispute__c;
}

function load(ctx: AdapterContext, registrationId: string) {
  const registration = selectById<Deal_Registration__c>(ctx.demo, 'Deal_Registration__c', registrationId);
  if (!registration) throw notFound(`No registration ${registrationId}.`);
  const existing = existingFor(ctx, registration);
  const disputes = select<Registration_Dispute__c>(
    ctx.demo,
    'Registration_Dispute__c',
    'Deal_Registration__c = ?',
    [registrationId]
  );
  const linked = [registration.Conflicting_Opportunity__c, registration.Opportunity__c].filter(
    (id): id is string => !!id
  );
  const deals = linked.length
    ? select<Psms.PartnerDeal>(
        ctx.demo,
        'Partner_Deal__c',
        `Opportunity__c IN (${linked.map(() => '?').join(', ')})`,
        linked
      )
    : [];
  const known = new Set(existing.partnerDeals.map((d) => d.Id));
  return {
    registration,
    existing: {
      ...existing,
      partnerDeals: [...existing.partnerDeals, ...deals.filter((d) => !known.has(d.Id))],
      disputes
    }
  };
}

/** Only the fields this database has: a field the engine knows before the metadata declares it is not stored. */
function storable(ctx: AdapterContext, object: DemoObjectName, record: object): Record<string, FieldValue> {
  const columns = ctx.demo.tables.get(object)?.columns;
  return Object.fromEntries(Object.entries(record).filter(([field]) => columns?.has(field))) as Record<
    string,
    FieldValue
  >;
}

function changedFields(before: object, after: object): Record<string, FieldValue> {
  const old: Record<string, unknown> = { ...before };
  const changed: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(after))
    if (value !== old[field]) changed[field] = (value ?? null) as FieldValue;
  return changed;
}

function persist(ctx: AdapterContext, before: Deal_Registration__c, result: DisputeResult): DisputeOutcome {
  if (!result.ok) throw conflict(result.error);
  let registration: Deal_Registration__c;
  try {
    registration = updateRecord<Deal_Registration__c>(
      ctx.demo,
      'Deal_Registration__c',
      before.Id ?? '',
      storable(ctx, 'Deal_Registration__c', changedFields(before, result.registration))
    );
  } catch (error) {
    if (isKeyTaken(error)) throw conflict('Another active registration holds this key.');
    throw error;
  }
  const { Id: disputeId, ...disputeFields } = result.dispute;
  const dispute = disputeId
    ? updateRecord<Registration_Dispute__c>(
        ctx.demo,
        'Registration_Dispute__c',
        disputeId,
        storable(ctx, 'Registration_Dispute__c', disputeFields)
      )
    : insertRecord<Registration_Dispute__c>(
        ctx.demo,
        'Registration_Dispute__c',
        storable(ctx, 'Registration_Dispute__c', disputeFields)
      );
  for (const deal of result.partnerDeals) {
    const { Id: dealId, ...dealFields } = deal;
    if (dealId)
      updateRecord(ctx.demo, 'Partner_Deal__c', dealId, storable(ctx, 'Partner_Deal__c', dealFields));
    else insertRecord(ctx.demo, 'Partner_Deal__c', storable(ctx, 'Partner_Deal__c', dealFields));
  }
  return { registration, dispute };
}

export function storeOpenDispute(
  ctx: AdapterContext,
  registrationId: string,
  reason: string
): DisputeOutcome {
  const { registration, existing } = load(ctx, registrationId);
  return persist(
    ctx,
    registration,
    openDispute(registration, { reason, raisedBy: ctx.demo.currentUserId }, existing)
  );
}

export function storeResolution(
  ctx: AdapterContext,
  registrationId: string,
  resolution: string,
  note: string
): DisputeOutcome {
  const { registration, existing } = load(ctx, registrationId);
  const dispute = existing.disputes.find((d) => d.Status__c === 'Open');
  const result = resolveDispute(
    dispute,
    registration,
    { resolution, note, resolvedBy: ctx.demo.currentUserId },
    existing,
    ctx.today(),
    ctx.settings
  );
  const outcome = persist(ctx, registration, result);
  // The engine stamps the day; the record keeps the moment, as the org's Resolved_On__c datetime does.
  return {
    ...outcome,
    dispute: updateRecord<Registration_Dispute__c>(
      ctx.demo,
      'Registration_Dispute__c',
      outcome.dispute.Id ?? '',
      { Resolved_On__c: ctx.now() }
    )
  };
}
