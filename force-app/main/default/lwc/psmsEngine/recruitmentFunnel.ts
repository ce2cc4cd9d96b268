import { parsePeriod } from './calendar';
import { daysBetween } from './dates';
import type { Account, IsoDate, RecordId } from './records';
import { median } from './statistics';

/**
 * The recruitment funnel of SPEC §12 for one period: partners reaching each stage in the period
 * (Recruited, Activated, First revenue by their dates), the current count per partner status,
 * the median days Recruited → Activated and Activated → First revenue over partners whose later
 * date falls in the period, and the partners stuck in onboarding.
 */

/** Onboarding for more than this many days since Recruited On is stuck. */
export const STUCK_AFTER_DAYS = 90;
export const PARTNER_STATUSES = ['Prospect', 'Recruited', 'Onboarding', 'Active', 'Inactive'] as const;

export interface StuckPartner {
  partnerId: RecordId;
  recruitedOn: IsoDate;
  days: number;
}

export interface FunnelReport {
  period: string;
  recruited: number;
  activated: number;
  firstRevenue: number;
  /** Every status of the lifecycle (0 when none), then any other value found. */
  byStatus: Record<string, number>;
  medianDaysToActivate: number | null;
  medianDaysToFirstRevenue: number | null;
  /** Longest in onboarding first. */
  stuck: StuckPartner[];
}

export interface FunnelInput {
  period: string;
  today: IsoDate;
  accounts: readonly Account[];
  fiscalYearStartMonth?: number;
}

function within(date: IsoDate | null | undefined, start: IsoDate, end: IsoDate): date is IsoDate {
  return date != null && date >= start && date <= end;
}

export function recruitmentFunnel(input: FunnelInput): FunnelReport {
  const { start, end } = parsePeriod(input.period, input.fiscalYearStartMonth ?? 1);
  const byStatus: Record<string, number> = Object.fromEntries(PARTNER_STATUSES.map((s) => [s, 0]));
  let recruited = 0;
  let activated = 0;
  let firstRevenue = 0;
  const toActivate: number[] = [];
  const toRevenue: number[] = [];
  const stuck: StuckPartner[] = [];
  for (const partner of input.accounts) {
    const status = partner.Partner_Status__c;
    if (!status) {
      continue; // not a partner account
    }
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const recruitedOn = partner.Recruited_On__c ?? null;
    const activatedOn = partner.Activated_On__c ?? null;
    if (within(recruitedOn, start, end)) {
      recruited++;
    }
    if (within(activatedOn, start, end)) {
      activated++;
      if (recruitedOn) {
        toActivate.push(daysBetween(recruitedOn, activatedOn));
      }
    }
    if (within(partner.First_Revenue_On__c, start, end)) {
      firstRevenue++;
      if (activatedOn) {
        toRevenue.push(daysBetween(activatedOn, partner.First_Revenue_On__c));
      }
    }
    if (status === 'Onboarding' && recruitedOn) {
      const days = daysBetween(recruitedOn, input.today);
      if (days > STUCK_AFTER_DAYS) {
        stuck.push({ partnerId: partner.Id, recruitedOn, days });
      }
    }
  }
  stuck.sort(
    (a, b) => b.days - a.days || (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0)
  );
  return {
    period: input.period,
    recruited,
    activated,
    firstRevenue,
    byStatus,
    medianDaysToActivate: median(toActivate),
    medianDaysToFirstRevenue: median(toRevenue),
    stuck
  };
}
