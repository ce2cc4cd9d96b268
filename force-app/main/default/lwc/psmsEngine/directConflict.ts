import { toInstant } from './dates';
import type { Deal_Registration__c, Opportunity, Partner_Deal__c } from './records';

/**
 * The direct-sales conflict of SPEC §6: an open opportunity on the same end-customer account
 * and product line, with no partner deal, created before the submission. Indexed by
 * account + product line so that an audit of many registrations stays linear.
 */

interface Candidate {
  opportunity: Opportunity;
  created: number;
}

export type DirectConflictIndex = Map<string, Candidate[]>;

function productLine(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

export function indexDirectOpportunities(
  opportunities: readonly Opportunity[],
  partnerDeals: readonly Partner_Deal__c[]
): DirectConflictIndex {
  const withPartner = new Set<string>();
  for (const deal of partnerDeals) {
    withPartner.add(deal.Opportunity__c);
  }
  const index: DirectConflictIndex = new Map();
  for (const opportunity of opportunities) {
    if (opportunity.IsClosed || !opportunity.AccountId || withPartner.has(opportunity.Id)) {
      continue;
    }
    const key = `${opportunity.AccountId}|${productLine(opportunity.Product_Line__c)}`;
    const list = index.get(key) ?? [];
    list.push({ opportunity, created: toInstant(opportunity.CreatedDate) });
    index.set(key, list);
  }
  // Earliest first (then by id), so the conflict named is the first one direct sales opened.
  for (const list of index.values()) {
    list.sort((a, b) => a.created - b.created || (a.opportunity.Id < b.opportunity.Id ? -1 : 1));
  }
  return index;
}

/** The conflicting opportunity for a registration submitted at `submittedOn`, or null. */
export function findDirectConflict(
  index: DirectConflictIndex,
  registration: Pick<Deal_Registration__c, 'End_Customer_Account__c' | 'Product_Line__c'>,
  submittedOn: number
): Opportunity | null {
  if (!registration.End_Customer_Account__c) {
    return null;
  }
  const first = index.get(
    `${registration.End_Customer_Account__c}|${productLine(registration.Product_Line__c)}`
  )?.[0];
  return first !== undefined && first.created < submittedOn ? first.opportunity : null;
}
