import { recordToRow, rowToRecord } from '../database/records';
import type { Execution } from '../interpret/execution';
import { SObject } from '../interpret/values/sobject';
import type { DmlRowError } from '../orgServices';
import type { ObjectDescribe } from '../schema/describe';
import type { PlatformSecurity } from '../security/securityService';
import {
  applyInsertDefaults,
  applyUpdateDerivations,
  defaultNameToId,
  stampAudit
} from './platformBehaviour';
import { referenceErrors, requiredAndShape, shapeErrors, uniqueErrors } from './recordChecks';
import { runTriggers, type PackageTrigger, type TriggerRow } from './triggers';
import type { ValidationRules } from './validationRules';

/**
 * Insert and update in the platform's order of save: access checks (object and field
 * permissions in user mode, record access when sharing applies), the caller's values copied onto
 * the record the triggers see, platform defaults and derived fields, the checks of foreign keys,
 * lengths and restricted picklists, before triggers, the platform's checks again with required
 * fields and the validation rules, unique fields, the write, after triggers. A row
 * that fails at any step is left out of the steps after it and reported with its errors.
 */
export interface SaveRow extends TriggerRow {
  /** Position in the caller's list (for "First exception on row N"). */
  index: number;
  /** The caller's record: it receives the Id when the statement succeeds. */
  input: SObject;
  record: SObject | null;
}

export interface SaveContext {
  ex: Execution;
  security: PlatformSecurity;
  rules: ValidationRules;
  triggers: PackageTrigger[];
  userMode: boolean;
  /** Record sharing applies: user mode, or a `with sharing` context. */
  sharing: boolean;
}

const NOT_WRITABLE_MESSAGE = (fields: string[]): string =>
  `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`;

function fail(row: SaveRow, error: DmlRowError): void {
  row.errors.push(error);
}

function ok(row: SaveRow): boolean {
  return row.errors.length === 0;
}

/** Copies the caller's field values (not relationship records) onto the record being saved. */
function copyFields(from: SObject, to: SObject): Set<string> {
  const written = new Set<string>();
  for (const [key, slot] of from.slots) {
    if (!from.type.fields.has(key)) continue;
    to.set(slot.name, slot.value);
    written.add(key);
  }
  return written;
}

function collectRecordErrors(rows: SaveRow[]): void {
  for (const row of rows) {
    const record = row.record;
    if (!record || record.errors.length === 0) continue;
    for (const error of record.errors)
      row.errors.push({
        statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: error.message,
        fields: error.field ? [error.field] : []
      });
    record.errors = [];
  }
}

/**
 * What the platform checks of a save from Apex or the API before the before triggers run:
 * foreign keys, field lengths and restricted picklists. A record failing them never reaches the
 * triggers (which could not repair it); the checks run again after the triggers.
 */
function checkBeforeTriggers(ctx: SaveContext, rows: SaveRow[]): void {
  const live = rows.filter(ok);
  for (const row of live) for (const error of shapeErrors(row.record as SObject)) fail(row, error);
  const references = referenceErrors(
    ctx.ex,
    live.filter(ok).map((r) => r.record as SObject)
  );
  for (const row of live) for (const error of references.get(row.record as SObject) ?? []) fail(row, error);
}

/** The platform's checks and the validation rules, after before triggers. */
function checkRecords(ctx: SaveContext, object: ObjectDescribe, rows: SaveRow[]): void {
  const live = rows.filter(ok);
  for (const row of live) for (const error of requiredAndShape(row.record as SObject)) fail(row, error);
  const references = referenceErrors(
    ctx.ex,
    live.filter(ok).map((r) => r.record as SObject)
  );
  for (const row of live) for (const error of references.get(row.record as SObject) ?? []) fail(row, error);
  if (ctx.sharing) parentAccess(ctx, object, live.filter(ok));
  for (const row of live.filter(ok)) {
    for (const failure of ctx.rules.failures(ctx.ex, row.record as SObject, row.old))
      fail(row, {
        statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: failure.message,
        fields: failure.field ? [failure.field] : []
      });
  }
  const unique = uniqueErrors(
    ctx.ex,
    object,
    live.filter(ok).map((r) => r.record as SObject)
  );
  for (const row of live) for (const error of unique.get(row.record as SObject) ?? []) fail(row, error);
}

/** A detail record needs edit access to its master (writeRequiresMasterRead off, as the package declares). */
function parentAccess(ctx: SaveContext, object: ObjectDescribe, rows: SaveRow[]): void {
  const field = object.controllingParentField;
  if (!field) return;
  const parent = ctx.ex.org.schema.object(object.field(field)?.referenceTo[0] ?? '');
  if (!parent) return;
  const ids = rows.map((r) => r.record?.peek(field)).filter((id): id is string => typeof id === 'string');
  const editable = ctx.security.editable(ctx.ex, parent, ids);
  for (const row of rows) {
    const id = row.record?.peek(field);
    if (typeof id === 'string' && !editable.has(id))
      fail(row, {
        statusCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
        message: `insufficient access rights on cross-reference id: ${id}`,
        fields: []
      });
  }
}

function markReadOnly(rows: SaveRow[], readOnly: boolean): void {
  for (const row of rows) if (row.record) row.record.readOnly = readOnly;
}

