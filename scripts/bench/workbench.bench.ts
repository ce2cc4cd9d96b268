import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { measurePages, median, timingTable } from './pageTimings';

/**
 * The workbench in a real browser over the demo org (`npm start`: 4,000 opportunities): page to
 * rendered data for the Partner Forecast and the Hygiene Board as each opens and for the whole
 * channel (pageTimings.ts says what is measured). Median of five fresh loads, against 1 s.
 */
const RUNS = 5;
const TARGET_MS = 1_000;

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const timings = await measurePages(root, [], RUNS);
  console.log(
    `\nPage to rendered data over the demo org, Chromium, median of ${RUNS} (load average ` +
      `${median(timings.loads).toFixed(1)} during the runs, ${loadavg()[0].toFixed(1)} after):\n`
  );
  console.log(timingTable(timings, TARGET_MS));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
