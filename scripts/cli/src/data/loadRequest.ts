import type { CustomMetadataRecord } from '../../../lib/customMetadataRecords';
import { uniqueKeyOf, type ObjectName } from './schema';

/**
 * What a report asks a data source for: one object, the fields it reads and the rows in scope.
 * The scope is expressed once and applied by each adapter in its own way (a SOQL WHERE clause
 * for an org, a row filter for an export), so both give a report the same rows.
 */

export type Condition =
  /** An ISO date within [from, to]. */
  | { field: string; op: 'between'; from: string; to: string }
  | { field: string; op: 'in'; values: readonly string[] }
  | { field: string; op: 'is'; value: boolean }
  | { field: string; op: 'notBlank' };

export interface LoadRequest {
  object: ObjectName;
  fields: readonly string[];
  where?: readonly Condition[];
  /** The report can do without this object (labels only): a missing file gives no rows, not an error. */
  optional?: boolean;
  /**
   * False when the report folds each record in and drops it: repeated text is then not looked
   * up to be stored once (that saves memory only for records that are kept), and a reader may
   * hand on one record object refilled for every row (keep its values, never the object).
   */
  kept?: boolean;
}

export type FieldValue = string | number | boolean | null;
export type RawRecord = Record<string, FieldValue>;
export type OnRecord = (record: RawRecord, key?: Float64Array) => void;

export interface DataSource {
  /** For messages: the export folder or the org. */
  readonly description: string;
  /** Organization.FiscalYearStartMonth of an org; undefined for an export. */
  orgFiscalYearStartMonth(): Promise<number | undefined>;
  /** An org's PSMS settings records by type (without `__mdt`); undefined for an export (package defaults). */
  settingsRecords(): Promise<ReadonlyMap<string, CustomMetadataRecord[]> | undefined>;
  /**
   * Each row in scope, typed per the schema, handed over as it is read (none for a missing
   * optional object): a report that folds rows as they come never holds them all in memory.
   * `key`, when the reader has it: the digits of the record's key id (recordId.ts), valid
   * during the call only (IdMap.byDigits finds the id by them without its text).
   */
  each(request: LoadRequest, onRecord: OnRecord): Promise<void>;
  /** Ends what the source started to read (the export reader's threads); called once the report has its data. */
  close?(): Promise<void>;
}

/**
 * The fields to read: the ones asked for, those the scope tests, and the row's key (its Id),
 * which every load checks for duplicated rows.
 */
export function fieldsToRead(request: LoadRequest): string[] {
  const fields = [...request.fields];
  for (const field of [...(request.where ?? []).map((c) => c.field), ...uniqueKeyOf(request.object)]) {
    if (!fields.includes(field)) fields.push(field);
  }
  return fields;
}
