import type { StatementSync } from 'node:sqlite';
import type { DatabaseSync } from '../database/orgDatabase';
import type { SqlValue } from '../database/storage';

/**
 * SQL text with its parameters in the order their placeholders appear. Every value reaches
 * SQLite as a parameter; fragments are concatenated in text order so the parameters stay
 * aligned with their `?`.
 */
export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

export function sql(text: string, params: SqlValue[] = []): SqlFragment {
  return { sql: text, params };
}

export function joinSql(parts: readonly SqlFragment[], separator: string): SqlFragment {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

/** `a AND b AND c`, each operand parenthesised; TRUE when there are none. */
export function allOf(parts: readonly SqlFragment[]): SqlFragment {
  if (parts.length === 0) return sql('1');
  if (parts.length === 1) return parts[0];
  return joinSql(
    parts.map((p) => sql(`(${p.sql})`, p.params)),
    ' AND '
  );
}

export function anyOf(parts: readonly SqlFragment[]): SqlFragment {
  if (parts.length === 0) return sql('0');
  if (parts.length === 1) return parts[0];
  return joinSql(
    parts.map((p) => sql(`(${p.sql})`, p.params)),
    ' OR '
  );
}

// Apex runs the same few statements many times (a query in a loop, each test method), so each
// connection keeps its prepared statements; the cap only bounds memory for dynamic SOQL.
const STATEMENT_CACHE_SIZE = 500;
const statements = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

/** The rows as arrays, a value per column in select-list order (half the cost of keyed objects). */
export function selectRows(database: DatabaseSync, fragment: SqlFragment): SqlValue[][] {
  let cache = statements.get(database);
  if (!cache) {
    cache = new Map();
    statements.set(database, cache);
  }
  let statement = cache.get(fragment.sql);
  if (!statement) {
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
    statement = database.prepare(fragment.sql);
    statement.setReturnArrays(true);
    cache.set(fragment.sql, statement);
  }
  return statement.all(...fragment.params) as unknown as SqlValue[][];
}
