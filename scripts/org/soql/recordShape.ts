import { fromSql, type SqlValue } from '../database/storage';
import { SObject } from '../interpret/values/sobject';
import { UnsupportedError } from '../platformError';
import type { FieldDescribe, ObjectDescribe } from '../schema/describe';
import { selectedFormula } from './formulaFields';
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
  read(row: readonly SqlValue[]): SObject;
}

interface FieldEntry {
  kind: 'field';
  /** The SObject slot: the field's name in lower case and as declared. */
  key: string;
  name: string;
  read(row: readonly SqlValue[]): unknown;
}

interface ParentEntry {
  kind: 'parent';
  node: ShapeNode;
}

interface ShapeNode {
  object: ObjectDescribe;
  relationshipName: string;
  idColumn: number;
  entries: (FieldEntry | ParentEntry)[];
  parents: Map<string, ShapeNode>;
}

/** `items` are the select list without its subqueries. */
export function recordShape(items: readonly SelectItem[], scope: ObjectScope): RecordShape {
  const columns: SqlFragment[] = [];
  const column = (fragment: SqlFragment): number => {
    columns.push(sql(`${fragment.sql} AS c${columns.length}`, fragment.params));
    return columns.length - 1;
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
    const resolved = scope.resolve(path, { formula: item.kind === 'expression', selected: true });
    const { field } = resolved;
    const key = `${resolved.join?.key ?? ''}.${field.name.toLowerCase()}`;
    if (selected.has(key)) throw queryError(`duplicate field selected: ${path.path.join('.')}`);
    selected.add(key);
    const node = nodeOf(resolved.join);
    if (field.name === 'Id') continue;
    let read: FieldEntry['read'];
    if (field.calculated) {
      const formula = selectedFormula(resolved, scope);
      const inputs = formula.inputs.map((input) => column(sql(input)));
      read = (row) => formula.evaluate(inputs.map((index) => row[index]));
    } else {
      const index = column(item.kind === 'toLabel' ? toLabel(field, resolved.column) : sql(resolved.column));
      read =
        field.type === 'date' || field.type === 'datetime'
          ? memoized(field, index)
          : (row) => fromSql(field, row[index]);
    }
    node.entries.push({ kind: 'field', key: field.name.toLowerCase(), name: field.name, read });
  }
  return { columns, read: (row) => build(root, row) };
}

function build(node: ShapeNode, row: readonly SqlValue[]): SObject {
  const record = new SObject(node.object);
  record.retrieved = true;
  record.set('Id', row[node.idColumn]);
  for (const entry of node.entries) {
    // The slot is written directly: the shape already knows the declared name, and this loop
    // runs for every field of every row.
    if (entry.kind === 'field') record.slots.set(entry.key, { name: entry.name, value: entry.read(row) });
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

/**
 * Dates and datetimes repeat across the rows of a query and are immutable in Apex, so each
 * distinct stored text is parsed once per query (parsing is most of the cost of a large read).
 */
function memoized(field: FieldDescribe, index: number): FieldEntry['read'] {
  const parsed = new Map<SqlValue, unknown>();
  return (row) => {
    const stored = row[index];
    let value = parsed.get(stored);
    if (value === undefined) {
      value = fromSql(field, stored);
      parsed.set(stored, value);
    }
    return value;
  };
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
