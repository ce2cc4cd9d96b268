// Presentation component: the deal registration form, controlled by its container; emits `draftchange` per field and `submit`.
import { LightningElement, api } from 'lwc';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_RegistrationForm_Partner';
import LABEL_CUSTOMER from '@salesforce/label/c.PSMS_RegistrationForm_Customer';
import LABEL_DOMAIN from '@salesforce/label/c.PSMS_RegistrationForm_Domain';
import LABEL_PRODUCT_LINE from '@salesforce/label/c.PSMS_RegistrationForm_Product_Line';
import LABEL_AMOUNT from '@salesforce/label/c.PSMS_RegistrationForm_Amount';
import LABEL_CLOSE_DATE from '@salesforce/label/c.PSMS_RegistrationForm_Close_Date';
import LABEL_SUBMIT from '@salesforce/label/c.PSMS_RegistrationForm_Submit';

type Fields = Psms.RegistrationRequest['registration'];
type Field = keyof Fields;

const NUMERIC: ReadonlySet<Field> = new Set<Field>(['Estimated_Amount__c']);

export default class RegistrationForm extends LightningElement {
  @api registration: Fields | null = null;
  @api partnerOptions: { label: string; value: string }[] = [];
  /** The product line field's picklist values (the container reads them from the field). */
  @api productLineOptions: { label: string; value: string }[] = [];
  @api disabled = false;

  readonly labels = {
    partner: LABEL_PARTNER,
    customer: LABEL_CUSTOMER,
    domain: LABEL_DOMAIN,
    productLine: LABEL_PRODUCT_LINE,
    amount: LABEL_AMOUNT,
    closeDate: LABEL_CLOSE_DATE,
    submit: LABEL_SUBMIT
  };

  get fields(): Fields | null {
    return this.registration;
  }

  /** A registration needs a partner and an end customer (a name or a domain) to be keyed. */
  get submitDisabled(): boolean {
    const r = this.registration;
    return (
      this.disabled || !r || !r.Partner_Account__c || !(r.End_Customer_Name__c || r.End_Customer_Domain__c)
    );
  }

  handleChange(event: Event): void {
    const target = event.target as HTMLElement & { value?: string | null };
    const field = target.dataset.field as Field;
    const raw = (event as CustomEvent<{ value?: string }>).detail?.value ?? target.value ?? null;
    let value: string | number | null = raw === '' ? null : raw;
    if (NUMERIC.has(field) && value !== null) {
      value = Number(value);
    }
    this.dispatchEvent(new CustomEvent('draftchange', { detail: { field, value } }));
  }

  handleSubmit(): void {
    this.dispatchEvent(new CustomEvent('submit'));
  }
}
