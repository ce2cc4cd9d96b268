/**
 * Ambient declarations for the platform modules the PSMS components use that
 * `@salesforce/lightning-types` does not declare. No top-level import: a global declaration file.
 * Kept deliberately small — the workbench shims exactly these modules.
 */

declare module '@salesforce/apex' {
  /** Re-provisions an @wire(Apex) result; pass the exact object the wire delivered. */
  export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare module 'lightning/navigation' {
  export interface PageReference {
    type: string;
    attributes?: Record<string, string | undefined>;
    state?: Record<string, string>;
  }
  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;
  export interface NavigationApi {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }
  // Mixins must take `any[]` constructor arguments (TS2545); allowed here, in a declaration file.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Constructor<T = object> = new (...args: any[]) => T;
  export const NavigationMixin: {
    <Base extends Constructor>(base: Base): Base & Constructor<NavigationApi>;
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  };
}

declare module 'lightning/platformShowToastEvent' {
  export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(toast: {
      title: string;
      message?: string;
      variant?: 'info' | 'success' | 'warning' | 'error';
      mode?: string;
    });
  }
}

/** What the LWC tests take from @salesforce/sfdx-lwc-jest inside jest.mock factories. */
interface ApexMockModule {
  createApexTestWireAdapter(fn: jest.Mock): unknown;
}

/** A custom permission the running user holds: `import granted from '@salesforce/customPermission/X'`. */
declare module '@salesforce/customPermission/*' {
  const granted: boolean;
  export default granted;
}

/** Lightning Data Service, for single records (the workbench shims it over its record endpoint). */
declare module 'lightning/uiRecordApi' {
  export interface FieldValueRepresentation {
    value: unknown;
    displayValue: string | null;
  }
  export interface RecordRepresentation {
    apiName: string;
    id: string;
    fields: Record<string, FieldValueRepresentation | undefined>;
  }
  export const getRecord: import('lwc').WireAdapterConstructor<
    { recordId?: string; fields?: string[]; optionalFields?: string[] },
    { data?: RecordRepresentation; error?: unknown }
  >;
  /** Tells LDS these records changed on the server, so every wire showing them reads them again. */
  export function notifyRecordUpdateAvailable(records: { recordId: string }[]): Promise<void>;
}

/** An object's describe and a picklist's values, as Lightning Data Service gives them. */
declare module 'lightning/uiObjectInfoApi' {
  export interface PicklistValue {
    label: string;
    value: string;
  }
  export interface FieldInfo {
    apiName: string;
    label: string;
    dataType: string;
    relationshipName?: string | null;
    referenceToInfos?: { apiName: string }[];
  }
  export interface ObjectInfo {
    apiName: string;
    label: string;
    labelPlural?: string;
    defaultRecordTypeId: string;
    fields: Record<string, FieldInfo | undefined>;
  }
  export const getObjectInfo: import('lwc').WireAdapterConstructor<
    { objectApiName?: string },
    { data?: ObjectInfo; error?: unknown }
  >;
  export const getPicklistValues: import('lwc').WireAdapterConstructor<
    { recordTypeId?: string; fieldApiName?: string },
    { data?: { values: PicklistValue[]; defaultValue: PicklistValue | null }; error?: unknown }
  >;
}
