import fc from 'fast-check';
import { parseCsvStream } from '../src/csv/streamingCsv';

/**
 * The CSV reader against chunk boundaries: a file arrives in chunks of whatever size the
 * stream gives, and a record, a quoted field, an escaped "", a CRLF or a multi-byte character
 * may be cut anywhere. Splitting any input into 1..1024-byte chunks never changes the rows, their
 * line numbers or the error.
 */

const COLUMNS = ['A', 'B', 'C'];

type Outcome = { rows: string[][]; lines: number[] } | { error: string };

async function read(bytes: Uint8Array, sizes: readonly number[]): Promise<Outcome> {
  async function* chunks() {
    let at = 0;
    for (let i = 0; at < bytes.length; i++) {
      const size = sizes.length === 0 ? bytes.length : sizes[i % sizes.length];
      yield bytes.subarray(at, at + size);
      at += size;
    }
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  try {
    await parseCsvStream(
      chunks(),
      'T.csv',
      COLUMNS.map((name) => ({ name, required: true })),
      (values, line) => {
        rows.push([...values]);
        lines.push(line);
      }
    );
    return { rows, lines };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Field text with everything a CSV field can hold: quotes, commas, line breaks, multi-byte characters. */
const fieldText = fc
  .array(fc.constantFrom('a', 'b', ' ', ',', '"', '""', '\n', '\r\n', 'é', '€', '😀', 'x'.repeat(40)), {
    maxLength: 12
  })
  .map((parts) => parts.join(''));

const needsQuotes = (text: string) => /[",\r\n]/.test(text) || text === '';

/** A well-formed file: the header, then records, each field quoted when it must be (or at random). */
const wellFormed = fc.record({
  bom: fc.boolean(),
  crlf: fc.boolean(),
  trailingBreak: fc.boolean(),
  records: fc.array(fc.array(fc.tuple(fieldText, fc.boolean()), { minLength: 3, maxLength: 3 }), {
    minLength: 1,
    maxLength: 12
  })
});

const chunkSizes = fc.array(fc.integer({ min: 1, max: 1024 }), { minLength: 1, maxLength: 8 });
const smallChunkSizes = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 8 });

describe('CSV chunk boundaries', () => {
  it('a well-formed file gives exactly its records and lines, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormed, fc.oneof(chunkSizes, smallChunkSizes), async (file, sizes) => {
        const eol = file.crlf ? '\r\n' : '\n';
        const fields = file.records.map((record) => record.map(([text]) => text));
        const lines = file.records.map((record) =>
          record
            .map(([text, quote]) => (quote || needsQuotes(text) ? `"${text.replace(/"/g, '""')}"` : text))
            .join(',')
        );
        const text =
          (file.bom ? '\ufeff' : '') +
          [COLUMNS.join(','), ...lines].join(eol) +
          (file.trailingBreak ? eol : '');
        // Each record starts one line after the previous one's last line.
        const expectedLines: number[] = [];
        let line = 2;
        for (const recordText of lines) {
          expectedLines.push(line);
          line += 1 + (recordText.match(/\r\n|\r|\n/g) ?? []).length;
        }
        const bytes = Buffer.from(text, 'utf8');
        expect(await read(bytes, sizes)).toEqual({ rows: fields, lines: expectedLines });
      }),
      { numRuns: 300 }
    );
  });

  it('any text, malformed or not, gives the same rows or the same error in one piece and in chunks', async () => {
    const anyText = fc
      .array(fc.constantFrom('A', 'B', 'C', 'x', ',', '"', '\n', '\r', 'é', '😀'), { maxLength: 80 })
      .map((parts) => `A,B,C\n${parts.join('')}`);
    await fc.assert(
      fc.asyncProperty(anyText, fc.oneof(chunkSizes, smallChunkSizes), async (text, sizes) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(await read(bytes, sizes)).toEqual(await read(bytes, []));
      }),
      { numRuns: 500 }
    );
  });
});
