import type { OrgDatabase } from '../database/orgDatabase';
import { rowToRecord } from '../database/records';
import type { Execution } from '../interpret/execution';
import type { SObject } from '../interpret/values/sobject';
import type { ObjectAccess, SecurityService } from '../orgServices';
import { PlatformError } from '../platformError';
import type { ObjectDescribe } from '../schema/describe';
import type { QueryAccess } from '../soql/queryEnvironment';
import type { Grant } from './permissionSets';
import { accessibleIds, recordPredicate } from './sharing';
import { UserAccess } from './userAccess';

/**
 * The running user's access, computed from the org's own records (their profile, their
 * permission set assignments, the role hierarchy) and the permission sets the package deploys.
 * Cached per user until DML touches users, roles or assignments.
 */
export class PlatformSecurity implements SecurityService {
  private readonly cache = new Map<string, UserAccess>();
  private readonly grants: Map<string, Grant>;

  constructor(
    private readonly database: OrgDatabase,
    grants: Grant[]
  ) {
    this.grants = new Map(grants.map((g) => [g.name.toLowerCase(), g]));
  }

  access(userId: string): UserAccess {
    let access = this.cache.get(userId);
    if (access) return access;
    const sql = this.database.sql;
    const user = sql
      .prepare(
        'SELECT u.UserRoleId AS role, p.Name AS profile FROM "User" u LEFT JOIN "Profile" p ON p.Id = u.ProfileId WHERE u.Id = ?'
      )
      .get(userId) as { role: string | null; profile: string | null } | undefined;
    if (!user) throw new PlatformError('System.UnexpectedException', `No user with id ${userId}`);
    const grants: Grant[] = [];
    const profile = this.grants.get((user.profile ?? '').toLowerCase());
    if (profile) grants.push(profile);
    const assigned = sql
      .prepare(
        'SELECT ps.Name AS name FROM "PermissionSetAssignment" a JOIN "PermissionSet" ps ON ps.Id = a.PermissionSetId WHERE a.AssigneeId = ?'
      )
      .all(userId) as { name: string }[];
    for (const { name } of assigned) {
      const grant = this.grants.get(name.toLowerCase());
      if (grant) grants.push(grant);
    }
    access = new UserAccess(userId, user.role, grants, this.hierarchy(userId, user.role));
    this.cache.set(userId, access);
    return access;
  }

  /** The user and the users whose roles sit below theirs. */
  private hierarchy(userId: string, roleId: string | null): Set<string> {
    const users = new Set([userId]);
    if (!roleId) return users;
    const roles = this.database.sql.prepare('SELECT Id, ParentRoleId FROM "UserRole"').all() as {
      Id: string;
      ParentRoleId: string | null;
    }[];
    const below = new Set<string>();
    const walk = (parent: string): void => {
      for (const role of roles)
        if (role.ParentRoleId === parent && !below.has(role.Id)) {
          below.add(role.Id);
          walk(role.Id);
        }
    };
    walk(roleId);
    if (below.size === 0) return users;
    const ids = [...below];
    const rows = this.database.sql
      .prepare(`SELECT Id FROM "User" WHERE UserRoleId IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids) as { Id: string }[];
    for (const row of rows) users.add(row.Id);
    return users;
  }

  invalidate(): void {
    this.cache.clear();
  }

  objectAccess(ex: Execution, object: ObjectDescribe): ObjectAccess {
    return this.access(ex.userId).object(object);
  }

  fieldAccess(ex: Execution, object: ObjectDescribe, field: string): { read: boolean; edit: boolean } {
    const describe = object.field(field);
    if (!describe) return { read: false, edit: false };
    return this.access(ex.userId).field(object, describe);
  }

  hasCustomPermission(ex: Execution, name: string): boolean {
    return this.access(ex.userId).customPermission(name);
  }

  user(ex: Execution): SObject {
    const object = this.database.schema.object('User');
    const row = this.database.sql.prepare('SELECT * FROM "User" WHERE Id = ?').get(ex.userId) as
      Record<string, string> | undefined;
    if (!object || !row)
      throw new PlatformError('System.UnexpectedException', `No user with id ${ex.userId}`);
    return rowToRecord(object, row);
  }

  /** The access a query runs with: object and field permissions in user mode, record visibility when sharing applies. */
  queryAccess(ex: Execution, userMode: boolean, sharing: boolean): QueryAccess {
    const access = this.access(ex.userId);
    const schema = this.database.schema;
    return {
      userMode,
      sharing,
      canReadObject: (object) => access.object(object).read,
      canReadField: (object, field) => {
        const describe = object.field(field);
        return describe ? access.field(object, describe).read : false;
      },
      visibility: (object, alias) => recordPredicate(schema, access, object, alias, 'read')
    };
  }

  /** Of these records, the ones the running user may edit (update) or delete. */
  editable(ex: Execution, object: ObjectDescribe, ids: readonly string[]): Set<string> {
    return accessibleIds(
      this.database.schema,
      this.database.sql,
      this.access(ex.userId),
      object,
      ids,
      'edit'
    );
  }

  classAccess(userId: string, className: string): boolean {
    return this.access(userId).classAccess(className);
  }

  tabVisible(userId: string, tabName: string): boolean {
    return this.access(userId).tabVisible(tabName);
  }
}
