import fc from 'fast-check';
import { IdLines } from '../src/data/uniqueRows';
import { canonicalId, lastIdDigits } from '../src/data/recordId';

/** IdLines against a Map: the same earlier line for every id, in order, out of order, across blocks. */

const idOf = (n: number) => canonicalId(`006${n.toString(36).padStart(12, '0')}`) as string;

function model(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return ids.map((id, i) => {
    const earlier = seen.get(id.slice(0, 15));
    if (earlier !== undefined) return earlier;
    seen.set(id.slice(0, 15), i + 2);
    return 0;
  });
}

/** Each id through canonicalId, which reads its digits, then IdLines, as a load does. */
const run = (ids: readonly string[]) => {
  const lines = new IdLines();
  return ids.map((id, i) => {
    canonicalId(id);
    return lines.earlierLine(lastIdDigits[0], lastIdDigits[1], i + 2);
  });
};

describe('IdLines', () => {
  it('gives the line of the earlier row with the same id, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 200 }), (numbers) => {
        const ids = numbers.map(idOf);
        expect(run(ids)).toEqual(model(ids));
      }),
      { numRuns: 300 }
    );
  });

  it('in id order (the fast path) and after the first id out of order, past one block of 65,536', () => {
    const sorted = Array.from({ length: 70_000 }, (_, i) => idOf(i * 3));
    const ids = [...sorted, idOf(30), idOf(1), idOf(69_999 * 3), idOf(210_001)];
    const result = run(ids);
    expect(result.slice(0, 70_000).every((line) => line === 0)).toBe(true);
    expect(result.slice(70_000)).toEqual([12, 0, 70_001, 0]);
  });

  it('sees a 15- and an 18-character id of one record as the same, and case as different', () => {
    const long = canonicalId('0060000000000Ab') as string;
    expect(run([long, long.slice(0, 15), canonicalId('0060000000000AB') as string])).toEqual([0, 2, 0]);
  });
});
