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

/**
 * What the diff needs of one snapshot row, computed once per row (the period tests, the cents
 * and the two contributions were each recomputed up to three times per pair). Kept in a
 * reusable scratch object so that a million pairs allocate nothing but their change records.
 */
interface RowFacts {
  afterEnd: boolean;
  cents: number;
  commit: number;
  pipeline: number;
}

function readRow(row: Opportunity_Snapshot__c, period: Period, facts: RowFacts): void {
  // ISO dates compare as strings.
  const date = row.Close_Date__c;
  const inPeriod = date >= period.start && date <= period.end;
  facts.afterEnd = date > period.end;
  facts.cents = toCents(row.Amount__c);
  const category = row.Forecast_Category__c;
  // Commit forecast = Closed (won) + open Commit; Open pipeline = open Commit + Best Case + Pipeline.
  facts.commit =
    inPeriod && (row.Is_Won__c || (!row.Is_Closed__c && category === 'Commit')) ? facts.cents : 0;
  facts.pipeline =
    inPeriod &&
    !row.Is_Closed__c &&
    (category === 'Commit' || category === 'Best Case' || category === 'Pipeline')
      ? facts.cents
      : 0;
}

interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** The first change type that applies, in the spec's order. */
function classify(
  a: Opportunity_Snapshot__c | undefined,
  b: Opportunity_Snapshot__c | undefined,
  factsA: RowFacts,
  factsB: RowFacts
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
  if (!factsA.afterEnd && factsB.afterEnd) {
    return 'Pushed out';
  }
  if (factsA.afterEnd && !factsB.afterEnd) {
    return 'Pulled in';
  }
  const rankA = CATEGORY_RANK[a.Forecast_Category__c ?? ''];
  const rankB = CATEGORY_RANK[b.Forecast_Category__c ?? ''];
  if (rankA !== undefined && rankB !== undefined && rankA !== rankB) {
    return rankB > rankA ? 'Category up' : 'Category down';
  }
  if (factsA.cents !== factsB.cents) {
    return factsB.cents > factsA.cents ? 'Amount up' : 'Amount down';
  }
  return 'Unchanged';
}

const NO_ROW: Readonly<RowFacts> = { afterEnd: false, cents: 0, commit: 0, pipeline: 0 };

/**
 * Accumulates the changes and the four totals (cents) pair by pair; both joins feed it. A class
 * method rather than a visitor closure per join, so the per-pair call stays monomorphic.
 */
class ChangeCollector {
  readonly changes: OpportunityChange[];
  /** Changes written so far. */
  count = 0;
  commitFrom = 0;
  commitTo = 0;
  pipelineFrom = 0;
  pipelineTo = 0;
  private readonly factsA: RowFacts = { ...NO_ROW };
  private readonly factsB: RowFacts = { ...NO_ROW };

  constructor(
    private readonly period: Period,
    private readonly omitUnchanged: boolean,
    capacity: number
  ) {
    // Sized once for the worst case (every key in one snapshot only), cut to length at the end:
    // growing a million-element array by push recopies it some thirty times, and every copy of
    // young change records into a large old-space array is paid again by the write barrier.
    this.changes = new Array(capacity);
  }

  add(key: string, a: Opportunity_Snapshot__c | undefined, b: Opportunity_Snapshot__c | undefined): void {
    const factsA = a === undefined ? NO_ROW : this.factsA;
    const factsB = b === undefined ? NO_ROW : this.factsB;
    if (a !== undefined) {
      readRow(a, this.period, this.factsA);
    }
    if (b !== undefined) {
      readRow(b, this.period, this.factsB);
    }
    this.commitFrom += factsA.commit;
    this.commitTo += factsB.commit;
    this.pipelineFrom += factsA.pipeline;
    this.pipelineTo += factsB.pipeline;
    const type = classify(a, b, factsA, factsB);
    if (type !== 'Unchanged' || !this.omitUnchanged) {
      this.changes[this.count++] = {
        opportunityId: key,
        type,
        commitDelta: fromCents(factsB.commit - factsA.commit),
        pipelineDelta: fromCents(factsB.pipeline - factsA.pipeline)
      };
    }
  }
}

function sortedByKey(rows: readonly Opportunity_Snapshot__c[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    if (rows[i - 1].Opportunity_Key__c >= rows[i].Opportunity_Key__c) {
      return false;
    }
  }
  return true;
}

/** Both snapshots sorted by key (as the snapshot query returns them): a merge join, no hashing. */
function mergeJoin(
  from: readonly Opportunity_Snapshot__c[],
  to: readonly Opportunity_Snapshot__c[],
  collector: ChangeCollector
): void {
  let i = 0;
  let j = 0;
  while (i < from.length && j < to.length) {
    const a = from[i];
    const b = to[j];
    const keyA = a.Opportunity_Key__c;
    const keyB = b.Opportunity_Key__c;
    // Most keys are in both snapshots: test equality first, one comparison for the common case.
    if (keyA === keyB) {
      collector.add(keyA, a, b);
      i++;
      j++;
    } else if (keyA < keyB) {
      collector.add(keyA, a, undefined);
      i++;
    } else {
      collector.add(keyB, undefined, b);
      j++;
    }
  }
  for (; i < from.length; i++) {
    collector.add(from[i].Opportunity_Key__c, from[i], undefined);
  }
  for (; j < to.length; j++) {
    collector.add(to[j].Opportunity_Key__c, undefined, to[j]);
  }
}

/** Any order: a hash join on the key; B's rows in B's order, then A's removals. */
function hashJoin(
  from: readonly Opportunity_Snapshot__c[],
  to: readonly Opportunity_Snapshot__c[],
  collector: ChangeCollector
): void {
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
    collector.add(row.Opportunity_Key__c, before, row);
  }
  for (const [key, row] of earlier) {
    collector.add(key, row, undefined);
  }
}

/**
 * What one snapshot row adds to the period's Commit forecast (won, or open in Commit, closing in
 * the period) and to its Open pipeline: the figures the waterfall's totals sum, per deal.
 */
export function snapshotContribution(
  row: Opportunity_Snapshot__c,
  period: { start: IsoDate; end: IsoDate }
): { commit: number; pipeline: number } {
  const facts: RowFacts = { ...NO_ROW };
  readRow(row, period, facts);
  return { commit: fromCents(facts.commit), pipeline: fromCents(facts.pipeline) };
}

/**
 * Changes from snapshot A to B, one per opportunity in either snapshot. When both are sorted
 * by Opportunity_Key__c the changes come in key order; otherwise in B's order, then removals.
 */
export function diffSnapshots(input: ChangesInput): ChangesReport {
  const { start, end } = input.period;
  const collector = new ChangeCollector(
    { start, end },
    input.omitUnchanged === true,
    input.from.length + input.to.length
  );
  if (sortedByKey(input.from) && sortedByKey(input.to)) {
    mergeJoin(input.from, input.to, collector);
  } else {
    hashJoin(input.from, input.to, collector);
  }
  collector.changes.length = collector.count;
  return {
    changes: collector.changes,
    commitFrom: fromCents(collector.commitFrom),
    commitTo: fromCents(collector.commitTo),
    pipelineFrom: fromCents(collector.pipelineFrom),
    pipelineTo: fromCents(collector.pipelineTo)
  };
}
