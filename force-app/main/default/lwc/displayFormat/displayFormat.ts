// Service module (no template): how PSMS shows numbers and fills label placeholders, in the user's locale.
import LABEL_NOT_AVAILABLE from '@salesforce/label/c.PSMS_Format_Not_Available';

/** The user's locale as the browser reports it (the org's locale setting drives it in Lightning). */
function locale(): string | undefined {
  return typeof navigator !== 'undefined' ? navigator.language : undefined;
}

/** Whole currency units; null (a ratio over zero, a missing quota) reads "n/a", never 0. */
export function formatMoney(value: number | null | undefined): string {
  if (value == null) {
    return LABEL_NOT_AVAILABLE;
  }
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value);
}

/** A fraction as a percentage (0.85 → 85%). */
export function formatPercent(value: number | null | undefined): string {
  if (value == null) {
    return LABEL_NOT_AVAILABLE;
  }
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatNumber(value: number | null | undefined, fractionDigits = 1): string {
  if (value == null) {
    return LABEL_NOT_AVAILABLE;
  }
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: fractionDigits }).format(value);
}

/** Fills `{0}`, `{1}`, … in a custom label. */
export function formatLabel(label: string, ...values: (string | number)[]): string {
  return label.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** Today as `YYYY-MM-DD` in UTC: what the engine compares dates with before the server's today arrives. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
