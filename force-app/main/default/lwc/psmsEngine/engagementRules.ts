import { addDays, toInstant } from './dates';
import { findDirectConflict, indexDirectOpportunities } from './directConflict';
import type {
  Deal_Registration__c,
  IsoDate,
  IsoDateTime,
  Opportunity,
  Partner_Deal__c,
  RecordId,
  Registration_Dispute__c,
  RejectionReason
} from './records';
import { registrationKey } from './registrationKey';
import { canTransition, isActive, isDueToExpire } from './registrationStatus';
import type { PsmsSettings } from './settings';

/**
 * The engagement rules of SPEC §6 as pure functions: each takes the existing records and
 * returns an updated copy of the registration, or a typed error naming the reason. Apex
 * enforces the same rules in the org; engagementRuleCases.json is the shared contract.
 */

export interface ExistingRecords {
  registrations: readonly Deal_Registration__c[];
  opportunities: readonly Opportunity[];
  partnerDeals: readonly Partner_Deal__c[];
  /** Registration disputes (only the dispute actions read them). */
  disputes?: readonly Registration_Dispute__c[];
}

export type RegistrationResult =
  { ok: true; registration: Deal_Registration__c } | { ok: false; error: string };

export const REJECTION_REASONS: readonly RejectionReason[] = [
  'Duplicate',
  'Already registered',
  'Direct sales engaged',
  'Existing customer',
  'Insufficient information',
  'Outside territory',
  'Too early'
];

function opportunitiesById(existing: ExistingRecords): Map<RecordId, Opportunity> {
  return new Map(existing.opportunities.map((opp) => [opp.Id, opp]));
}

/** 00:00 UTC of `today`: the time the engine stamps on a decision made "today". */
export function startOfDayUtc(today: IsoDate): IsoDateTime {
  return `${today}T00:00:00.000Z`;
}

function fail(error: string): RegistrationResult {
  return { ok: false, error };
}

/** The earliest-submitted other active registration holding `key`, if any. */
export function keyHolder(
  key: string,
  self: Deal_Registration__c,
  existing: ExistingRecords
): Deal_Registration__c | null {
  const opps = opportunitiesById(existing);
  let holder: Deal_Registration__c | null = null;
  for (const other of existing.registrations) {
    if ((self.Id && other.Id === self.Id) || !isActive(other, opps) || registrationKey(other) !== key) {
      continue;
    }
    if (holder === null || (other.Submitted_On__c ?? '') < (holder.Submitted_On__c ?? '')) {
      holder = other;
    }
  }
  return holder;
}

/**
 * Submit a registration: first to register wins (a key held by another partner's active
 * registration → Rejected, Duplicate; by the same partner → Rejected, Already registered);
 * otherwise a direct-sales conflict → Needs Review (Direct); otherwise Submitted.
 */
export function submitRegistration(
  submission: Deal_Registration__c,
  existing: ExistingRecords,
  today: IsoDate
): RegistrationResult {
  if (submission.Status__c && submission.Status__c !== 'Draft' && submission.Status__c !== 'Submitted') {
    return fail(`Only a Draft registration can be submitted; this one is ${submission.Status__c}.`);
  }
  const submittedOn = submission.Submitted_On__c ?? startOfDayUtc(today);
  const key = registrationKey(submission);
  const base: Deal_Registration__c = {
    ...submission,
    Submitted_On__c: submittedOn,
    Normalized_Key__c: key,
    Conflict_Type__c: null,
    Conflicting_Registration__c: null,
    Conflicting_Opportunity__c: null,
    Rejection_Reason__c: null
  };
  if (key === null) {
    // Without an end customer there is nothing to protect, and nothing to check conflicts against.
    return { ok: true, registration: reject(base, 'Insufficient information', submittedOn) };
  }
  const holder = keyHolder(key, submission, existing);
  if (holder !== null) {
    const type =
      holder.Partner_Account__c === submission.Partner_Account__c ? 'Already registered' : 'Duplicate';
    return {
      ok: true,
      registration: {
        ...reject(base, type, submittedOn),
        Conflict_Type__c: type,
        Conflicting_Registration__c: holder.Id ?? null
      }
    };
  }
  const direct = findDirectConflict(
    indexDirectOpportunities(existing.opportunities, existing.partnerDeals),
    submission,
    toInstant(submittedOn)
  );
  const status = direct === null ? 'Submitted' : 'Needs Review';
  return {
    ok: true,
    registration: {
      ...base,
      Status__c: status,
      Registration_Key__c: key,
      Conflict_Type__c: direct === null ? null : 'Direct',
      Conflicting_Opportunity__c: direct?.Id ?? null
    }
  };
}

function reject(
  registration: Deal_Registration__c,
  reason: RejectionReason,
  decidedOn: IsoDateTime
): Deal_Registration__c {
  return {
    ...registration,
    Status__c: 'Rejected',
    Rejection_Reason__c: reason,
    Decided_On__c: decidedOn,
    Registration_Key__c: null
  };
}

