import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as NodeSqlite from 'node:sqlite';
import type { FieldDescribe, ObjectDescribe } from '../schema/describe';
import type { OrgSchema } from '../schema/orgSchema';
import { makeId } from './recordIds';
import { columnAffinity, isStored, type SqlValue } from './storage';

/**
 * The org's records in one SQLite file (or in memory): a table per object, a column per
 * stored field, a unique index per unique field and an index per lookup, external id and date
 * (NOCASE where SOQL compares the field ignoring case), and a counter per key prefix from which
 * ids are allocated inside the writing transaction, so any number of processes can share one
 * file without handing out the same id twice.
 */
export type DatabaseSync = NodeSqlite.DatabaseSync;

export interface OpenOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** Delete an existing file first. */
  reset?: boolean;
}

/** A text field SOQL compares ignoring case (ids, dates and numbers have no case). */
function comparesIgnoringCase(field: FieldDescribe): boolean {
  return (
    !field.caseSensitive &&
    columnAffinity(field) === 'TEXT' &&
    !['id', 'reference', 'date', 'datetime', 'time'].includes(field.type)
  );
}

/** Rows a table gains (at least) before its query-planner statistics are refreshed. */
const ANALYZE_AFTER_ROWS = 5_000;

export class OrgDatabase {
  private depth = 0;
  /** Per table: rows inserted since its statistics were last refreshed, and its size then. */
  private readonly growth = new Map<string, { since: number; size: number }>();

  private constructor(
    readonly sql: DatabaseSync,
    readonly schema: OrgSchema
  ) {}

  static open(schema: OrgSchema, options: OpenOptions): OrgDatabase {
    if (options.path !== ':memory:') {
      if (options.reset && existsSync(options.path)) rmSync(options.path);
      mkdirSync(dirname(options.path), { recursive: true });
    }
    const sql = openSqlite(options.path);
    sql.exec('PRAGMA busy_timeout = 10000');
    if (options.path !== ':memory:') sql.exec('PRAGMA journal_mode = WAL');
    sql.exec('PRAGMA foreign_keys = OFF');
    // ANALYZE samples each index instead of reading it whole: refreshing statistics stays cheap.
    sql.exec('PRAGMA analysis_limit = 1000');
    const database = new OrgDatabase(sql, schema);
    database.ensureTables();
    return database;
  }

