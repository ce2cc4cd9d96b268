import type { Execution } from '../interpret/execution';
import { ApexList } from '../interpret/values/collections';
import { SObject } from '../interpret/values/sobject';
import type { DmlOperation, DmlOptions, DmlRowResult, DmlService } from '../orgServices';
import { PlatformError, UnsupportedError } from '../platformError';
import { quote } from '../database/orgDatabase';
import { toSql } from '../database/storage';
import type { ObjectDescribe } from '../schema/describe';
import type { PlatformSecurity } from '../security/securityService';
import { deleteRecords } from './deleteRecords';
import { mixedDmlError, noteKind, statementKind } from './mixedDml';
import { insertRecords, updateRecords, type SaveContext, type SaveRow } from './saveRecords';
import type { PackageTrigger } from './triggers';
import type { ValidationRules } from './validationRules';

/**
 * One DML statement (insert, update, upsert, delete), all or none or row by row. The statement
 * runs inside a savepoint; when allOrNone and a row failed, everything it did is rolled back and
 * a DmlException names the first failure as the platform words it. Row by row, the platform
 * rolls back and saves again only the rows that succeeded (so triggers see only them), up to
 * three attempts; that is done here too.
 */
const SETUP_OBJECTS = new Set([
  'user',
  'permissionset',
  'permissionsetassignment',
  'userrole',
  'profile',
  'group',
  'groupmember'
]);
const VERBS: Record<DmlOperation, string> = {
  insert: 'Insert',
  update: 'Update',
  upsert: 'Upsert',
  delete: 'Delete',
  undelete: 'Undelete'
};

export class PlatformDml implements DmlService {
  constructor(
    private readonly security: PlatformSecurity,
    private readonly rules: ValidationRules,
    private readonly triggers: Map<string, PackageTrigger[]>
  ) {}

  statement(ex: Execution, op: DmlOperation, value: unknown, options: DmlOptions): DmlRowResult[] {
    const inputs = recordsOf(value, op);
    if (inputs.length === 0) return [];
    ex.limits.countDml(inputs.length);
    if (op === 'undelete') throw new UnsupportedError('undelete (the local runtime keeps no recycle bin)');
    const ids = new Set<string>();
    for (const input of inputs) {
      if (op !== 'insert' && input.id) {
        if (ids.has(input.id))
          throw new PlatformError('System.ListException', `Duplicate id in list: ${input.id}`);
        ids.add(input.id);
      }
    }
    let attempt: SaveRow[] = inputs.map((input, index) => ({
      index,
      input,
      record: null,
      old: null,
      errors: []
    }));
    const final = new Map<number, SaveRow>();
    const kind = statementKind(ex, op, inputs);
    const mixed = kind ? mixedDmlError(ex, kind) : null;
    if (mixed) {
      // Every row fails before anything runs: no trigger, no save.
      for (const row of attempt) {
        row.errors.push({ statusCode: 'MIXED_DML_OPERATION', message: mixed, fields: [] });
        final.set(row.index, row);
      }
      if (options.allOrNone) throw dmlException(op, attempt);
      attempt = [];
    }
    const created = new Set<number>();
    for (let tries = 0; tries < 3 && attempt.length > 0; tries++) {
      const savepoint = ex.org.database.savepoint();
      try {
        created.clear();
        this.perform(ex, op, attempt, options, created);
      } catch (error) {
        savepoint.rollback();
        savepoint.release();
        throw error;
      }
      const failed = attempt.filter((row) => row.errors.length > 0);
      if (failed.length === 0) {
        savepoint.release();
        for (const row of attempt) final.set(row.index, row);
        break;
      }
      savepoint.rollback();
      savepoint.release();
      if (options.allOrNone) throw dmlException(op, failed);
      for (const row of failed) final.set(row.index, row);
      attempt = attempt
        .filter((row) => row.errors.length === 0)
        .map((row) => ({ index: row.index, input: row.input, record: null, old: null, errors: [] }));
      if (attempt.length === 0) break;
    }
    if (kind && [...final.values()].some((row) => row.errors.length === 0)) noteKind(ex, kind);
    if (inputs.some((input) => SETUP_OBJECTS.has(input.type.name.toLowerCase()))) this.security.invalidate();
    if (process.env.PSMS_APEX_DEBUG)
      process.stderr.write(
        `DML|${op} ${inputs[0].type.name} x${inputs.length}: ${[...final.values()].map((r) => (r.errors.length ? r.errors[0].message : 'ok')).join('; ')}\n`
      );
    return inputs.map((input, index) => {
      const row = final.get(index);
      const success = row !== undefined && row.errors.length === 0;
      if (success && (op === 'insert' || op === 'upsert') && row.record?.id) input.set('Id', row.record.id);
      return {
        id: success ? (row.record?.id ?? input.id) : null,
        success,
        created: success && created.has(index),
        errors: row?.errors ?? [{ statusCode: 'UNKNOWN_EXCEPTION', message: 'not saved', fields: [] }]
      };
    });
  }

