import type { DemoObjectName } from '../../demo/demoOrgTypes';
import { keyPrefix } from '../../demo/recordIds';
import { toSql, type DemoDatabase, type FieldValue, type StoredRecord } from '../db/demoDatabase';
import { formatAutoNumber, type TableSchema } from '../db/tableSchema';
import type { SqlValue } from '../db/sqlite';

/**
 * Reading and writing records by object and field API name. Rows come back as the org
 * serialises SObjects to a component: checkboxes as booleans, blank fields left out.
 */

function schemaOf(demo: DemoDatabase, object: DemoObjectName): TableSchema {
  const schema = demo.tables.get(object);
  if (!schema) throw new Error(`no table ${object}`);
  return schema;
}

export function toRecord(schema: TableSchema, row: Record<string, unknown>): StoredRecord {
  const record: StoredRecord = {};
  for (const [column, value] of Object.entries(row)) {
    if (value === null || value === undefined) continue;
    record[column] =
      schema.columns.get(column) === 'boolean' ? value === 1 || value === 1n : (value as FieldValue);
  }
  return record;
}

/** Records of `object` matching a SQL condition (written by the operations, never by the caller). */
export function select<T>(
  demo: DemoDatabase,
  object: DemoObjectName,
  where = '1 = 1',
  params: SqlValue[] = [],
  orderBy = 'Id'
): T[] {
  const schema = schemaOf(demo, object);
  const rows = demo.db
    .prepare(`SELECT * FROM ${object} WHERE ${where} ORDER BY ${orderBy}`)
    .all(...params) as Record<string, unknown>[];
  return rows.map((row) => toRecord(schema, row) as T);
}

export function selectById<T>(demo: DemoDatabase, object: DemoObjectName, id: string): T | null {
  return select<T>(demo, object, 'Id = ?', [id])[0] ?? null;
}

/** Records whose `column` is one of `values`, in chunks below SQLite's parameter limit. */
export function selectIn<T>(
  demo: DemoDatabase,
  object: DemoObjectName,
  column: string,
  values: readonly string[]
): T[] {
  const result: T[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const chunk = values.slice(i, i + 500);
    if (chunk.length > 0)
      result.push(
        ...select<T>(demo, object, `${column} IN (${chunk.map(() => '?').join(', ')})`, [...chunk])
      );
  }
  return result;
}

const counters = new WeakMap<DemoDatabase, Map<DemoObjectName, number>>();

/** A new id in a range the generator never uses (`WN` after the key prefix), unique within this database. */
function newId(demo: DemoDatabase, object: DemoObjectName): string {
  let byObject = counters.get(demo);
  if (!byObject) counters.set(demo, (byObject = new Map()));
  const prefix = `${keyPrefix(object)}WN`;
  let last = byObject.get(object);
  if (last === undefined) {
    const row = demo.db.prepare(`SELECT MAX(Id) AS id FROM ${object} WHERE Id LIKE ?`).get(`${prefix}%`) as {
      id: string | null;
    };
    last = row.id ? Number(row.id.slice(prefix.length)) : 0;
  }
  byObject.set(object, last + 1);
  return `${prefix}${String(last + 1).padStart(13, '0')}`;
}

export function insertRecord<T>(
  demo: DemoDatabase,
  object: DemoObjectName,
  fields: Record<string, FieldValue | undefined>
): T {
  const schema = schemaOf(demo, object);
  const record: Record<string, FieldValue | undefined> = { ...fields, Id: newId(demo, object) };
  if (schema.columns.has('CreatedDate') && !record.CreatedDate) record.CreatedDate = new Date().toISOString();
  if (schema.autoNumberFormat && !record.Name) {
    const { n } = demo.db.prepare(`SELECT COUNT(*) AS n FROM ${object}`).get() as { n: number };
    record.Name = formatAutoNumber(schema.autoNumberFormat, n + 1);
  }
  const columns = Object.keys(record).filter((column) => record[column] !== undefined);
  const unknown = columns.filter((column) => !schema.columns.has(column));
  if (unknown.length > 0) throw new Error(`${object} has no field ${unknown.join(', ')}`);
  demo.db
    .prepare(`INSERT INTO ${object} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((column) => toSql(record[column])));
  const stored = selectById<T>(demo, object, record.Id as string);
  if (!stored) throw new Error(`inserted ${object} ${String(record.Id)} not found`);
  return stored;
}

export function updateRecord<T>(
  demo: DemoDatabase,
  object: DemoObjectName,
  id: string,
  fields: Record<string, FieldValue | undefined>
): T {
  const schema = schemaOf(demo, object);
  const columns = Object.keys(fields).filter((column) => column !== 'Id' && fields[column] !== undefined);
  const unknown = columns.filter((column) => !schema.columns.has(column));
  if (unknown.length > 0) throw new Error(`${object} has no field ${unknown.join(', ')}`);
  if (columns.length > 0) {
    demo.db
      .prepare(`UPDATE ${object} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE Id = ?`)
      .run(...columns.map((c) => toSql(fields[c])), id);
  }
  const stored = selectById<T>(demo, object, id);
  if (!stored) throw new Error(`${object} ${id} not found`);
  return stored;
}

/**
 * Runs `work` in one write transaction: a failed write leaves nothing half-written. BEGIN
 * IMMEDIATE takes the write lock up front, so a second writer (another process on the same
 * file) waits instead of reading state that is about to change.
 */
export function inTransaction<T>(demo: DemoDatabase, work: () => T): T {
  demo.db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    demo.db.exec('COMMIT');
    return result;
  } catch (error) {
    demo.db.exec('ROLLBACK');
    throw error;
  }
}
