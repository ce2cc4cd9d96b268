// Presentation component: the partner deals of one opportunity; emits `cosellchange` when a co-sell flag is toggled.
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/displayFormat';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_PartnerDealList_Caption';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_PartnerDealList_Partner';
import LABEL_ROLE from '@salesforce/label/c.PSMS_PartnerDealList_Role';
import LABEL_PRIMARY from '@salesforce/label/c.PSMS_PartnerDealList_Primary';
import LABEL_CO_SELL from '@salesforce/label/c.PSMS_PartnerDealList_Co_Sell';
import LABEL_CO_SELL_FOR from '@salesforce/label/c.PSMS_PartnerDealList_Co_Sell_For';
import LABEL_YES from '@salesforce/label/c.PSMS_Format_Yes';
import LABEL_NO from '@salesforce/label/c.PSMS_Format_No';
import LABEL_NONE from '@salesforce/label/c.PSMS_PartnerDealList_None';

export default class PartnerDealList extends LightningElement {
  @api deals: Psms.PartnerDeal[] = [];
  @api disabled = false;

  readonly labels = {
    caption: LABEL_CAPTION,
    partner: LABEL_PARTNER,
    role: LABEL_ROLE,
    primary: LABEL_PRIMARY,
    coSell: LABEL_CO_SELL,
    none: LABEL_NONE
  };

  get hasDeals(): boolean {
    return this.deals.length > 0;
  }

  get rows() {
    return this.deals.map((deal) => {
      const name = deal.Partner_Account__r?.Name ?? deal.Partner_Account__c;
      return {
        id: deal.Id ?? deal.Partner_Account__c,
        partnerId: deal.Partner_Account__c,
        name,
        role: deal.Role__c ?? '',
        // Written out, not only an icon: colour or shape is never the only signal.
        primary: deal.Is_Primary__c === true ? LABEL_YES : LABEL_NO,
        coSell: deal.Co_Sell__c === true,
        coSellLabel: formatLabel(LABEL_CO_SELL_FOR, name)
      };
    });
  }

  handleCoSell(event: Event): void {
    const input = event.target as HTMLInputElement & { dataset: DOMStringMap };
    this.dispatchEvent(
      new CustomEvent('cosellchange', {
        detail: { partnerDealId: input.dataset.id ?? '', coSell: input.checked }
      })
    );
  }
}
