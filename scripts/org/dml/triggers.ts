import type { TriggerDecl } from '../parse/ast';
import { PlatformError } from '../platformError';
import { ApexThrow } from '../interpret/apexThrow';
import type { Execution } from '../interpret/execution';
import type { TriggerContext, TriggerOperation } from '../interpret/triggerContext';
import { ApexList, ApexMap } from '../interpret/values/collections';
import type { SObject } from '../interpret/values/sobject';
import type { DmlRowError } from '../orgServices';
import type { ObjectDescribe } from '../schema/describe';

/**
 * Runs an object's triggers for one event over the records of a DML batch, in chunks of 200 as
 * the platform does (so a trigger's queries run once per 200 records). An unhandled exception in
 * a trigger fails every record of the chunk with CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY and the
 * Apex stack trace in the message; a limit exception ends the transaction.
 */
export interface PackageTrigger {
  decl: TriggerDecl;
  file: string;
}

const MAX_TRIGGER_DEPTH = 16;

const EVENT_NAMES: Record<TriggerOperation, string> = {
  BEFORE_INSERT: 'BeforeInsert',
  BEFORE_UPDATE: 'BeforeUpdate',
  BEFORE_DELETE: 'BeforeDelete',
  AFTER_INSERT: 'AfterInsert',
  AFTER_UPDATE: 'AfterUpdate',
  AFTER_DELETE: 'AfterDelete',
  AFTER_UNDELETE: 'AfterUndelete'
};

export interface TriggerRow {
  record: SObject | null;
  old: SObject | null;
  errors: DmlRowError[];
}

export function runTriggers(
  ex: Execution,
  triggers: PackageTrigger[],
  object: ObjectDescribe,
  operation: TriggerOperation,
  rows: TriggerRow[]
): void {
  const event = operation.toLowerCase().replace('_', ' ');
  const matching = triggers.filter((t) => t.decl.events.includes(event));
  if (matching.length === 0 || rows.length === 0) return;
  if (ex.triggers.length >= MAX_TRIGGER_DEPTH)
    throw new PlatformError('System.LimitException', 'Maximum trigger depth exceeded');
  const element = { kind: 'sobject' as const, object };
  const idType = { kind: 'primitive' as const, name: 'Id' as const };
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const newRecords = chunk.map((r) => r.record).filter((r): r is SObject => r !== null);
    const oldRecords = chunk.map((r) => r.old).filter((r): r is SObject => r !== null);
    const hasNew = operation !== 'BEFORE_DELETE' && operation !== 'AFTER_DELETE';
    const hasOld = operation.endsWith('UPDATE') || operation.endsWith('DELETE');
    const mapOf = (records: SObject[]): ApexMap => {
      const map = new ApexMap(idType, element);
      for (const record of records) map.put(record.id, record);
      return map;
    };
    const context: TriggerContext = {
      object,
      operation,
      newList: hasNew ? new ApexList(element, newRecords) : null,
      newMap: hasNew && operation !== 'BEFORE_INSERT' ? mapOf(newRecords) : null,
      oldList: hasOld ? new ApexList(element, oldRecords) : null,
      oldMap: hasOld ? mapOf(oldRecords) : null,
      size: chunk.length
    };
    ex.triggers.push(context);
    try {
      runChunk(ex, matching, operation, chunk);
    } finally {
      ex.triggers.pop();
    }
  }
}

function runChunk(
  ex: Execution,
  matching: PackageTrigger[],
  operation: TriggerOperation,
  chunk: TriggerRow[]
): void {
  for (const trigger of matching) {
    const body = ex.org.compiler.trigger(trigger.decl, trigger.file);
    try {
      ex.runBody(`Trigger.${trigger.decl.name}`, null, null, false, body, [], trigger.decl.line);
    } catch (error) {
      if (error instanceof PlatformError && error.exceptionType === 'System.LimitException') throw error;
      if (!(error instanceof PlatformError) && !(error instanceof ApexThrow)) throw error;
      const thrown = ex.toApexThrow(error);
      if (thrown.typeName === 'System.LimitException') throw thrown;
      const message = `${trigger.decl.name}: execution of ${EVENT_NAMES[operation]}\n\ncaused by: ${thrown.typeName}: ${thrown.apexMessage}\n\n${triggerStack(thrown.apexStackTrace, trigger.decl.name)}`;
      for (const row of chunk)
        row.errors.push({ statusCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', message, fields: [] });
      return;
    }
  }
}

/** The stack a trigger failure reports ends at the trigger: the code that ran the DML is not part of it. */
function triggerStack(stack: string, trigger: string): string {
  const lines = stack.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`Trigger.${trigger}:`));
  return (at < 0 ? lines : lines.slice(0, at + 1)).join('\n');
}
