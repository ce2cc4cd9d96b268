/**
 * Amounts are summed in integer cents so that totals are exact and do not depend on the order
 * of the rows (floating-point sums do): partner totals add up to the channel total to the cent
 * and a waterfall adds up exactly. A blank amount counts as 0 (SPEC §3).
 */
export function toCents(amount: number | null | undefined): number {
  return amount == null || Number.isNaN(amount) ? 0 : Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** `numerator ÷ denominator`, or `null` when the ratio is over zero (SPEC §9). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
