import { resolve } from 'node:path';
import { startWorkbench } from './workbench/startWorkbench';

/**
 * `npm start`: the local workbench — PSMS's LWCs over an embedded demo org, on
 * http://127.0.0.1:4173/. Flags: --reset (recreate the demo org), --port N, --seed N.
 */

interface StartFlags {
  reset: boolean;
  port: number;
  seed: number;
}

const USAGE = 'usage: npm start -- [--reset] [--port N] [--seed N]';

export function parseStartFlags(argv: readonly string[]): StartFlags {
  const flags: StartFlags = { reset: false, port: 4173, seed: 42 };
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
    else if (name === '--port') flags.port = integer('--port', value(), 1, 65535);
    else if (name === '--seed') flags.seed = integer('--seed', value(), 0, 2 ** 31 - 1);
    else throw new Error(`unknown flag "${argv[i]}". ${USAGE}`);
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
  const workbench = await startWorkbench({
    root: resolve(__dirname, '..'),
    ...flags,
    log: (m) => console.log(m)
  });
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
