import {
  approveRegistration,
  keyHolder,
  rejectRegistration,
  startOfDayUtc,
  type ExistingRecords
} from './engagementRules';
import type {
  Deal_Registration__c,
  IsoDate,
  Partner_Deal__c,
  RecordId,
  Registration_Dispute__c
} from './records';
import { registrationKey } from './registrationKey';
import type { PsmsSettings } from './settings';

/**
 * Registration disputes (SPEC §6): a dispute holds the registration in Needs Review until a
 * manager resolves it as Partner, Direct or Co-Sell, with a required note. Pure functions: they
 * return the updated copies and the records to create; nothing is ever deleted.
 */

export const DISPUTE_RESOLUTIONS = ['Partner', 'Direct', 'Co-Sell'] as const;
export type DisputeResolution = (typeof DISPUTE_RESOLUTIONS)[number];

/**
 * A dispute outcome. `dispute` is the new dispute (no Id: to insert) or the resolved copy;
 * `partnerDeals` are the partner deals to write: without an Id to insert, with one to update.
 */
export type DisputeResult =
  | {
      ok: true;
      registration: Deal_Registration__c;
      dispute: Registration_Dispute__c;
      partnerDeals: Partner_Deal__c[];
    }
  | { ok: false; error: string };

/**
 * Statuses that cannot be disputed: a Draft was never decided, a Withdrawn one was given up by
 * the partner, and an Expired one lost its protection by the calendar, not by a decision (its
 * key may already be someone else's). The Apex trigger (DisputeOpening) refuses the same three.
 */
const NOT_DISPUTABLE: ReadonlySet<string> = new Set(['Draft', 'Withdrawn', 'Expired']);
/** Statuses a Partner or Co-Sell resolution restores as they were (dates kept). */
const APPROVED_STATES: ReadonlySet<string> = new Set(['Approved', 'Converted']);
const HELD = 'Needs Review';

function fail(error: string): DisputeResult {
  return { ok: false, error };
}

function isBlank(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}

function openDisputeOf(
  registrationId: RecordId,
  existing: ExistingRecords
): Registration_Dispute__c | undefined {
  return (existing.disputes ?? []).find(
    (dispute) => dispute.Deal_Registration__c === registrationId && dispute.Status__c === 'Open'
  );
}

/** A decision (approved, converted or rejected) a partner or the direct rep may dispute (SPEC §6). */
const DECIDED: ReadonlySet<string> = new Set(['Approved', 'Converted', 'Rejected']);

/**
 * Whether a dispute can be raised on the registration now (what a rep is offered): it carries a
 * decision or a conflict — not a plain submission still waiting — is not Draft, Withdrawn or
 * Expired, and has no open dispute. `openDispute` accepts every registration this accepts.
 */
export function canRaiseDispute(
  registration: Deal_Registration__c,
  disputes: readonly Registration_Dispute__c[]
): boolean {
  if (!registration.Id || NOT_DISPUTABLE.has(registration.Status__c)) {
    return false;
  }
  if (!DECIDED.has(registration.Status__c) && !registration.Conflict_Type__c) {
    return false;
  }
  return (
    openDisputeOf(registration.Id, { registrations: [], opportunities: [], partnerDeals: [], disputes }) ===
    undefined
  );
}

/**
 * Open a dispute: the registration (which must exist, and not be Draft, Withdrawn or Expired,
 * nor already disputed) is held in Needs Review, and the dispute records its previous status.
 * The key: a registration that held it keeps it; one that did not (a rejected duplicate)
 * claims it only if no other active registration holds it — the holder keeps the key while
 * the dispute is open, as the unique field demands.
 */
export function openDispute(
  registration: Deal_Registration__c | undefined,
  request: { reason?: string | null; raisedBy?: RecordId | null },
  existing: ExistingRecords
): DisputeResult {
  if (registration === undefined || !registration.Id) {
    return fail('Only a saved registration can be disputed: none was found.');
  }
  if (NOT_DISPUTABLE.has(registration.Status__c)) {
    return fail(`This registration is ${registration.Status__c}: it cannot be disputed.`);
  }
  if (openDisputeOf(registration.Id, existing)) {
    return fail(`Registration ${registration.Id} already has an open dispute.`);
  }
  const key = registrationKey(registration);
  const held = key !== null && keyHolder(key, registration, existing) === null;
  return {
    ok: true,
    registration: {
      ...registration,
      Status__c: HELD,
      Normalized_Key__c: key,
      Registration_Key__c: held ? key : null
    },
    dispute: {
      Deal_Registration__c: registration.Id,
      Raised_By__c: request.raisedBy ?? null,
      Reason__c: isBlank(request.reason) ? null : (request.reason ?? '').trim(),
      Status__c: 'Open',
      Previous_Status__c: registration.Status__c
    },
    partnerDeals: []
  };
}

/**
 * The registration after a Partner (or Co-Sell) resolution: back to its previous approved
 * state (Approved or Converted, dates as they were) if it had one, else approved now with the
 * protection period (Approved_On = today, Expires_On = today + N days). Either way the key
 * must be free, as for any approval.
 */
