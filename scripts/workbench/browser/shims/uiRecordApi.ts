import { callApex } from '../apexTransport';

/**
 * `lightning/uiRecordApi` over the workbench's record endpoints: getRecord answers in Lightning
 * Data Service's shape (`fields.X.value`, `displayValue`); updateRecord writes through the same
 * validation as the operations. notifyRecordUpdateAvailable refreshes every
 * getRecord wire showing one of the records, as LDS does.
 */

type FieldRef = string | { fieldApiName: string; objectApiName: string };
interface RecordConfig {
  recordId?: string;
  fields?: FieldRef[];
  optionalFields?: FieldRef[];
  layoutTypes?: string[];
}
interface FieldValue {
  value: unknown;
  displayValue: string | null;
}
export interface RecordRepresentation {
  apiName: string;
  id: string;
  fields: Record<string, FieldValue>;
}

function fieldName(ref: FieldRef): string {
  return typeof ref === 'string' ? ref : `${ref.objectApiName}.${ref.fieldApiName}`;
}

const activeWires = new Set<GetRecordAdapter>();

class GetRecordAdapter {
  private config: RecordConfig | undefined;
  private connected = false;

  constructor(private readonly emit: (value: { data?: RecordRepresentation; error?: unknown }) => void) {}

  connect(): void {
    this.connected = true;
    activeWires.add(this);
    void this.fetch();
  }

  update(config: RecordConfig): void {
    this.config = config;
    void this.fetch();
  }

  disconnect(): void {
    this.connected = false;
    activeWires.delete(this);
  }

  showsRecord(id: string): boolean {
    return this.config?.recordId === id;
  }

  async fetch(): Promise<void> {
    const config = this.config;
    if (!this.connected || !config?.recordId) return;
    const fields = [...(config.fields ?? []), ...(config.optionalFields ?? [])].map(fieldName);
    try {
      const data = (await callApex('ui/getRecord', {
        recordId: config.recordId,
        fields
      })) as RecordRepresentation;
      this.emit({ data, error: undefined });
    } catch (error) {
      this.emit({ data: undefined, error });
    }
  }
}

export const getRecord = GetRecordAdapter;

function fieldOf(record: RecordRepresentation | undefined, ref: FieldRef): FieldValue | undefined {
  const name = typeof ref === 'string' ? ref.split('.').slice(1).join('.') : ref.fieldApiName;
  let current: RecordRepresentation | undefined = record;
  const parts = name.split('.');
  for (let i = 0; i < parts.length - 1; i++)
    current = current?.fields[parts[i]]?.value as RecordRepresentation | undefined;
  return current?.fields[parts[parts.length - 1]];
}

export function getFieldValue(record: RecordRepresentation | undefined, ref: FieldRef): unknown {
  return fieldOf(record, ref)?.value;
}

export function getFieldDisplayValue(
  record: RecordRepresentation | undefined,
  ref: FieldRef
): string | null | undefined {
  return fieldOf(record, ref)?.displayValue;
}

export async function updateRecord(input: {
  fields: Record<string, unknown>;
}): Promise<RecordRepresentation> {
  const record = (await callApex('ui/updateRecord', { fields: input.fields })) as RecordRepresentation;
  await notifyRecordUpdateAvailable([{ recordId: record.id }]);
  return record;
}

export async function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
  const ids = new Set(items.map((item) => item.recordId));
  await Promise.all(
    [...activeWires].filter((wire) => [...ids].some((id) => wire.showsRecord(id))).map((wire) => wire.fetch())
  );
}

/** The older name of notifyRecordUpdateAvailable. */
export function getRecordNotifyChange(items: { recordId: string }[]): void {
  void notifyRecordUpdateAvailable(items);
}
