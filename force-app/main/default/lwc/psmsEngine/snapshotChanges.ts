import { fromCents, toCents } from './money';
import type { IsoDate, Opportunity_Snapshot__c } from './records';

/** Week-over-week changes between two snapshots and their waterfall (SPEC §4). */

export type ChangeType =
  | 'Won'
  | 'Lost'
  | 'New'
  | 'Removed'
  | 'Pushed out'
  | 'Pulled in'
  | 'Category up'
  | 'Category down'
  | 'Amount up'
  | 'Amount down'
  | 'Unchanged';

export interface OpportunityChange {
  opportunityId: string;
  type: ChangeType;
  /** Change of this opportunity's contribution to the Commit forecast. */
  commitDelta: number;
  /** Change of its contribution to the Open pipeline. */
  pipelineDelta: number;
}

export interface ChangesReport {
  changes: OpportunityChange[];
  commitFrom: number;
  commitTo: number;
  pipelineFrom: number;
  pipelineTo: number;
}

export interface ChangesInput {
  /** Snapshot A (earlier). */
  from: readonly Opportunity_Snapshot__c[];
  /** Snapshot B (later). */
  to: readonly Opportunity_Snapshot__c[];
  /** The period whose forecast the waterfall explains. */
  period: { start: IsoDate; end: IsoDate };
  /** Leave `Unchanged` rows out of `changes` (they add 0 to the waterfall). */
  omitUnchanged?: boolean;
}

/**
 * Pipeline < Best Case < Commit, as the spec orders them. Omitted ranks below Pipeline: moving
 * a deal out of Omitted adds it to the pipeline, which is a category move up, not "Unchanged".
 */
const CATEGORY_RANK: Readonly<Record<string, number>> = {
  Omitted: 0,
  Pipeline: 1,
  'Best Case': 2,
  Commit: 3
};

function inPeriod(row: Opportunity_Snapshot__c, start: IsoDate, end: IsoDate): boolean {
  return row.Close_Date__c >= start && row.Close_Date__c <= end;
}

/** Contribution to the Commit forecast (Closed + Commit), in cents. */
function commitCents(row: Opportunity_Snapshot__c | undefined, start: IsoDate, end: IsoDate): number {
  if (row === undefined || !inPeriod(row, start, end)) {
    return 0;
  }
  if (row.Is_Won__c || (!row.Is_Closed__c && row.Forecast_Category__c === 'Commit')) {
    return toCents(row.Amount__c);
  }
  return 0;
}

/** Contribution to the Open pipeline (open Commit + Best Case + Pipeline), in cents. */
function pipelineCents(row: Opportunity_Snapshot__c | undefined, start: IsoDate, end: IsoDate): number {
  if (row === undefined || row.Is_Closed__c || !inPeriod(row, start, end)) {
    return 0;
  }
  const category = row.Forecast_Category__c;
  return category === 'Commit' || category === 'Best Case' || category === 'Pipeline'
    ? toCents(row.Amount__c)
    : 0;
}

/** The first change type that applies, in the spec's order. */
function classify(
  a: Opportunity_Snapshot__c | undefined,
  b: Opportunity_Snapshot__c | undefined,
  end: IsoDate
): ChangeType {
  if (b === undefined) {
    return 'Removed';
  }
  if (b.Is_Won__c && !(a?.Is_Won__c ?? false)) {
    return 'Won';
  }
  if (b.Is_Closed__c && !b.Is_Won__c && !(a !== undefined && a.Is_Closed__c && !a.Is_Won__c)) {
    return 'Lost';
  }
  if (a === undefined) {
    return 'New';
  }
  if (a.Close_Date__c <= end && b.Close_Date__c > end) {
    return 'Pushed out';
  }
  if (a.Close_Date__c > end && b.Close_Date__c <= end) {
    return 'Pulled in';
  }
  const rankA = CATEGORY_RANK[a.Forecast_Category__c ?? ''];
  const rankB = CATEGORY_RANK[b.Forecast_Category__c ?? ''];
  if (rankA !== undefined && rankB !== undefined && rankA !== rankB) {
    return rankB > rankA ? 'Category up' : 'Category down';
  }
  const amountA = toCents(a.Amount__c);
  const amountB = toCents(b.Amount__c);
  if (amountA !== amountB) {
    return amountB > amountA ? 'Amount up' : 'Amount down';
  }
  return 'Unchanged';
}

