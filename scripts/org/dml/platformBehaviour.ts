import { compileFormula } from '../formula';
import type { Execution } from '../interpret/execution';
import { Decimal } from '../interpret/values/numbers';
import type { SObject } from '../interpret/values/sobject';
import { ApexDate, ApexDatetime } from '../interpret/values/temporal';
import { stageNamed } from '../schema/opportunityStages';
import type { FieldDescribe } from '../schema/describe';
import { fieldResolver, formulaType } from './validationRules';

/**
 * What the platform itself writes on save: defaults for blank fields on insert (owner,
 * checkboxes, picklist defaults, default-value formulas, auto-numbers), the audit fields, and
 * the standard objects' derived fields (an opportunity's stage sets IsClosed, IsWon and — unless
 * the same save sets them — Probability and the forecast category; moving the close date to a
 * later month counts a push; a user's Name is first and last name).
 */
export function applyInsertDefaults(ex: Execution, record: SObject): void {
  for (const field of record.type.fields.values()) {
    if (field.calculated || (record.peek(field.name) ?? null) !== null) continue;
    if (field.name === 'OwnerId' && field.referenceTo.includes('User')) {
      record.set('OwnerId', ex.userId);
      continue;
    }
    const value = defaultValue(ex, record, field);
    if (value !== undefined) record.set(field.name, value);
  }
  const name = record.type.field('Name');
  if (name?.autoNumberFormat)
    record.set(
      'Name',
      formatAutoNumber(name.autoNumberFormat, ex.org.database.nextAutoNumber(record.type, 'Name'))
    );
  if (record.type.name === 'User') userDefaults(record);
  if (record.type.name === 'Opportunity') {
    stageDerived(record, null);
    if ((record.peek('PushCount') ?? null) === null) record.set('PushCount', 0);
  }
}

function defaultValue(ex: Execution, record: SObject, field: FieldDescribe): unknown {
  if (field.defaultValueFormula !== undefined) {
    const formula = compileFormula(
      field.defaultValueFormula,
      fieldResolver(ex.org.schema, record.type),
      formulaType(field),
      {
        context: 'defaultValue',
        now: () => new Date(ex.now().ms)
      }
    );
    return fromFormula(field, formula.evaluate({ value: () => null }));
  }
  if (field.type === 'boolean') return false;
  const picklistDefault = field.picklistValues.find((p) => p.isDefault);
  if (picklistDefault) return picklistDefault.value;
  return undefined;
}

function fromFormula(field: FieldDescribe, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'double':
    case 'currency':
    case 'percent':
      return new Decimal(Number(value));
    case 'integer':
    case 'long':
      return Number(value);
    case 'date':
      return ApexDate.parse(String(value));
    case 'datetime':
      return ApexDatetime.parse(String(value));
    default:
      return value;
  }
}

function userDefaults(record: SObject): void {
  record.set('Name', [record.peek('FirstName'), record.peek('LastName')].filter((p) => p).join(' '));
  if ((record.peek('IsActive') ?? null) === null || record.peek('IsActive') === false)
    record.set('IsActive', true);
  record.set('UserType', 'Standard');
}

/** A custom object's text Name left blank by Apex or the API becomes the record's 15-character Id. */
export function defaultNameToId(record: SObject): void {
  const name = record.type.field('Name');
  if (!record.type.custom || !name || name.autoNumberFormat || name.calculated || !record.id) return;
  if ((record.peek('Name') ?? '') === '') record.set('Name', record.id.slice(0, 15));
}

/** `REG-{00000}` with 42 → `REG-00042`. */
export function formatAutoNumber(format: string, value: number): string {
  return format.replace(/\{(0+)\}/, (_m, zeros: string) => String(value).padStart(zeros.length, '0'));
}

export function stampAudit(ex: Execution, record: SObject, inserting: boolean): void {
  const now = ex.now();
  if (inserting) {
    if (record.type.field('CreatedDate')) record.set('CreatedDate', now);
    if (record.type.field('CreatedById')) record.set('CreatedById', ex.userId);
    if (record.type.field('IsDeleted')) record.set('IsDeleted', false);
  }
  if (record.type.field('LastModifiedDate')) record.set('LastModifiedDate', now);
  if (record.type.field('LastModifiedById')) record.set('LastModifiedById', ex.userId);
  if (record.type.field('SystemModstamp')) record.set('SystemModstamp', now);
}

/** Derived fields after an update (old is the stored record, `written` the fields the save set). */
export function applyUpdateDerivations(
  ex: Execution,
  record: SObject,
  old: SObject,
  written: Set<string>
): void {
  if (record.type.name === 'User') userDefaults(record);
  if (record.type.name !== 'Opportunity') return;
  const stage = record.peek('StageName');
  if (stage !== old.peek('StageName')) {
    stageDerived(record, written);
    record.set('LastStageChangeDate', ex.now());
  }
  const close = record.peek('CloseDate');
  const before = old.peek('CloseDate');
  if (close instanceof ApexDate && before instanceof ApexDate && monthIndex(close) > monthIndex(before))
    record.set('PushCount', Number(old.peek('PushCount') ?? 0) + 1);
}

function monthIndex(date: ApexDate): number {
  return date.year() * 12 + date.month();
}

/** IsClosed and IsWon always follow the stage; probability and category unless the save set them. */
function stageDerived(record: SObject, written: Set<string> | null): void {
  const stage = stageNamed(record.peek('StageName'));
  if (!stage) return;
  record.set('IsClosed', stage.closed);
  record.set('IsWon', stage.won);
  const set = (field: string): boolean =>
    written ? written.has(field.toLowerCase()) : (record.peek(field) ?? null) !== null;
  if (!set('Probability')) record.set('Probability', new Decimal(stage.probability));
  if (!set('ForecastCategoryName')) record.set('ForecastCategoryName', stage.forecastCategory);
}