function transitionError(registration: Deal_Registration__c, to: string): RegistrationResult | null {
  return canTransition(registration.Status__c, to)
    ? null
    : fail(`A ${registration.Status__c} registration cannot become ${to}.`);
}

/** Approve: Approved_On = today, Expires_On = today + protection days; the key must be free. */
export function approveRegistration(
  registration: Deal_Registration__c,
  existing: ExistingRecords,
  today: IsoDate,
  settings: Pick<PsmsSettings, 'protectionDays'>
): RegistrationResult {
  const refused = transitionError(registration, 'Approved');
  if (refused) {
    return refused;
  }
  const key = registrationKey(registration);
  const holder = key === null ? null : keyHolder(key, registration, existing);
  if (holder !== null) {
    return fail(
      `The registration key "${key}" is already held by active registration ${holder.Id ?? '(unsaved)'}.`
    );
  }
  return {
    ok: true,
    registration: {
      ...registration,
      Status__c: 'Approved',
      Approved_On__c: today,
      Decided_On__c: startOfDayUtc(today),
      Expires_On__c: addDays(today, settings.protectionDays),
      Normalized_Key__c: key,
      Registration_Key__c: key
    }
  };
}

export function rejectRegistration(
  registration: Deal_Registration__c,
  reason: string,
  today: IsoDate
): RegistrationResult {
  const refused = transitionError(registration, 'Rejected');
  if (refused) {
    return refused;
  }
  if (!REJECTION_REASONS.includes(reason as RejectionReason)) {
    return fail(`"${reason}" is not a rejection reason; use one of: ${REJECTION_REASONS.join(', ')}.`);
  }
  return { ok: true, registration: reject(registration, reason as RejectionReason, startOfDayUtc(today)) };
}

/** Extend an Approved registration by E days, at most M times, only before it expires. */
export function extendRegistration(
  registration: Deal_Registration__c,
  today: IsoDate,
  settings: Pick<PsmsSettings, 'maxExtensions' | 'extensionDays'>
): RegistrationResult {
  if (registration.Status__c !== 'Approved') {
    return fail(`Only an Approved registration can be extended; this one is ${registration.Status__c}.`);
  }
  const count = registration.Extension_Count__c ?? 0;
  if (count >= settings.maxExtensions) {
    return fail(
      `This registration has already been extended ${count} time(s); the limit is ${settings.maxExtensions}.`
    );
  }
  if (!registration.Expires_On__c || registration.Expires_On__c < today) {
    return fail(
      `This registration expired on ${registration.Expires_On__c ?? '(no date)'}; it can only be extended before it expires.`
    );
  }
  return {
    ok: true,
    registration: {
      ...registration,
      Expires_On__c: addDays(registration.Expires_On__c, settings.extensionDays),
      Extension_Count__c: count + 1
    }
  };
}

/** Expire (the daily job): past its date, unless Converted with an open or won opportunity. Frees the key. */
export function expireRegistration(
  registration: Deal_Registration__c,
  existing: ExistingRecords,
  today: IsoDate
): RegistrationResult {
  if (!isDueToExpire(registration, today, opportunitiesById(existing))) {
    return fail(
      `Registration ${registration.Id ?? '(unsaved)'} (${registration.Status__c}, expires ${registration.Expires_On__c ?? 'never'}) is not due to expire on ${today}.`
    );
  }
  return { ok: true, registration: { ...registration, Status__c: 'Expired', Registration_Key__c: null } };
}

/** The daily expiry job over a data set: the expired copies of every registration due. */
export function runExpiryJob(existing: ExistingRecords, today: IsoDate): Deal_Registration__c[] {
  const opps = opportunitiesById(existing);
  return existing.registrations
    .filter((registration) => isDueToExpire(registration, today, opps))
    .map((registration) => ({ ...registration, Status__c: 'Expired', Registration_Key__c: null }));
}

/** Withdraw an active registration; frees the key. */
export function withdrawRegistration(registration: Deal_Registration__c): RegistrationResult {
  return (
    transitionError(registration, 'Withdrawn') ?? {
      ok: true,
      registration: { ...registration, Status__c: 'Withdrawn', Registration_Key__c: null }
    }
  );
}

/** Convert an Approved registration: link it to its opportunity; the key stays held while the opportunity is open. */
export function convertRegistration(
  registration: Deal_Registration__c,
  opportunityId: RecordId
): RegistrationResult {
  if (!opportunityId) {
    return fail('A registration is converted to an opportunity: give its id.');
  }
  return (
    transitionError(registration, 'Converted') ?? {
      ok: true,
      registration: { ...registration, Status__c: 'Converted', Opportunity__c: opportunityId }
    }
  );
}
