import type { OrgDatabase } from '../database/orgDatabase';
import type { OrgSchema } from '../schema/orgSchema';
import type { ClassRegistry } from './classRegistry';
import type { Compiler } from './compiler';
import type { ApexDate, ApexDatetime } from './values/temporal';
import type { LimitCounts } from '../limits/governorLimits';
import type { OrgServices } from '../orgServices';

/**
 * What every transaction of one org shares: its classes, schema and records, the compiler's
 * cache, the clock, and the platform services (SOQL, DML, security, package data) the system
 * library calls into.
 */
export interface Clock {
  now(): ApexDatetime;
  today(): ApexDate;
}

export interface OrgContext {
  registry: ClassRegistry;
  schema: OrgSchema;
  database: OrgDatabase;
  compiler: Compiler;
  clock: Clock;
  services: OrgServices;
  /** Told what each step of async work used of its limits as it ends (the scale benches report the largest). */
  onAsyncStep?: ((used: LimitCounts) => void) | null;
}