export function insertRecords(ctx: SaveContext, object: ObjectDescribe, rows: SaveRow[]): void {
  const { ex } = ctx;
  const crud = ctx.security.objectAccess(ex, object);
  for (const row of rows) {
    if (row.input.id) {
      fail(row, {
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: 'cannot specify Id in an insert call',
        fields: ['Id']
      });
      continue;
    }
    if (!object.createable) {
      fail(row, {
        statusCode: 'INVALID_TYPE',
        message: `Cannot create a new record of ${object.name}`,
        fields: []
      });
      continue;
    }
    if (ctx.userMode && !crud.create) {
      fail(row, {
        statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
        message: 'insufficient access rights on object id',
        fields: []
      });
      continue;
    }
    const record = new SObject(object);
    copyFields(row.input, record);
    const blocked = [...row.input.slots.values()]
      .map((slot) => object.field(slot.name))
      .filter(
        (field) =>
          field &&
          field.name !== 'Id' &&
          (!field.createable || (ctx.userMode && !ctx.security.fieldAccess(ex, object, field.name).edit))
      )
      .map((field) => field?.name as string);
    if (blocked.length > 0) {
      fail(row, {
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: NOT_WRITABLE_MESSAGE(blocked),
        fields: blocked
      });
      continue;
    }
    applyInsertDefaults(ex, record);
    row.record = record;
  }
  const live = (): SaveRow[] => rows.filter(ok);
  checkBeforeTriggers(ctx, rows);
  runTriggers(ex, ctx.triggers, object, 'BEFORE_INSERT', live());
  collectRecordErrors(rows);
  checkRecords(ctx, object, rows);
  const saving = live();
  const ids = ex.org.database.allocateIds(object, saving.length);
  saving.forEach((row, i) => {
    const record = row.record as SObject;
    record.set('Id', ids[i]);
    defaultNameToId(record);
    stampAudit(ex, record, true);
  });
  ex.org.database.insert(
    object,
    saving.map((row) => recordToRow(object, row.record as SObject))
  );
  markReadOnly(saving, true);
  runTriggers(ex, ctx.triggers, object, 'AFTER_INSERT', saving);
  collectRecordErrors(saving);
  markReadOnly(saving, false);
}

export function updateRecords(ctx: SaveContext, object: ObjectDescribe, rows: SaveRow[]): void {
  const { ex } = ctx;
  const crud = ctx.security.objectAccess(ex, object);
  const ids = rows.map((r) => r.input.id).filter((id): id is string => id !== null);
  const stored = ex.org.database.rowsById(object, ids);
  const editable = ctx.sharing ? ctx.security.editable(ex, object, ids) : null;
  for (const row of rows) {
    const id = row.input.id;
    if (!id) {
      fail(row, {
        statusCode: 'MISSING_ARGUMENT',
        message: 'Id not specified in an update call',
        fields: []
      });
      continue;
    }
    const storedRow = stored.get(id);
    if (!storedRow) {
      fail(row, { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] });
      continue;
    }
    if (!object.updateable || (ctx.userMode && !crud.edit) || (editable && !editable.has(id))) {
      fail(row, {
        statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
        message: 'insufficient access rights on object id',
        fields: []
      });
      continue;
    }
    const old = rowToRecord(object, storedRow);
    const blocked: string[] = [];
    for (const slot of row.input.slots.values()) {
      const field = object.field(slot.name);
      if (!field || field.name === 'Id') continue;
      const changed = !sameStored(field.name, old, slot.value, object);
      if (!changed) continue;
      if (!field.updateable || (ctx.userMode && !ctx.security.fieldAccess(ex, object, field.name).edit))
        blocked.push(field.name);
      else if (field.masterDetail && !field.reparentable)
        fail(row, {
          statusCode: 'FIELD_INTEGRITY_EXCEPTION',
          message: `Field is not writeable: ${object.name}.${field.name}`,
          fields: [field.name]
        });
    }
    if (blocked.length > 0)
      fail(row, {
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: NOT_WRITABLE_MESSAGE(blocked),
        fields: blocked
      });
    if (!ok(row)) continue;
    const record = rowToRecord(object, storedRow);
    const written = copyFields(row.input, record);
    applyUpdateDerivations(ex, record, old, written);
    old.readOnly = true;
    row.old = old;
    row.record = record;
  }
  checkBeforeTriggers(ctx, rows);
  runTriggers(ex, ctx.triggers, object, 'BEFORE_UPDATE', rows.filter(ok));
  collectRecordErrors(rows);
  checkRecords(ctx, object, rows);
  const saving = rows.filter(ok);
  for (const row of saving) {
    const record = row.record as SObject;
    stampAudit(ex, record, false);
    ex.org.database.update(object, record.id as string, recordToRow(object, record));
  }
  markReadOnly(saving, true);
  runTriggers(ex, ctx.triggers, object, 'AFTER_UPDATE', saving);
  collectRecordErrors(saving);
  markReadOnly(saving, false);
}

function sameStored(field: string, old: SObject, value: unknown, object: ObjectDescribe): boolean {
  const describe = object.field(field);
  if (!describe) return false;
  const a = recordToRow(object, withValue(object, field, old.peek(field) ?? null))[describe.name];
  const b = recordToRow(object, withValue(object, field, value))[describe.name];
  return a === b;
}

function withValue(object: ObjectDescribe, field: string, value: unknown): SObject {
  const record = new SObject(object);
  record.set(field, value);
  return record;
}
