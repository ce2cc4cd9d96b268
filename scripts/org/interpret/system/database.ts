import { PlatformError, UnsupportedError } from '../../platformError';
import type { DmlOperation } from '../../orgServices';
import type { ClassRegistry } from '../classRegistry';
import type { Execution } from '../execution';
import { ApexObject } from '../runtimeClass';
import { ApexList, ApexMap } from '../values/collections';
import { SObject } from '../values/sobject';
import { executeBatch } from './async';
import { resultObjects } from './databaseResults';
import { nativeClass } from './nativeClass';

/**
 * The Database class: DML that reports per row (allOrNone false) or throws, in user or system
 * mode; dynamic SOQL with bind maps; query locators for Batch Apex; savepoints.
 */
type Level = 'user' | 'system' | undefined;

function levelOf(value: unknown): Level {
  if (value instanceof ApexObject && value.cls.name === 'System.AccessLevel')
    return value.native.mode as Level;
  return undefined;
}

/** Database.insert(records [, allOrNone] [, accessLevel]) and the other DML methods' shared argument shapes. */
function dmlArgs(args: unknown[]): { allOrNone: boolean; access: Level; externalId: string | null } {
  let allOrNone = true;
  let access: Level;
  let externalId: string | null = null;
  for (const value of args.slice(1)) {
    if (typeof value === 'boolean') allOrNone = value;
    else if (value instanceof ApexObject && value.cls.name === 'System.AccessLevel') access = levelOf(value);
    else if (value instanceof ApexObject && typeof value.native.field === 'string')
      externalId = value.native.field;
    else if (value !== null && value !== undefined)
      throw new UnsupportedError('this Database DML option (DMLOptions)');
  }
  return { allOrNone, access, externalId };
}

function dml(op: DmlOperation, kind: 'SaveResult' | 'UpsertResult' | 'DeleteResult' | 'UndeleteResult') {
  return (ex: Execution, _self: ApexObject | null, args: unknown[]): unknown => {
    const { allOrNone, access, externalId } = dmlArgs(args);
    const records = args[0];
    if (records === null || records === undefined)
      throw new PlatformError('System.NullPointerException', 'Argument cannot be null');
    const rows = ex.org.services.dml.statement(ex, op, records, {
      allOrNone,
      access: access ?? 'system',
      externalId
    });
    const results = resultObjects(ex, kind, rows);
    return records instanceof SObject ? results.items[0] : results;
  };
}

function bindsFrom(map: unknown): (name: string) => unknown {
  if (!(map instanceof ApexMap)) throw new PlatformError('System.QueryException', 'Bind map is required');
  return (name) => {
    for (const key of map.keys()) if (String(key).toLowerCase() === name.toLowerCase()) return map.get(key);
    throw new PlatformError('System.QueryException', `Key '${name}' does not exist in the bindMap`);
  };
}

function noBinds(name: string): never {
  throw new UnsupportedError(`Database.query with the bind variable :${name} (use Database.queryWithBinds)`);
}

function query(
  ex: Execution,
  text: unknown,
  bind: (name: string) => unknown,
  level: Level
): ApexList | number {
  if (typeof text !== 'string')
    throw new PlatformError('System.NullPointerException', 'Argument cannot be null');
  return ex.org.services.soql.run(ex, ex.org.services.soql.parse(text), bind, level);
}

export function queryLocator(ex: Execution, records: ApexList, text: string | null): ApexObject {
  const locator = new ApexObject(ex.org.registry.systemClass('Database.QueryLocator'));
  locator.native = { records, query: text };
  return locator;
}

export function installDatabase(registry: ClassRegistry): void {
  const accessLevel = nativeClass(registry, { name: 'System.AccessLevel', aliases: ['AccessLevel'] });
  const user = new ApexObject(accessLevel);
  user.native = { mode: 'user', toText: () => 'USER_MODE' };
  const system = new ApexObject(accessLevel);
  system.native = { mode: 'system', toText: () => 'SYSTEM_MODE' };
  accessLevel.fields.set('user_mode', {
    name: 'USER_MODE',
    owner: accessLevel,
    type: { kind: 'class', cls: accessLevel },
    isStatic: true,
    isFinal: true,
    init: null,
    line: 0,
    key: 'AccessLevel.user_mode',
    nativeValue: () => user
  });
  accessLevel.fields.set('system_mode', {
    name: 'SYSTEM_MODE',
    owner: accessLevel,
    type: { kind: 'class', cls: accessLevel },
    isStatic: true,
    isFinal: true,
    init: null,
    line: 0,
    key: 'AccessLevel.system_mode',
    nativeValue: () => system
  });
  nativeClass(registry, {
    name: 'System.Savepoint',
    aliases: ['Savepoint']
  });
  nativeClass(registry, {
    name: 'Database',
    aliases: ['System.Database'],
    staticMethods: {
      insert: dml('insert', 'SaveResult'),
      update: dml('update', 'SaveResult'),
      upsert: dml('upsert', 'UpsertResult'),
      delete: dml('delete', 'DeleteResult'),
      undelete: dml('undelete', 'UndeleteResult'),
      query: (ex, _self, [text, level]) => query(ex, text, noBinds, levelOf(level)),
      queryWithBinds: (ex, _self, [text, binds, level]) => query(ex, text, bindsFrom(binds), levelOf(level)),
      countQuery: (ex, _self, [text, level]) => query(ex, text, noBinds, levelOf(level)),
      countQueryWithBinds: (ex, _self, [text, binds, level]) =>
        query(ex, text, bindsFrom(binds), levelOf(level)),
      getQueryLocator: (ex, _self, [source, level]) => {
        if (source instanceof ApexList) return queryLocator(ex, source, null);
        const records = ex.org.services.soql.run(
          ex,
          ex.org.services.soql.parse(String(source)),
          noBinds,
          levelOf(level),
          { locator: true }
        );
        return queryLocator(ex, records as ApexList, String(source));
      },
      getQueryLocatorWithBinds: (ex, _self, [text, binds, level]) => {
        const records = ex.org.services.soql.run(
          ex,
          ex.org.services.soql.parse(String(text)),
          bindsFrom(binds),
          levelOf(level),
          { locator: true }
        );
        return queryLocator(ex, records as ApexList, String(text));
      },
      executeBatch: (ex, _self, [batch, size]) => executeBatch(ex, batch, size),
      setSavepoint: (ex) => {
        ex.limits.countDml(0);
        const savepoint = new ApexObject(registry.systemClass('System.Savepoint'));
        savepoint.native = { point: ex.org.database.savepoint() };
        return savepoint;
      },
      rollback: (ex, _self, [savepoint]) => {
        ex.limits.countDml(0);
        if (!(savepoint instanceof ApexObject))
          throw new PlatformError('System.NullPointerException', 'Argument cannot be null');
        (savepoint.native.point as { rollback(): void }).rollback();
        return null;
      },
      releaseSavepoint: (_ex, _self, [savepoint]) => {
        if (savepoint instanceof ApexObject) (savepoint.native.point as { release(): void }).release();
        return null;
      }
    }
  });
}
