import type { Partner_Deal__c, RecordId } from './records';

/**
 * Partner involvement per opportunity (SPEC §2). Built once from the Partner_Deal__c rows and
 * shared by the roll-up, hygiene and KPIs, so a million-row roll-up does one map look-up per
 * opportunity instead of scanning partner deals.
 */

export interface OpportunityPartners {
  /** The primary partner deal: the opportunity's amount belongs to this partner only. */
  primary: Partner_Deal__c | null;
  /** Every partner deal on the opportunity (the influence view). */
  deals: Partner_Deal__c[];
  /** At least one deal is flagged co-sell. */
  coSell: boolean;
}

export type PartnerDealIndex = Map<RecordId, OpportunityPartners>;

export function indexPartnerDeals(deals: readonly Partner_Deal__c[]): PartnerDealIndex {
  const index: PartnerDealIndex = new Map();
  for (const deal of deals) {
    let entry = index.get(deal.Opportunity__c);
    if (entry === undefined) {
      entry = { primary: null, deals: [], coSell: false };
      index.set(deal.Opportunity__c, entry);
    }
    entry.deals.push(deal);
    if (deal.Co_Sell__c === true) {
      entry.coSell = true;
    }
    // The org allows one primary; should an export hold two, the lowest id wins so the
    // result does not depend on row order.
    if (
      deal.Is_Primary__c === true &&
      (entry.primary === null || (deal.Id ?? '') < (entry.primary.Id ?? ''))
    ) {
      entry.primary = deal;
    }
  }
  return index;
}

/**
 * The partner involvement of each opportunity, aligned by position with the opportunity list.
 * Built once (one map look-up per opportunity); a roll-up or hygiene run over the same list
 * then reads it by index, which keeps a million-row run out of a million-entry hash table.
 */
export type PartnerColumn = readonly (OpportunityPartners | undefined)[];

export function alignPartners(
  opportunities: readonly { Id: RecordId }[],
  index: PartnerDealIndex
): PartnerColumn {
  const column: (OpportunityPartners | undefined)[] = new Array(opportunities.length);
  for (let i = 0; i < opportunities.length; i++) {
    column[i] = index.get(opportunities[i].Id);
  }
  return column;
}

/** Partners of the i-th opportunity, from either form of the index. */
export function partnersAt(
  partners: PartnerDealIndex | PartnerColumn,
  opportunities: readonly { Id: RecordId }[],
  i: number
): OpportunityPartners | undefined {
  return partners instanceof Map ? partners.get(opportunities[i].Id) : (partners as PartnerColumn)[i];
}
