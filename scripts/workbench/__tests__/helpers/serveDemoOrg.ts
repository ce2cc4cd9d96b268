import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDemoOrg } from '../../db/demoOrg';
import { startWorkbenchServer } from '../../server/workbenchServer';
import { clockOn } from '../../startWorkbench';

/** A workbench API server over an existing demo database, in its own process: `tsx serveDemoOrg.ts <db> <today>`. */
async function main(): Promise<void> {
  const [path, today] = process.argv.slice(2);
  const root = resolve(__dirname, '../../../..');
  const org = openDemoOrg({ root, path, seed: 3, today, clock: clockOn(today) });
  const server = await startWorkbenchServer({
    org,
    webDir: mkdtempSync(join(tmpdir(), 'psms-web-')),
    root,
    port: 0
  });
  process.stdout.write(`READY ${server.url}\n`);
  process.on('SIGTERM', () => {
    void server.close().then(() => {
      org.close();
      process.exit(0);
    });
  });
}

void main();
