// Presentation component: forecast accuracy and bias per partner against its week-1 call (SPEC §4).
import { LightningElement, api } from 'lwc';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_AccuracyTable_Caption';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_AccuracyTable_Partner';
import LABEL_CALL from '@salesforce/label/c.PSMS_AccuracyTable_Call';
import LABEL_ACTUAL from '@salesforce/label/c.PSMS_AccuracyTable_Actual';
import LABEL_ACCURACY from '@salesforce/label/c.PSMS_AccuracyTable_Accuracy';
import LABEL_BIAS from '@salesforce/label/c.PSMS_AccuracyTable_Bias';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_AccuracyTable_Empty';

interface AccuracyView {
  key: string;
  label: string;
  call: string;
  actual: string;
  accuracy: string;
  bias: string;
}

export default class AccuracyTable extends LightningElement {
  @api rows: AccuracyView[] = [];
  @api total: AccuracyView | null = null;

  readonly labels = {
    caption: LABEL_CAPTION,
    partner: LABEL_PARTNER,
    call: LABEL_CALL,
    actual: LABEL_ACTUAL,
    accuracy: LABEL_ACCURACY,
    bias: LABEL_BIAS,
    empty: LABEL_EMPTY
  };

  get hasRows(): boolean {
    return this.rows.length > 0;
  }
}
