import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataModel, type FieldInfo } from '../../lib/forceAppModel';
import { readMetadataFile, children, text } from '../../lib/metadataXml';
import { DEMO_OBJECT_ORDER, type DemoObjectName } from '../../demo/demoOrgTypes';
import { STANDARD_FIELDS } from './standardFields';

/**
 * The demo org's tables, derived from the package's object metadata (custom objects and
 * fields via loadDataModel) plus the declared standard fields: a field added in force-app is a
 * column here on the next `npm start -- --reset`, with no hand-written DDL to forget.
 */

export type ColumnKind = 'text' | 'number' | 'boolean';

export interface TableSchema {
  name: DemoObjectName;
  columns: Map<string, ColumnKind>;
  /** Unique fields (the database enforces them as the org does); `noCase` when case-insensitive. */
  unique: { column: string; noCase: boolean }[];
  /** Lookups and the date/period columns the operations filter on: plain indexes. */
  indexed: string[];
  /** `REG-{00000}` for an auto-number Name field. */
  autoNumberFormat?: string;
}

const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent']);

function kindOf(field: FieldInfo): ColumnKind {
  if (field.type === 'Checkbox') return 'boolean';
  return NUMBER_TYPES.has(field.type) ? 'number' : 'text';
}

export function loadTableSchemas(forceAppDir: string): TableSchema[] {
  const model = loadDataModel(forceAppDir);
  return DEMO_OBJECT_ORDER.map((name) => {
    const columns = new Map<string, ColumnKind>([['Id', 'text']]);
    const unique: TableSchema['unique'] = [];
    const indexed = ['CloseDate', 'AccountId', 'OwnerId'].filter((c) => STANDARD_FIELDS[name]?.[c]);
    for (const [field, kind] of Object.entries(STANDARD_FIELDS[name] ?? {})) columns.set(field, kind);
    const object = model.object(name);
    for (const field of object?.fields.values() ?? []) {
      if (field.name === 'Id') continue;
      columns.set(field.name, field.implicit ? (columns.get(field.name) ?? 'text') : kindOf(field));
      if (field.unique) unique.push({ column: field.name, noCase: !field.caseSensitive });
      else if (field.type === 'Lookup' || field.type === 'MasterDetail' || field.name === 'Period__c')
        indexed.push(field.name);
    }
    if (name === 'User') unique.push({ column: 'External_Id__c', noCase: true });
    if (!object?.declared && !STANDARD_FIELDS[name]) throw new Error(`force-app declares no object ${name}`);
    return { name, columns, unique, indexed, autoNumberFormat: autoNumberFormat(forceAppDir, name) };
  });
}

function autoNumberFormat(forceAppDir: string, name: string): string | undefined {
  const file = join(forceAppDir, 'main', 'default', 'objects', name, `${name}.object-meta.xml`);
  if (!existsSync(file)) return undefined;
  const nameField = children(readMetadataFile(file, 'CustomObject'), 'nameField')[0];
  return nameField && text(nameField, 'type') === 'AutoNumber' ? text(nameField, 'displayFormat') : undefined;
}

/** `REG-{00000}` with 42 → `REG-00042`. */
export function formatAutoNumber(format: string, value: number): string {
  return format.replace(/\{(0+)\}/, (_match, zeros: string) => String(value).padStart(zeros.length, '0'));
}

export function createTableSql(table: TableSchema): string[] {
  const columns = [...table.columns].map(([column, kind]) =>
    column === 'Id'
      ? 'Id TEXT PRIMARY KEY'
      : `${column} ${kind === 'text' ? 'TEXT' : kind === 'number' ? 'REAL' : 'INTEGER'}`
  );
  return [
    `CREATE TABLE ${table.name} (${columns.join(', ')})`,
    ...table.unique.map(
      (u) =>
        `CREATE UNIQUE INDEX ${table.name}_${u.column}_unique ON ${table.name} (${u.column}${u.noCase ? ' COLLATE NOCASE' : ''})`
    ),
    ...table.indexed.map((column) => `CREATE INDEX ${table.name}_${column} ON ${table.name} (${column})`)
  ];
}
