import fc from 'fast-check';
import { inRecordOrder } from '../src/output/recordOrder';

/** inRecordOrder against a stable sort, on lists in order, in two runs, and in any order. */

const item = fc.record({ recordId: fc.constantFrom('001A', '001B', '006A', '006B', '006C'), n: fc.nat() });
const stableSort = <T extends { recordId: string }>(items: T[]) =>
  [...items].sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));

describe('inRecordOrder', () => {
  it('equals a stable sort by record id, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        expect(inRecordOrder(items)).toEqual(stableSort(items));
      })
    );
  });

  it('two runs in order (opportunities then accounts) are merged, a run in order kept as it is', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), fc.array(item, { maxLength: 10 }), (a, b) => {
        const items = [...stableSort(a), ...stableSort(b)];
        expect(inRecordOrder(items)).toEqual(stableSort(items));
      })
    );
    const sorted = stableSort([
      { recordId: '006B', n: 1 },
      { recordId: '006A', n: 2 }
    ]);
    expect(inRecordOrder(sorted)).toBe(sorted);
  });
});
