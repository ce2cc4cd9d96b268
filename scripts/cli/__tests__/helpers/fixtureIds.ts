import { canonicalId } from '../../src/data/recordId';

/**
 * The fixtures' record ids by their short names: `id('001P1')` is partner P1 (an Account),
 * `id('006O3')` opportunity O3, `id('K1')` the opportunity behind snapshot key K1. The CSVs hold
 * real 18-character ids, as exports do: the 3-character key prefix, zeros, the short name, and
 * the case suffix (`0010000000000P1AAI`).
 */
export function id(short: string): string {
  const [prefix, rest] = /^K\d+$/.test(short) ? ['006', short] : [short.slice(0, 3), short.slice(3)];
  const long = canonicalId(prefix + rest.padStart(12, '0'));
  if (long === undefined) throw new Error(`id: ${short} makes no record id`);
  return long;
}
