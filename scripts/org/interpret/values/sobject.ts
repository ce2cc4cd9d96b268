import type { FieldDescribe, ObjectDescribe } from '../../schema/describe';
import { keyOf, type KeyedValue } from './collections';

/**
 * An SObject record in memory. Fields are looked up case-insensitively and remember the case
 * they were first written in (getPopulatedFieldsAsMap and JSON use it). A record that came from
 * SOQL knows which fields were retrieved: reading another one is the platform's SObjectException,
 * not a silent null. Parent records (`Account`) and child lists (`Partner_Deals__r`) live in
 * the same map under their relationship names.
 */
export interface FieldSlot {
  name: string;
  value: unknown;
}

export interface RecordError {
  /** The field the error is attached to (`field.addError`), or undefined for the record. */
  field?: string;
  message: string;
}

export class SObject implements KeyedValue {
  readonly slots = new Map<string, FieldSlot>();
  /** Set for records read by SOQL: reading a field outside it throws. */
  retrieved = false;
  /** Errors added in a trigger (addError); the DML engine turns them into failures. */
  errors: RecordError[] = [];
  /** Trigger.old, and Trigger.new in after triggers: field writes throw. */
  readOnly = false;

  constructor(readonly type: ObjectDescribe) {}

  has(name: string): boolean {
    return this.slots.has(name.toLowerCase());
  }

  /** The value, or undefined when the field was never set nor retrieved. */
  peek(name: string): unknown {
    return this.slots.get(name.toLowerCase())?.value;
  }

  set(name: string, value: unknown): void {
    const key = name.toLowerCase();
    const slot = this.slots.get(key);
    if (slot) slot.value = value;
    else this.slots.set(key, { name: this.declaredName(name), value });
  }

  unset(name: string): void {
    this.slots.delete(name.toLowerCase());
  }

  /** The field's declared API name when the object knows it, else the name as written. */
  private declaredName(name: string): string {
    return this.type.fields.get(name.toLowerCase())?.name ?? name;
  }

  field(name: string): FieldDescribe | undefined {
    return this.type.fields.get(name.toLowerCase());
  }

  get id(): string | null {
    return (this.peek('Id') as string | null | undefined) ?? null;
  }

  populated(): FieldSlot[] {
    return [...this.slots.values()];
  }

  /** Two SObjects are equal as keys when they have the same type and the same field values. */
  collectionKey(): unknown {
    const parts = [...this.slots.entries()]
      .filter(([, slot]) => !(slot.value instanceof SObject))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, slot]) => [key, keyOf(slot.value)]);
    return `sobject:${this.type.name}:${JSON.stringify(parts)}`;
  }
}
