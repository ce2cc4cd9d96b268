/**
 * Apex numbers. Integer and Long are plain JavaScript numbers (whole, within their ranges);
 * Decimal and Double are `Decimal` instances, so that arithmetic can follow the static type the
 * way the Apex compiler would: Integer / Integer truncates, anything with a Decimal does not.
 * A Decimal keeps the scale it was written or set with, because `String.valueOf(1.50)` is '1.50'.
 */
export class Decimal {
  constructor(
    readonly value: number,
    /** Digits after the point when known (a literal, setScale, a field's scale); undefined = as few as needed. */
    readonly scale?: number,
    /** A Double rather than a Decimal: prints with a `.0` and in exponent form when large, as Apex does. */
    readonly isDouble = false
  ) {}

  toString(): string {
    if (this.isDouble) return formatDouble(this.value);
    if (this.scale !== undefined) return this.value.toFixed(Math.max(0, Math.min(this.scale, 100)));
    return plainNumber(this.value);
  }

  valueOf(): number {
    return this.value;
  }
}

export function isNumber(value: unknown): value is number | Decimal {
  return typeof value === 'number' || value instanceof Decimal;
}

export function numberOf(value: number | Decimal): number {
  return typeof value === 'number' ? value : value.value;
}

/**
 * The Decimal of a number, keeping a Decimal's scale. A Decimal made from an Integer, Long or
 * Double takes the scale of the number written out ('10' has none, '1.5' one), as Apex does.
 */
export function toDecimal(value: number | Decimal, scale?: number): Decimal {
  if (value instanceof Decimal)
    return value.isDouble ? new Decimal(value.value, scale ?? writtenScale(value.value)) : value;
  return new Decimal(value, scale ?? writtenScale(value));
}

function writtenScale(value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = plainNumber(value);
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

export function toDouble(value: number | Decimal): Decimal {
  return new Decimal(numberOf(value), undefined, true);
}

/** A number without exponent notation and without float noise (0.1 + 0.2 prints 0.3 as Apex's Decimal would). */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(15));
  if (Math.abs(rounded) < 1e21 && Math.abs(rounded) >= 1e-6) return String(rounded);
  if (rounded === 0) return '0';
  return rounded.toFixed(20).replace(/\.?0+$/, '');
}

function formatDouble(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return `${value}.0`;
  if (Math.abs(value) >= 1e7 || (Math.abs(value) < 1e-3 && value !== 0)) {
    const [mantissa, exponent] = value.toExponential().split('e');
    return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
  }
  return String(value);
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Integer arithmetic wraps at 32 bits, as on the platform. */
export function wrapInteger(value: number): number {
  if (value >= INT_MIN && value <= INT_MAX) return value;
  return value | 0;
}

export function isIntegerRange(value: number): boolean {
  return Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX;
}
