import { LightningElement, api, wire } from 'lwc';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { RECORD_COMPONENTS } from 'wb/pageRegistry';
import { callApex } from '../../../apexTransport';
import { hashFor, routeFor } from '../../../workbenchRoutes';

// Container: a record page as Lightning draws one — the object and the record's name, a
// highlights strip, the details in two columns with field labels and formatted values (a lookup
// is a link to the record it names), system information, and the PSMS components exposed on
// this object's record pages. The record comes from the org through ui/getRecord (only what the
// signed-in user may see); labels and types from lightning/uiObjectInfoApi.

interface UiField {
  value: unknown;
  displayValue: string | null;
}
interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, UiField | undefined>;
}
interface FieldDescribe {
  apiName: string;
  label: string;
  dataType: string;
  relationshipName?: string | null;
  referenceToInfos?: { apiName: string }[];
}
interface ObjectDescribe {
  apiName: string;
  label: string;
  fields: Record<string, FieldDescribe | undefined>;
}
interface LoadedComponent {
  key: string;
  ctor: unknown;
}

/** The highlights strip of each object, as a compact layout would set it. */
const HIGHLIGHTS: Readonly<Record<string, readonly string[]>> = {
  Opportunity: ['AccountId', 'CloseDate', 'Amount', 'StageName', 'OwnerId'],
  Account: ['Partner_Status__c', 'Partner_Tier__c', 'Partner_Region__c', 'OwnerId'],
  Deal_Registration__c: ['Partner_Account__c', 'Status__c', 'Estimated_Amount__c', 'Expires_On__c'],
  Registration_Dispute__c: ['Deal_Registration__c', 'Status__c', 'Resolution__c', 'Raised_By__c'],
  Partner_Deal__c: ['Opportunity__c', 'Partner_Account__c', 'Role__c', 'Is_Primary__c']
};
const SYSTEM = ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById'];
/** Plumbing no layout shows: ids, keys kept for uniqueness, the integration key. */
const HIDDEN = /^(Id|IsDeleted|SystemModstamp|LastViewedDate|LastReferencedDate|External_Id__c|.*_Key__c)$/;
const ICONS: Readonly<Record<string, string>> = {
  Opportunity: 'standard:opportunity',
  Account: 'standard:account',
  User: 'standard:user',
  Deal_Registration__c: 'standard:approval',
  Registration_Dispute__c: 'standard:case',
  Partner_Deal__c: 'standard:partners'
};

function money(value: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value);
}

export default class RecordPage extends LightningElement {
  @api recordId: string | undefined;

  record: UiRecord | undefined;
  info: ObjectDescribe | undefined;
  components: LoadedComponent[] = [];
  loadError = '';
  private loadedFor: string | undefined;
  private namesFor: string | undefined;

  get objectApiName(): string | undefined {
    return this.record?.apiName;
  }

  @wire(getObjectInfo, { objectApiName: '$objectApiName' })
  wiredInfo({ data }: { data?: ObjectDescribe }): void {
    this.info = data;
    // Once per record: the names' read changes the record, which re-evaluates this wire's config.
    if (data && this.record && this.namesFor !== this.record.id) {
      this.namesFor = this.record.id;
      void this.loadNames();
    }
  }

  override connectedCallback(): void {
    void this.load();
  }

  override renderedCallback(): void {
    if (this.recordId !== this.loadedFor) void this.load();
  }

  private async load(): Promise<void> {
    const recordId = this.recordId;
    if (!recordId || recordId === this.loadedFor) return;
    this.loadedFor = recordId;
    this.loadError = '';
    // Another record: the last one's panels must not be handed this record's id.
    this.components = [];
    this.record = undefined;
    this.info = undefined;
    try {
      // Every field the user may read; the lookups' names come with the second read.
      this.record = (await callApex('ui/getRecord', { recordId, fields: [] })) as UiRecord;
      const components = RECORD_COMPONENTS[this.record.apiName] ?? [];
      this.components = await Promise.all(
        components.map(async (c) => ({ key: `${recordId}-${c.name}`, ctor: (await c.load()).default }))
      );
    } catch (error) {
      this.loadError = (error as { body?: { message?: string } }).body?.message ?? String(error);
    }
  }

