// Presentation component: a waterfall chart drawn as inline SVG.
//
// Why our own SVG rather than a charting library: a library would ship as a static resource
// loaded with loadScript, i.e. third-party code running under Lightning Web Security that we
// would have to vet and keep patched, plus a second copy for the workbench. A waterfall is a
// dozen rectangles; SVG in the template renders with the component, scales, prints, and carries
// <title>/<desc> plus a visually hidden data table, so screen readers get the numbers too.
import { LightningElement, api } from 'lwc';
import { formatMoney } from 'c/displayFormat';
import LABEL_CHANGE from '@salesforce/label/c.PSMS_WaterfallChart_Change';
import LABEL_VALUE from '@salesforce/label/c.PSMS_WaterfallChart_Value';

export interface WaterfallStep {
  label: string;
  kind: 'total' | 'delta';
  value: number;
}

const WIDTH = 640;
const HEIGHT = 260;
const TOP = 16;
const BOTTOM = 60;
const LEFT = 8;

export default class WaterfallChart extends LightningElement {
  @api steps: WaterfallStep[] = [];
  /** Read by screen readers as the chart's name (<title>). */
  @api chartTitle = '';
  /** Read as its description (<desc>), e.g. the two snapshot dates compared. */
  @api description = '';

  readonly width = WIDTH;
  readonly height = HEIGHT;
  readonly viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
  readonly labels = { change: LABEL_CHANGE, value: LABEL_VALUE };

  get bars() {
    // Running level after each step: totals reset it, deltas move it.
    let level = 0;
    const spans = this.steps.map((step) => {
      const from = step.kind === 'total' ? 0 : level;
      const to = step.kind === 'total' ? step.value : level + step.value;
      level = to;
      return { step, low: Math.min(from, to), high: Math.max(from, to) };
    });
    const max = Math.max(0, ...spans.map((span) => span.high));
    const min = Math.min(0, ...spans.map((span) => span.low));
    const range = max - min || 1;
    const plot = HEIGHT - TOP - BOTTOM;
    const y = (value: number): number => TOP + ((max - value) / range) * plot;
    const slot = (WIDTH - LEFT * 2) / Math.max(1, spans.length);
    return spans.map((span, index) => {
      const { step } = span;
      const x = LEFT + index * slot + slot * 0.15;
      const sign = step.kind === 'delta' && step.value > 0 ? '+' : '';
      const value = `${sign}${formatMoney(step.value)}`;
      // Direction is in the text (+/−) as well as the colour: colour is never the only signal.
      const kindClass = step.kind === 'total' ? 'bar-total' : step.value >= 0 ? 'bar-up' : 'bar-down';
      return {
        key: `${index}-${step.label}`,
        x,
        y: y(span.high),
        width: slot * 0.7,
        height: Math.max(1, y(span.low) - y(span.high)),
        cssClass: kindClass,
        labelX: x + slot * 0.35,
        labelY: HEIGHT - BOTTOM + 16,
        valueY: y(span.high) - 4,
        label: step.label,
        value,
        tooltip: `${step.label}: ${value}`
      };
    });
  }
}
