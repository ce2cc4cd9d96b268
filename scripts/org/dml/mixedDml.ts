import { toSql } from '../database/storage';
import type { Execution } from '../interpret/execution';
import type { SObject } from '../interpret/values/sobject';
import type { DmlOperation } from '../orgServices';

/**
 * Setup objects (users, roles, groups, permission sets and their assignments) cannot be inserted
 * or updated in the transaction that inserted or updated other records, nor the other way round:
 * the platform refuses the second kind with MIXED_DML_OPERATION ("sObjects That Cannot Be Used
 * Together in DML Operations"). Deletes are not restricted. A user counts as setup only when it is
 * inserted with a role, or updated in one of the fields that change access. In a test, each
 * System.runAs block starts a context of its own; async work runs in its own transaction.
 */
export interface DmlKinds {
  /** The first setup object this context wrote, and the first other object. */
  setup: string | null;
  data: string | null;
}

const SETUP_OBJECTS = new Set([
  'userrole',
  'group',
  'groupmember',
  'permissionset',
  'permissionsetassignment',
  'queuesobject'
]);
const USER_ACCESS_FIELDS = [
  'UserRoleId',
  'IsActive',
  'ForecastEnabled',
  'IsPortalEnabled',
  'Username',
  'ProfileId'
];

export function emptyDmlKinds(): DmlKinds {
  return { setup: null, data: null };
}

/** 'setup', 'data', or null for a user write that does not change access: it mixes with either kind. */
function kindOf(ex: Execution, op: DmlOperation, record: SObject): keyof DmlKinds | null {
  const name = record.type.name.toLowerCase();
  if (SETUP_OBJECTS.has(name)) return 'setup';
  if (name !== 'user') return 'data';
  if (op === 'insert' || (op === 'upsert' && !record.id))
    return (record.peek('UserRoleId') ?? null) !== null ? 'setup' : null;
  const stored = record.id ? ex.org.database.rowsById(record.type, [record.id]).get(record.id) : undefined;
  const changesAccess = USER_ACCESS_FIELDS.some((name) => {
    const field = record.type.field(name);
    return (
      field !== undefined &&
      record.has(name) &&
      toSql(field, record.peek(name) ?? null) !== (stored?.[field.name] ?? null)
    );
  });
  return changesAccess ? 'setup' : null;
}

/** The kind of records this statement writes, or null when it is not restricted (a delete, a user's own details). */
export function statementKind(
  ex: Execution,
  op: DmlOperation,
  records: SObject[]
): { kind: keyof DmlKinds; object: string } | null {
  if (op === 'delete' || op === 'undelete') return null;
  let data: SObject | null = null;
  for (const record of records) {
    const kind = kindOf(ex, op, record);
    if (kind === 'setup') return { kind, object: record.type.name };
    if (kind === 'data') data ??= record;
  }
  return data ? { kind: 'data', object: data.type.name } : null;
}

/** The MIXED_DML_OPERATION message when the other kind was written earlier in this context, else null. */
export function mixedDmlError(ex: Execution, kind: { kind: keyof DmlKinds; object: string }): string | null {
  const original = kind.kind === 'setup' ? ex.dmlKinds.data : ex.dmlKinds.setup;
  if (!original) return null;
  return `DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${kind.object}, original object: ${original}`;
}

export function noteKind(ex: Execution, kind: { kind: keyof DmlKinds; object: string }): void {
  ex.dmlKinds[kind.kind] ??= kind.object;
}
