// Presentation component: a real link (href for keyboard, new tab and screen readers) to a record or a PSMS page, navigated through the platform.
import { LightningElement, api } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';

export default class PageLink extends NavigationMixin(LightningElement) {
  /** The record to open; or give `pageName` (a tab's API name) instead. */
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;
  @api pageName: string | undefined;
  @api label: string | undefined;

  url = '#';

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
