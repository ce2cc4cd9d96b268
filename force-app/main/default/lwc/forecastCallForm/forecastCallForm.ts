// Presentation component: the manager's forecast call (commit, best case, note) for a partner or the whole team; emits `submitcall`, and its container clears it with `reset()` once the call is kept.
import { LightningElement, api } from 'lwc';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_ForecastCallForm_Partner';
import LABEL_COMMIT from '@salesforce/label/c.PSMS_ForecastCallForm_Commit';
import LABEL_BEST_CASE from '@salesforce/label/c.PSMS_ForecastCallForm_Best_Case';
import LABEL_NOTE from '@salesforce/label/c.PSMS_ForecastCallForm_Note';
import LABEL_SUBMIT from '@salesforce/label/c.PSMS_ForecastCallForm_Submit';

export default class ForecastCallForm extends LightningElement {
  @api partnerOptions: { label: string; value: string }[] = [];
  @api disabled = false;

  partnerAccountId = '';
  commitCall: number | null = null;
  bestCaseCall: number | null = null;
  note = '';

  readonly labels = {
    partner: LABEL_PARTNER,
    commit: LABEL_COMMIT,
    bestCase: LABEL_BEST_CASE,
    note: LABEL_NOTE,
    submit: LABEL_SUBMIT
  };

  get submitDisabled(): boolean {
    return this.disabled || this.commitCall === null || this.bestCaseCall === null;
  }

  /** Empties the form for the next call (the partner choice is kept: calls come partner by partner). */
  @api
  reset(): void {
    this.commitCall = null;
    this.bestCaseCall = null;
    this.note = '';
  }

  handlePartner(event: CustomEvent<{ value: string }>): void {
    this.partnerAccountId = event.detail.value;
  }

  handleAmount(event: Event): void {
    const input = event.target as HTMLInputElement;
    const value = input.value === '' ? null : Number(input.value);
    if (input.dataset.field === 'commit') {
      this.commitCall = value;
    } else {
      this.bestCaseCall = value;
    }
  }

  handleNote(event: Event): void {
    this.note = (event.target as HTMLTextAreaElement).value;
  }

  handleSubmit(): void {
    if (this.submitDisabled) {
      return;
    }
    this.dispatchEvent(
      new CustomEvent('submitcall', {
        detail: {
          partnerAccountId: this.partnerAccountId === '' ? null : this.partnerAccountId,
          commitCall: this.commitCall ?? 0,
          bestCaseCall: this.bestCaseCall ?? 0,
          note: this.note.trim() === '' ? null : this.note.trim()
        }
      })
    );
  }
}
