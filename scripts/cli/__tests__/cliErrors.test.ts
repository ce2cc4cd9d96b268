import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../src/errors';
import { unreadable } from '../src/export/fileChunks';
import { id } from './helpers/fixtureIds';
import { FIXTURES, psms } from './helpers/runPsms';

/** Every user mistake: one line on stderr, no stack trace, the documented exit code (1 runtime, 2 usage, 3 data). */

const data = join(FIXTURES, 'partnerQuarter');

/** A copy of the fixture with one file replaced. */
function brokenExport(file: string, content: string | Buffer | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'psms-broken-'));
  cpSync(data, dir, { recursive: true });
  if (content !== null) writeFileSync(join(dir, file), content);
  else rmSync(join(dir, file));
  return dir;
}

async function expectError(argv: string[], code: number, message: string): Promise<void> {
  const run = await psms(argv);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`psms: ${message}\n`);
  expect(run.code).toBe(code);
}

describe('usage errors (exit 2)', () => {
  it('an unknown command, with a suggestion', () =>
    expectError(
      ['forcast'],
      2,
      'unknown command "forcast" (did you mean forecast?); run psms --help for the list'
    ));
  it('an unknown flag, with a suggestion', () =>
    expectError(
      ['hygiene', '--data', data, '--al-open'],
      2,
      'hygiene: unknown flag --al-open (did you mean --all-open?)'
    ));
  it('a flag without its value', () =>
    expectError(['forecast', '--org', '--json'], 2, 'forecast: --org needs a value (alias|username)'));
  it('a date that does not exist', () =>
    expectError(
      ['hygiene', '--data', data, '--today', '2026-02-30'],
      2,
      'hygiene: --today must be a date YYYY-MM-DD that exists, from 1700-01-01 to 4000-12-31, not "2026-02-30"'
    ));
  it('a malformed period', () =>
    expectError(
      ['kpis', '--data', data, '--period', 'Q1-2026'],
      2,
      'kpis: --period must be a fiscal quarter like FY2026-Q4, not "Q1-2026"'
    ));
  it('a fiscal start month out of range', () =>
    expectError(
      ['cadence', '--fiscal-start-month', '13'],
      2,
      'cadence: --fiscal-start-month must be a whole number from 1 to 12, not "13"'
    ));
  it('a grouping that does not exist', () =>
    expectError(
      ['forecast', '--data', data, '--by', 'partners'],
      2,
      'forecast: --by must be one of partner, owner, manager, region, not "partners" (did you mean partner?)'
    ));
  it('no data source', () =>
    expectError(['hygiene'], 2, 'hygiene: give --org <alias> or --data <export folder>'));
  it('two data sources', () =>
    expectError(['hygiene', '--org', 'x', '--data', data], 2, 'hygiene: give --org or --data, not both'));
  it('snapshot dates in the wrong order', () =>
    expectError(
      ['changes', '--data', data, '--from', '2026-02-16', '--to', '2026-02-09'],
      2,
      'changes: --from (2026-02-16) must be before --to (2026-02-09)'
    ));
  it('an unknown permission set for setup, before any org is contacted', () =>
    expectError(
      ['setup', '--org', 'x', '--assign', 'PSMS_Partner_Manger=a@x.com'],
      2,
      'setup: --assign: unknown permission set "PSMS_Partner_Manger" (did you mean PSMS_Partner_Manager?); one of PSMS_Partner_Rep, PSMS_Partner_Manager, PSMS_Leadership, PSMS_Admin'
    ));

  it('prints help with exit 0, and the command list with exit 2 when no command is given', async () => {
    expect((await psms(['--help'])).code).toBe(0);
    expect((await psms(['forecast', '--help'])).stdout).toContain('--by <partner|owner|manager|region>');
    const bare = await psms([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toContain(
      'Exit codes: 0 ok, 1 runtime failure (org, API, network), 2 usage error, 3 bad input data.'
    );
  });
});

describe('data errors (exit 3)', () => {
  it('a missing export folder', () =>
    expectError(['hygiene', '--data', '/no/such/folder'], 3, 'export folder not found: /no/such/folder'));

  it('a missing file, named with the object the report needs', async () => {
    const dir = brokenExport('Partner_Target__c.csv', null);
    await expectError(
      ['forecast', '--data', dir],
      3,
      `${join(dir, 'Partner_Target__c.csv')}: missing file (the report needs Partner_Target__c)`
    );
  });

  it('a directory named like the file: one line, exit 3, not EISDIR', async () => {
    const dir = brokenExport('Opportunity.csv', null);
    mkdirSync(join(dir, 'Opportunity.csv'));
    await expectError(
      ['forecast', '--data', dir],
      3,
      `${join(dir, 'Opportunity.csv')}: cannot be read: it is a directory, not a file`
    );
  });

  it('a file that cannot be opened (a loop of symbolic links)', async () => {
    const dir = brokenExport('Opportunity.csv', null);
    symlinkSync('Opportunity.csv', join(dir, 'Opportunity.csv'));
    await expectError(
      ['forecast', '--data', dir],
      3,
      `${join(dir, 'Opportunity.csv')}: cannot be read: a loop of symbolic links`
    );
  });

  // Root reads any file, so the permission itself is only tested as another user.
  (process.getuid?.() === 0 ? it.skip : it)('a file without read permission: EACCES in words', async () => {
    const dir = brokenExport('Opportunity.csv', 'Id\n');
    chmodSync(join(dir, 'Opportunity.csv'), 0o000);
    await expectError(
      ['forecast', '--data', dir],
      3,
      `${join(dir, 'Opportunity.csv')}: cannot be read: permission denied`
    );
  });

  it('says why a file cannot be read, for each reason the system gives', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: ...`), { code });
    expect(unreadable('/x/A.csv', error('EACCES'))).toEqual(
      new DataError('/x/A.csv: cannot be read: permission denied')
    );
    expect(unreadable('/x/A.csv', error('EIO')).message).toBe(
      '/x/A.csv: cannot be read: an input/output error'
    );
    expect(unreadable('/x/A.csv', error('EMFILE')).message).toBe('/x/A.csv: cannot be read: EMFILE');
  });

  it('a missing column, named with its file', async () => {
    const dir = brokenExport(
      'Partner_Deal__c.csv',
      `Id,Opportunity__c,Partner_Account__c\n${id('a01D1')},${id('006O1')},${id('001P1')}\n`
    );
    await expectError(['forecast', '--data', dir], 3, 'Partner_Deal__c.csv: missing column Is_Primary__c');
  });

  it('a malformed row: file, line and column', async () => {
    const dir = brokenExport(
      'Opportunity.csv',
      `Id,Amount,CloseDate,ForecastCategoryName,IsClosed,IsWon,OwnerId\n${id('006A')},10,2026-01-05,Commit,false,false,${id('005U1')}\n${id('006B')},"1"0,2026-01-05,Commit,false,false,${id('005U1')}\n`
    );
    // Line 3 is `<18-character id>,"1"0,...`: the id (1–18), comma (19), "1" (20–22), then the stray 0 in column 23.
    await expectError(
      ['forecast', '--data', dir],
      3,
      'Opportunity.csv:3:23: unexpected character after the closing quote of field 2 (Amount)'
    );
  });

  it('a malformed row after rows already folded into the roll-up: the error alone, no partial report', async () => {
    const header = 'Id,Amount,CloseDate,ForecastCategoryName,IsClosed,IsWon,OwnerId\n';
    // ~300 KB of valid in-period rows: several 64 KiB read chunks before the bad one.
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `${id(`006R${i}`)},10,2026-01-05,Commit,false,false,${id('005U1')}\n`
    );
    const dir = brokenExport(
      'Opportunity.csv',
      header + rows.join('') + `${id('006Z')},10,2026-01-05,Commit,maybe,false,${id('005U1')}\n`
    );
    await expectError(
      ['forecast', '--data', dir],
      3,
      'Opportunity.csv:5002: IsClosed: "maybe" is not true or false'
    );
  });

  it('a file that is not UTF-8, named as what it looks like', async () => {
    const rows = `Id,Amount,CloseDate,ForecastCategoryName,IsClosed,IsWon,OwnerId\n${id('006A')},10,2026-01-05,Commit,false,false,${id('005U1')}\n`;
    const advice = 'save it as UTF-8 (in Excel: CSV UTF-8)';
    const latin1 = brokenExport(
      'Opportunity.csv',
      Buffer.from(`${rows}${id('006B')},10,2026-01-05,Commit,false,false,Café\n`, 'latin1')
    );
    await expectError(
      ['forecast', '--data', latin1],
      3,
      `Opportunity.csv:3: is not UTF-8 (byte 0xE9; looks like Latin-1 or Windows-1252); ${advice}`
    );
    const utf16 = brokenExport('Opportunity.csv', Buffer.from(`\ufeff${rows}`, 'utf16le'));
    await expectError(
      ['forecast', '--data', utf16],
      3,
      `Opportunity.csv: is not UTF-8 (looks like UTF-16 LE); ${advice}`
    );
  });

  it('a value that is not what its column holds', async () => {
    const dir = brokenExport(
      'Opportunity.csv',
      `Id,Amount,CloseDate,ForecastCategoryName,IsClosed,IsWon,OwnerId\n${id('006A')},ten,2026-01-05,Commit,false,false,${id('005U1')}\n`
    );
    await expectError(
      ['forecast', '--data', dir],
      3,
      'Opportunity.csv:2: Amount: "ten" is not a decimal number (digits, optionally a minus and a decimal point)'
    );
  });

  it('a malformed date is reported, not silently left out of the period', async () => {
    const dir = brokenExport(
      'Opportunity.csv',
      `Id,Amount,CloseDate,ForecastCategoryName,IsClosed,IsWon,OwnerId\n${id('006A')},10,05/01/2026,Commit,false,false,${id('005U1')}\n`
    );
    await expectError(
      ['forecast', '--data', dir],
      3,
      'Opportunity.csv:2: CloseDate: "05/01/2026" is not a date YYYY-MM-DD that exists, from 1700-01-01 to 4000-12-31'
    );
  });

  it('a blank required value', async () => {
    const dir = brokenExport(
      'Opportunity.csv',
      `Id,Amount,CloseDate,ForecastCategoryName,IsClosed,IsWon,OwnerId\n${id('006A')},10,2026-01-05,Commit,,false,${id('005U1')}\n`
    );
    await expectError(
      ['forecast', '--data', dir],
      3,
      'Opportunity.csv:2: IsClosed: blank, but every row needs a value'
    );
  });
});
