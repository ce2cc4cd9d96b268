import { join } from 'node:path';
import { settingsFromMetadata } from '../lib/settingsFromMetadata';
import { systemClock, type AdapterContext } from './adapter/adapterContext';
import { buildWorkbench } from './build/buildWorkbench';
import { openDemoDatabase } from './db/demoDatabase';
import { startWorkbenchServer, type RunningServer } from './server/workbenchServer';

/** The whole workbench in one call: build (cached), open or seed the demo org, serve. Used by `npm start`, the e2e tests and the bench. */

export interface WorkbenchOptions {
  root: string;
  port: number;
  seed: number;
  reset?: boolean;
  /** Defaults to `.psms/demo.db`; tests pass their own file. */
  databasePath?: string;
  /** Fixes the clock (tests); defaults to the real date. */
  clock?: Pick<AdapterContext, 'today' | 'now'>;
  log?: (message: string) => void;
}

export interface Workbench extends RunningServer {
  ctx: AdapterContext;
  timings: { buildMs: number; buildCached: boolean; databaseMs: number; databaseCreated: boolean };
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const log = options.log ?? (() => {});
  const forceAppDir = join(options.root, 'force-app');
  const clock = options.clock ?? systemClock();
  const databaseStarted = Date.now();
  const demo = openDemoDatabase({
    path: options.databasePath ?? join(options.root, '.psms', 'demo.db'),
    forceAppDir,
    seed: options.seed,
    today: clock.today(),
    reset: options.reset
  });
  const databaseMs = Date.now() - databaseStarted;
  if (demo.created) log(`Demo org seeded (seed ${options.seed}) in ${(databaseMs / 1000).toFixed(1)} s.`);
  try {
    const build = await buildWorkbench({ root: options.root, log });
    const ctx: AdapterContext = { demo, settings: settingsFromMetadata(forceAppDir), forceAppDir, ...clock };
    const server = await startWorkbenchServer({
      ctx,
      webDir: build.outDir,
      root: options.root,
      port: options.port
    });
    return {
      ...server,
      ctx,
      timings: {
        buildMs: build.milliseconds,
        buildCached: build.cached,
        databaseMs,
        databaseCreated: demo.created
      },
      close: async () => {
        await server.close();
        demo.close();
      }
    };
  } catch (error) {
    demo.close();
    throw error;
  }
}
