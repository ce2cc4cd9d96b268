import { isExpiringSoon } from '../../../../force-app/main/default/lwc/psmsEngine/registrationStatus';
import type { Deal_Registration__c } from '../../../../force-app/main/default/lwc/psmsEngine/records';
import type { AdapterContext } from '../adapterContext';
import { withOpportunityNames, withRegistrationNames } from '../recordShapes';
import { inTransaction, select, selectById, selectIn } from '../recordStore';
import { storeOpenDispute, storeResolution } from '../disputeStore';
import { changeRegistration, changeRegistrationNow } from '../registrationStore';
import { badRequest, conflict, notFound } from '../requestError';
import { asBody, oneOf, optionalString, recordIdOf, requiredString } from '../validateRequest';
import { picklistValues } from '../picklists';

/** RegistrationDeskController: the manager's queue, decisions, extensions and disputes (SPEC §6). */

export function getDeskQueue(ctx: AdapterContext, raw: unknown): Psms.DeskResponse {
  asBody(raw ?? {}, []);
  const today = ctx.today();
  const pending = select<Deal_Registration__c>(
    ctx.demo,
    'Deal_Registration__c',
    "Status__c IN ('Submitted', 'Needs Review')",
    [],
    'Submitted_On__c'
  );
  const protectedOnes = select<Deal_Registration__c>(
    ctx.demo,
    'Deal_Registration__c',
    "Status__c IN ('Approved', 'Converted') AND Expires_On__c >= ?",
    [today],
    'Expires_On__c'
  );
  const registrations = [
    ...pending,
    ...protectedOnes.filter((r) => isExpiringSoon(r, today, ctx.settings))
  ] as Psms.Registration[];
  const disputes = select<Psms.Dispute>(
    ctx.demo,
    'Registration_Dispute__c',
    "Status__c = 'Open'",
    [],
    'Name'
  );
  const disputed = new Map(
    withRegistrationNames(
      ctx,
      selectIn<Psms.Registration>(
        ctx.demo,
        'Deal_Registration__c',
        'Id',
        disputes.map((d) => d.Deal_Registration__c)
      )
    ).map((r) => [r.Id, r])
  );
  const opportunityIds = [...registrations, ...disputed.values()]
    .flatMap((r) => [r.Conflicting_Opportunity__c, r.Opportunity__c])
    .filter((id): id is string => !!id);
  return {
    today,
    registrations: withRegistrationNames(ctx, registrations),
    disputes: disputes.map((d) => ({
      ...d,
      Deal_Registration__r: disputed.get(d.Deal_Registration__c) ?? null
    })),
    opportunities: withOpportunityNames(
      ctx,
      selectIn<Psms.Opportunity>(ctx.demo, 'Opportunity', 'Id', [...new Set(opportunityIds)])
    )
  };
}

function openDisputeOf(ctx: AdapterContext, registrationId: string): Psms.Dispute | null {
  return (
    select<Psms.Dispute>(
      ctx.demo,
      'Registration_Dispute__c',
      "Deal_Registration__c = ? AND Status__c = 'Open'",
      [registrationId]
    )[0] ?? null
  );
}

export function decideRegistration(ctx: AdapterContext, raw: unknown): Psms.Registration {
  const body = asBody(raw, ['registrationId', 'decision', 'rejectionReason']);
  const registrationId = recordIdOf(body, 'registrationId');
  const decision = oneOf(body, 'decision', ['Approve', 'Reject'] as const);
  const reason = optionalString(body, 'rejectionReason');
  if (decision === 'Reject' && reason === null) throw badRequest('A rejection needs a reason.');
  if (
    decision === 'Reject' &&
    reason !== null &&
    !picklistValues(ctx, 'Deal_Registration__c', 'Rejection_Reason__c').includes(reason)
  ) {
    throw badRequest(
      `"rejectionReason" must be one of: ${picklistValues(ctx, 'Deal_Registration__c', 'Rejection_Reason__c').join(', ')}.`
    );
  }
  return inTransaction(ctx.demo, () => {
    // A dispute holds the registration until a manager resolves it (SPEC §6).
    if (openDisputeOf(ctx, registrationId))
      throw conflict('This registration has an open dispute: resolve the dispute instead.');
    const change =
      decision === 'Approve'
        ? ({ action: 'approve' } as const)
        : ({ action: 'reject', reason: reason ?? '' } as const);
    return withRegistrationNames(ctx, [
      changeRegistration(ctx, registrationId, change) as Psms.Registration
    ])[0];
  });
}

export function extendRegistrationOperation(ctx: AdapterContext, raw: unknown): Psms.Registration {
  const registrationId = recordIdOf(asBody(raw, ['registrationId']), 'registrationId');
  return withRegistrationNames(ctx, [
    changeRegistrationNow(ctx, registrationId, { action: 'extend' }) as Psms.Registration
  ])[0];
}

export function raiseDispute(ctx: AdapterContext, raw: unknown): Psms.Dispute {
  const body = asBody(raw, ['registrationId', 'reason']);
  const registrationId = recordIdOf(body, 'registrationId');
  const reason = requiredString(body, 'reason', 32768);
  return inTransaction(ctx.demo, () => {
    const { registration, dispute } = storeOpenDispute(ctx, registrationId, reason);
    return {
      ...dispute,
      Deal_Registration__r: withRegistrationNames(ctx, [registration as Psms.Registration])[0]
    };
  });
}

export function resolveDisputeOperation(ctx: AdapterContext, raw: unknown): Psms.Dispute {
  const body = asBody(raw, ['disputeId', 'resolution', 'note']);
  const disputeId = recordIdOf(body, 'disputeId');
  const resolution = oneOf(body, 'resolution', ['Partner', 'Direct', 'Co-Sell'] as const);
  const note = requiredString(body, 'note', 32768);
  return inTransaction(ctx.demo, () => {
    const stored = selectById<Psms.Dispute>(ctx.demo, 'Registration_Dispute__c', disputeId);
    if (!stored) throw notFound(`No dispute ${disputeId}.`);
    if (stored.Status__c !== 'Open')
      throw conflict('This dispute is already resolved; a resolution is final.');
    const { registration, dispute } = storeResolution(ctx, stored.Deal_Registration__c, resolution, note);
    return {
      ...dispute,
      Deal_Registration__r: withRegistrationNames(ctx, [registration as Psms.Registration])[0]
    };
  });
}
