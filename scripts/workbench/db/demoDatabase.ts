import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateDemoOrg } from '../../demo/generateDemoOrg';
import { DEMO_OBJECT_ORDER, type DemoObjectName } from '../../demo/demoOrgTypes';
import { createTableSql, formatAutoNumber, loadTableSchemas, type TableSchema } from './tableSchema';
import { openSqlite, type DatabaseSync, type SqlValue } from './sqlite';

/**
 * The embedded demo org: a SQLite file whose tables come from the package metadata, seeded
 * from the deterministic generator. Reopened as it is on a warm start; recreated on `--reset`,
 * or when the metadata's schema no longer matches the file (a field was added).
 */

export type FieldValue = string | number | boolean | null;
export type StoredRecord = Record<string, FieldValue>;

export interface DemoDatabase {
  db: DatabaseSync;
  tables: Map<DemoObjectName, TableSchema>;
  seed: number;
  /** The workbench's signed-in user. */
  currentUserId: string;
  close(): void;
}

export interface OpenOptions {
  path: string;
  forceAppDir: string;
  seed: number;
  today: string;
  reset?: boolean;
}

export function openDemoDatabase(options: OpenOptions): DemoDatabase & { created: boolean } {
  const schemas = loadTableSchemas(options.forceAppDir);
  const fingerprint = JSON.stringify(schemas.map((s) => [s.name, [...s.columns], s.unique, s.indexed]));
  if (options.reset && existsSync(options.path)) rmSync(options.path);
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  let db = openSqlite(options.path);
  let created = false;
  const stored = readMeta(db);
  if (stored && (stored.fingerprint !== fingerprint || Number(stored.seed) !== options.seed)) {
    db.close();
    rmSync(options.path);
    db = openSqlite(options.path);
  }
  const meta = readMeta(db);
  if (!meta) {
    seedDatabase(db, schemas, fingerprint, options.seed, options.today);
    created = true;
  }
  db.exec('PRAGMA foreign_keys = OFF; PRAGMA busy_timeout = 5000;');
  const final = readMeta(db);
  if (!final) throw new Error('demo database has no meta row after seeding');
  return {
    db,
    tables: new Map(schemas.map((s) => [s.name, s])),
    seed: Number(final.seed),
    currentUserId: final.currentUserId,
    created,
    close: () => db.close()
  };
}

function readMeta(db: DatabaseSync): Record<string, string> | null {
  const exists = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'workbench_meta'")
    .get();
  if (!exists) return null;
  const rows = db.prepare('SELECT key, value FROM workbench_meta').all() as { key: string; value: string }[];
  return rows.length === 0 ? null : Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

function seedDatabase(
  db: DatabaseSync,
  schemas: TableSchema[],
  fingerprint: string,
  seed: number,
  today: string
): void {
  const org = generateDemoOrg(seed, today);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('BEGIN');
  try {
    for (const schema of schemas) for (const sql of createTableSql(schema)) db.exec(sql);
    db.exec('CREATE TABLE workbench_meta (key TEXT PRIMARY KEY, value TEXT)');
    for (const name of DEMO_OBJECT_ORDER) {
      const schema = schemas.find((s) => s.name === name);
      if (!schema) throw new Error(`no table for ${name}`);
      insertAll(db, schema, org.records[name] as unknown as StoredRecord[]);
    }
    const meta = db.prepare('INSERT INTO workbench_meta (key, value) VALUES (?, ?)');
    meta.run('seed', String(seed));
    meta.run('generatedFor', today);
    meta.run('currentUserId', org.currentUserId);
    meta.run('fingerprint', fingerprint);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function insertAll(db: DatabaseSync, schema: TableSchema, records: StoredRecord[]): void {
  const columns = [...schema.columns.keys()];
  const insert = db.prepare(
    `INSERT INTO ${schema.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
  );
  records.forEach((record, index) => {
    const unknown = Object.keys(record).filter((field) => !schema.columns.has(field));
    if (unknown.length > 0)
      throw new Error(`${schema.name} has no field ${unknown.join(', ')} in force-app metadata`);
    const row = { ...record };
    if (schema.autoNumberFormat && row.Name == null)
      row.Name = formatAutoNumber(schema.autoNumberFormat, index + 1);
    insert.run(...columns.map((column) => toSql(row[column])));
  });
}

export function toSql(value: FieldValue | undefined): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** An in-memory database with the demo org's tables and no records: the case-file tests load their own. */
export function openEmptyDatabase(forceAppDir: string, currentUserId = '005WB0000000000001'): DemoDatabase {
  const schemas = loadTableSchemas(forceAppDir);
  const db = openSqlite(':memory:');
  for (const schema of schemas) for (const sql of createTableSql(schema)) db.exec(sql);
  return {
    db,
    tables: new Map(schemas.map((s) => [s.name, s])),
    seed: 0,
    currentUserId,
    close: () => db.close()
  };
}
