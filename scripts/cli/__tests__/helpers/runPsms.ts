import { join } from 'node:path';
import { runCli, type CliDeps } from '../../src/cli';

/** Runs the CLI in-process and captures what a terminal would show. */

export const FIXTURES = join(__dirname, '..', 'fixtures');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const utf8 = new TextDecoder();

export async function psms(argv: string[], deps: CliDeps = {}, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      stdout: {
        write: (text: string | Uint8Array, done: () => void) => {
          stdout += typeof text === 'string' ? text : utf8.decode(text);
          done();
        },
        isTTY: false
      },
      stderr: { write: (text: string) => (stderr += text), isTTY: false },
      env,
      now: () => new Date(2026, 1, 16, 12, 0, 0)
    },
    deps
  );
  return { code, stdout, stderr };
}

/** A report over a fixture folder, parsed from --json. */
export async function reportJson(
  command: string,
  args: string[],
  fixture = 'partnerQuarter'
): Promise<Record<string, unknown>> {
  const run = await psms([
    command,
    '--data',
    join(FIXTURES, fixture),
    '--today',
    '2026-02-16',
    ...args,
    '--json'
  ]);
  if (run.code !== 0) throw new Error(`psms ${command} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}
