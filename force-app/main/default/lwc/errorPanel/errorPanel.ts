// Presentation component: the one error panel every PSMS component shows its errors in.
import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/reduceErrors';
import LABEL_TITLE from '@salesforce/label/c.PSMS_ErrorPanel_Title';
import LABEL_DETAILS from '@salesforce/label/c.PSMS_ErrorPanel_Show_Details';

export default class ErrorPanel extends LightningElement {
  /** Whatever the platform raised: an Apex or UI API error, a JS error, a string, or a list of them. */
  @api errors: unknown;
  /** A friendly sentence shown above the technical details. */
  @api friendlyMessage: string | undefined;

  showDetails = false;
  readonly titleText = LABEL_TITLE;
  readonly detailsLabel = LABEL_DETAILS;

  get messages(): string[] {
    return reduceErrors(this.errors);
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }

  get headline(): string {
    return this.friendlyMessage ?? this.titleText;
  }

  /** Details are only worth a toggle when there is more than the headline. */
  get hasDetails(): boolean {
    return this.friendlyMessage !== undefined && this.hasMessages;
  }

  toggleDetails(): void {
    this.showDetails = !this.showDetails;
  }
}
