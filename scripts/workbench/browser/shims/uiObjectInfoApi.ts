import { OBJECT_INFOS } from 'wb/objectInfoData';

/**
 * `lightning/uiObjectInfoApi` for the workbench: getObjectInfo and getPicklistValues answer from
 * the object descriptions the build generated from force-app's metadata (build/objectInfoSource.ts),
 * in Lightning Data Service's shape. There is one record type, the master one.
 */

const MASTER_RECORD_TYPE = '012000000000000AAA';

type Emit = (value: { data?: unknown; error?: unknown }) => void;

function describe(objectApiName: string | undefined) {
  const info = objectApiName ? OBJECT_INFOS[objectApiName] : undefined;
  return info ? { ...info, defaultRecordTypeId: MASTER_RECORD_TYPE, picklists: undefined } : undefined;
}

function fieldName(ref: unknown): [string, string] | undefined {
  if (typeof ref === 'string') {
    const [object, field] = ref.split('.');
    return object && field ? [object, field] : undefined;
  }
  if (ref && typeof ref === 'object' && 'objectApiName' in ref && 'fieldApiName' in ref) {
    return [String(ref.objectApiName), String(ref.fieldApiName)];
  }
  return undefined;
}

class GetObjectInfoAdapter {
  private connected = false;
  private config: { objectApiName?: unknown } | undefined;

  constructor(private readonly emit: Emit) {}

  connect(): void {
    this.connected = true;
    this.answer();
  }

  update(config: { objectApiName?: unknown }): void {
    this.config = config;
    this.answer();
  }

  disconnect(): void {
    this.connected = false;
  }

  private answer(): void {
    const name = this.config?.objectApiName;
    if (!this.connected || !name) return;
    const objectApiName =
      typeof name === 'string' ? name : String((name as { objectApiName?: string }).objectApiName ?? '');
    const data = describe(objectApiName);
    this.emit(
      data
        ? { data, error: undefined }
        : { data: undefined, error: { body: { message: `No object ${objectApiName}.` } } }
    );
  }
}

class GetPicklistValuesAdapter {
  private connected = false;
  private config: { recordTypeId?: string; fieldApiName?: unknown } | undefined;

  constructor(private readonly emit: Emit) {}

  connect(): void {
    this.connected = true;
    this.answer();
  }

  update(config: { recordTypeId?: string; fieldApiName?: unknown }): void {
    this.config = config;
    this.answer();
  }

  disconnect(): void {
    this.connected = false;
  }

  private answer(): void {
    const field = fieldName(this.config?.fieldApiName);
    if (!this.connected || !this.config?.recordTypeId || !field) return;
    const values = OBJECT_INFOS[field[0]]?.picklists[field[1]];
    this.emit(
      values
        ? { data: { values, defaultValue: null, controllerValues: {} }, error: undefined }
        : { data: undefined, error: { body: { message: `No picklist ${field.join('.')}.` } } }
    );
  }
}

export const getObjectInfo = GetObjectInfoAdapter;
export const getPicklistValues = GetPicklistValuesAdapter;