  /** Creates missing tables, columns and indexes; existing records are kept. */
  ensureTables(): void {
    this.sql.exec('CREATE TABLE IF NOT EXISTS org_counter (prefix TEXT PRIMARY KEY, next INTEGER NOT NULL)');
    this.sql.exec('CREATE TABLE IF NOT EXISTS org_meta (key TEXT PRIMARY KEY, value TEXT)');
    for (const object of this.schema.objects()) {
      const table = quote(object.name);
      const existing = new Set(
        (this.sql.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) =>
          c.name.toLowerCase()
        )
      );
      const columns = storedFields(object);
      if (existing.size === 0) {
        const defs = columns.map(
          (f) => `${quote(f.name)} ${f.name === 'Id' ? 'TEXT PRIMARY KEY' : columnAffinity(f)}`
        );
        this.sql.exec(`CREATE TABLE ${table} (${defs.join(', ')})`);
      } else {
        for (const f of columns.filter((c) => !existing.has(c.name.toLowerCase())))
          this.sql.exec(`ALTER TABLE ${table} ADD COLUMN ${quote(f.name)} ${columnAffinity(f)}`);
      }
      for (const f of columns) {
        if (f.name === 'Id') continue;
        const index = quote(`${object.name}_${f.name}`);
        if (f.unique)
          this.sql.exec(
            `CREATE UNIQUE INDEX IF NOT EXISTS ${index} ON ${table} (${quote(f.name)}${f.caseSensitive ? '' : ' COLLATE NOCASE'})`
          );
        else if (f.type === 'reference' || f.externalId || f.type === 'date') {
          if (comparesIgnoringCase(f)) {
            // SOQL compares this text ignoring case (the WHERE says COLLATE NOCASE): only a NOCASE
            // index serves it. Named apart, so a file made before gets it too (and loses the old one).
            this.sql.exec(`DROP INDEX IF EXISTS ${index}`);
            this.sql.exec(
              `CREATE INDEX IF NOT EXISTS ${quote(`${object.name}_${f.name}_nocase`)} ON ${table} (${quote(f.name)} COLLATE NOCASE)`
            );
          } else this.sql.exec(`CREATE INDEX IF NOT EXISTS ${index} ON ${table} (${quote(f.name)})`);
        }
      }
    }
  }

  /** `count` new ids for the object; call inside a transaction so a rollback returns nothing twice. */
  allocateIds(object: ObjectDescribe, count: number): string[] {
    if (count === 0) return [];
    const row = this.sql
      .prepare(
        'INSERT INTO org_counter (prefix, next) VALUES (?, ?) ON CONFLICT(prefix) DO UPDATE SET next = next + excluded.next RETURNING next'
      )
      .get(object.keyPrefix, count) as { next: number };
    const first = row.next - count + 1;
    return Array.from({ length: count }, (_, i) => makeId(object.keyPrefix, first + i));
  }

  /** The next value of an auto-number field, shared by all processes like ids. */
  nextAutoNumber(object: ObjectDescribe, field: string): number {
    const row = this.sql
      .prepare(
        'INSERT INTO org_counter (prefix, next) VALUES (?, 1) ON CONFLICT(prefix) DO UPDATE SET next = next + 1 RETURNING next'
      )
      .get(`${object.name}.${field}`) as { next: number };
    return row.next;
  }

  meta(key: string): string | null {
    const row = this.sql.prepare('SELECT value FROM org_meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.sql
      .prepare(
        'INSERT INTO org_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
      )
      .run(key, value);
  }

  /**
   * Runs `work` in a transaction: the outermost call takes the database's write lock (BEGIN
   * IMMEDIATE, so concurrent processes queue instead of failing mid-way) and commits, nested
   * calls are savepoints; an exception rolls back to where the call began.
   */
  transaction<T>(work: () => T): T {
    const name = `sp${this.depth}`;
    this.sql.exec(this.depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${name}`);
    this.depth++;
    try {
      const result = work();
      this.depth--;
      this.sql.exec(this.depth === 0 ? 'COMMIT' : `RELEASE ${name}`);
      return result;
    } catch (error) {
      this.depth--;
      this.sql.exec(this.depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    }
  }

  /** Runs `work` in a transaction (or savepoint) that is always rolled back: Apex tests leave no data behind. */
  rolledBack<T>(work: () => T): T {
    const marker = new Error('roll back');
    let result: T | undefined;
    try {
      this.transaction(() => {
        result = work();
        throw marker;
      });
    } catch (error) {
      if (error !== marker) throw error;
    }
    return result as T;
  }

  /** A savepoint the caller rolls back to or releases (Database.setSavepoint). */
  savepoint(): { rollback(): void; release(): void } {
    const name = `user${this.depth}_${Math.floor(Math.random() * 1e9)}`;
    this.sql.exec(`SAVEPOINT ${name}`);
    return {
      rollback: () => this.sql.exec(`ROLLBACK TO ${name}`),
      release: () => this.sql.exec(`RELEASE ${name}`)
    };
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  insert(object: ObjectDescribe, rows: Record<string, SqlValue>[]): void {
    if (rows.length === 0) return;
    const columns = storedFields(object).map((f) => f.name);
    const statement = this.sql.prepare(
      `INSERT INTO ${quote(object.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
    );
    for (const row of rows) statement.run(...columns.map((c) => row[c] ?? null));
    this.grew(object.name, rows.length);
  }

  /**
   * Refreshes a table's statistics each time it has doubled (from 5,000 rows on), also inside a
   * transaction: without them SQLite picks an index blindly, e.g. a close-date range covering
   * most of a million opportunities over the four owners a query names.
   */
  private grew(table: string, rows: number): void {
    const growth = this.growth.get(table) ?? { since: 0, size: 0 };
    growth.since += rows;
    if (growth.since >= Math.max(ANALYZE_AFTER_ROWS, growth.size)) {
      this.sql.exec(`ANALYZE ${quote(table)}`);
      growth.size += growth.since;
      growth.since = 0;
    }
    this.growth.set(table, growth);
  }

  update(object: ObjectDescribe, id: string, changes: Record<string, SqlValue>): void {
    const columns = Object.keys(changes);
    if (columns.length === 0) return;
    this.sql
      .prepare(
        `UPDATE ${quote(object.name)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE Id = ?`
      )
      .run(...columns.map((c) => changes[c]), id);
  }

  delete(object: ObjectDescribe, ids: readonly string[]): void {
    const statement = this.sql.prepare(`DELETE FROM ${quote(object.name)} WHERE Id = ?`);
    for (const id of ids) statement.run(id);
  }

  /** Stored rows by id, every stored column. */
  rowsById(object: ObjectDescribe, ids: readonly string[]): Map<string, Record<string, SqlValue>> {
    const found = new Map<string, Record<string, SqlValue>>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.sql
        .prepare(`SELECT * FROM ${quote(object.name)} WHERE Id IN (${chunk.map(() => '?').join(', ')})`)
        .all(...chunk) as Record<string, SqlValue>[];
      for (const row of rows) found.set(row.Id as string, row);
    }
    return found;
  }

  close(): void {
    this.sql.close();
  }
}

export function storedFields(object: ObjectDescribe): FieldDescribe[] {
  return [...object.fields.values()].filter(isStored);
}

/** A SQL identifier (object and field names are also SQL keywords sometimes: Group, Order). */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function openSqlite(path: string): DatabaseSync {
  // node:sqlite through getBuiltinModule: Jest's resolver does not know `node:`-only built-ins,
  // and Node's one-time "SQLite is experimental" warning is expected here, so it is dropped.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('SQLite')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const sqlite = process.getBuiltinModule('node:sqlite') as typeof NodeSqlite | undefined;
    if (!sqlite) throw new Error('node:sqlite needs Node 22.5 or newer; run through npm (it pins Node 22)');
    return new sqlite.DatabaseSync(path);
  } finally {
    process.emitWarning = emitWarning;
  }
}
