import type { ObjectDescribe } from '../schema/describe';
import type { ApexList, ApexMap } from './values/collections';

/**
 * What `Trigger.*` answers inside a trigger: the object, the event, and the records of the
 * current DML batch (Trigger.new is the records being saved; in before triggers its field
 * changes are saved with them).
 */
export type TriggerOperation =
  | 'BEFORE_INSERT'
  | 'BEFORE_UPDATE'
  | 'BEFORE_DELETE'
  | 'AFTER_INSERT'
  | 'AFTER_UPDATE'
  | 'AFTER_DELETE'
  | 'AFTER_UNDELETE';

export interface TriggerContext {
  object: ObjectDescribe;
  operation: TriggerOperation;
  newList: ApexList | null;
  newMap: ApexMap | null;
  oldList: ApexList | null;
  oldMap: ApexMap | null;
  size: number;
}
