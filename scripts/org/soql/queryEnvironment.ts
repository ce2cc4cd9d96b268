import type { OrgDatabase } from '../database/orgDatabase';
import type { SqlValue } from '../database/storage';
import type { ObjectDescribe } from '../schema/describe';
import type { OrgSchema } from '../schema/orgSchema';
import type { ApexDate } from '../interpret/values/temporal';

/**
 * What a query runs against and on whose behalf: the org's data, the bind values, the
 * calendar for date literals, the running user's access (object and field permissions in user
 * mode, record visibility when sharing applies) and the transaction's governor limits.
 */
export interface QueryAccess {
  /** WITH USER_MODE or AccessLevel.USER_MODE: object and field permissions are enforced. */
  userMode: boolean;
  /** Record visibility applies (user mode, or a `with sharing` context). */
  sharing: boolean;
  canReadObject(object: ObjectDescribe): boolean;
  canReadField(object: ObjectDescribe, field: string): boolean;
  /**
   * A SQL predicate over `alias` (the object's table alias) that keeps the records the user may
   * see, with its parameters; null when every record is visible.
   */
  visibility(object: ObjectDescribe, alias: string): { sql: string; params: SqlValue[] } | null;
}

export interface QueryLimits {
  /** One more SOQL statement; throws a LimitException past the transaction's limit. */
  countQuery(): void;
  /** Rows retrieved (or aggregated); throws a LimitException past the limit. */
  countRows(count: number): void;
}

export interface QueryEnvironment {
  schema: OrgSchema;
  database: OrgDatabase;
  /** The value of bind `:name` (an Apex value); throws when unbound. */
  bind(name: string): unknown;
  today: ApexDate;
  fiscalYearStartMonth: number;
  userId: string;
  access: QueryAccess;
  limits: QueryLimits;
}
