import type * as NodeSqlite from 'node:sqlite';

/**
 * node:sqlite, loaded through process.getBuiltinModule: Jest 29's resolver does not know the
 * `node:`-only built-ins, and a static import would also print Node's experimental warning in
 * every process that merely imports the workbench's types.
 */
export type DatabaseSync = NodeSqlite.DatabaseSync;
export type SqlValue = null | number | bigint | string | NodeJS.ArrayBufferView;

export function openSqlite(path: string): DatabaseSync {
  const sqlite = loadQuietly();
  if (!sqlite) throw new Error('node:sqlite needs Node 22.5 or newer; run through npm (it pins Node 22)');
  return new sqlite.DatabaseSync(path);
}

/** Node warns once that SQLite is experimental; the workbench pins Node 22 and knows, so that one warning is dropped. */
function loadQuietly(): typeof NodeSqlite | undefined {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('SQLite')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return process.getBuiltinModule('node:sqlite') as typeof NodeSqlite | undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
}
