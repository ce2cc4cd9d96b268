import { join } from 'node:path';
import { ApexDate, ApexDatetime } from '../org/interpret/values/temporal';
import type { Clock } from '../org/interpret/orgContext';
import { systemClock } from '../org/orgRuntime';
import { buildWorkbench } from './build/buildWorkbench';
import { openDemoOrg, type DemoOrg } from './db/demoOrg';
import { startWorkbenchServer, type RunningServer } from './server/workbenchServer';

/**
 * The whole workbench in one call: build the components (cached), open or seed the demo org in
 * the local org runtime, serve. Used by `npm start`, the e2e tests and the bench.
 */
export interface WorkbenchOptions {
  root: string;
  port: number;
  seed: number;
  reset?: boolean;
  /** Defaults to `.psms/demo.db`; tests pass their own file. */
  databasePath?: string;
  /** Fixes today's date (tests); the demo's records are generated relative to it. Defaults to the real date. */
  today?: string;
  log?: (message: string) => void;
}

export interface Workbench extends RunningServer {
  org: DemoOrg;
  timings: { buildMs: number; buildCached: boolean; databaseMs: number; databaseCreated: boolean };
}

/** A clock whose date is `today` and whose time of day runs with the real one. */
export function clockOn(today: string | undefined): Clock {
  if (!today) return systemClock;
  const day = ApexDate.parse(today);
  if (!day) throw new Error(`not a date: ${today}`);
  return {
    today: () => day,
    now: () => new ApexDatetime(day.days * 86_400_000 + (Date.now() % 86_400_000))
  };
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const log = options.log ?? (() => {});
  const clock = clockOn(options.today);
  const databaseStarted = Date.now();
  const org = openDemoOrg({
    root: options.root,
    path: options.databasePath ?? join(options.root, '.psms', 'demo.db'),
    seed: options.seed,
    today: clock.today().toString(),
    clock,
    reset: options.reset
  });
  const databaseMs = Date.now() - databaseStarted;
  if (org.created) log(`Demo org seeded (seed ${options.seed}) in ${(databaseMs / 1000).toFixed(1)} s.`);
  else if (org.generatedFor !== clock.today().toString())
    log(
      `The demo org's dates are relative to ${org.generatedFor ?? 'the day it was made'}, not today: ` +
        'npm start -- --reset makes it again for today (and drops what was changed in it).'
    );
  try {
    const build = await buildWorkbench({ root: options.root, log });
    const server = await startWorkbenchServer({
      org,
      webDir: build.outDir,
      root: options.root,
      port: options.port
    });
    return {
      ...server,
      org,
      timings: {
        buildMs: build.milliseconds,
        buildCached: build.cached,
        databaseMs,
        databaseCreated: org.created
      },
      close: async () => {
        await server.close();
        org.close();
      }
    };
  } catch (error) {
    org.close();
    throw error;
  }
}
