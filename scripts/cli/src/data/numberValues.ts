/**
 * Numbers as exports write them: plain decimals (`-1234.5`), nothing JavaScript's Number()
 * would also take (`0x10` is 16, `1e308` doubles to Infinity in a sum and prints as null, a
 * blank or `' '` is 0). At most 18 digits before the point, the most a Salesforce number field
 * holds, so that no sum of a million of them overflows. Each field may add a range (SPEC and the
 * package's validation rules: a probability is 0–100, a call is not negative, a push count is
 * whole).
 */

export interface NumberRule {
  min?: number;
  max?: number;
  /** Whole numbers only (`2` or `2.0`, not `2.5`). */
  whole?: boolean;
}

/**
 * Whether `text` is `-?digits(.digits)?` with at most 18 digits before the point. A loop: a
 * regular expression cost twice as much per value, and a million-row export has millions.
 */
function isDecimal(text: string): boolean {
  const length = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  while (i < length && isDigit(text.charCodeAt(i))) i++;
  if (i === start || i - start > 18) return false;
  if (i === length) return true;
  if (text.charCodeAt(i) !== 46 || i + 1 === length) return false;
  for (i++; i < length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The value of `text` when it is a decimal within `rule`, else undefined. */
export function parseNumber(text: string, rule: NumberRule): number | undefined {
  if (!isDecimal(text)) return undefined;
  const value = Number(text);
  if (rule.min !== undefined && value < rule.min) return undefined;
  if (rule.max !== undefined && value > rule.max) return undefined;
  if (rule.whole === true && !Number.isInteger(value)) return undefined;
  return value;
}

/** Why `text` was refused (only asked once parseNumber refused it). */
export function numberProblem(text: string, rule: NumberRule): string {
  if (!/^-?\d+(?:\.\d+)?$/.test(text))
    return 'is not a decimal number (digits, optionally a minus and a decimal point)';
  if (!isDecimal(text)) return 'is too large (at most 18 digits before the decimal point)';
  const value = Number(text);
  const { min, max } = rule;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    if (max === undefined) return min === 0 ? 'is negative' : `is below ${min}`;
    return `is not between ${min ?? '-∞'} and ${max}`;
  }
  return 'is not a whole number';
}