function sortedByKey(rows: readonly Opportunity_Snapshot__c[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    if (rows[i - 1].Opportunity_Key__c >= rows[i].Opportunity_Key__c) {
      return false;
    }
  }
  return true;
}

type Pairing = (
  visit: (key: string, a: Opportunity_Snapshot__c | undefined, b: Opportunity_Snapshot__c | undefined) => void
) => void;

/** Both snapshots sorted by key (as the snapshot query returns them): a merge join, no hashing. */
function mergePairs(
  from: readonly Opportunity_Snapshot__c[],
  to: readonly Opportunity_Snapshot__c[]
): Pairing {
  return (visit) => {
    let i = 0;
    let j = 0;
    while (i < from.length || j < to.length) {
      const a = from[i];
      const b = to[j];
      if (b === undefined || (a !== undefined && a.Opportunity_Key__c < b.Opportunity_Key__c)) {
        visit(a.Opportunity_Key__c, a, undefined);
        i++;
      } else if (a === undefined || b.Opportunity_Key__c < a.Opportunity_Key__c) {
        visit(b.Opportunity_Key__c, undefined, b);
        j++;
      } else {
        visit(a.Opportunity_Key__c, a, b);
        i++;
        j++;
      }
    }
  };
}

/** Any order: a hash join on the key; B's rows in B's order, then A's removals. */
function hashPairs(
  from: readonly Opportunity_Snapshot__c[],
  to: readonly Opportunity_Snapshot__c[]
): Pairing {
  return (visit) => {
    const earlier = new Map<string, Opportunity_Snapshot__c>();
    for (const row of from) {
      earlier.set(row.Opportunity_Key__c, row);
    }
    for (const row of to) {
      const before = earlier.get(row.Opportunity_Key__c);
      if (before !== undefined) {
        // What is left in `earlier` afterwards is exactly what B no longer has.
        earlier.delete(row.Opportunity_Key__c);
      }
      visit(row.Opportunity_Key__c, before, row);
    }
    for (const [key, row] of earlier) {
      visit(key, row, undefined);
    }
  };
}

/**
 * Changes from snapshot A to B, one per opportunity in either snapshot. When both are sorted
 * by Opportunity_Key__c the changes come in key order; otherwise in B's order, then removals.
 */
export function diffSnapshots(input: ChangesInput): ChangesReport {
  const { start, end } = input.period;
  const pairs =
    sortedByKey(input.from) && sortedByKey(input.to)
      ? mergePairs(input.from, input.to)
      : hashPairs(input.from, input.to);
  const changes: OpportunityChange[] = [];
  const totals = { commitFrom: 0, commitTo: 0, pipelineFrom: 0, pipelineTo: 0 };
  pairs((key, a, b) => {
    const commitA = commitCents(a, start, end);
    const commitB = commitCents(b, start, end);
    const pipelineA = pipelineCents(a, start, end);
    const pipelineB = pipelineCents(b, start, end);
    totals.commitFrom += commitA;
    totals.commitTo += commitB;
    totals.pipelineFrom += pipelineA;
    totals.pipelineTo += pipelineB;
    const type = classify(a, b, end);
    if (type !== 'Unchanged' || input.omitUnchanged !== true) {
      changes.push({
        opportunityId: key,
        type,
        commitDelta: fromCents(commitB - commitA),
        pipelineDelta: fromCents(pipelineB - pipelineA)
      });
    }
  });
  return {
    changes,
    commitFrom: fromCents(totals.commitFrom),
    commitTo: fromCents(totals.commitTo),
    pipelineFrom: fromCents(totals.pipelineFrom),
    pipelineTo: fromCents(totals.pipelineTo)
  };
}
