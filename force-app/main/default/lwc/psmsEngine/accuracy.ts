import { latestCalls } from './forecastCalls';
import { parsePeriod } from './calendar';
import { fromCents, toCents } from './money';
import type { PartnerDealIndex } from './partnerDeals';
import type { Forecast_Submission__c, Opportunity } from './records';

/**
 * Forecast accuracy and bias of a period against the week-1 call (SPEC §4):
 * accuracy = 1 − |call − actual| ÷ actual, floored at 0; bias = (call − actual) ÷ actual;
 * both null when actual = 0.
 */

export interface AccuracyRow {
  key: string;
  call: number;
  actual: number;
  accuracy: number | null;
  bias: number | null;
}

export interface AccuracyReport {
  period: string;
  groups: AccuracyRow[];
  total: AccuracyRow;
}

export interface AccuracyInput {
  period: string;
  submissions: readonly Forecast_Submission__c[];
  opportunities: readonly Opportunity[];
  partners: PartnerDealIndex;
  /** `partner` (default) or `manager`: a manager's call and actual sum those of its partners. */
  by?: 'partner' | 'manager';
  fiscalYearStartMonth?: number;
}

function row(key: string, callCents: number, actualCents: number): AccuracyRow {
  const actual = actualCents;
  return {
    key,
    call: fromCents(callCents),
    actual: fromCents(actualCents),
    accuracy: actual === 0 ? null : Math.max(0, 1 - Math.abs(callCents - actual) / actual),
    bias: actual === 0 ? null : (callCents - actual) / actual
  };
}

export function forecastAccuracy(input: AccuracyInput): AccuracyReport {
  const { start, end } = parsePeriod(input.period, input.fiscalYearStartMonth ?? 1);
  const wonByPartner = new Map<string, number>();
  for (const opp of input.opportunities) {
    if (!opp.IsWon || opp.CloseDate < start || opp.CloseDate > end) {
      continue;
    }
    const primary = input.partners.get(opp.Id)?.primary;
    if (primary) {
      wonByPartner.set(
        primary.Partner_Account__c,
        (wonByPartner.get(primary.Partner_Account__c) ?? 0) + toCents(opp.Amount)
      );
    }
  }
  const groups = new Map<string, { call: number; actual: number }>();
  for (const [partner, submission] of latestCalls(input.submissions, input.period, 1)) {
    if (!submission.Partner_Account__c) {
      continue; // whole-team calls are not a partner's call
    }
    const key = input.by === 'manager' ? (submission.Submitted_By__c ?? 'none') : partner;
    const sums = groups.get(key) ?? { call: 0, actual: 0 };
    sums.call += toCents(submission.Commit_Call__c);
    sums.actual += wonByPartner.get(partner) ?? 0;
    groups.set(key, sums);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, sums]) => row(key, sums.call, sums.actual));
  const callTotal = [...groups.values()].reduce((sum, group) => sum + group.call, 0);
  const actualTotal = [...groups.values()].reduce((sum, group) => sum + group.actual, 0);
  return { period: input.period, groups: rows, total: row('total', callTotal, actualTotal) };
}
