import { quote } from '../database/orgDatabase';
import { rowToRecord } from '../database/records';
import type { ObjectDescribe } from '../schema/describe';
import type { SaveContext, SaveRow } from './saveRecords';
import { runTriggers } from './triggers';

/**
 * Delete as the platform does it: access checks, before-delete triggers, lookups with a
 * Restrict constraint block the delete, master-detail children are deleted with their master
 * (without firing their triggers, as on the platform), other lookups to the record are cleared,
 * the record's share rows go with it, then after-delete triggers.
 */
export function deleteRecords(ctx: SaveContext, object: ObjectDescribe, rows: SaveRow[]): void {
  const { ex } = ctx;
  const database = ex.org.database;
  const crud = ctx.security.objectAccess(ex, object);
  const ids = rows.map((r) => r.input.id).filter((id): id is string => id !== null);
  const stored = database.rowsById(object, ids);
  const deletable = ctx.sharing ? ctx.security.editable(ex, object, ids) : null;
  for (const row of rows) {
    const id = row.input.id;
    const storedRow = id ? stored.get(id) : undefined;
    if (!id || !storedRow) {
      row.errors.push({ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] });
      continue;
    }
    if (!object.deletable || (ctx.userMode && !crud.delete) || (deletable && !deletable.has(id))) {
      row.errors.push({
        statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
        message: 'insufficient access rights on object id',
        fields: []
      });
      continue;
    }
    row.old = rowToRecord(object, storedRow);
    row.old.readOnly = true;
  }
  runTriggers(
    ex,
    ctx.triggers,
    object,
    'BEFORE_DELETE',
    rows.filter((r) => r.errors.length === 0)
  );
  for (const row of rows) {
    if (row.errors.length > 0 || !row.old) continue;
    for (const error of row.old.errors)
      row.errors.push({
        statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: error.message,
        fields: error.field ? [error.field] : []
      });
  }
  const deleting = rows.filter((r) => r.errors.length === 0).map((r) => r.input.id as string);
  const blocked = restrictedBy(ctx, object, deleting);
  for (const row of rows) {
    const child = blocked.get(row.input.id as string);
    if (child)
      row.errors.push({
        statusCode: 'DELETE_FAILED',
        message: `Your attempt to delete ${row.input.id} could not be completed because it is associated with the following ${child}.`,
        fields: []
      });
  }
  const removed = rows.filter((r) => r.errors.length === 0);
  removeWithDependents(
    ctx,
    object,
    removed.map((r) => r.input.id as string)
  );
  runTriggers(ex, ctx.triggers, object, 'AFTER_DELETE', removed);
}

/** Records that a Restrict lookup on another object protects: id → the blocking object's label. */
function restrictedBy(ctx: SaveContext, object: ObjectDescribe, ids: string[]): Map<string, string> {
  const blocked = new Map<string, string>();
  if (ids.length === 0) return blocked;
  for (const relationship of object.childRelationships.values()) {
    const child = ctx.ex.org.schema.object(relationship.childObject);
    const field = child?.field(relationship.field);
    if (!child || field?.deleteConstraint !== 'Restrict') continue;
    const rows = ctx.ex.org.database.sql
      .prepare(
        `SELECT DISTINCT ${quote(field.name)} AS parent FROM ${quote(child.name)} WHERE ${quote(field.name)} IN (${ids.map(() => '?').join(', ')})`
      )
      .all(...ids) as { parent: string }[];
    for (const row of rows) blocked.set(row.parent, child.labelPlural);
  }
  return blocked;
}

function removeWithDependents(ctx: SaveContext, object: ObjectDescribe, ids: string[]): void {
  if (ids.length === 0) return;
  const { schema, database } = ctx.ex.org;
  const placeholders = ids.map(() => '?').join(', ');
  for (const relationship of object.childRelationships.values()) {
    const child = schema.object(relationship.childObject);
    if (!child) continue;
    if (relationship.cascadeDelete) {
      const children = database.sql
        .prepare(
          `SELECT Id FROM ${quote(child.name)} WHERE ${quote(relationship.field)} IN (${placeholders})`
        )
        .all(...ids) as { Id: string }[];
      removeWithDependents(
        ctx,
        child,
        children.map((c) => c.Id)
      );
    } else {
      database.sql
        .prepare(
          `UPDATE ${quote(child.name)} SET ${quote(relationship.field)} = NULL WHERE ${quote(relationship.field)} IN (${placeholders})`
        )
        .run(...ids);
    }
  }
  database.delete(object, ids);
}
