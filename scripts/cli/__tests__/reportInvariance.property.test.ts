import fc from 'fast-check';
import { psms } from './helpers/runPsms';
import { randomExport, writeExport, type RandomExport } from './helpers/randomExport';

/**
 * A report is a function of the records, not of how the export lays them out: shuffling the
 * rows of every file, or reading the files in chunks of any 1..1024 bytes, never changes any
 * report (issue 16). Over random partner businesses with the ties that would expose an order
 * dependence (equal submission times, one customer registered twice, equal close dates).
 */

const REPORTS: string[][] = [
  ['forecast', '--period', 'FY2026-Q1'],
  ['forecast', '--period', 'FY2026-Q1', '--by', 'owner', '--include-direct'],
  ['forecast', '--period', 'FY2026-Q1', '--by', 'manager'],
  ['forecast', '--period', 'FY2026-Q1', '--by', 'region'],
  ['hygiene'],
  ['hygiene', '--all-open'],
  ['registrations'],
  ['changes', '--from', '2026-02-09', '--to', '2026-02-16'],
  ['kpis', '--period', 'FY2026-Q1'],
  ['accuracy', '--period', 'FY2026-Q1'],
  ['accuracy', '--period', 'FY2026-Q1', '--by', 'manager'],
  ['accuracy', '--period', 'FY2026-Q1', '--calibrated'],
  ['agenda', '--meeting', 'team'],
  ['agenda', '--meeting', 'rollup'],
  ['funnel', '--period', 'FY2026-Q1']
];

async function reports(dir: string, chunkSizes?: () => number): Promise<string[]> {
  const outputs: string[] = [];
  for (const report of REPORTS) {
    const run = await psms([...report, '--data', dir, '--today', '2026-02-16', '--json'], {
      exportChunkBytes: chunkSizes
    });
    // The random data is valid: every report must run. Its output, or its error, is compared.
    outputs.push(`${run.code} ${run.stdout}${run.stderr}`);
  }
  return outputs;
}

function shuffled(data: RandomExport, order: readonly number[]): RandomExport {
  const result: RandomExport = {};
  for (const [object, rows] of Object.entries(data) as [
    keyof RandomExport,
    RandomExport[keyof RandomExport]
  ][]) {
    const list = [...(rows ?? [])];
    // A Fisher–Yates shuffle driven by the drawn numbers.
    for (let i = list.length - 1; i > 0; i--) {
      const j = order[i % order.length] % (i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
    result[object] = list;
  }
  return result;
}

describe('reports do not depend on row order or chunk boundaries', () => {
  it('every report over a shuffled export read in 1..1024-byte chunks equals the report over the export', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomExport(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 1024 }), { minLength: 1, maxLength: 6 }),
        async (data, order, sizes) => {
          const expected = await reports(writeExport(data));
          expect(expected.filter((output) => !output.startsWith('0 '))).toEqual([]);
          let read = 0;
          const chunked = await reports(
            writeExport(shuffled(data, order)),
            () => sizes[read++ % sizes.length]
          );
          expect(chunked).toEqual(expected);
        }
      ),
      { numRuns: 40 }
    );
  }, 120_000);
});
