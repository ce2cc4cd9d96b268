// Presentation component: the forecast roll-up table (SPEC §3 columns, the call beside it); emits `drill` with a group's key.
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/displayFormat';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_ForecastTable_Caption';
import LABEL_GROUP from '@salesforce/label/c.PSMS_ForecastTable_Group';
import LABEL_CLOSED from '@salesforce/label/c.PSMS_ForecastTable_Closed';
import LABEL_COMMIT from '@salesforce/label/c.PSMS_ForecastTable_Commit';
import LABEL_BEST_CASE from '@salesforce/label/c.PSMS_ForecastTable_Best_Case';
import LABEL_PIPELINE from '@salesforce/label/c.PSMS_ForecastTable_Pipeline';
import LABEL_OMITTED from '@salesforce/label/c.PSMS_ForecastTable_Omitted';
import LABEL_COMMIT_FORECAST from '@salesforce/label/c.PSMS_ForecastTable_Commit_Forecast';
import LABEL_BEST_CASE_FORECAST from '@salesforce/label/c.PSMS_ForecastTable_Best_Case_Forecast';
import LABEL_OPEN_PIPELINE from '@salesforce/label/c.PSMS_ForecastTable_Open_Pipeline';
import LABEL_QUOTA from '@salesforce/label/c.PSMS_ForecastTable_Quota';
import LABEL_ATTAINMENT from '@salesforce/label/c.PSMS_ForecastTable_Attainment';
import LABEL_COVERAGE from '@salesforce/label/c.PSMS_ForecastTable_Coverage';
import LABEL_GAP from '@salesforce/label/c.PSMS_ForecastTable_Gap';
import LABEL_COMMIT_CALL from '@salesforce/label/c.PSMS_ForecastTable_Commit_Call';
import LABEL_BEST_CASE_CALL from '@salesforce/label/c.PSMS_ForecastTable_Best_Case_Call';
import LABEL_NOTE from '@salesforce/label/c.PSMS_ForecastTable_Note';
import LABEL_TOTAL from '@salesforce/label/c.PSMS_ForecastTable_Total';
import LABEL_SHOW from '@salesforce/label/c.PSMS_ForecastTable_Show_Opportunities';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_ForecastTable_Empty';

/** One row as the container formats it (strings, in the user's locale). */
export interface RowView {
  key: string;
  label: string;
  [column: string]: string;
}

export default class ForecastTable extends LightningElement {
  @api rows: RowView[] = [];
  @api total: RowView | null = null;
  /** Show the managers' calls beside the roll-up (partner grouping). */
  @api showCalls = false;

  readonly labels = {
    caption: LABEL_CAPTION,
    group: LABEL_GROUP,
    closed: LABEL_CLOSED,
    commit: LABEL_COMMIT,
    bestCase: LABEL_BEST_CASE,
    pipeline: LABEL_PIPELINE,
    omitted: LABEL_OMITTED,
    commitForecast: LABEL_COMMIT_FORECAST,
    bestCaseForecast: LABEL_BEST_CASE_FORECAST,
    openPipeline: LABEL_OPEN_PIPELINE,
    quota: LABEL_QUOTA,
    attainment: LABEL_ATTAINMENT,
    coverage: LABEL_COVERAGE,
    gap: LABEL_GAP,
    commitCall: LABEL_COMMIT_CALL,
    bestCaseCall: LABEL_BEST_CASE_CALL,
    note: LABEL_NOTE,
    total: LABEL_TOTAL,
    empty: LABEL_EMPTY
  };

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get viewRows() {
    return this.rows.map((row) => ({ ...row, drillLabel: formatLabel(LABEL_SHOW, row.label) }));
  }

  handleDrill(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
    this.dispatchEvent(new CustomEvent('drill', { detail: { key } }));
  }
}
