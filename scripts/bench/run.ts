import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `npm run bench`: runs every scripts/bench/*.bench.ts in turn, each in its own process. */
const dir = __dirname;
const tsx = resolve(dir, '../../node_modules/.bin/tsx');
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const run = spawnSync(tsx, [join(dir, bench)], {
    stdio: 'inherit',
    // A million-row bench holds several copies of the data: give the heap room.
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim()
    }
  });
  if (run.status !== 0) {
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
