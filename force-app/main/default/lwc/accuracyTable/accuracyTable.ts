// Presentation component: forecast accuracy and bias per partner or per manager against the week-1 call (SPEC §4), each group by name.
import { LightningElement, api } from 'lwc';
import { pageOf } from 'c/paginator';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_AccuracyTable_Caption';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_AccuracyTable_Partner';
import LABEL_CALL from '@salesforce/label/c.PSMS_AccuracyTable_Call';
import LABEL_ACTUAL from '@salesforce/label/c.PSMS_AccuracyTable_Actual';
import LABEL_ACCURACY from '@salesforce/label/c.PSMS_AccuracyTable_Accuracy';
import LABEL_BIAS from '@salesforce/label/c.PSMS_AccuracyTable_Bias';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_AccuracyTable_Empty';

const ROWS_PER_PAGE = 25;

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
  /** The first column's heading: Partner or Manager. */
  @api groupLabel = LABEL_PARTNER;

  readonly labels = {
    caption: LABEL_CAPTION,
    call: LABEL_CALL,
    actual: LABEL_ACTUAL,
    accuracy: LABEL_ACCURACY,
    bias: LABEL_BIAS,
    empty: LABEL_EMPTY
  };

  currentPage = 0;

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  get rowsPerPage(): number {
    return ROWS_PER_PAGE;
  }

  get shownPage(): number {
    return pageOf(this.rows, this.currentPage, ROWS_PER_PAGE).page;
  }

  get pageRows(): AccuracyView[] {
    return pageOf(this.rows, this.currentPage, ROWS_PER_PAGE).rows;
  }

  handlePage(event: CustomEvent<{ page: number }>): void {
    this.currentPage = event.detail.page;
  }
}
