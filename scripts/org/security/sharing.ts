import { quote } from '../database/orgDatabase';
import type { SqlValue } from '../database/storage';
import type { ObjectDescribe } from '../schema/describe';
import type { OrgSchema } from '../schema/orgSchema';
import type { UserAccess } from './userAccess';

/**
 * Record-level access as the sharing model grants it, as SQL predicates over a table alias:
 * a record is visible (or editable) when the user holds View All / Modify All for the object or
 * all data, when the org-wide default opens it, when the user or someone below them in the role
 * hierarchy owns it, when a share row grants it to the user (manual or Apex managed sharing),
 * or — for a detail object — when its master record is.
 */
export interface Predicate {
  sql: string;
  params: SqlValue[];
}

type Level = 'read' | 'edit';

/** The share table of an object and the column naming the shared record (`ParentId`, `OpportunityId`). */
function shareTable(
  schema: OrgSchema,
  object: ObjectDescribe
): { table: string; parent: string; access: string } | null {
  if (!object.shareObject) return null;
  const share = schema.object(object.shareObject);
  if (!share) return null;
  const standard = share.field(`${object.name}Id`);
  return {
    table: share.name,
    parent: standard ? standard.name : 'ParentId',
    access: share.field(`${object.name}AccessLevel`) ? `${object.name}AccessLevel` : 'AccessLevel'
  };
}

export function recordPredicate(
  schema: OrgSchema,
  access: UserAccess,
  object: ObjectDescribe,
  alias: string,
  level: Level
): Predicate | null {
  if (object.setup || object.customMetadata || object.sharesObject) return null;
  const crud = access.object(object);
  if (level === 'read' ? access.viewAllData || crud.viewAll : access.modifyAllData || crud.modifyAll)
    return null;
  switch (object.sharingModel) {
    case 'FullAccess':
    case 'ReadWrite':
      return null;
    case 'Read':
      if (level === 'read') return null;
      return ownedOrShared(schema, access, object, alias, level);
    case 'ControlledByParent': {
      const field = object.controllingParentField;
      const parent = field ? schema.object(object.field(field)?.referenceTo[0] ?? '') : undefined;
      if (!field || !parent) return null;
      const parentAlias = `${alias}_m`;
      const inner = recordPredicate(schema, access, parent, parentAlias, level);
      if (!inner) return null;
      return {
        sql: `${alias}.${quote(field)} IN (SELECT ${parentAlias}.Id FROM ${quote(parent.name)} ${parentAlias} WHERE ${inner.sql})`,
        params: inner.params
      };
    }
    default:
      return ownedOrShared(schema, access, object, alias, level);
  }
}

function ownedOrShared(
  schema: OrgSchema,
  access: UserAccess,
  object: ObjectDescribe,
  alias: string,
  level: Level
): Predicate {
  const owners = [...access.hierarchy];
  const parts = [`${alias}."OwnerId" IN (${owners.map(() => '?').join(', ')})`];
  const params: SqlValue[] = [...owners];
  const share = shareTable(schema, object);
  if (share) {
    // The role hierarchy opens to a manager what is shared with the users below, not only what they own.
    const levels = level === 'read' ? '' : ` AND s.${quote(share.access)} IN ('Edit', 'All')`;
    parts.push(
      `EXISTS (SELECT 1 FROM ${quote(share.table)} s WHERE s.${quote(share.parent)} = ${alias}.Id AND s."UserOrGroupId" IN (${owners.map(() => '?').join(', ')})${levels})`
    );
    params.push(...owners);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** Of the given records, those the user may edit (or delete, with `level` edit). */
export function accessibleIds(
  schema: OrgSchema,
  sql: import('../database/orgDatabase').DatabaseSync,
  access: UserAccess,
  object: ObjectDescribe,
  ids: readonly string[],
  level: Level
): Set<string> {
  const predicate = recordPredicate(schema, access, object, 't', level);
  if (!predicate) return new Set(ids);
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = sql
      .prepare(
        `SELECT t.Id AS Id FROM ${quote(object.name)} t WHERE t.Id IN (${chunk.map(() => '?').join(', ')}) AND ${predicate.sql}`
      )
      .all(...chunk, ...predicate.params) as { Id: string }[];
    for (const row of rows) found.add(row.Id);
  }
  return found;
}
