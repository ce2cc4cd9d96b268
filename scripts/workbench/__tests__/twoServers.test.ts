import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDemoOrg } from '../db/demoOrg';
import { clockOn } from '../startWorkbench';

/**
 * Two workbench processes on one database file: ids are allocated inside each write and every
 * Apex transaction takes the database's write lock, so no write is lost and "first to register
 * wins" holds across processes; and neither may delete the file under the other.
 */
const root = join(__dirname, '..', '..', '..');
const TODAY = '2026-11-26';
const tsx = join(root, 'node_modules', '.bin', 'tsx');
let dir: string;
let path: string;
const servers: { process: ChildProcess; url: string }[] = [];
let rep = '';
let partners: string[] = [];

function serve(): Promise<{ process: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(__dirname, 'helpers', 'serveDemoOrg.ts'), path, TODAY], {
      stdio: ['ignore', 'pipe', 'inherit']
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) resolve({ process: child, url: ready[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'psms-two-'));
  path = join(dir, 'demo.db');
  const org = openDemoOrg({ root, path, seed: 3, today: TODAY, clock: clockOn(TODAY) });
  rep = org.users.find((u) => u.role === 'rep')?.id ?? '';
  partners = (
    org.runtime.database.sql
      .prepare(`SELECT Id FROM "Account" WHERE Partner_Status__c = 'Active' ORDER BY Id LIMIT 2`)
      .all() as { Id: string }[]
  ).map((r) => r.Id);
  org.close();
  servers.push(await serve(), await serve());
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.process.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dir, { recursive: true, force: true });
});

it('20 submissions on one key across two servers: exactly one winner, 19 clean Duplicates, 20 stored records', async () => {
  const submissions = Array.from({ length: 20 }, (_, i) =>
    fetch(`${servers[i % 2].url}api/PartnerDealsController.submitRegistration`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `psms_user=${rep}` },
      body: JSON.stringify({
        registration: {
          Partner_Account__c: partners[i % 2],
          End_Customer_Name__c: 'Two Servers Ltd',
          End_Customer_Domain__c: 'two-servers.example',
          Product_Line__c: 'Security'
        }
      })
    }).then(async (response) => ({
      status: response.status,
      json: (await response.json()) as Record<string, unknown>
    }))
  );
  const results = await Promise.all(submissions);
  expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
  const winners = results.filter((r) => r.json.Status__c === 'Submitted');
  expect(winners).toHaveLength(1);
  const losers = results.filter((r) => r !== winners[0]);
  expect(
    losers.every(
      (r) => r.json.Status__c === 'Rejected' && r.json.Conflicting_Registration__c === winners[0].json.Id
    )
  ).toBe(true);
  expect(new Set(results.map((r) => r.json.Id)).size).toBe(20);
  const org = openDemoOrg({ root, path, seed: 3, today: TODAY, clock: clockOn(TODAY) });
  const stored = org.runtime.database.sql
    .prepare(
      `SELECT COUNT(*) AS n FROM "Deal_Registration__c" WHERE Normalized_Key__c = 'two-servers.example|security'`
    )
    .get() as { n: number };
  org.close();
  expect(stored.n).toBe(20);
}, 120_000);

it('no process may reset or reseed a database another one is using', () => {
  expect(() =>
    openDemoOrg({ root, path, seed: 3, today: TODAY, clock: clockOn(TODAY), reset: true })
  ).toThrow(/--reset would recreate .*another workbench \(pid \d+/);
  expect(() => openDemoOrg({ root, path, seed: 9, today: TODAY, clock: clockOn(TODAY) })).toThrow(
    /--seed 9 .*another workbench/
  );
});

it('remakes a database an older demo generator made, once no other process uses it', async () => {
  const open = (today = TODAY) => openDemoOrg({ root, path, seed: 3, today, clock: clockOn(today) });
  const first = open();
  expect(first.created).toBe(false);
  expect(first.generatedFor).toBe(TODAY);
  first.runtime.database.setMeta('demoGenerator', 'an older generator');
  first.close();
  // The servers still hold the file: remaking it under them is refused, as a reseed is.
  expect(() => open()).toThrow(/a newer demo generator would recreate .*another workbench/);
  // SIGTERM: tsx passes it on to the server it runs, which then lets go of the file.
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((exited) => {
          server.process.once('exit', exited);
          server.process.kill('SIGTERM');
        })
    )
  );
  const remade = open('2026-11-27');
  expect(remade.created).toBe(true);
  expect(remade.generatedFor).toBe('2026-11-27');
  remade.close();
  const again = open('2026-11-28');
  expect([again.created, again.generatedFor]).toEqual([false, '2026-11-27']);
  again.close();
}, 120_000);
