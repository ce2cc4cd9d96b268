import { PlatformError } from '../../../platformError';
import { npe, toText } from '../../operators';
import { Decimal, numberOf, plainNumber } from '../../values/numbers';
import type { MethodTable } from './valueMethod';

/**
 * Methods of Integer, Long, Decimal and Double values. Rounding follows Apex's RoundingMode
 * names; setScale defaults to HALF_UP as Decimal.setScale does when the value must round.
 */
type RoundingName =
  'CEILING' | 'DOWN' | 'FLOOR' | 'HALF_DOWN' | 'HALF_EVEN' | 'HALF_UP' | 'UP' | 'UNNECESSARY';

function roundTo(value: number, scale: number, mode: RoundingName): number {
  const factor = 10 ** scale;
  const scaled = Number((value * factor).toPrecision(15));
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  let result: number;
  switch (mode) {
    case 'CEILING':
      result = Math.ceil(scaled);
      break;
    case 'FLOOR':
      result = floor;
      break;
    case 'DOWN':
      result = Math.trunc(scaled);
      break;
    case 'UP':
      result = scaled < 0 ? Math.floor(scaled) : Math.ceil(scaled);
      break;
    case 'HALF_DOWN':
      result = fraction > 0.5 ? floor + 1 : fraction < 0.5 ? floor : scaled < 0 ? floor + 1 : floor;
      if (fraction === 0.5) result = scaled < 0 ? floor : Math.trunc(scaled);
      break;
    case 'HALF_EVEN':
      result = fraction === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
      break;
    case 'UNNECESSARY':
      if (fraction !== 0) throw new PlatformError('System.MathException', 'Rounding necessary');
      result = scaled;
      break;
    default:
      // HALF_UP: away from zero at .5
      result = Math.sign(scaled) * Math.round(Math.abs(scaled));
  }
  return result / factor;
}

function mode(value: unknown): RoundingName {
  if (value === undefined) return 'HALF_UP';
  return String(value) as RoundingName;
}

function dec(self: number | Decimal): Decimal {
  return self instanceof Decimal ? self : new Decimal(self);
}

export const NUMBER_METHODS: MethodTable<number | Decimal> = {
  intvalue: (_ex, n) => Math.trunc(numberOf(n)),
  longvalue: (_ex, n) => Math.trunc(numberOf(n)),
  doublevalue: (_ex, n) => new Decimal(numberOf(n), undefined, true),
  abs: (_ex, n) =>
    typeof n === 'number' ? Math.abs(n) : new Decimal(Math.abs(n.value), n.scale, n.isDouble),
  format: (_ex, n) => {
    const value = numberOf(n);
    const scale = n instanceof Decimal && n.scale !== undefined ? n.scale : undefined;
    return value.toLocaleString(
      'en-US',
      scale === undefined
        ? { maximumFractionDigits: 3 }
        : { minimumFractionDigits: scale, maximumFractionDigits: scale }
    );
  },
  setscale: (_ex, n, [scale, rounding]) => {
    if (scale === null || scale === undefined) throw npe();
    const s = Number(scale);
    return new Decimal(roundTo(numberOf(n), s, mode(rounding)), s);
  },
  round: (_ex, n, [rounding]) =>
    Math.trunc(roundTo(numberOf(n), 0, rounding === undefined ? 'HALF_EVEN' : mode(rounding))),
  scale: (_ex, n) => {
    const d = dec(n);
    if (d.scale !== undefined) return d.scale;
    const text = plainNumber(d.value);
    return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  },
  precision: (_ex, n) =>
    plainNumber(Math.abs(numberOf(n)))
      .replace('.', '')
      .replace(/^0+/, '').length || 1,
  striptrailingzeros: (_ex, n) => new Decimal(numberOf(n)),
  toplainstring: (_ex, n) => plainNumber(numberOf(n)),
  divide: (_ex, n, [divisor, scale, rounding]) => {
    const d = numberOf(divisor as number | Decimal);
    if (d === 0) throw new PlatformError('System.MathException', 'Divide by 0');
    const s = Number(scale);
    return new Decimal(roundTo(numberOf(n) / d, s, mode(rounding)), s);
  },
  pow: (_ex, n, [exponent]) => new Decimal(numberOf(n) ** Number(exponent)),
  equals: (_ex, n, [other]) =>
    (typeof other === 'number' || other instanceof Decimal) && numberOf(other) === numberOf(n),
  hashcode: (_ex, n) => Math.trunc(numberOf(n)) | 0,
  tostring: (_ex, n) => toText(n)
};
