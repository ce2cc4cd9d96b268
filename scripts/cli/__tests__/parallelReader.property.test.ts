import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExportThreads } from '../src/export/exportThreads';
import { psms } from './helpers/runPsms';
import { randomExport, writeExport } from './helpers/randomExport';

/**
 * The parallel reader (worker threads, each parsing byte ranges of a file) gives every report
 * exactly what the one-thread reader gives: the same output for a valid export, and for a bad
 * one the same exit code and the same first error in file order, `file:line: field: reason`.
 * Ranges of 1..300 bytes put split points everywhere: inside quoted fields, between a CR and
 * its LF, inside multi-byte characters. Exports are random partner businesses (names with
 * commas, quotes and line breaks), some with CRLF line breaks or a byte-order mark, some
 * damaged: a byte changed, a row repeated, a line break or a quote added.
 */

const REPORTS: string[][] = [
  ['forecast', '--period', 'FY2026-Q1'],
  ['forecast', '--period', 'FY2026-Q1', '--by', 'owner', '--include-direct'],
  ['hygiene'],
  ['registrations'],
  ['changes', '--from', '2026-02-09', '--to', '2026-02-16'],
  ['kpis', '--period', 'FY2026-Q1'],
  ['agenda', '--meeting', 'team']
];

/** Files the damage may hit: the large ones of a real export, and the snapshots (keyed by date and opportunity). */
const DAMAGED = [
  'Opportunity.csv',
  'Partner_Deal__c.csv',
  'Opportunity_Snapshot__c.csv',
  'Deal_Registration__c.csv'
];

const damage = fc.record({
  file: fc.constantFrom(...DAMAGED),
  /** Where, as a fraction of the file. */
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('byte', 'repeat row', 'insert'),
  text: fc.constantFrom(',', '"', '\n', '\r', '\r\n', 'x', ' ', '-', '2026-13-01', '\u00e9', 'é'),
  byte: fc.constantFrom(0x2c, 0x22, 0x0a, 0x0d, 0x78, 0x30, 0xe9, 0xff, 0x41)
});

type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function damaged(dir: string, what: Damage): void {
  const path = join(dir, what.file);
  const bytes = readFileSync(path);
  if (bytes.length === 0) return;
  const at = Math.min(bytes.length - 1, Math.floor(what.at * bytes.length));
  let result: Buffer;
  if (what.kind === 'byte') {
    result = Buffer.from(bytes);
    result[at] = what.byte;
  } else if (what.kind === 'insert') {
    result = Buffer.concat([bytes.subarray(0, at), Buffer.from(what.text, 'latin1'), bytes.subarray(at)]);
  } else {
    const lines = bytes.toString('utf8').split('\n');
    const line = 1 + Math.floor(what.at * (lines.length - 2));
    if (line >= lines.length - 1) return;
    lines.splice(line, 0, lines[line]);
    result = Buffer.from(lines.join('\n'), 'utf8');
  }
  writeFileSync(path, result);
}

function reshaped(dir: string, crlf: boolean, bom: boolean): void {
  for (const file of DAMAGED) {
    const path = join(dir, file);
    let text = readFileSync(path, 'utf8');
    if (crlf) text = text.replace(/\n/g, '\r\n');
    if (bom) text = `\ufeff${text}`;
    writeFileSync(path, text);
  }
}

describe('the parallel reader reads an export as the one-thread reader does', () => {
  const pool = new ExportThreads({ threads: 2, minBytes: 0, rangeBytes: 64 });
  afterAll(() => pool.close());

  async function outputs(dir: string, parallel: boolean, rangeBytes: number): Promise<string[]> {
    pool.options.rangeBytes = rangeBytes;
    const results: string[] = [];
    for (const report of REPORTS) {
      const run = await psms(
        [...report, '--data', dir, '--today', '2026-02-16', '--json'],
        { exportParallel: parallel ? pool : { threads: 0 } },
        {}
      );
      results.push(`${run.code} ${run.stdout}${run.stderr}`);
    }
    return results;
  }

  it('a valid export, LF or CRLF, with or without a byte-order mark, is read by the threads alone', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomExport(),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        fc.boolean(),
        async (data, rangeBytes, crlf, bom) => {
          const dir = writeExport(data);
          reshaped(dir, crlf, bom);
          const before = pool.declines;
          const parallel = await outputs(dir, true, rangeBytes);
          expect(pool.declines).toBe(before);
          expect(parallel).toEqual(await outputs(dir, false, rangeBytes));
        }
      ),
      { numRuns: 30 }
    );
  }, 300_000);

  it('the same reports, the same errors, wherever the ranges split the files', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomExport(),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        fc.boolean(),
        fc.option(damage, { nil: null }),
        async (data, rangeBytes, crlf, bom, hurt) => {
          const dir = writeExport(data);
          reshaped(dir, crlf, bom);
          if (hurt !== null) damaged(dir, hurt);
          expect(await outputs(dir, true, rangeBytes)).toEqual(await outputs(dir, false, rangeBytes));
        }
      ),
      { numRuns: 60 }
    );
  }, 300_000);
});
