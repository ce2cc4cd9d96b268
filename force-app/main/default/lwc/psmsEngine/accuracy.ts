import { latestCalls } from './forecastCalls';
import { parsePeriod } from './calendar';
import { fromCents, toCents } from './money';
import type { PartnerDealIndex } from './partnerDeals';
import type { Account, Forecast_Submission__c, IsoDate, Opportunity, User } from './records';

/**
 * Forecast accuracy and bias of a period against the week-1 call (SPEC §4):
 * accuracy = 1 − |call − actual| ÷ actual, floored at 0; bias = (call − actual) ÷ actual;
 * both null when actual = 0, and both null while the period has not ended ("in progress":
 * accuracy is measured at the period's end, so a running quarter is never 0 %).
 */

export type AccuracyGrouping = 'partner' | 'manager';

export interface AccuracyRow {
  key: string;
  /** The partner's account name or the manager's user name (the key when the name is unknown). */
  label: string;
  call: number;
  actual: number;
  accuracy: number | null;
  bias: number | null;
}

export interface AccuracyReport {
  period: string;
  by: AccuracyGrouping;
  /** The period has not ended as of `today`: accuracy and bias are not measured yet. */
  inProgress: boolean;
  groups: AccuracyRow[];
  total: AccuracyRow;
}

export interface AccuracyInput {
  period: string;
  submissions: readonly Forecast_Submission__c[];
  opportunities: readonly Opportunity[];
  partners: PartnerDealIndex;
  /** `partner` (default) or `manager`: a manager's call and actual sum those of its partners. */
  by?: AccuracyGrouping;
  /** Without it the period is taken as ended (measured as of its end). */
  today?: IsoDate;
  /** Partner accounts, for the names of the partner grouping. */
  accounts?: readonly Account[];
  /** Managers (the submitters), for the names of the manager grouping. */
  users?: readonly User[];
  fiscalYearStartMonth?: number;
}

/** The manager key of a call whose submitter is blank. */
const NO_MANAGER = 'none';

function row(
  key: string,
  label: string,
  callCents: number,
  actualCents: number,
  measured: boolean
): AccuracyRow {
  const defined = measured && actualCents !== 0;
  return {
    key,
    label,
    call: fromCents(callCents),
    actual: fromCents(actualCents),
    accuracy: defined ? Math.max(0, 1 - Math.abs(callCents - actualCents) / actualCents) : null,
    bias: defined ? (callCents - actualCents) / actualCents : null
  };
}

function names(input: AccuracyInput, by: AccuracyGrouping): Map<string, string> {
  const named = new Map<string, string>([[NO_MANAGER, 'No manager']]);
  for (const record of by === 'partner' ? (input.accounts ?? []) : (input.users ?? [])) {
    if (record.Name) {
      named.set(record.Id, record.Name);
    }
  }
  return named;
}

export function forecastAccuracy(input: AccuracyInput): AccuracyReport {
  const by = input.by ?? 'partner';
  const { start, end } = parsePeriod(input.period, input.fiscalYearStartMonth ?? 1);
  // A period ends after its last day: on that day it is still running.
  const inProgress = input.today !== undefined && input.today <= end;
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
    const key = by === 'manager' ? submission.Submitted_By__c || NO_MANAGER : partner;
    const sums = groups.get(key) ?? { call: 0, actual: 0 };
    sums.call += toCents(submission.Commit_Call__c);
    sums.actual += wonByPartner.get(partner) ?? 0;
    groups.set(key, sums);
  }
  const named = names(input, by);
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, sums]) => row(key, named.get(key) ?? key, sums.call, sums.actual, !inProgress));
  const callTotal = [...groups.values()].reduce((sum, group) => sum + group.call, 0);
  const actualTotal = [...groups.values()].reduce((sum, group) => sum + group.actual, 0);
  return {
    period: input.period,
    by,
    inProgress,
    groups: rows,
    total: row('total', 'Total', callTotal, actualTotal, !inProgress)
  };
}
