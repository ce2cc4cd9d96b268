import { CsvParser, parseCsvStream } from '../src/csv/streamingCsv';
import { DataError } from '../src/errors';

/** The streaming RFC-4180 reader: the same rows whatever the chunking, and errors with file, line and column. */

function parse(
  text: string,
  wanted: string[],
  chunkSize = text.length
): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const parser = new CsvParser(
    'Test.csv',
    wanted.map((name) => ({ name, required: true })),
    (values, line) => {
      rows.push([...values]);
      lines.push(line);
    }
  );
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize));
  parser.end();
  return { rows, lines };
}

function errorOf(text: string, wanted: string[]): string {
  try {
    parse(text, wanted);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

const SAMPLE = '\ufeffId,Name,Amount\r\n1,"Acme, Inc.",10\r\n2,"Multi\nline ""quoted""",\r\n3,Plain,30\r\n';

describe('RFC 4180 parsing', () => {
  it('keeps only the wanted columns, in the order asked, with quotes, commas, CRLF and a BOM', () => {
    expect(parse(SAMPLE, ['Amount', 'Name'])).toEqual({
      rows: [
        ['10', 'Acme, Inc.'],
        ['', 'Multi\nline "quoted"'],
        ['30', 'Plain']
      ],
      // Record 2 spans lines 3–4, so record 3 starts on line 5.
      lines: [2, 3, 5]
    });
  });

  it.each([1, 2, 3, 5, 7, 13])('gives the same rows when fed %i characters at a time', (size) => {
    expect(parse(SAMPLE, ['Id', 'Name', 'Amount'], size)).toEqual(parse(SAMPLE, ['Id', 'Name', 'Amount']));
  });

  it('matches headers case-insensitively (Data Loader writes them in capitals)', () => {
    expect(parse('ID,CLOSEDATE\n1,2026-01-01\n', ['CloseDate']).rows).toEqual([['2026-01-01']]);
  });

  it('reads a last line without a newline and an empty last field', () => {
    expect(parse('a,b\n1,', ['a', 'b']).rows).toEqual([['1', '']]);
    expect(parse('a,b\n1,2', ['b']).rows).toEqual([['2']]);
  });

  it('skips blank lines and counts them', () => {
    expect(parse('a\n1\n\n2\n', ['a'])).toEqual({ rows: [['1'], ['2']], lines: [2, 4] });
  });
});

describe('malformed CSV', () => {
  it('names a missing column', () => {
    expect(errorOf('Id,Name\n1,x\n', ['Id', 'Amount'])).toBe('Test.csv: missing column Amount');
  });

  it('refuses a field named twice in the header, also when the names differ only in case', () => {
    expect(errorOf('Id,Amount,Name,Amount\n1,10,x,20\n', ['Amount'])).toBe(
      'Test.csv:1: Amount: the header names this field twice, as column 2 (Amount) and column 4 (Amount); field names ignore case'
    );
    // Unasked columns too: which of the two a later report would read must never be left to chance.
    expect(errorOf('Id,Name,ID\n1,x,2\n', ['Name'])).toBe(
      'Test.csv:1: ID: the header names this field twice, as column 1 (Id) and column 3 (ID); field names ignore case'
    );
  });

  it('names the line of a row with the wrong number of fields', () => {
    expect(errorOf('Id,Name\n1,x\n2,y,z\n', ['Id'])).toBe(
      'Test.csv:3:1: expected 2 fields as in the header, found 3'
    );
  });

  it('names line and column of a character after a closing quote', () => {
    expect(errorOf('Id,Name\n1,"x"y\n', ['Id'])).toBe(
      'Test.csv:2:6: unexpected character after the closing quote of field 2 (Name)'
    );
  });

  it('names a quote inside an unquoted field', () => {
    expect(errorOf('Id,Name\n1,ab"c\n', ['Id'])).toBe('Test.csv:2:5: a quote inside unquoted field 2 (Name)');
  });

  it('names an unterminated quoted field', () => {
    expect(errorOf('Id,Name\n1,"abc\n', ['Id'])).toBe('Test.csv:2:3: unterminated quoted field 2 (Name)');
  });

  it('refuses an empty file', () => {
    expect(errorOf('', ['Id'])).toBe('Test.csv: the file is empty (no header row)');
  });

  describe('byte streams (files, HTTP bodies)', () => {
    // ASCII chunks take the byte path; the UTF-8 row (é, split across chunks at some sizes)
    // takes the decoder; quoted multi-line fields straddle chunk boundaries at most sizes.
    const TEXT =
      'Id,Name,Note\n1,Plain,x\n2,"Multi\nline, ""quoted""",y\n3,Café,z\r\n4,"a\n\nb",\n5,Last,end';

    async function streamed(chunkSize: number) {
      const bytes = Buffer.from(TEXT, 'utf8');
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
      }
      const rows: string[][] = [];
      const lines: number[] = [];
      await parseCsvStream(
        chunks(),
        'Test.csv',
        ['Id', 'Name', 'Note'].map((name) => ({ name, required: true })),
        (values, line) => {
          rows.push([...values]);
          lines.push(line);
        }
      );
      return { rows, lines };
    }

    it.each([1, 2, 3, 4, 5, 7, 11, 16, 64, 1024])(
      'reads the same rows when fed %i bytes at a time',
      async (size) => {
        expect(await streamed(size)).toEqual({
          rows: [
            ['1', 'Plain', 'x'],
            ['2', 'Multi\nline, "quoted"', 'y'],
            ['3', 'Café', 'z'],
            ['4', 'a\n\nb', ''],
            ['5', 'Last', 'end']
          ],
          lines: [2, 3, 5, 6, 9]
        });
      }
    );
  });
});

describe('long fields', () => {
  /** One record whose Note is `field`, fed in the export reader's 64 KiB chunks. */
  async function noteOf(field: string): Promise<string> {
    const bytes = Buffer.from(`Id,Note\n1,${field}\n`, 'latin1');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 1 << 16) yield bytes.subarray(i, i + (1 << 16));
    }
    let note = '';
    await parseCsvStream(chunks(), 'Test.csv', [{ name: 'Note', required: true }], (values) => {
      note = values[0];
    });
    return note;
  }

  // The reader once re-parsed the carried record with every chunk: 16 MB took 14 s and 1 MB of
  // escaped quotes over 10 minutes. Read once, each takes milliseconds (scripts/bench/longFields).
  it('reads a 16 MB field in linear time', async () => {
    expect((await noteOf('x'.repeat(16 << 20))).length).toBe(16 << 20);
  });

  it('reads a 2 MB quoted field of escaped quotes in linear time', async () => {
    expect(await noteOf(`"${'""'.repeat(1 << 20)}"`)).toBe('"'.repeat(1 << 20));
  });
});

