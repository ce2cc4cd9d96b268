import { OrgDatabase } from '../../../database/orgDatabase';
import type { SqlValue } from '../../../database/storage';
import { ApexDate } from '../../../interpret/values/temporal';
import type { SObject } from '../../../interpret/values/sobject';
import type { FieldDescribe, ObjectDescribe } from '../../../schema/describe';
import { auditFields, field, idField, ownerField, picklist, reference } from '../../../schema/fieldBuilder';
import { loadOrgSchema, OrgSchema } from '../../../schema/orgSchema';
import { describeObject } from '../../../schema/packageObjects';
import { parseSoql } from '../../parseSoql';
import type { QueryEnvironment } from '../../queryEnvironment';
import { runQuery, type QueryResult } from '../../runQuery';

/**
 * A small org for the SOQL engine's tests: the platform's standard objects plus two generic
 * custom objects (a Project__c under Account, and its Milestone__c details) with one field of
 * each kind the engine treats differently, in an in-memory database.
 */
function custom(described: FieldDescribe): FieldDescribe {
  return { ...described, custom: true };
}

/** A generic custom object, readable and writable by all (its label is its name). */
export function customObject(name: string, keyPrefix: string, fields: FieldDescribe[]): ObjectDescribe {
  return describeObject({
    name,
    label: name,
    labelPlural: name,
    keyPrefix,
    custom: true,
    customMetadata: false,
    setup: false,
    queryable: true,
    createable: true,
    updateable: true,
    deletable: true,
    sharingModel: 'ReadWrite',
    sharingReasons: [],
    fields,
    validationRules: []
  });
}

const PROJECT = customObject('Project__c', 'a00', [
  idField(),
  field('Name', 'string', { length: 80, nameField: true }),
  ownerField(),
  ...auditFields(),
  custom(reference('Account__c', 'Account', 'Account__r', { children: 'Projects__r' })),
  custom(reference('Sponsor__c', 'User', 'Sponsor__r')),
  // Not alphabetical: SOQL sorts a picklist in its defined order.
  custom(picklist('Status__c', ['Planned', 'Active', 'Done'])),
  custom(field('Budget__c', 'currency', { precision: 18, scale: 2 })),
  custom(field('Hours__c', 'double', { precision: 18, scale: 1 })),
  custom(field('Seats__c', 'integer')),
  custom(field('Start_Date__c', 'date')),
  custom(field('Kickoff__c', 'datetime')),
  custom(field('Active__c', 'boolean', { defaultedOnCreate: true })),
  {
    ...custom(field('Tags__c', 'multipicklist')),
    picklistValues: ['Red', 'Green', 'Blue'].map((v) => ({
      value: v,
      label: v,
      isDefault: false,
      isActive: true
    }))
  },
  custom(field('Code__c', 'string', { length: 20, unique: true, caseSensitive: true })),
  custom(field('Title__c', 'string', { length: 80 })),
  custom(field('Notes__c', 'textarea', { length: 32000 })),
  { ...custom(field('Score__c', 'double', { readOnly: true })), calculated: true, formula: 'Hours__c * 2' },
  {
    ...custom(field('Label__c', 'string', { readOnly: true })),
    calculated: true,
    formula: 'Name & " at " & Account__r.Name & IF(Active__c, " (active)", "")'
  }
]);

const MILESTONE = customObject('Milestone__c', 'a01', [
  idField(),
  field('Name', 'string', { length: 80, nameField: true }),
  ...auditFields(),
  {
    ...custom(
      reference('Project__c', 'Project__c', 'Project__r', { children: 'Milestones__r', required: true })
    ),
    masterDetail: true
  },
  custom(field('Due_Date__c', 'date')),
  custom(field('Done__c', 'boolean', { defaultedOnCreate: true })),
  custom(field('Weight__c', 'double'))
]);

let schema: OrgSchema | undefined;

export function testSchema(): OrgSchema {
  if (!schema) {
    // Statuses as labels differ from their values, so toLabel() has something to show.
    const status = PROJECT.fields.get('status__c') as FieldDescribe;
    status.picklistValues = status.picklistValues.map((v) => ({ ...v, label: `${v.value} (label)` }));
    schema = new OrgSchema([...loadOrgSchema([]).objects(), PROJECT, MILESTONE]);
  }
  return schema;
}

export class TestOrg {
  readonly database: OrgDatabase;
  readonly counts = { queries: 0, rows: [] as number[] };
  readonly binds = new Map<string, unknown>();
  today = ApexDate.of(2024, 5, 15);
  fiscalYearStartMonth = 1;
  userMode = false;
  sharing = false;
  unreadable = new Set<string>();
  visibility: (object: ObjectDescribe, alias: string) => { sql: string; params: SqlValue[] } | null = () =>
    null;

  constructor(readonly schema: OrgSchema = testSchema()) {
    this.database = OrgDatabase.open(schema, { path: ':memory:' });
  }

  object(name: string): ObjectDescribe {
    const object = this.schema.object(name);
    if (!object) throw new Error(`no object ${name}`);
    return object;
  }

  /** Inserts rows (stored encodings) with fresh ids; returns the ids in order. */
  insert(objectName: string, rows: Record<string, SqlValue>[]): string[] {
    const object = this.object(objectName);
    const ids = this.database.allocateIds(object, rows.length);
    this.database.insert(
      object,
      rows.map((row, i) => ({ IsDeleted: object.field('IsDeleted') ? 0 : null, ...row, Id: ids[i] }))
    );
    return ids;
  }

  bind(values: Record<string, unknown>): this {
    for (const [name, value] of Object.entries(values)) this.binds.set(name, value);
    return this;
  }

  environment(): QueryEnvironment {
    return {
      schema: this.schema,
      database: this.database,
      bind: (name) => {
        if (!this.binds.has(name)) throw new Error(`unbound :${name}`);
        return this.binds.get(name);
      },
      today: this.today,
      fiscalYearStartMonth: this.fiscalYearStartMonth,
      userId: '005000000000001AAA',
      access: {
        userMode: this.userMode,
        sharing: this.sharing,
        canReadObject: (object) => !this.unreadable.has(object.name),
        canReadField: (object, name) => !this.unreadable.has(`${object.name}.${name}`),
        visibility: (object, alias) => this.visibility(object, alias)
      },
      limits: {
        countQuery: () => {
          this.counts.queries++;
        },
        countRows: (n) => {
          this.counts.rows.push(n);
        }
      }
    };
  }

  run(soql: string): QueryResult {
    return runQuery(parseSoql(soql), this.environment());
  }

  records(soql: string): SObject[] {
    const result = this.run(soql);
    if (result.kind !== 'records') throw new Error(`expected records, got ${result.kind}`);
    return result.records;
  }

  rows(soql: string): SObject[] {
    const result = this.run(soql);
    if (result.kind !== 'aggregate') throw new Error(`expected aggregate rows, got ${result.kind}`);
    return result.rows;
  }

  count(soql: string): number {
    const result = this.run(soql);
    if (result.kind !== 'count') throw new Error(`expected a count, got ${result.kind}`);
    return result.count;
  }

  /** The values of one field over the records, in order. */
  values(soql: string, field: string): unknown[] {
    return this.records(soql).map((r) => r.peek(field));
  }

  close(): void {
    this.database.close();
  }
}