function approvedAgain(
  registration: Deal_Registration__c,
  previousStatus: string,
  existing: ExistingRecords,
  today: IsoDate,
  settings: Pick<PsmsSettings, 'protectionDays'>
): { ok: true; registration: Deal_Registration__c } | { ok: false; error: string } {
  if (!APPROVED_STATES.has(previousStatus)) {
    const approved = approveRegistration(registration, existing, today, settings);
    return approved.ok
      ? { ok: true, registration: { ...approved.registration, Rejection_Reason__c: null } }
      : approved;
  }
  const key = registrationKey(registration);
  const holder = key === null ? null : keyHolder(key, registration, existing);
  if (holder !== null) {
    return {
      ok: false,
      error: `The registration key "${key}" is now held by active registration ${holder.Id ?? '(unsaved)'}.`
    };
  }
  return {
    ok: true,
    registration: {
      ...registration,
      Status__c: previousStatus,
      Normalized_Key__c: key,
      Registration_Key__c: key
    }
  };
}

/**
 * Co-Sell: the opportunity (the registration's own, else the one it conflicts with) gets a
 * co-sell partner deal for the registering partner — a new non-primary `Co-Sell` deal, or, when
 * the partner is already on the opportunity, its deal flagged co-sell (role and primary flag
 * kept: nothing the partner had is taken away).
 */
function coSellDeal(registration: Deal_Registration__c, existing: ExistingRecords): Partner_Deal__c | null {
  const opportunityId = registration.Opportunity__c ?? registration.Conflicting_Opportunity__c ?? null;
  if (!opportunityId) {
    return null;
  }
  const current = existing.partnerDeals.find(
    (deal) =>
      deal.Opportunity__c === opportunityId && deal.Partner_Account__c === registration.Partner_Account__c
  );
  if (current) {
    return {
      ...current,
      Co_Sell__c: true,
      Deal_Registration__c: current.Deal_Registration__c ?? registration.Id ?? null
    };
  }
  return {
    Opportunity__c: opportunityId,
    Partner_Account__c: registration.Partner_Account__c,
    Role__c: 'Co-Sell',
    Co_Sell__c: true,
    Is_Primary__c: false,
    Primary_Key__c: null,
    Deal_Registration__c: registration.Id ?? null
  };
}

/**
 * Resolve an open dispute as `Partner` (the registration is approved again, see approvedAgain),
 * `Direct` (Rejected, `Direct sales engaged`, key freed) or `Co-Sell` (approved as for Partner,
 * and the opportunity gets a co-sell partner deal). A non-blank note is required; the dispute is
 * stamped Resolved with its resolution, note, resolver and time.
 */
export function resolveDispute(
  dispute: Registration_Dispute__c | undefined,
  registration: Deal_Registration__c | undefined,
  request: { resolution: string; note?: string | null; resolvedBy?: RecordId | null },
  existing: ExistingRecords,
  today: IsoDate,
  settings: Pick<PsmsSettings, 'protectionDays'>
): DisputeResult {
  if (dispute === undefined) {
    return fail('There is no open dispute to resolve.');
  }
  if (dispute.Status__c !== 'Open') {
    return fail('This dispute is already resolved; a resolution is final.');
  }
  if (registration === undefined || registration.Id !== dispute.Deal_Registration__c) {
    return fail(`The disputed registration ${dispute.Deal_Registration__c} was not found.`);
  }
  if (registration.Status__c !== HELD) {
    return fail(`The disputed registration is ${registration.Status__c}, no longer held in Needs Review.`);
  }
  const resolution = DISPUTE_RESOLUTIONS.find((r) => r === request.resolution);
  if (resolution === undefined) {
    return fail(
      `"${request.resolution}" is not a resolution; use one of: ${DISPUTE_RESOLUTIONS.join(', ')}.`
    );
  }
  if (isBlank(request.note)) {
    return fail('A resolution needs a note explaining the decision.');
  }
  const outcome =
    resolution === 'Direct'
      ? rejectRegistration(registration, 'Direct sales engaged', today)
      : approvedAgain(registration, dispute.Previous_Status__c ?? '', existing, today, settings);
  if (!outcome.ok) {
    return outcome;
  }
  const deal = resolution === 'Co-Sell' ? coSellDeal(registration, existing) : null;
  if (resolution === 'Co-Sell' && deal === null) {
    return fail('This registration names no opportunity to co-sell on; resolve it as Partner or Direct.');
  }
  return {
    ok: true,
    registration: outcome.registration,
    dispute: {
      ...dispute,
      Status__c: 'Resolved',
      Resolution__c: resolution,
      Resolution_Note__c: (request.note ?? '').trim(),
      Resolved_By__c: request.resolvedBy ?? null,
      Resolved_On__c: startOfDayUtc(today)
    },
    partnerDeals: deal === null ? [] : [deal]
  };
}
