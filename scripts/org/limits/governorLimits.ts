import { PlatformError } from '../platformError';

/**
 * The per-transaction governor limits the platform enforces, counted as it counts them: every
 * SOQL statement (a subquery is part of its statement), every row a query returns or — for an
 * aggregate query — aggregates (a plain COUNT() counts one), every DML statement and every row it
 * touches. Passing a limit throws System.LimitException, which Apex cannot catch. Async work
 * (batch, queueable, scheduled) has the higher async SOQL limit. CPU time is measured and
 * reported, not enforced: an interpreter's CPU time says little about the platform's.
 */
export interface LimitCounts {
  queries: number;
  queryRows: number;
  dmlStatements: number;
  dmlRows: number;
  queueableJobs: number;
  cpuMs: number;
}

export interface LimitMaximums {
  queries: number;
  queryRows: number;
  dmlStatements: number;
  dmlRows: number;
  queueableJobs: number;
  cpuMs: number;
}

export const SYNC_LIMITS: LimitMaximums = {
  queries: 100,
  queryRows: 50_000,
  dmlStatements: 150,
  dmlRows: 10_000,
  queueableJobs: 50,
  cpuMs: 10_000
};

export const ASYNC_LIMITS: LimitMaximums = { ...SYNC_LIMITS, queries: 200, queueableJobs: 1, cpuMs: 60_000 };

/** Counts of nothing used yet. */
export function noneUsed(): LimitCounts {
  return { queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0, queueableJobs: 0, cpuMs: 0 };
}

export class GovernorLimits {
  readonly counts: LimitCounts = noneUsed();
  private readonly startedAt = process.cpuUsage();

  constructor(readonly max: LimitMaximums) {}

  countQuery(): void {
    if (++this.counts.queries > this.max.queries)
      throw limit(`Too many SOQL queries: ${this.counts.queries}`);
  }

  countQueryRows(rows: number): void {
    this.counts.queryRows += rows;
    if (this.counts.queryRows > this.max.queryRows)
      throw limit(`Too many query rows: ${this.counts.queryRows}`);
  }

  countDml(rows: number): void {
    if (++this.counts.dmlStatements > this.max.dmlStatements)
      throw limit(`Too many DML statements: ${this.counts.dmlStatements}`);
    this.counts.dmlRows += rows;
    if (this.counts.dmlRows > this.max.dmlRows) throw limit(`Too many DML rows: ${this.counts.dmlRows}`);
  }

  countQueueable(): void {
    if (++this.counts.queueableJobs > this.max.queueableJobs)
      throw limit(`Too many queueable jobs added to the queue: ${this.counts.queueableJobs}`);
  }

  /** CPU milliseconds used since these limits began. */
  cpuTime(): number {
    const used = process.cpuUsage(this.startedAt);
    return Math.round((used.user + used.system) / 1000);
  }

  snapshot(): LimitCounts {
    return { ...this.counts, cpuMs: this.cpuTime() };
  }
}

function limit(message: string): PlatformError {
  return new PlatformError('System.LimitException', message);
}
