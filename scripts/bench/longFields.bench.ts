import { parseCsvStream } from '../cli/src/csv/streamingCsv';
import { CHUNK_BYTES } from '../cli/src/export/readExport';

/**
 * Long-field bench (`npm run bench`): one CSV record whose field is 1, 4 and 16 MB long, fed to
 * the CLI's CSV reader in the export reader's chunk size, as a file would be. A reader that
 * re-parses the record carried over from the previous chunk is quadratic here (a 16 MB field
 * took 10 s, a 2 MB field of escaped quotes 84 s); a linear one takes the same time per MB at
 * every size. Target: every 16 MB field under 1 s, and linear: 4× the size costs at most 8× the
 * time (a quadratic reader costs 16×; 40 ms of slack, since the small sizes take milliseconds).
 */

const MB = 1 << 20;
const SIZES = [1, 4, 16];
/** A shape whose time passes this is reported as it is and its larger sizes are skipped. */
const GIVE_UP_MS = 20_000;

/** Each shape makes the text of a field of about `bytes` bytes, quoted or not. */
const SHAPES: { name: string; field: (bytes: number) => string }[] = [
  { name: 'unquoted', field: (bytes) => 'x'.repeat(bytes) },
  { name: 'quoted', field: (bytes) => `"${'x'.repeat(bytes)}"` },
  { name: 'quoted, all ""', field: (bytes) => `"${'""'.repeat(bytes / 2)}"` },
  { name: 'quoted, a line every 80', field: (bytes) => `"${`${'y'.repeat(79)}\n`.repeat(bytes / 80)}"` }
];

async function timeField(text: string): Promise<number> {
  const bytes = Buffer.from(`Id,Note\n0010000000000A1,${text}\n0010000000000A2,short\n`, 'latin1');
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
  }
  let rows = 0;
  const started = performance.now();
  await parseCsvStream(chunks(), 'Long.csv', [{ name: 'Note', required: true }], () => rows++);
  const ms = performance.now() - started;
  if (rows !== 2) throw new Error(`expected 2 rows, read ${rows}`);
  return ms;
}

async function main(): Promise<void> {
  let failed = false;
  for (const shape of SHAPES) {
    const times: number[] = [];
    for (const size of SIZES) {
      // The best of three: on shared cores one slow run says more about the neighbours.
      const runs: number[] = [];
      for (let run = 0; run < 3 && (runs.length === 0 || runs[0] < GIVE_UP_MS / 3); run++)
        runs.push(await timeField(shape.field(size * MB)));
      times.push(Math.min(...runs));
      if (times[times.length - 1] > GIVE_UP_MS) break;
    }
    const perMb = times.map((ms, i) => ms / SIZES[i]);
    const cells = times.map((ms, i) => `${SIZES[i]} MB ${ms.toFixed(0)} ms (${perMb[i].toFixed(1)} ms/MB)`);
    const sixteen = times.length === SIZES.length ? times[times.length - 1] : Infinity;
    const linear = times.every((ms, i) => i === 0 || ms <= 8 * times[i - 1] + 40);
    const ok = sixteen < 1000 && linear;
    if (!ok) failed = true;
    console.log(
      `${shape.name.padEnd(24)} ${cells.join('  ')}  ${ok ? '✓ linear, 16 MB < 1 s' : `✗ ${linear ? '' : 'not linear; '}${sixteen < 1000 ? '' : '16 MB ≥ 1 s'}`}`
    );
  }
  if (failed) process.exitCode = 1;
}

void main();
