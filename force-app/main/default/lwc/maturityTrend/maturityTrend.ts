// Presentation component: the maturity trend (SPEC §12) — per saved period the self-assessed and the measured score (1–4), as numbers and bars.
import { LightningElement, api } from 'lwc';
import type { MaturityTrendPoint } from 'c/psmsEngine';
import { formatNumber } from 'c/displayFormat';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_MaturityTrend_Caption';
import LABEL_PERIOD from '@salesforce/label/c.PSMS_MaturityTrend_Period';
import LABEL_SELF from '@salesforce/label/c.PSMS_MaturityTrend_Self';
import LABEL_MEASURED from '@salesforce/label/c.PSMS_MaturityTrend_Measured';
import LABEL_NONE from '@salesforce/label/c.PSMS_MaturityTrend_None';

/** Scores run from 1 (Ad hoc) to 4 (Optimized): a bar's width is the score's share of 4. */
const MAX_SCORE = 4;

function barStyle(score: number | null): string {
  const width = score === null ? 0 : Math.max(0, Math.min(1, score / MAX_SCORE)) * 100;
  return `width: ${width.toFixed(1)}%`;
}

export default class MaturityTrend extends LightningElement {
  @api points: MaturityTrendPoint[] = [];

  readonly labels = {
    caption: LABEL_CAPTION,
    period: LABEL_PERIOD,
    self: LABEL_SELF,
    measured: LABEL_MEASURED,
    none: LABEL_NONE
  };

  get hasPoints(): boolean {
    return this.points.length > 0;
  }

  get rows() {
    return this.points.map((point) => ({
      key: point.period,
      period: point.period,
      self: formatNumber(point.score, 2),
      measured: formatNumber(point.measuredScore, 2),
      selfStyle: barStyle(point.score),
      measuredStyle: barStyle(point.measuredScore)
    }));
  }
}
