import { fromCents, toCents } from './money';
import type { PartnerDealIndex } from './partnerDeals';
import type { IsoDate, Opportunity, PartnerRole } from './records';

/**
 * Revenue attribution (SPEC §10, MBR/QBR): won partner-channel revenue closing in a date range,
 * by the role of its primary partner deal. The shares sum to 1: a primary deal with a blank or
 * unknown role is counted under `Unspecified` (listed only when it holds revenue), so no won
 * revenue falls out of the split.
 */

export const ATTRIBUTION_ROLES: readonly PartnerRole[] = [
  'Sourced',
  'Co-Sell',
  'Influenced',
  'Resell',
  'Referral'
];
export const UNSPECIFIED_ROLE = 'Unspecified';

export interface AttributionRow {
  role: string;
  amount: number;
  count: number;
  /** amount ÷ the total; null when nothing was won. */
  share: number | null;
}

export interface RevenueAttribution {
  rows: AttributionRow[];
  total: number;
}

export function revenueAttribution(
  opportunities: readonly Opportunity[],
  partners: PartnerDealIndex,
  start: IsoDate,
  end: IsoDate
): RevenueAttribution {
  const cents = new Map<string, { amount: number; count: number }>(
    [...ATTRIBUTION_ROLES, UNSPECIFIED_ROLE].map((role) => [role, { amount: 0, count: 0 }])
  );
  let total = 0;
  for (const opp of opportunities) {
    if (!opp.IsWon || opp.CloseDate < start || opp.CloseDate > end) {
      continue;
    }
    const primary = partners.get(opp.Id)?.primary;
    if (!primary) {
      continue;
    }
    const role = ATTRIBUTION_ROLES.includes(primary.Role__c as PartnerRole)
      ? (primary.Role__c as string)
      : UNSPECIFIED_ROLE;
    const bucket = cents.get(role) as { amount: number; count: number };
    const amount = toCents(opp.Amount);
    bucket.amount += amount;
    // A summary row (an org's large periods) stands for as many won deals as it counts.
    bucket.count += opp.Opportunity_Count__c ?? 1;
    total += amount;
  }
  const rows: AttributionRow[] = [];
  for (const [role, bucket] of cents) {
    if (role === UNSPECIFIED_ROLE && bucket.count === 0) {
      continue;
    }
    rows.push({
      role,
      amount: fromCents(bucket.amount),
      count: bucket.count,
      share: total === 0 ? null : bucket.amount / total
    });
  }
  return { rows, total: fromCents(total) };
}