describe('encodings: UTF-8 only, a byte-order mark allowed', () => {
  /** The rows of `bytes` fed `chunkSize` bytes at a time, or the error message. */
  async function outcome(bytes: Buffer, chunkSize = bytes.length): Promise<string[][] | string> {
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    }
    const rows: string[][] = [];
    try {
      await parseCsvStream(
        chunks(),
        'Test.csv',
        ['Id', 'Name'].map((name) => ({ name, required: true })),
        (values) => rows.push([...values])
      );
      return rows;
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      return (error as Error).message;
    }
  }

  const ADVICE = 'save it as UTF-8 (in Excel: CSV UTF-8)';
  const TEXT = 'Id,Name\n1,Plain\n2,Café\n';

  it.each([1, 2, 3, 1024])('reads UTF-8 with and without a BOM (%i bytes at a time)', async (size) => {
    const rows = [
      ['1', 'Plain'],
      ['2', 'Café']
    ];
    expect(await outcome(Buffer.from(TEXT, 'utf8'), size)).toEqual(rows);
    expect(await outcome(Buffer.from(`\ufeff${TEXT}`, 'utf8'), size)).toEqual(rows);
  });

  it.each([1, 2, 3, 1024])(
    'refuses Latin-1 naming the line of the first byte that is no UTF-8, never U+FFFD (%i bytes at a time)',
    async (size) => {
      expect(await outcome(Buffer.from(TEXT, 'latin1'), size)).toBe(
        `Test.csv:3: is not UTF-8 (byte 0xE9; looks like Latin-1 or Windows-1252); ${ADVICE}`
      );
    }
  );

  it.each([1, 2, 3, 1024])(
    'refuses UTF-16 as such, with or without its mark, never "missing column Id" (%i bytes at a time)',
    async (size) => {
      const le = Buffer.from(TEXT, 'utf16le');
      const be = Buffer.from(le);
      be.swap16();
      const mark = (order: string) => `Test.csv: is not UTF-8 (looks like UTF-16 ${order}); ${ADVICE}`;
      expect(await outcome(le, size)).toBe(mark('LE'));
      expect(await outcome(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), size)).toBe(mark('LE'));
      expect(await outcome(be, size)).toBe(mark('BE'));
      expect(await outcome(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), size)).toBe(mark('BE'));
    }
  );

  it('refuses a character cut short, also when its bytes arrive one chunk each', async () => {
    // 😀 is F0 9F 98 80: here its first two bytes, then a line break.
    const cut = Buffer.concat([
      Buffer.from('Id,Name\n1,'),
      Buffer.from([0xf0, 0x9f]),
      Buffer.from('\n2,x\n')
    ]);
    for (const size of [1, 2, 1024])
      expect(await outcome(cut, size)).toBe(
        `Test.csv:2: is not UTF-8 (byte 0xF0; looks like Latin-1 or Windows-1252); ${ADVICE}`
      );
  });

  it('refuses a file that ends inside a character', async () => {
    expect(await outcome(Buffer.concat([Buffer.from('Id,Name\n1,Caf'), Buffer.from([0xc3])]))).toBe(
      `Test.csv:2: is not UTF-8 (it ends inside a character); ${ADVICE}`
    );
  });
});
