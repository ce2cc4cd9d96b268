import { fromSql, type SqlValue } from '../database/storage';
import { SObject } from '../interpret/values/sobject';
import { UnsupportedError } from '../platformError';
import type { FieldDescribe, ObjectDescribe } from '../schema/describe';
import { queryError } from './queryErrors';
import type { ObjectScope, ParentJoin } from './queryScope';
import type { SelectItem } from './soqlAst';
import { sql, type SqlFragment } from './sqlStatements';

/**
 * The select list of a record query as SQL columns, and how one result row becomes the SObject
 * the platform returns: the record's Id always, the selected fields under their declared names,
 * and each parent reached by a relationship path as a nested SObject under the relationship name
 * (with its Id), or null when the lookup is empty or the parent is not visible.
 */
export interface RecordShape {
  columns: SqlFragment[];
  read(row: Record<string, SqlValue>): SObject;
}

interface FieldEntry {
  kind: 'field';
  name: string;
  column: string;
  field: FieldDescribe;
}

interface ParentEntry {
  kind: 'parent';
  node: ShapeNode;
}

interface ShapeNode {
  object: ObjectDescribe;
  relationshipName: string;
  idColumn: string;
  entries: (FieldEntry | ParentEntry)[];
  parents: Map<string, ShapeNode>;
}

/** `items` are the select list without its subqueries. */
export function recordShape(items: readonly SelectItem[], scope: ObjectScope): RecordShape {
  const columns: SqlFragment[] = [];
  const column = (fragment: SqlFragment): string => {
    const name = `c${columns.length}`;
    columns.push(sql(`${fragment.sql} AS ${name}`, fragment.params));
    return name;
  };
  const root: ShapeNode = {
    object: scope.object,
    relationshipName: '',
    idColumn: column(sql(`${scope.alias}."Id"`)),
    entries: [],
    parents: new Map()
  };
  const nodeOf = (join: ParentJoin | undefined): ShapeNode => {
    if (!join) return root;
    const parent = nodeOf(join.parent);
    let node = parent.parents.get(join.key);
    if (!node) {
      node = {
        object: join.object,
        relationshipName: join.relationshipName,
        idColumn: column(sql(`${join.alias}."Id"`)),
        entries: [],
        parents: new Map()
      };
      parent.parents.set(join.key, node);
      parent.entries.push({ kind: 'parent', node });
    }
    return node;
  };
  const selected = new Set<string>();
  for (const item of items) {
    if (item.kind === 'subquery') continue;
    if (item.alias) throw queryError('Only aggregate expressions use field aliasing');
    const path = item.kind === 'toLabel' ? item.field : item.expression;
    if (path.kind !== 'field') throw new Error('aggregate expression in a record query');
    const resolved = scope.resolve(path);
    if (selected.has(resolved.column)) throw queryError(`duplicate field selected: ${path.path.join('.')}`);
    selected.add(resolved.column);
    const node = nodeOf(resolved.join);
    if (resolved.field.name === 'Id') continue;
    const value = item.kind === 'toLabel' ? toLabel(resolved.field, resolved.column) : sql(resolved.column);
    node.entries.push({
      kind: 'field',
      name: resolved.field.name,
      column: column(value),
      field: resolved.field
    });
  }
  return { columns, read: (row) => build(root, row) };
}

function build(node: ShapeNode, row: Record<string, SqlValue>): SObject {
  const record = new SObject(node.object);
  record.retrieved = true;
  record.set('Id', row[node.idColumn]);
  for (const entry of node.entries) {
    if (entry.kind === 'field') record.set(entry.name, fromSql(entry.field, row[entry.column]));
    else {
      const parentId = row[entry.node.idColumn];
      record.set(
        entry.node.relationshipName,
        parentId === null || parentId === undefined ? null : build(entry.node, row)
      );
    }
  }
  return record;
}

/** toLabel(Field): the picklist value's label (the runtime has one language), the value itself when not in the list. */
function toLabel(field: FieldDescribe, column: string): SqlFragment {
  if (field.type !== 'picklist')
    throw new UnsupportedError(`SOQL toLabel() on ${field.type} field ${field.name}`);
  if (field.picklistValues.length === 0) return sql(column);
  const cases = field.picklistValues.map(() => 'WHEN ? THEN ?').join(' ');
  return sql(
    `CASE ${column} ${cases} ELSE ${column} END`,
    field.picklistValues.flatMap((v) => [v.value, v.label])
  );
}
