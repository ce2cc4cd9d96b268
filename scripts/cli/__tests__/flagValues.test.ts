import fc from 'fast-check';
import { join } from 'node:path';
import { COMMANDS } from '../src/cli';
import { FIXTURES, psms } from './helpers/runPsms';

/**
 * Every value of every report flag: a bad one is a usage error (exit 2, one line, no report),
 * never "internal error" (exit 1) from deeper down, as `--period FY0000-Q1` and
 * `--today 0100-01-01` once were.
 */

/** Flags that name things outside psms (an org alias, a folder): their errors are the org's or the data's. */
const FREE_FORM = new Set(['org', 'data']);

/** What each report needs besides the flag under test, so that the flag's own check is reached. */
const BASE: Record<string, string[]> = {
  changes: ['--from', '2026-02-09', '--to', '2026-02-16'],
  agenda: ['--meeting', 'team']
};

const reports = COMMANDS.filter((c) => !['setup', 'seed', 'export'].includes(c.name));
const valueFlags = reports.flatMap((command) =>
  command.flags
    .filter((flag) => flag.kind === 'value' && !FREE_FORM.has(flag.name))
    .map((flag) => [command.name, flag.name] as const)
);

const BAD_VALUES = [
  '',
  ' ',
  'x',
  '-1',
  '0',
  '13',
  '1e3',
  '0x10',
  '2.5',
  'FY0000-Q1',
  'FY2026-Q5',
  'FY10000-Q1',
  'fy2026-q1',
  '0100-01-01',
  '2026-02-30',
  '2025-02-29',
  '2026-13-45',
  '2026-1-5',
  '2026-01-05T00:00',
  '\u0000',
  'ünïcode',
  '006000000000000'.slice(0, 14)
];

async function run(command: string, flag: string, value: string) {
  const data = command === 'agenda' ? 'cadenceQuarter' : 'partnerQuarter';
  const argv = [command, '--data', join(FIXTURES, data), ...(BASE[command] ?? []), `--${flag}=${value}`];
  return psms(argv);
}

describe('bad flag values are usage errors', () => {
  it('covers every value flag of every report', () => {
    expect(valueFlags.map(([command, flag]) => `${command} --${flag}`)).toEqual(
      expect.arrayContaining(['forecast --period', 'hygiene --today', 'changes --from', 'cadence --date'])
    );
  });

  it.each(valueFlags)('%s --%s', async (command, flag) => {
    for (const value of BAD_VALUES) {
      const result = await run(command, flag, value);
      // The value rides along so that a failure names it.
      expect({ value, ...result }).toEqual({
        value,
        code: 2,
        stdout: '',
        stderr: expect.stringMatching(/^psms: [^\n]+\n$/)
      });
      expect(result.stderr).not.toContain('internal error');
    }
  });

  it('any value of any flag gives a report, a usage error or a data error, each error one line', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...valueFlags),
        fc.string({ maxLength: 24 }),
        async ([command, flag], value) => {
          const result = await run(command, flag, value);
          expect([0, 2, 3]).toContain(result.code);
          if (result.code !== 0) {
            expect(result.stderr).toMatch(/^psms: [^\n]+\n$/);
            expect(result.stderr).not.toContain('internal error');
            expect(result.stdout).toBe('');
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});
