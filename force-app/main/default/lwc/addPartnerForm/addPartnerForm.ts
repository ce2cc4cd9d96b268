// Presentation component: find a partner account and add it to the deal; emits `search` (term) and `add` (the new partner deal), and its container empties it with `reset()` once the deal is added.
import { LightningElement, api } from 'lwc';
import LABEL_SEARCH from '@salesforce/label/c.PSMS_AddPartnerForm_Search';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_AddPartnerForm_Partner';
import LABEL_ROLE from '@salesforce/label/c.PSMS_AddPartnerForm_Role';
import LABEL_CO_SELL from '@salesforce/label/c.PSMS_AddPartnerForm_Co_Sell';
import LABEL_PRIMARY from '@salesforce/label/c.PSMS_AddPartnerForm_Primary';
import LABEL_ADD from '@salesforce/label/c.PSMS_AddPartnerForm_Add';

/** Partner roles (SPEC §2): picklist values, which the org translates as picklist labels. */
const ROLES = ['Sourced', 'Co-Sell', 'Influenced', 'Resell', 'Referral'];
/** Fewer characters match too many accounts to be useful. */
const MIN_TERM = 2;

export default class AddPartnerForm extends LightningElement {
  @api partnerOptions: { label: string; value: string }[] = [];
  @api disabled = false;

  term = '';
  partnerAccountId = '';
  role = 'Influenced';
  coSell = false;
  isPrimary = false;

  readonly labels = {
    search: LABEL_SEARCH,
    partner: LABEL_PARTNER,
    role: LABEL_ROLE,
    coSell: LABEL_CO_SELL,
    primary: LABEL_PRIMARY,
    add: LABEL_ADD
  };
  readonly roleOptions = ROLES.map((role) => ({ label: role, value: role }));

  get addDisabled(): boolean {
    return this.disabled || this.partnerAccountId === '';
  }

  /** Empties the form for the next partner, so the same one cannot be sent twice. */
  @api
  reset(): void {
    this.term = '';
    this.partnerAccountId = '';
    this.role = 'Influenced';
    this.coSell = false;
    this.isPrimary = false;
  }

  handleSearch(event: Event): void {
    this.term = (event.target as HTMLInputElement).value ?? '';
    const term = this.term.trim();
    if (term.length >= MIN_TERM) {
      this.dispatchEvent(new CustomEvent('search', { detail: { term } }));
    }
  }

  handlePartner(event: CustomEvent<{ value: string }>): void {
    this.partnerAccountId = event.detail.value;
  }

  handleRole(event: CustomEvent<{ value: string }>): void {
    this.role = event.detail.value;
  }

  handleCoSell(event: Event): void {
    this.coSell = (event.target as HTMLInputElement).checked;
  }

  handlePrimary(event: Event): void {
    this.isPrimary = (event.target as HTMLInputElement).checked;
  }

  handleAdd(): void {
    if (this.addDisabled) {
      return;
    }
    this.dispatchEvent(
      new CustomEvent('add', {
        detail: {
          partnerAccountId: this.partnerAccountId,
          role: this.role,
          coSell: this.coSell,
          isPrimary: this.isPrimary
        }
      })
    );
  }
}
