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

/**
 * A table of record ids: a Map, or any table with the same two methods (the CLI keeps a
 * million-row index in its own, cheaper than a Map at that size).
 */
export interface IdTable<T> {
  get(id: RecordId): T | undefined;
  set(id: RecordId, value: T): unknown;
}

export function indexPartnerDeals(deals: readonly Partner_Deal__c[]): PartnerDealIndex {
  const index: PartnerDealIndex = new Map();
  for (const deal of deals) {
    addPartnerDeal(index, deal);
  }
  return index;
}

/** One deal into an index, as deals arrive (a streamed export): what `indexPartnerDeals` does to each. */
export function addPartnerDeal(index: IdTable<OpportunityPartners>, deal: Partner_Deal__c): void {
  let entry = index.get(deal.Opportunity__c);
  if (entry === undefined) {
    // Created holding its first deal: an array literal is sized to its one element, whereas
    // a push onto `[]` reserves room for 17 (~120 bytes more per opportunity, most of which
    // have one deal).
    entry = { primary: null, deals: [deal], coSell: false };
    index.set(deal.Opportunity__c, entry);
  } else {
    entry.deals.push(deal);
  }
  if (deal.Co_Sell__c === true) {
    entry.coSell = true;
  }
  if (deal.Is_Primary__c === true && (entry.primary === null || outranks(deal, entry.primary))) {
    entry.primary = deal;
  }
}

/**
 * Of two primary deals on one opportunity, the one that counts. The org allows one primary;
 * should an export hold two, the lowest id wins so the result does not depend on row order
 * (and of two rows with one id, a duplicated row edited apart, the lowest partner account).
 */
function outranks(deal: Partner_Deal__c, current: Partner_Deal__c): boolean {
  const id = deal.Id ?? '';
  const currentId = current.Id ?? '';
  return id < currentId || (id === currentId && deal.Partner_Account__c < current.Partner_Account__c);
}

/**
 * The primary deal of each opportunity and nothing else: what a roll-up needs, kept as deals
 * arrive one at a time (a streamed export), so a million-row run holds one entry per
 * opportunity instead of the full index.
 */
export type PrimaryDeals = IdTable<Partner_Deal__c>;

export function addPrimaryDeal(primaries: PrimaryDeals, deal: Partner_Deal__c): void {
  if (deal.Is_Primary__c !== true) {
    return;
  }
  const current = primaries.get(deal.Opportunity__c);
  if (current === undefined || outranks(deal, current)) {
    primaries.set(deal.Opportunity__c, deal);
  }
}

/**
 * The primary partner of every row of a column as a dense small integer: `slots[i]` is the
 * position of the row's primary partner account in `partners`, or −1 when it has none (direct).
 * A roll-up by partner then adds each row into a typed array at its slot: no string hashing, no
 * map look-up, no per-group object in the hot loop.
 */
export interface PrimarySlots {
  slots: Int32Array;
  /** The distinct primary partner accounts, in order of first appearance. */
  partners: RecordId[];
}

/**
 * Slots of the columns built by `alignPartners`, computed with the column (it is the moment the
 * column's entries are known) and found again by identity. Only those columns are cached: they
 * are returned as read-only, whereas an array a caller built could change between two calls.
 */
const SLOTS = new WeakMap<PartnerColumn, PrimarySlots>();

function computePrimarySlots(column: PartnerColumn): PrimarySlots {
  const slots = new Int32Array(column.length);
  const slotOf = new Map<RecordId, number>();
  const partners: RecordId[] = [];
  for (let i = 0; i < column.length; i++) {
    const primary = column[i]?.primary;
    if (!primary) {
      slots[i] = -1;
      continue;
    }
    const account = primary.Partner_Account__c;
    let slot = slotOf.get(account);
    if (slot === undefined) {
      slot = partners.length;
      partners.push(account);
      slotOf.set(account, slot);
    }
    slots[i] = slot;
  }
  return { slots, partners };
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
  SLOTS.set(column, computePrimarySlots(column));
  return column;
}

/** Primary-partner slots of a column: cached for `alignPartners` columns, else computed now. */
export function primarySlots(column: PartnerColumn): PrimarySlots {
  return SLOTS.get(column) ?? computePrimarySlots(column);
}

/** Partners of the i-th opportunity, from either form of the index. */
export function partnersAt(
  partners: PartnerDealIndex | PartnerColumn,
  opportunities: readonly { Id: RecordId }[],
  i: number
): OpportunityPartners | undefined {
  return partners instanceof Map ? partners.get(opportunities[i].Id) : (partners as PartnerColumn)[i];
}
