import type { Execution } from './interpret/execution';
import type { ApexList } from './interpret/values/collections';
import type { SObject } from './interpret/values/sobject';
import type { ObjectDescribe } from './schema/describe';
import type { SoqlQuery } from './soql/soqlAst';

/**
 * The platform services the Apex system library calls: SOQL, DML, the running user's access,
 * and what the package deployed besides code (labels, custom metadata records, static
 * resources). Each is implemented in its own room of the runtime; the interpreter only knows
 * these signatures.
 */
export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';

export interface DmlOptions {
  /** `as user` / AccessLevel.USER_MODE, `as system`, or null for the statement's default (system mode). */
  access: 'user' | 'system' | null;
  /** Upsert's external id field (null: match on Id). */
  externalId: string | null;
  /** false: Database.* with allOrNone false, failures reported per row instead of thrown. */
  allOrNone: boolean;
}

export interface DmlRowError {
  statusCode: string;
  message: string;
  fields: string[];
}

export interface DmlRowResult {
  id: string | null;
  success: boolean;
  created: boolean;
  errors: DmlRowError[];
}

export interface DmlService {
  /** Runs one DML statement on a record or list; throws DmlException when allOrNone and a row failed. */
  statement(ex: Execution, op: DmlOperation, value: unknown, options: DmlOptions): DmlRowResult[];
}

export interface SoqlService {
  /** A static or parsed dynamic query: the records (or the COUNT() number) as Apex values. */
  run(
    ex: Execution,
    query: SoqlQuery,
    bind: (name: string) => unknown,
    accessLevel?: 'user' | 'system',
    /** A Batch Apex query locator: its rows do not count against the transaction's query-row limit. */
    options?: { locator?: boolean }
  ): ApexList | number;
  parse(text: string): SoqlQuery;
}

export interface ObjectAccess {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface SecurityService {
  objectAccess(ex: Execution, object: ObjectDescribe): ObjectAccess;
  fieldAccess(ex: Execution, object: ObjectDescribe, field: string): { read: boolean; edit: boolean };
  hasCustomPermission(ex: Execution, name: string): boolean;
  /** The running user's User record (Id, Name, Username, ProfileId, ...). */
  user(ex: Execution): SObject;
  /** Forget cached permissions (after DML on users or assignments). */
  invalidate(): void;
}

export interface PackageData {
  label(name: string): string | undefined;
  customMetadata(object: ObjectDescribe): SObject[];
}

export interface OrgServices {
  soql: SoqlService;
  dml: DmlService;
  security: SecurityService;
  packageData: PackageData;
}
