import fc from 'fast-check';
import { IdMap } from '../src/data/idMap';

/** The CLI's id table behaves as a Map for get, set and size, whatever the keys and their order. */

describe('IdMap', () => {
  it('answers like a Map after any sequence of sets and gets', () => {
    // Short keys over a tiny alphabet collide in their slots; the run grows the table past its
    // first sizes (1,024 slots).
    const key = fc.string({ unit: fc.constantFrom('0', '6', 'A', 'a'), maxLength: 4 });
    const op = fc.oneof(
      fc.record({ set: key, value: fc.integer() }),
      fc.record({ get: key }),
      fc.record({ bulk: fc.integer({ min: 0, max: 3000 }) })
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const ids = new IdMap<number>();
        const map = new Map<string, number>();
        for (const o of ops) {
          if ('set' in o) {
            ids.set(o.set, o.value);
            map.set(o.set, o.value);
          } else if ('get' in o) {
            expect(ids.get(o.get)).toBe(map.get(o.get));
          } else {
            for (let i = 0; i < o.bulk; i++) {
              ids.set(`006${i}`, i);
              map.set(`006${i}`, i);
            }
          }
          expect(ids.size).toBe(map.size);
        }
        for (const [k, v] of map) expect(ids.get(k)).toBe(v);
      }),
      { numRuns: 60 }
    );
  });

  it('holds a hundred thousand record ids, and tells a missing one (same hash slot or not)', () => {
    const ids = new IdMap<number>();
    const id = (n: number) => `006${n.toString(36).padStart(12, '0')}AAA`;
    for (let n = 0; n < 100_000; n++) ids.set(id(n), n);
    expect(ids.size).toBe(100_000);
    for (let n = 0; n < 100_000; n += 997) expect(ids.get(id(n))).toBe(n);
    expect(ids.get(id(100_000))).toBeUndefined();
    expect(ids.get('')).toBeUndefined();
    expect(ids.set(id(5), -5).get(id(5))).toBe(-5);
    expect(ids.size).toBe(100_000);
  });
});

describe('IdMap of record ids', () => {
  /** A valid 18-character id with these base-62 digits, in the order ids sort. */
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const suffix = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  function recordId(n: number): string {
    let body = '';
    for (let i = 0; i < 15; i++) {
      body = digits[n % 62] + body;
      n = Math.floor(n / 62);
    }
    let bits = 0;
    for (let i = 0; i < 15; i++) if (/[A-Z]/.test(body[i])) bits |= 1 << i;
    return body + suffix[bits & 31] + suffix[(bits >> 5) & 31] + suffix[bits >> 10];
  }

  it('answers like a Map for ids set and looked up in order, out of order, or both', () => {
    const n = fc.integer({ min: 0, max: 3000 });
    const op = fc.oneof(
      fc.record({ set: n, value: fc.integer() }),
      fc.record({ get: n }),
      fc.record({ run: n })
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.boolean(), (ops, ascending) => {
        const ids = new IdMap<number>();
        const map = new Map<string, number>();
        let next = 0;
        for (const o of ops) {
          if ('set' in o) {
            // Mostly in increasing order (as exports come), unless the case says otherwise.
            const key = recordId(ascending ? (next += 1 + (o.set % 7)) : o.set);
            ids.set(key, o.value);
            map.set(key, o.value);
          } else if ('get' in o) {
            expect(ids.get(recordId(o.get))).toBe(map.get(recordId(o.get)));
          } else {
            for (let i = o.run; i < o.run + 50; i++) expect(ids.get(recordId(i))).toBe(map.get(recordId(i)));
          }
          expect(ids.size).toBe(map.size);
        }
        for (const [k, v] of map) expect(ids.get(k)).toBe(v);
      }),
      { numRuns: 200 }
    );
  });
});
