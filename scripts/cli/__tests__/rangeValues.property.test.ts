import fc from 'fast-check';
import { fieldReader } from '../src/data/convert';
import { canonicalId, canonicalIdBytes, lastIdDigits } from '../src/data/recordId';
import { RangeReader } from '../src/export/rangeParser';
import type { ReadPlan } from '../src/export/readPlan';

/**
 * The parallel reader reads values from bytes, the record builder from text: for any field text
 * both accept the same values and read them alike (ids with their suffix and digits, decimals
 * to the same number, booleans in any case), so a report cannot tell which reader read it.
 */

const idText = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
    minLength: 15,
    maxLength: 15
  }),
  fc.string({ unit: fc.constantFrom(...'09AZaz-é'), minLength: 14, maxLength: 19 })
);

describe('ids from bytes', () => {
  it('canonicalIdBytes accepts what canonicalId accepts, with the same 18 characters and digits', () => {
    fc.assert(
      fc.property(idText, fc.boolean(), (text, long) => {
        const candidate = long && text.length === 15 ? (canonicalId(text) ?? text) : text;
        const bytes = Buffer.from(candidate, 'utf8');
        const out = new Uint8Array(18);
        const fromText = canonicalId(candidate);
        const textDigits = [...lastIdDigits];
        const fromBytes = canonicalIdBytes(bytes, 0, bytes.length, out, 0);
        expect(fromBytes).toBe(fromText !== undefined);
        if (fromText !== undefined) {
          expect(Buffer.from(out).toString('latin1')).toBe(fromText);
          expect([...lastIdDigits]).toEqual(textDigits);
        }
      }),
      { numRuns: 2000 }
    );
  });
});

describe('values from bytes', () => {
  const plan = (type: 'number' | 'boolean', rule = {}): ReadPlan => ({
    file: 'T.csv',
    fieldCount: 2,
    slots: [0, 1],
    columns: [
      { field: 'Id', type: 'id', rule: {}, picklist: null, required: true },
      { field: 'V', type, rule, picklist: null, required: false }
    ],
    keyColumn: 0,
    scope: []
  });
  const ID = '006000000000001AAA';

  /** The value the byte reader gives for `text`, or undefined when it declines the row. */
  function fromBytes(type: 'number' | 'boolean', text: string, rule = {}): unknown {
    const reader = new RangeReader(plan(type, rule));
    const result = reader.read(Buffer.from(`${ID},${text}\n`, 'utf8'), 0, 0, 1, true);
    if (result === 'more' || result.declined) return undefined;
    const value = result.columns[1][0];
    return type === 'number' ? value : value === 1;
  }

  const decimal = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.stringMatching(/^-?\d{1,20}(\.\d{1,25})?$/),
    fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', 'e', ' '), maxLength: 8 })
  );

  it('a decimal is read to the number parseNumber gives, or refused as it is', () => {
    for (const rule of [{}, { min: 0 }, { min: 0, max: 100 }, { min: 0, whole: true }]) {
      const parse = fieldReader({ type: 'number', rule, picklist: null }).parse;
      fc.assert(
        fc.property(decimal, (text) => {
          fc.pre(text !== '');
          expect(fromBytes('number', text, rule)).toBe(parse(text));
        }),
        { numRuns: 500 }
      );
    }
  });

  it('a boolean is true or false in any case, anything else refused', () => {
    const parse = fieldReader({ type: 'boolean', rule: {}, picklist: null }).parse;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom('true', 'TRUE', 'False', 'fAlSe', 'yes', '1', 'truee', 'fals'),
          fc.string({ maxLength: 6 })
        ),
        (text) => {
          fc.pre(text !== '' && !/[",\r\n]/.test(text));
          expect(fromBytes('boolean', text)).toBe(parse(text));
        }
      ),
      { numRuns: 500 }
    );
  });
});
