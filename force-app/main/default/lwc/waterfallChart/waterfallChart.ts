// Presentation component: a waterfall of the Commit forecast, one row per step — label, bar, amount — so every label reads in full; each bar is a button that emits `select` with its step's key.
//
// Why HTML rows rather than a charting library: a library would ship as a static resource
// loaded with loadScript, i.e. third-party code running under Lightning Web Security that we
// would have to vet and keep patched. A waterfall is a dozen bars: horizontal rows lay out any
// label at any width, are real buttons for the drill-down, and a screen reader reads each
// row's label and amount in order.
import { LightningElement, api } from 'lwc';
import { formatLabel, formatMoney } from 'c/displayFormat';
import LABEL_SELECT from '@salesforce/label/c.PSMS_WaterfallChart_Select';

export interface WaterfallStep {
  /** A change type, or `from` / `to` for the two totals. */
  key: string;
  label: string;
  /** A total (first and last bar) or the change a group of opportunities made. */
  kind: 'total' | 'delta';
  value: number;
}

export default class WaterfallChart extends LightningElement {
  @api steps: WaterfallStep[] = [];
  /** The chart's accessible name. */
  @api chartTitle = '';
  /** The bar whose deals are listed, highlighted. */
  @api selectedKey: string | null = null;

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
    return spans.map(({ step, low, high }) => {
      const sign = step.kind === 'delta' && step.value > 0 ? '+' : '';
      const value = `${sign}${formatMoney(step.value)}`;
      // Direction is in the text (+/−) as well as the colour: colour is never the only signal.
      const kindClass = step.kind === 'total' ? 'bar total' : step.value >= 0 ? 'bar up' : 'bar down';
      const left = ((low - min) / range) * 100;
      const width = Math.max(0.4, ((high - low) / range) * 100);
      const selected = step.key === this.selectedKey;
      return {
        key: step.key,
        label: step.label,
        value,
        barClass: kindClass,
        barStyle: `left: ${left.toFixed(2)}%; width: ${width.toFixed(2)}%;`,
        rowClass: `step${selected ? ' selected' : ''}${step.kind === 'total' ? ' is-total' : ''}`,
        pressed: selected ? 'true' : 'false',
        selectTitle: formatLabel(LABEL_SELECT, step.label, value)
      };
    });
  }

  handleSelect(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
    this.dispatchEvent(new CustomEvent('select', { detail: { key } }));
  }
}
