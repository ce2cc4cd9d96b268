import type { DemoObjectName } from '../../demo/demoOrgTypes';
import type { FieldValue, StoredRecord } from '../db/demoDatabase';
import type { AdapterContext } from './adapterContext';
import { inTransaction, select, selectById, updateRecord } from './recordStore';
import { badRequest, notFound } from './requestError';
import { asBody, optionalString, recordIdOf } from './validateRequest';

/**
 * The Lightning Data Service calls of lightning/uiRecordApi (getRecord, updateRecord), in LDS's
 * record shape, plus the workbench's opportunity picker. Fields the triggers own in the org
 * (registration status and keys, the primary flag) cannot be written this way: the operations
 * that apply the engagement rules are the only path, as the triggers make them in the org.
 */

const OBJECT_BY_PREFIX: Readonly<Record<string, DemoObjectName>> = {
  '001': 'Account',
  '005': 'User',
  '006': 'Opportunity',
  a01: 'Partner_Deal__c',
  a02: 'Deal_Registration__c',
  a03: 'Registration_Dispute__c',
  a04: 'Partner_Account_Plan__c',
  a05: 'Partner_Target__c',
  a06: 'Forecast_Submission__c',
  a07: 'Opportunity_Snapshot__c'
};

const RULE_OWNED_FIELDS = new Set([
  'Id',
  'Status__c',
  'Registration_Key__c',
  'Normalized_Key__c',
  'Is_Primary__c',
  'Primary_Key__c',
  'Conflict_Type__c',
  'Conflicting_Registration__c',
  'Conflicting_Opportunity__c',
  'Expires_On__c',
  'Approved_On__c',
  'Decided_On__c',
  'Extension_Count__c',
  'CreatedDate',
  'External_Id__c'
]);

interface LdsRecord {
  apiName: string;
  id: string;
  fields: Record<string, { value: FieldValue | LdsRecord; displayValue: string | null }>;
}

function objectOf(id: string): DemoObjectName {
  const object = OBJECT_BY_PREFIX[id.slice(0, 3)];
  if (!object) throw notFound(`No record ${id}.`);
  return object;
}

function toLds(
  ctx: AdapterContext,
  object: DemoObjectName,
  record: StoredRecord,
  wanted: string[] | null
): LdsRecord {
  const fields: LdsRecord['fields'] = {};
  const schema = ctx.demo.tables.get(object);
  for (const column of schema?.columns.keys() ?? []) {
    if (wanted === null || wanted.includes(column))
      fields[column] = { value: record[column] ?? null, displayValue: null };
  }
  // `Opportunity.Account.Name`: one level of parent fields, as the components ask for them.
  for (const path of wanted ?? []) {
    const [relationship, field] = path.split('.');
    if (!field) continue;
    const idField = relationship.endsWith('__r') ? relationship.replace(/__r$/, '__c') : `${relationship}Id`;
    const parentId = record[idField];
    if (typeof parentId !== 'string') {
      fields[relationship] = { value: null, displayValue: null };
      continue;
    }
    const parentObject = objectOf(parentId);
    const parent = selectById<StoredRecord>(ctx.demo, parentObject, parentId);
    const existing = fields[relationship]?.value as LdsRecord | undefined;
    const nested = existing ?? { apiName: parentObject, id: parentId, fields: {} };
    nested.fields[field] = { value: parent?.[field] ?? null, displayValue: null };
    fields[relationship] = { value: nested, displayValue: null };
  }
  return { apiName: object, id: String(record.Id), fields };
}

export function getRecordOperation(ctx: AdapterContext, raw: unknown): LdsRecord {
  const body = asBody(raw, ['recordId', 'fields']);
  const recordId = recordIdOf(body, 'recordId');
  if (!Array.isArray(body.fields) || body.fields.some((f) => typeof f !== 'string'))
    throw badRequest('"fields" must be a list of field names.');
  const object = objectOf(recordId);
  const record = selectById<StoredRecord>(ctx.demo, object, recordId);
  if (!record) throw notFound(`No ${object} ${recordId}.`);
  const wanted = (body.fields as string[]).map((f) =>
    f.startsWith(`${object}.`) ? f.slice(object.length + 1) : f
  );
  return toLds(ctx, object, record, wanted.length === 0 ? null : wanted);
}

export function updateRecordOperation(ctx: AdapterContext, raw: unknown): LdsRecord {
  const body = asBody(raw, ['fields']);
  const fields = asBody(body.fields, Object.keys((body.fields ?? {}) as object));
  const id = recordIdOf(fields, 'Id');
  const object = objectOf(id);
  const columns = ctx.demo.tables.get(object)?.columns;
  const changes: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'Id') continue;
    if (!columns?.has(field)) throw badRequest(`${object} has no field ${field}.`);
    if (RULE_OWNED_FIELDS.has(field))
      throw badRequest(`${object}.${field} is set by PSMS's rules; use the PSMS action instead.`);
    const kind = columns.get(field);
    const ok =
      value === null ||
      (kind === 'boolean'
        ? typeof value === 'boolean'
        : kind === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : typeof value === 'string');
    if (!ok)
      throw badRequest(
        `${object}.${field} must be ${kind === 'boolean' ? 'true or false' : kind === 'number' ? 'a number' : 'text'}.`
      );
    changes[field] = value as FieldValue;
  }
  return inTransaction(ctx.demo, () => {
    if (!selectById(ctx.demo, object, id)) throw notFound(`No ${object} ${id}.`);
    return toLds(ctx, object, updateRecord<StoredRecord>(ctx.demo, object, id, changes), null);
  });
}

/** The workbench's "open an opportunity" list: open partner deals first, by name. */
export function listOpportunities(ctx: AdapterContext, raw: unknown): { Id: string; Name?: string }[] {
  const term = optionalString(asBody(raw, ['term']), 'term', 80) ?? '';
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return select<{ Id: string; Name?: string }>(
    ctx.demo,
    'Opportunity',
    "Name LIKE ? ESCAPE '\\'",
    [pattern],
    'IsClosed, EXISTS (SELECT 1 FROM Partner_Deal__c d WHERE d.Opportunity__c = Opportunity.Id) DESC, Name LIMIT 25'
  ).map((o) => ({ Id: o.Id, Name: o.Name }));
}
