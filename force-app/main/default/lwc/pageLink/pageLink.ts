// Presentation component: a real link (href for keyboard, new tab and screen readers) to a record or a PSMS page, navigated through the platform. A record link without a label shows the record's name, never its id; a record the user may not open is named by its object, as text.
import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';

export default class PageLink extends NavigationMixin(LightningElement) {
  /** The record to open; or give `pageName` (a tab's API name) instead. */
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;
  @api pageName: string | undefined;
  @api label: string | undefined;

  url = '#';
  loadedName: string | undefined;
  objectLabel: string | undefined;
  /** The user may not open the record (Lightning Data Service refused it): named, not linked. */
  unreadable = false;

  private fieldsFor: string | undefined;
  private fields: string[] | undefined;

  /**
   * Only when no label was given: the record's Name, through Lightning Data Service (cached,
   * shared). The same array while the object is the same: a new one would be a new wire request.
   */
  get nameFields(): string[] | undefined {
    if (this.label || !this.recordId || !this.objectApiName) {
      return undefined;
    }
    if (this.fieldsFor !== this.objectApiName) {
      this.fieldsFor = this.objectApiName;
      this.fields = [`${this.objectApiName}.Name`];
    }
    return this.fields;
  }

  get nameRecordId(): string | undefined {
    return this.nameFields ? this.recordId : undefined;
  }

  @wire(getRecord, { recordId: '$nameRecordId', optionalFields: '$nameFields' })
  wiredName({
    data,
    error
  }: {
    data?: { fields: Record<string, { value: unknown } | undefined> };
    error?: unknown;
  }): void {
    const name = data?.fields.Name?.value;
    this.loadedName = typeof name === 'string' && name !== '' ? name : undefined;
    // Another team's registration, say: a link would open a page that refuses the user.
    this.unreadable = error !== undefined && error !== null;
  }

  get isLink(): boolean {
    return !this.unreadable;
  }

  /** Only while neither a label nor the record's name is known: the object's label ("Deal Registration"). */
  get objectToDescribe(): string | undefined {
    return this.nameFields && !this.loadedName ? this.objectApiName : undefined;
  }

  @wire(getObjectInfo, { objectApiName: '$objectToDescribe' })
  wiredObject({ data }: { data?: { label: string } }): void {
    this.objectLabel = data?.label;
  }

  get text(): string {
    return this.label || this.loadedName || this.objectLabel || '';
  }

  /** A link with no words to read is not drawn: never an empty link, never a raw id. */
  get hasText(): boolean {
    return this.text !== '';
  }

  get pageReference(): PageReference {
    if (this.pageName) {
      return { type: 'standard__navItemPage', attributes: { apiName: this.pageName } };
    }
    return {
      type: 'standard__recordPage',
      attributes: { recordId: this.recordId, objectApiName: this.objectApiName, actionName: 'view' }
    };
  }

  override connectedCallback(): void {
    this[NavigationMixin.GenerateUrl](this.pageReference).then((url) => {
      this.url = url;
    });
  }

  navigate(event: Event): void {
    // Keep the platform's in-app navigation (console tabs, mobile) instead of a full page load.
    event.preventDefault();
    event.stopPropagation();
    this[NavigationMixin.Navigate](this.pageReference);
  }
}