  private perform(
    ex: Execution,
    op: DmlOperation,
    rows: SaveRow[],
    options: DmlOptions,
    created: Set<number>
  ): void {
    for (const [object, group] of groupByObject(rows)) {
      const ctx: SaveContext = {
        ex,
        security: this.security,
        rules: this.rules,
        triggers: this.triggers.get(object.name.toLowerCase()) ?? [],
        userMode: options.access === 'user',
        sharing: options.access === 'user' || ex.sharing
      };
      switch (op) {
        case 'insert':
          insertRecords(ctx, object, group);
          for (const row of group) created.add(row.index);
          break;
        case 'update':
          updateRecords(ctx, object, group);
          break;
        case 'delete':
          deleteRecords(ctx, object, group);
          break;
        case 'upsert': {
          const { inserts, updates } = this.splitUpsert(ex, object, group, options.externalId);
          insertRecords(ctx, object, inserts);
          for (const row of inserts) created.add(row.index);
          updateRecords(ctx, object, updates);
          break;
        }
        default:
          throw new UnsupportedError(op);
      }
    }
  }

  /** Upsert: rows matching an existing record (by Id or the external id field) update it, the rest are inserted. */
  private splitUpsert(
    ex: Execution,
    object: ObjectDescribe,
    rows: SaveRow[],
    externalId: string | null
  ): { inserts: SaveRow[]; updates: SaveRow[] } {
    const inserts: SaveRow[] = [];
    const updates: SaveRow[] = [];
    const field = externalId ? object.field(externalId) : undefined;
    if (externalId && (!field || (!field.externalId && !field.unique && field.name !== 'Id')))
      throw new PlatformError(
        'System.DmlException',
        `Upsert failed: ${externalId} is not an external id or unique field of ${object.name}`
      );
    const seen = new Set<string>();
    for (const row of rows) {
      if (!field || field.name === 'Id') {
        (row.input.id ? updates : inserts).push(row);
        continue;
      }
      const value = row.input.peek(field.name);
      if (value === null || value === undefined || value === '') {
        row.errors.push({
          statusCode: 'MISSING_ARGUMENT',
          message: `${field.name} not specified`,
          fields: [field.name]
        });
        continue;
      }
      const key = field.caseSensitive ? String(value) : String(value).toLowerCase();
      if (seen.has(key)) {
        row.errors.push({
          statusCode: 'DUPLICATE_EXTERNAL_ID',
          message: `Duplicate external id specified: ${String(value)}`,
          fields: [field.name]
        });
        continue;
      }
      seen.add(key);
      const matches = ex.org.database.sql
        .prepare(
          `SELECT Id FROM ${quote(object.name)} WHERE ${quote(field.name)}${field.caseSensitive ? '' : ' COLLATE NOCASE'} = ? LIMIT 2`
        )
        .all(toSql(field, value)) as { Id: string }[];
      if (matches.length > 1) {
        row.errors.push({
          statusCode: 'DUPLICATE_EXTERNAL_ID',
          message: `${field.name}: more than one record found for external id field: [${matches.map((m) => m.Id).join(', ')}]`,
          fields: [field.name]
        });
        continue;
      }
      if (matches.length === 1) {
        row.input.set('Id', matches[0].Id);
        updates.push(row);
      } else inserts.push(row);
    }
    return { inserts, updates };
  }
}

function recordsOf(value: unknown, op: DmlOperation): SObject[] {
  const items = value instanceof ApexList ? value.items : [value];
  return items.map((item, i) => {
    if (item === null || item === undefined)
      throw new PlatformError(
        'System.NullPointerException',
        `${VERBS[op]} failed: DML statement found null SObject at position ${i}`
      );
    if (typeof item === 'string' && (op === 'delete' || op === 'undelete')) return idOnly(item);
    if (!(item instanceof SObject)) throw new PlatformError('System.TypeException', `DML requires SObjects`);
    return item;
  });
}

function idOnly(id: string): SObject {
  void id;
  throw new UnsupportedError('Database.delete with Ids instead of records');
}

function groupByObject(rows: SaveRow[]): Map<ObjectDescribe, SaveRow[]> {
  const groups = new Map<ObjectDescribe, SaveRow[]>();
  for (const row of rows) groups.set(row.input.type, [...(groups.get(row.input.type) ?? []), row]);
  return groups;
}

export function dmlException(op: DmlOperation, failed: SaveRow[]): PlatformError {
  const first = failed[0];
  const error = first.errors[0];
  const id = first.input.id && op !== 'insert' ? ` with id ${first.input.id}` : '';
  const message = `${VERBS[op]} failed. First exception on row ${first.index}${id}; first error: ${error.statusCode}, ${error.message}: [${error.fields.join(', ')}]`;
  return new PlatformError(
    'System.DmlException',
    message,
    failed.flatMap((row) =>
      row.errors.slice(0, 1).map((e) => ({
        index: row.index,
        id: row.input.id,
        statusCode: e.statusCode,
        message: e.message,
        fields: e.fields
      }))
    )
  );
}