  /** The name of every record a lookup points at, through the relationship, as LDS reads it. */
  private async loadNames(): Promise<void> {
    const record = this.record;
    const info = this.info;
    if (!record || !info) return;
    const paths = Object.values(info.fields)
      .filter(
        (field): field is FieldDescribe =>
          !!field && field.dataType === 'Reference' && !!field.relationshipName
      )
      .filter((field) => record.fields[field.apiName]?.value)
      .map((field) => `${record.apiName}.${field.relationshipName}.Name`);
    if (paths.length === 0) return;
    try {
      const names = (await callApex('ui/getRecord', { recordId: record.id, fields: paths })) as UiRecord;
      this.record = { ...record, fields: { ...record.fields, ...names.fields } };
    } catch {
      // A lookup the user may not follow keeps its plain value: the page itself still reads.
    }
  }

  get hasRecord(): boolean {
    return this.record !== undefined;
  }

  get objectLabel(): string {
    return this.info?.label ?? this.record?.apiName ?? '';
  }

  get icon(): string {
    return ICONS[this.record?.apiName ?? ''] ?? 'standard:record';
  }

  get recordTitle(): string {
    const name = this.record?.fields.Name?.value;
    return typeof name === 'string' && name !== '' ? name : this.objectLabel;
  }

  private view(apiName: string) {
    const record = this.record as UiRecord;
    const field = this.info?.fields[apiName];
    const raw = record.fields[apiName]?.value;
    const base = {
      key: apiName,
      label: field?.label ?? apiName,
      text: '',
      isLink: false,
      href: ''
    };
    if (raw === null || raw === undefined || raw === '') return base;
    switch (field?.dataType) {
      case 'Reference': {
        const parent = field.relationshipName ? record.fields[field.relationshipName] : undefined;
        const name = parent?.displayValue ?? '';
        const target = field.referenceToInfos?.[0]?.apiName;
        return {
          ...base,
          // Named, never shown by its id.
          text: name || 'View record',
          isLink: true,
          href: hashFor(
            routeFor({
              type: 'standard__recordPage',
              attributes: { recordId: String(raw), objectApiName: target ?? '' }
            })
          )
        };
      }
      case 'Currency':
      case 'Double':
        return { ...base, text: money(Number(raw)) };
      case 'Percent':
        return { ...base, text: `${money(Number(raw))}%` };
      case 'Boolean':
        return { ...base, text: raw === true || raw === 1 ? 'Yes' : 'No' };
      case 'DateTime':
        return { ...base, text: `${String(raw).slice(0, 10)} ${String(raw).slice(11, 16)} UTC` };
      default:
        return { ...base, text: String(raw) };
    }
  }

  get highlights() {
    const apiName = this.record?.apiName ?? '';
    const wanted = HIGHLIGHTS[apiName] ?? [];
    return wanted.filter((name) => this.info?.fields[name]).map((name) => this.view(name));
  }

  /** Every other field the user may read, in the object's own order, labelled. */
  get details() {
    const record = this.record;
    if (!record) return [];
    const names = Object.keys(this.info?.fields ?? {}).filter(
      (name) => !HIDDEN.test(name) && !SYSTEM.includes(name) && name !== 'Name' && name in record.fields
    );
    return names.map((name) => this.view(name)).sort((a, b) => a.label.localeCompare(b.label));
  }

  get system() {
    const record = this.record;
    if (!record) return [];
    return SYSTEM.filter((name) => name in record.fields && this.info?.fields[name]).map((name) =>
      this.view(name)
    );
  }

  get hasComponents(): boolean {
    return this.components.length > 0;
  }
}
