import { addDays, HOUR_MS, startOfDayInstant, toInstant } from './dates';
import type { Deal_Registration__c, IsoDate, Opportunity, RecordId, RegistrationStatus } from './records';
import type { PsmsSettings } from './settings';

/** Registration statuses, their lifecycle and the time rules of SPEC §6. */

/**
 * The lifecycle: Draft → Submitted → Approved | Rejected | Needs Review; a registration in
 * Needs Review is then decided (Approved | Rejected); Approved → Converted | Expired; a
 * Converted registration whose opportunity was lost can still expire; any active status →
 * Withdrawn.
 */
const TRANSITIONS: Readonly<Record<RegistrationStatus, readonly RegistrationStatus[]>> = {
  Draft: ['Submitted'],
  Submitted: ['Approved', 'Rejected', 'Needs Review', 'Withdrawn'],
  'Needs Review': ['Approved', 'Rejected', 'Withdrawn'],
  Approved: ['Converted', 'Expired', 'Withdrawn'],
  Converted: ['Expired', 'Withdrawn'],
  Rejected: [],
  Expired: [],
  Withdrawn: []
};

export function canTransition(from: string, to: string): boolean {
  return (TRANSITIONS[from as RegistrationStatus] ?? []).includes(to as RegistrationStatus);
}

/**
 * Active = Submitted, Needs Review, Approved, or Converted while its opportunity is open. A
 * Converted registration whose opportunity is not in the data counts as active: nothing shows
 * that its deal closed.
 */
export function isActive(
  registration: Deal_Registration__c,
  opportunities: ReadonlyMap<RecordId, Opportunity>
): boolean {
  switch (registration.Status__c) {
    case 'Submitted':
    case 'Needs Review':
    case 'Approved':
      return true;
    case 'Converted': {
      const opp = registration.Opportunity__c ? opportunities.get(registration.Opportunity__c) : undefined;
      return opp === undefined || !opp.IsClosed;
    }
    default:
      return false;
  }
}

/** Approval SLA: still undecided and Submitted_On + S hours is before 00:00 UTC of today. */
export function isOverdue(
  registration: Deal_Registration__c,
  today: IsoDate,
  settings: Pick<PsmsSettings, 'approvalSlaHours'>
): boolean {
  if (registration.Status__c !== 'Submitted' && registration.Status__c !== 'Needs Review') {
    return false;
  }
  if (!registration.Submitted_On__c) {
    return false;
  }
  return (
    toInstant(registration.Submitted_On__c) + settings.approvalSlaHours * HOUR_MS < startOfDayInstant(today)
  );
}

/** Approved or Converted, with an expiry date in [today, today + N days]. */
export function isExpiringSoon(
  registration: Deal_Registration__c,
  today: IsoDate,
  settings: Pick<PsmsSettings, 'expiringSoonDays'>
): boolean {
  const expires = registration.Expires_On__c;
  if ((registration.Status__c !== 'Approved' && registration.Status__c !== 'Converted') || !expires) {
    return false;
  }
  return expires >= today && expires <= addDays(today, settings.expiringSoonDays);
}

/**
 * Whether the daily job expires it: past its date (Expires_On < today) and either Approved or
 * Converted without an open or won opportunity.
 */
export function isDueToExpire(
  registration: Deal_Registration__c,
  today: IsoDate,
  opportunities: ReadonlyMap<RecordId, Opportunity>
): boolean {
  const expires = registration.Expires_On__c;
  if (!expires || expires >= today) {
    return false;
  }
  if (registration.Status__c === 'Approved') {
    return true;
  }
  if (registration.Status__c !== 'Converted') {
    return false;
  }
  const opp = registration.Opportunity__c ? opportunities.get(registration.Opportunity__c) : undefined;
  return opp === undefined || (opp.IsClosed && !opp.IsWon);
}
