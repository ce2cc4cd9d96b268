import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, existsSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../src/cli';
import { EXIT, OutputError } from '../src/errors';
import { writeChunks, type OutputStream } from '../src/output/writeOutput';
import { id } from './helpers/fixtureIds';
import { FIXTURES } from './helpers/runPsms';

/**
 * When stdout cannot take the report: a full disk is one line and exit 1, never a stack trace;
 * a reader that went away (`| head -1`) is exit 141 without a word, as for any Unix tool, and
 * never 0 with the report lost (docs/cli.md, exit codes).
 */

const BIN = resolve(__dirname, '../bin/psms.js');
const data = join(FIXTURES, 'partnerQuarter');

/** A stream whose writes fail with `code` from the `failAt`-th on. */
function failingStream(code: string, failAt = 1): OutputStream & { text: string } {
  let writes = 0;
  return {
    text: '',
    write(text, done) {
      if (++writes >= failAt) setImmediate(() => done(Object.assign(new Error(code), { code })));
      else {
        this.text += text;
        setImmediate(() => done());
      }
    }
  };
}

describe('writeChunks', () => {
  it('rejects with the system reason when a write fails, and writes no further block', async () => {
    const out = failingStream('ENOSPC', 2);
    const blocks = ['a'.repeat(1 << 16), 'b'.repeat(1 << 16), 'c'.repeat(1 << 16)];
    await expect(writeChunks(out, blocks)).rejects.toEqual(new OutputError('ENOSPC'));
    expect(out.text).toBe(blocks[0]);
  });

  it('waits for each block to be taken, so a slow reader holds one block, not the report', async () => {
    let pending = 0;
    let most = 0;
    const out: OutputStream = {
      write(_text, done) {
        most = Math.max(most, ++pending);
        setTimeout(() => {
          pending--;
          done();
        }, 1);
      }
    };
    await writeChunks(
      out,
      Array.from({ length: 20 }, () => 'x'.repeat(1 << 16))
    );
    expect(most).toBe(1);
  });

  it('a closed pipe is exit 141 (128 + SIGPIPE), any other failure exit 1', () => {
    expect(new OutputError('EPIPE').exitCode).toBe(EXIT.brokenPipe);
    expect(EXIT.brokenPipe).toBe(141);
    expect(new OutputError('ENOSPC')).toMatchObject({
      exitCode: EXIT.runtime,
      message: 'cannot write the report to stdout: no space left on the device (ENOSPC)'
    });
  });
});

describe('runCli when stdout fails', () => {
  async function run(code: string) {
    let stderr = '';
    const exit = await runCli(['forecast', '--data', data, '--today', '2026-02-16'], {
      stdout: failingStream(code),
      stderr: { write: (text: string) => (stderr += text) },
      env: {}
    });
    return { exit, stderr };
  }

  it('a full disk: one line naming the reason, exit 1', async () => {
    expect(await run('ENOSPC')).toEqual({
      exit: 1,
      stderr: 'psms: cannot write the report to stdout: no space left on the device (ENOSPC)\n'
    });
  });

  it('a closed pipe: no message, exit 141', async () => {
    expect(await run('EPIPE')).toEqual({ exit: 141, stderr: '' });
  });
});

/** Runs the real `psms` with stdout on `stdout` (a file descriptor or a pipe). */
function psmsProcess(args: string[], stdout: number | 'pipe') {
  return spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', stdout, 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' }
  });
}

function exited(child: ReturnType<typeof psmsProcess>): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('the psms process', () => {
  (existsSync('/dev/full') ? it : it.skip)(
    'stdout on a full disk (/dev/full): one line, exit 1, no stack trace',
    async () => {
      const full = openSync('/dev/full', 'w');
      try {
        for (const args of [['forecast', '--data', data, '--today', '2026-02-16'], ['--help']]) {
          expect(await exited(psmsProcess(args, full))).toEqual({
            code: 1,
            stderr: 'psms: cannot write the report to stdout: no space left on the device (ENOSPC)\n'
          });
        }
      } finally {
        closeSync(full);
      }
    },
    60_000
  );

  it('stdout closed by its reader after the first bytes: exit 141, nothing on stderr', async () => {
    // A report far larger than a pipe's buffer: hygiene over 20,000 open, unassigned opportunities.
    const dir = mkdtempSync(join(tmpdir(), 'psms-epipe-'));
    cpSync(data, dir, { recursive: true });
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `${id(`006E${i}`)},Deal ${i},,,,2026-03-01,Prospecting,10,Pipeline,false,false,,,0,,2026-01-01T00:00:00.000Z,Partner,Analytics\n`
    );
    writeFileSync(
      join(dir, 'Opportunity.csv'),
      'Id,Name,AccountId,OwnerId,Amount,CloseDate,StageName,Probability,ForecastCategoryName,IsClosed,IsWon,NextStep,LastActivityDate,PushCount,LastStageChangeDate,CreatedDate,LeadSource,Product_Line__c\n' +
        rows.join('')
    );
    const child = psmsProcess(['hygiene', '--data', dir, '--today', '2026-02-16', '--json'], 'pipe');
    child.stdout?.once('data', () => child.stdout?.destroy());
    expect(await exited(child)).toEqual({ code: 141, stderr: '' });
  }, 60_000);
});
