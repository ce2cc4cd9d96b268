import { resolve } from 'node:path';
import { openScaleOrg, SCALE_TODAY } from './scale/scaleOrg';
import { startWorkbench } from './workbench/startWorkbench';

/**
 * `npm start`: the local workbench — PSMS's LWCs over an embedded demo org, on
 * http://127.0.0.1:4173/. Flags: --reset (recreate the demo org), --port N, --seed N, --scale
 * (serve the enterprise-size org of the scale benches instead: 1,000,000 opportunities, built
 * into .psms/ on first use, which takes several minutes; its today is fixed at 2026-11-26).
 */

interface StartFlags {
  reset: boolean;
  port: number;
  seed: number;
  scale: boolean;
}

const USAGE = 'usage: npm start -- [--reset] [--port N] [--seed N] [--scale]';

export function parseStartFlags(argv: readonly string[]): StartFlags {
  const flags: StartFlags = { reset: false, port: 4173, seed: 42, scale: false };
  const integer = (name: string, value: string | undefined, min: number, max: number): number => {
    const parsed = Number(value);
    if (value === undefined || !/^\d+$/.test(value) || parsed < min || parsed > max) {
      throw new Error(
        `${name} needs a whole number from ${min} to ${max}, got ${value === undefined ? 'nothing' : `"${value}"`}. ${USAGE}`
      );
    }
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (name === '--reset' && inline === undefined) flags.reset = true;
    else if (name === '--scale' && inline === undefined) flags.scale = true;
    else if (name === '--port') flags.port = integer('--port', value(), 1, 65535);
    else if (name === '--seed') flags.seed = integer('--seed', value(), 0, 2 ** 31 - 1);
    else throw new Error(`unknown flag "${argv[i]}". ${USAGE}`);
  }
  // The scale org is one fixed org (the demo of seed 42, grown), kept in its own file: neither
  // flag would mean anything for it, so neither is silently ignored.
  if (flags.scale && (flags.reset || argv.some((arg) => arg.split('=')[0] === '--seed'))) {
    throw new Error(`--scale serves the one scale org; it takes no --reset or --seed. ${USAGE}`);
  }
  return flags;
}

async function main(): Promise<void> {
  const started = Date.now();
  let flags: StartFlags;
  try {
    flags = parseStartFlags(process.argv.slice(2));
  } catch (error) {
    console.error(`psms start: ${(error as Error).message}`);
    process.exit(2);
  }
  const root = resolve(__dirname, '..');
  const log = (m: string) => console.log(m);
  const { scale, ...options } = flags;
  let scaled: { databasePath: string; today: string; seed: number; reset: boolean } | undefined;
  if (scale) {
    log('Opening the scale org (built on first use: several minutes)...');
    const org = openScaleOrg({ root, log });
    org.org.close();
    // The scale org is the demo of seed 42 grown; it is never reset from here.
    scaled = { databasePath: org.path, today: SCALE_TODAY, seed: 42, reset: false };
  }
  const workbench = await startWorkbench({ root, ...options, ...scaled, log });
  console.log(`PSMS workbench ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${workbench.url}`);
  const signedIn = workbench.org.users.find((u) => u.role === 'manager');
  console.log(
    `The package's Apex runs in the local org runtime; signed in as ${signedIn?.name ?? 'a partner manager'} (switch user at the top right). Ctrl+C stops it.`
  );
  const stop = () => void workbench.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message = (error as Error).message;
    console.error(
      /EADDRINUSE/.test(message)
        ? 'psms start: that port is in use; pass another with --port N.'
        : `psms start: ${(error as Error).stack ?? message}`
    );
    process.exit(1);
  });
}
