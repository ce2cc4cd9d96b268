import {
  approveRegistration,
  convertRegistration,
  expireRegistration,
  extendRegistration,
  rejectRegistration,
  submitRegistration,
  withdrawRegistration,
  type ExistingRecords,
  type RegistrationResult
} from '../../../force-app/main/default/lwc/psmsEngine/engagementRules';
import { registrationKey } from '../../../force-app/main/default/lwc/psmsEngine/registrationKey';
import type { Deal_Registration__c } from '../../../force-app/main/default/lwc/psmsEngine/records';
import type { FieldValue } from '../db/demoDatabase';
import type { AdapterContext } from './adapterContext';
import { insertRecord, inTransaction, select, selectById, selectIn, updateRecord } from './recordStore';
import { conflict, notFound } from './requestError';

/**
 * Registration writes under the engagement rules of SPEC §6. The rules themselves are the
 * engine's (one implementation, shared with the previews and the audit); this file only loads
 * the records they need, inside the write transaction, and stores the outcome. The unique index
 * on Registration_Key__c is the last line: should two submissions for one key ever interleave,
 * the second insert fails and is evaluated again against the winner.
 */

export type RegistrationChange =
  | { action: 'approve' }
  | { action: 'reject'; reason: string }
  | { action: 'extend' }
  | { action: 'expire' }
  | { action: 'withdraw' }
  | { action: 'convert'; opportunityId: string };

/** The records the engine needs to judge a registration with this key and customer. */
export function existingFor(ctx: AdapterContext, registration: Deal_Registration__c): ExistingRecords {
  const key = registrationKey(registration);
  const registrations =
    key === null
      ? []
      : select<Deal_Registration__c>(
          ctx.demo,
          'Deal_Registration__c',
          'Normalized_Key__c = ? COLLATE NOCASE OR Registration_Key__c = ? COLLATE NOCASE',
          [key, key]
        );
  const customerOpps = registration.End_Customer_Account__c
    ? select<Psms.Opportunity>(ctx.demo, 'Opportunity', 'AccountId = ? AND IsClosed = 0', [
        registration.End_Customer_Account__c
      ])
    : [];
  // Converted registrations are active only while their opportunity is open: load those too.
  const linked = [registration, ...registrations]
    .map((r) => r.Opportunity__c)
    .filter((id): id is string => !!id);
  const known = new Set(customerOpps.map((o) => o.Id));
  const opportunities = [
    ...customerOpps,
    ...selectIn<Psms.Opportunity>(
      ctx.demo,
      'Opportunity',
      'Id',
      linked.filter((id) => !known.has(id))
    )
  ];
  const partnerDeals = selectIn<Psms.PartnerDeal>(
    ctx.demo,
    'Partner_Deal__c',
    'Opportunity__c',
    opportunities.map((o) => o.Id)
  );
  return { registrations, opportunities, partnerDeals };
}

function outcome(result: RegistrationResult): Deal_Registration__c {
  if (!result.ok) throw conflict(result.error);
  return result.registration;
}

export function isKeyTaken(error: unknown): boolean {
  return (
    error instanceof Error &&
    /UNIQUE constraint failed: Deal_Registration__c\.Registration_Key__c/.test(error.message)
  );
}

/** Submits a new registration; the stored record carries the verdict (Submitted, Needs Review or Rejected). */
export function storeSubmission(ctx: AdapterContext, submission: Deal_Registration__c): Deal_Registration__c {
  const attempt = () =>
    inTransaction(ctx.demo, () => {
      const verdict = outcome(submitRegistration(submission, existingFor(ctx, submission), ctx.today()));
      // The database assigns the id.
      const fields: Partial<Deal_Registration__c> = { ...verdict };
      delete fields.Id;
      const stored = insertRecord<Deal_Registration__c>(
        ctx.demo,
        'Deal_Registration__c',
        fields as Record<string, FieldValue>
      );
      linkPartnerDeal(ctx, stored);
      return stored;
    });
  try {
    return attempt();
  } catch (error) {
    if (!isKeyTaken(error)) throw error;
    return attempt();
  }
}

/** A registration submitted from an opportunity is linked to that partner's deal on it. */
function linkPartnerDeal(ctx: AdapterContext, registration: Deal_Registration__c): void {
  if (!registration.Opportunity__c || !registration.Id || registration.Status__c === 'Rejected') return;
  ctx.demo.db
    .prepare(
      'UPDATE Partner_Deal__c SET Deal_Registration__c = ? WHERE Opportunity__c = ? AND Partner_Account__c = ? AND Deal_Registration__c IS NULL'
    )
    .run(registration.Id, registration.Opportunity__c, registration.Partner_Account__c);
}

/** Applies a lifecycle change to a stored registration, inside the caller's transaction. */
export function changeRegistration(
  ctx: AdapterContext,
  registrationId: string,
  change: RegistrationChange
): Deal_Registration__c {
  const current = selectById<Deal_Registration__c>(ctx.demo, 'Deal_Registration__c', registrationId);
  if (!current) throw notFound(`No registration ${registrationId}.`);
  const today = ctx.today();
  const existing = existingFor(ctx, current);
  const next = outcome(
    change.action === 'approve'
      ? approveRegistration(current, existing, today, ctx.settings)
      : change.action === 'reject'
        ? rejectRegistration(current, change.reason, today)
        : change.action === 'extend'
          ? extendRegistration(current, today, ctx.settings)
          : change.action === 'expire'
            ? expireRegistration(current, existing, today)
            : change.action === 'withdraw'
              ? withdrawRegistration(current)
              : convertRegistration(current, change.opportunityId)
  );
  const changed: Record<string, FieldValue> = {};
  const before: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(next)) {
    if (value !== before[field]) changed[field] = (value ?? null) as FieldValue;
  }
  for (const field of Object.keys(current)) if (!(field in next)) changed[field] = null;
  if (change.action === 'approve' || change.action === 'reject')
    changed.Decided_By__c = ctx.demo.currentUserId;
  try {
    return updateRecord<Deal_Registration__c>(ctx.demo, 'Deal_Registration__c', registrationId, changed);
  } catch (error) {
    if (isKeyTaken(error))
      throw conflict(
        `Another active registration already holds the key "${next.Registration_Key__c ?? ''}".`
      );
    throw error;
  }
}

export function changeRegistrationNow(
  ctx: AdapterContext,
  registrationId: string,
  change: RegistrationChange
): Deal_Registration__c {
  return inTransaction(ctx.demo, () => changeRegistration(ctx, registrationId, change));
}
