import { toInstant } from './dates';
import { findDirectConflict, indexDirectOpportunities } from './directConflict';
import type { ExistingRecords } from './engagementRules';
import type { ConflictType, Deal_Registration__c, IsoDate, Opportunity, RecordId } from './records';
import { registrationKey } from './registrationKey';
import { isActive, isExpiringSoon, isOverdue } from './registrationStatus';
import type { PsmsSettings } from './settings';

/** The audit of an existing set of registrations (SPEC §6, `psms registrations`). */

export interface RegistrationConflict {
  registrationId: string;
  type: ConflictType;
  /** The earlier registration, or the direct opportunity. */
  withId: string;
}

export interface RegistrationAudit {
  asOf: IsoDate;
  conflicts: RegistrationConflict[];
  expired: string[];
  overdue: string[];
  expiringSoon: string[];
}

function submittedOrder(a: Deal_Registration__c, b: Deal_Registration__c): number {
  const byTime = instantOf(a) - instantOf(b);
  return byTime !== 0 ? byTime : (a.Id ?? '') < (b.Id ?? '') ? -1 : (a.Id ?? '') > (b.Id ?? '') ? 1 : 0;
}

function instantOf(registration: Deal_Registration__c): number {
  return registration.Submitted_On__c ? toInstant(registration.Submitted_On__c) : Number.POSITIVE_INFINITY;
}

/**
 * Every pair of active registrations sharing a key makes the later-submitted one a conflict
 * with the earlier one; every undecided registration with a direct-sales conflict is a Direct
 * conflict; `expired` lists Approved registrations past their date.
 */
export function auditRegistrations(
  existing: ExistingRecords,
  today: IsoDate,
  settings: Pick<PsmsSettings, 'approvalSlaHours' | 'expiringSoonDays'>
): RegistrationAudit {
  const opportunities = new Map<RecordId, Opportunity>();
  for (const opp of existing.opportunities) {
    opportunities.set(opp.Id, opp);
  }
  const byKey = new Map<string, Deal_Registration__c[]>();
  const audit: RegistrationAudit = { asOf: today, conflicts: [], expired: [], overdue: [], expiringSoon: [] };
  const undecided: Deal_Registration__c[] = [];
  for (const registration of existing.registrations) {
    const id = registration.Id ?? '';
    if (isActive(registration, opportunities)) {
      // The key is recomputed: data loaded around the triggers may carry a stale stored key.
      const key = registrationKey(registration);
      if (key !== null) {
        const group = byKey.get(key);
        if (group === undefined) {
          byKey.set(key, [registration]);
        } else {
          group.push(registration);
        }
      }
    }
    const status = registration.Status__c;
    if (status === 'Submitted' || status === 'Needs Review') {
      undecided.push(registration);
    }
    if (status === 'Approved' && registration.Expires_On__c && registration.Expires_On__c < today) {
      audit.expired.push(id);
    }
    if (isOverdue(registration, today, settings)) {
      audit.overdue.push(id);
    }
    if (isExpiringSoon(registration, today, settings)) {
      audit.expiringSoon.push(id);
    }
  }
  for (const group of byKey.values()) {
    if (group.length > 1) {
      addKeyConflicts(group, audit.conflicts);
    }
  }
  const direct = indexDirectOpportunities(existing.opportunities, existing.partnerDeals);
  for (const registration of undecided) {
    const opp = findDirectConflict(direct, registration, instantOf(registration));
    if (opp !== null) {
      audit.conflicts.push({ registrationId: registration.Id ?? '', type: 'Direct', withId: opp.Id });
    }
  }
  return audit;
}

function addKeyConflicts(group: Deal_Registration__c[], conflicts: RegistrationConflict[]): void {
  group.sort(submittedOrder);
  for (let later = 1; later < group.length; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const same = group[later].Partner_Account__c === group[earlier].Partner_Account__c;
      conflicts.push({
        registrationId: group[later].Id ?? '',
        type: same ? 'Already registered' : 'Duplicate',
        withId: group[earlier].Id ?? ''
      });
    }
  }
}
