import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser } from '../workbench/browserSession';

/**
 * Page to rendered data in the workbench, in Chromium (workbench.bench.ts over the demo org,
 * scalePages.bench.ts over the scale org). The workbench runs in its own process (`npm start`),
 * as a person runs it: its Apex runs synchronously, and in the bench's process it would hold up
 * the browser's driver. For the Partner Forecast and the Hygiene Board: the time from navigation
 * to the page showing its data as it opens (a manager's team; leadership's whole channel), and
 * from a manager choosing "All I can see" to the data of all they may see shown. Each measurement starts
 * on a quiet server: the workbench answers one call at a time, so the calls a page makes after
 * its data is shown (the waterfall's snapshots, the calibration) would delay the next page's.
 */

export interface PageTimings {
  /** Measurement name → each run's milliseconds. */
  times: Map<string, number[]>;
  /** The 1-minute load average as each run began. */
  loads: number[];
}

export interface SignInUser {
  id: string;
  name: string;
  role: string;
}

const WAIT = { timeout: 120_000 };

/** `npm start -- <args> --port N` on a free port; the measurements; then the server stopped. */
export async function measurePages(root: string, startArgs: string[], runs: number): Promise<PageTimings> {
  const server = await startServer(root, startArgs);
  const browser = await openBrowser();
  const { page } = browser;
  // Whom the workbench may sign in as: its session call lists them.
  const session = await page.context().request.get(`${server.url}/api/workbench/session`);
  const { users } = (await session.json()) as { users: SignInUser[] };
  const person = (role: string) => {
    const user = users.find((u) => u.role === role);
    if (!user) throw new Error(`the org has no ${role} user to sign in as`);
    return user;
  };
  const manager = person('manager');
  const leader = person('leadership');
  const inFlight = new Set<unknown>();
  page.on('request', (request) => request.url().includes('/api/') && inFlight.add(request));
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  const timings: PageTimings = { times: new Map(), loads: [] };
  const record = async (name: string, ms: number) => {
    timings.times.set(name, [...(timings.times.get(name) ?? []), ms]);
    await quiet(page, inFlight);
  };
  try {
    for (let i = 0; i < runs; i++) {
      timings.loads.push(loadavg()[0]);
      await signIn(page, server.url, manager.id);
      await record(
        `Partner Forecast as opened (${manager.name}, manager: team)`,
        await openForecast(page, server.url)
      );
      await record(
        'Partner Forecast, whole channel (the manager chooses All I can see)',
        await chooseScope(page, 'PartnerForecastController.getPipeline', 'all')
      );
      await record(
        `Hygiene Board as opened (${manager.name}, manager: team)`,
        await openHygiene(page, server.url)
      );
      await record(
        'Hygiene Board, whole channel (the manager chooses All I can see)',
        await chooseScope(page, 'PipelineHygieneController.getHygieneInputs', 'all')
      );
      // Leadership's pages open on the whole channel.
      await signIn(page, server.url, leader.id);
      await record(
        `Partner Forecast as opened (${leader.name}, leadership: whole channel)`,
        await openForecast(page, server.url)
      );
      await record(
        `Hygiene Board as opened (${leader.name}, leadership: whole channel)`,
        await openHygiene(page, server.url)
      );
    }
  } finally {
    await browser.close();
    server.stop();
  }
  return timings;
}

export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** The Markdown table the docs record, each median against the target. */
export function timingTable(timings: PageTimings, targetMs: number): string {
  const rows = [...timings.times].map(([name, values]) => {
    const m = median(values);
    return `| ${name} | ${m} ms | ${values.join(', ')} | ${m <= targetMs ? 'yes' : 'no'} |`;
  });
  return [`| page | median | runs (ms) | within ${targetMs} ms |`, '|---|---|---|---|', ...rows].join('\n');
}

/** Signs in through the workbench's session call, without loading a page (which would call Apex). */
async function signIn(page: Page, url: string, userId: string): Promise<void> {
  await page.goto('about:blank');
  const response = await page.context().request.post(`${url}/api/workbench/session`, { data: { userId } });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
}

/** Two animation frames: what the response changed has been rendered. */
async function painted(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
  );
}

async function openForecast(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(`${url}#/partner-forecast`);
  // The roll-up's total row: rendered once the pipeline has arrived.
  await page.locator('c-forecast-table tfoot tr td[data-column]').first().waitFor(WAIT);
  return Date.now() - started;
}

async function openHygiene(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(`${url}#/pipeline-hygiene-board`);
  await page.locator('[data-id="overall"]').first().waitFor(WAIT);
  await page.locator('[data-table="owner"] tbody tr').first().waitFor(WAIT);
  return Date.now() - started;
}

/** Chooses "All I can see" in the page's scope picker; until the operation's answer for it is shown. */
async function chooseScope(page: Page, operation: string, scope: string): Promise<number> {
  await page.locator('lightning-combobox[data-id="scope"] button').click();
  const answered = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/api/${operation}`) &&
      (response.request().postData() ?? '').includes(`"${scope}"`),
    WAIT
  );
  const started = Date.now();
  await page.getByRole('option', { name: /all i can see/i }).click();
  const response = await answered;
  if (!response.ok()) throw new Error(`${operation} failed: ${response.status()} ${await response.text()}`);
  await painted(page);
  return Date.now() - started;
}

/** Until no workbench call has been in flight for 300 ms (or two minutes have passed). */
async function quiet(page: Page, inFlight: Set<unknown>): Promise<void> {
  const until = Date.now() + WAIT.timeout;
  let idleSince = Date.now();
  while (Date.now() < until) {
    await page.waitForTimeout(50);
    if (inFlight.size > 0) idleSince = Date.now();
    else if (Date.now() - idleSince >= 300) return;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))
      );
    });
  });
}

/** `npm start -- <args>` on a free port, once it says it is ready. */
async function startServer(root: string, args: string[]): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    resolve(root, 'node_modules/.bin/tsx'),
    ['scripts/start.ts', ...args, '--port', String(port)],
    {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit']
    }
  );
  const url = await new Promise<string>((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready in .*: (http\S+)/.exec(output);
      if (ready) done(ready[1].replace(/\/$/, ''));
    });
    child.once('exit', (code) => fail(new Error(`the workbench stopped (${code}): ${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
