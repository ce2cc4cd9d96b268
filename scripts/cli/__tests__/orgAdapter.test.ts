import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkUpsert } from '../src/org/bulkIngest';
import { connectToOrg } from '../src/org/connect';
import { OrgClient } from '../src/org/orgClient';
import { orgSource } from '../src/org/orgSource';
import { load } from '../src/reports/reportCommand';
import { CliError } from '../src/errors';
import {
  API,
  FAST_BULK,
  NO_WAIT,
  objectOf,
  startFakeOrg,
  settingsRecordsResponse,
  type FakeOrg,
  type FakeRequest,
  type FakeResponse
} from './helpers/fakeSalesforce';
import { readCustomMetadataRecords } from '../../lib/customMetadataRecords';
import { FORCE_APP_DIR } from '../src/cli';
import { id } from './helpers/fixtureIds';
import { FIXTURES, psms } from './helpers/runPsms';
import { CsvParser } from '../src/csv/streamingCsv';

/** The org adapter against a local HTTP server that speaks the REST query endpoint and Bulk API 2.0. */

let org: FakeOrg | undefined;
afterEach(async () => {
  await org?.close();
  org = undefined;
});

const countOf = (totals: Record<string, number>) => (request: FakeRequest) => ({
  json: { totalSize: totals[objectOf(request.query.get('q') ?? '')] ?? 0, done: true, records: [] }
});

describe('REST query endpoint', () => {
  it('follows nextRecordsUrl and types the values like an export', async () => {
    org = await startFakeOrg((request) => {
      const q = request.query.get('q') ?? '';
      if (q.startsWith('SELECT COUNT()')) return countOf({ Partner_Deal__c: 3 })(request);
      if (request.path === `${API}/query`) {
        expect(q).toBe(
          'SELECT Id, Opportunity__c, Partner_Account__c, Is_Primary__c FROM Partner_Deal__c WHERE Is_Primary__c = true'
        );
        return {
          json: {
            totalSize: 3,
            done: false,
            nextRecordsUrl: `${API}/query/01gNEXT-2000`,
            records: [
              {
                attributes: { type: 'Partner_Deal__c' },
                Id: id('a01D1'),
                Opportunity__c: id('006O1'),
                Partner_Account__c: id('001P1'),
                Is_Primary__c: true
              },
              {
                attributes: { type: 'Partner_Deal__c' },
                Id: id('a01D2'),
                Opportunity__c: id('006O2'),
                Partner_Account__c: id('001P1'),
                Is_Primary__c: true
              }
            ]
          }
        };
      }
      return {
        json: {
          totalSize: 3,
          done: true,
          records: [
            { Id: id('a01D3'), Opportunity__c: id('006O3'), Partner_Account__c: null, Is_Primary__c: true }
          ]
        }
      };
    });
    const source = orgSource(new OrgClient(org.connection(), NO_WAIT), 'fake');
    const rows = await load(source, {
      object: 'Partner_Deal__c',
      fields: ['Id', 'Opportunity__c', 'Partner_Account__c', 'Is_Primary__c'],
      where: [{ field: 'Is_Primary__c', op: 'is', value: true }]
    }).catch((error: Error) => error);
    // Partner_Account__c is never blank in PSMS: the null in page 2 is reported, not passed on.
    expect((rows as Error).message).toBe(
      'Partner_Deal__c (fake):3: Partner_Account__c: blank, but every row needs a value'
    );
    // One count, two pages.
    expect(org.requests.map((r) => r.path)).toEqual([
      `${API}/query`,
      `${API}/query`,
      `${API}/query/01gNEXT-2000`
    ]);
    expect(org.requests.every((r) => r.authorization === 'Bearer token-1')).toBe(true);
  });

  it('reads Organization.FiscalYearStartMonth', async () => {
    org = await startFakeOrg(() => ({
      json: { totalSize: 1, done: true, records: [{ FiscalYearStartMonth: 2 }] }
    }));
    expect(await orgSource(new OrgClient(org.connection(), NO_WAIT), 'fake').orgFiscalYearStartMonth()).toBe(
      2
    );
  });
});

/** Bulk API 2.0 query jobs: create, poll (InProgress once), results pages cut by maxRecords with Sforce-Locator. */
function bulkOrg(rowsPerObject: Record<string, number>, csvRow: (i: number) => string, header: string) {
  const jobs = new Map<string, { object: string; polls: number }>();
  return (request: FakeRequest) => {
    const q = request.query.get('q') ?? '';
    if (request.path === `${API}/query` && q.startsWith('SELECT COUNT()'))
      return countOf(rowsPerObject)(request);
    if (request.path === `${API}/query`) return { json: { totalSize: 0, done: true, records: [] } };
    if (request.method === 'POST' && request.path === `${API}/jobs/query`) {
      const id = `750JOB${jobs.size}`;
      jobs.set(id, { object: objectOf(JSON.parse(request.body).query), polls: 0 });
      return { json: { id, state: 'UploadComplete' } };
    }
    const match = /jobs\/query\/(\w+)(\/results)?$/.exec(request.path);
    const job = match ? jobs.get(match[1]) : undefined;
    if (job && !match?.[2])
      return {
        json: {
          id: match?.[1],
          state: job.polls++ === 0 ? 'InProgress' : 'JobComplete',
          numberRecordsProcessed: rowsPerObject[job.object]
        }
      };
    if (job) {
      const total = rowsPerObject[job.object];
      const from = Number(request.query.get('locator') ?? 0);
      const to = Math.min(total, from + Number(request.query.get('maxRecords')));
      let text = header + '\n';
      for (let i = from; i < to; i++) text += csvRow(i) + '\n';
      return {
        text,
        headers: {
          'Sforce-Locator': to < total ? String(to) : 'null',
          'Sforce-NumberOfRecords': String(to - from)
        }
      };
    }
    return { status: 404, json: [{ errorCode: 'NOT_FOUND', message: request.path }] };
  };
}

describe('psms export', () => {
  it('exports 100,000 opportunities through Bulk API 2.0 in a bounded number of requests', async () => {
    const header =
      'Id,Name,AccountId,OwnerId,Amount,CloseDate,StageName,Probability,ForecastCategoryName,IsClosed,IsWon,NextStep,LastActivityDate,PushCount,LastStageChangeDate,CreatedDate,LeadSource,Product_Line__c,Validated_On__c,Validated_By__c,Help_Needed__c';
    org = await startFakeOrg(
      bulkOrg(
        { Opportunity: 100_000 },
        (i) =>
          `006${i},"Deal, ${i}",001A,005U,${i},2026-02-01,Prospecting,10,Pipeline,false,false,,,0,,2026-01-01T00:00:00.000Z,Partner,Analytics,,,`,
        header
      )
    );
    const connection = org.connection();
    const out = mkdtempSync(join(tmpdir(), 'psms-export-'));
    const run = await psms(['export', '--org', 'fake', '--out', out, '--json'], {
      connect: async () => connection,
      client: NO_WAIT,
      org: { bulk: FAST_BULK }
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = readFileSync(join(out, 'Opportunity.csv'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(100_001);
    expect(lines[1]).toBe(
      '0060,"Deal, 0",001A,005U,0,2026-02-01,Prospecting,10,Pipeline,false,false,,,0,,2026-01-01T00:00:00.000Z,Partner,Analytics,,,'
    );
    expect(readFileSync(join(out, 'Account.csv'), 'utf8')).toBe(
      'Id,Name,OwnerId,Partner_Status__c,Partner_Tier__c,Partner_Region__c,Recruited_On__c,Activated_On__c,First_Revenue_On__c\n'
    );
    const bulkCalls = org.requests.filter((r) => r.path.includes('/jobs/query'));
    // Create 1 + poll 2 (InProgress, JobComplete) + 2 results pages of 50,000.
    expect(bulkCalls).toHaveLength(5);
    // Plus one COUNT() per object (10 objects); no REST query page for the empty ones.
    expect(org.requests).toHaveLength(5 + 10);
    expect(JSON.parse(run.stdout).objects).toContainEqual({ object: 'Opportunity', rows: 100_000 });
    // 100,000 rows through a fake org and a child process: seconds on a loaded 2-core machine, not 5.
  }, 60_000);

  it('reads a small object over REST and a report runs over the exported folder', async () => {
    org = await startFakeOrg((request) => {
      const q = request.query.get('q') ?? '';
      if (q.startsWith('SELECT COUNT()')) return countOf({ Organization: 1 })(request);
      return (
        settingsRecordsResponse(request) ?? {
          json: { totalSize: 1, done: true, records: [{ FiscalYearStartMonth: 1 }] }
        }
      );
    });
    const connection = org.connection();
    const run = await psms(['cadence', '--org', 'fake', '--date', '2026-02-16', '--json'], {
      connect: async () => connection,
      client: NO_WAIT
    });
    expect(JSON.parse(run.stdout).week).toBe(7);
    // Organization.FiscalYearStartMonth, then one query per settings type.
    expect(org.requests.map((r) => objectOf(r.query.get('q') ?? ''))).toEqual([
      'Organization',
      'PSMS_Setting__mdt',
      'Hygiene_Rule__mdt',
      'Review_Meeting__mdt',
      'Maturity_Practice__mdt'
    ]);
  });
});

/**
 * An org holding the rows of an export folder, served over the REST query endpoint (the fixture
 * is below the Bulk API threshold). It answers with every row of the object, not only those the
 * WHERE clause selects: the reports below apply their rules to each row anyway (the period, the
 * primary flag, open only), so their results must equal those over the folder.
 */
function orgFromFolder(folder: string) {
  return (request: FakeRequest): FakeResponse => {
    const q = request.query.get('q') ?? '';
    const settings = settingsRecordsResponse(request);
    if (settings) return settings;
    const object = objectOf(q);
    if (object === 'Organization')
      return { json: { totalSize: 1, done: true, records: [{ FiscalYearStartMonth: 1 }] } };
    const fields = /^SELECT\s+(.+?)\s+FROM/i.exec(q)?.[1].split(/\s*,\s*/) ?? [];
    const records: Record<string, string>[] = [];
    const parser = new CsvParser(
      object,
      fields.map((name) => ({ name, required: false })),
      (values) => records.push(Object.fromEntries(fields.map((field, i) => [field, values[i]])))
    );
    parser.push(readFileSync(join(folder, `${object}.csv`), 'utf8'));
    parser.end();
    return {
      json: { totalSize: records.length, done: true, records: q.startsWith('SELECT COUNT()') ? [] : records }
    };
  };
}

describe('reports from an org', () => {
  const folder = join(FIXTURES, 'partnerQuarter');
  const viaOrg = async (argv: string[]) => {
    org = await startFakeOrg(orgFromFolder(folder));
    const connection = org.connection();
    return psms([...argv, '--org', 'fake', '--json'], { connect: async () => connection, client: NO_WAIT });
  };
  const viaFolder = (argv: string[]) => psms([...argv, '--data', folder, '--json']);

  it('forecast streams the same roll-up from the org as from its export, with the scope in the SOQL', async () => {
    const argv = ['forecast', '--period', 'FY2026-Q1', '--today', '2026-02-16', '--include-direct'];
    const run = await viaOrg(argv);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse((await viaFolder(argv)).stdout));
    const queries = org!.requests.map((r) => r.query.get('q') ?? '');
    expect(queries).toContain(
      'SELECT Id, Amount, CloseDate, ForecastCategoryName, IsClosed, IsWon FROM Opportunity WHERE CloseDate >= 2026-01-01 AND CloseDate <= 2026-03-31'
    );
    expect(queries).toContain(
      'SELECT Id, Opportunity__c, Partner_Account__c, Is_Primary__c FROM Partner_Deal__c WHERE Is_Primary__c = true'
    );
  });

  it('hygiene evaluates each open opportunity from the org as from its export', async () => {
    const argv = ['hygiene', '--today', '2026-02-16'];
    const run = await viaOrg(argv);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.findings).toHaveLength(13);
    expect(json).toEqual(JSON.parse((await viaFolder(argv)).stdout));
  });
});

describe("an org's own settings", () => {
  const orgWith = (change: (type: string, record: Record<string, unknown>) => void) =>
    startFakeOrg(
      (request) =>
        settingsRecordsResponse(request, change) ?? {
          json: { totalSize: 1, done: true, records: [{ FiscalYearStartMonth: 1 }] }
        }
    );
  const cadence = async (fake: FakeOrg) => {
    const connection = fake.connection();
    return psms(['cadence', '--org', 'fake', '--date', '2026-02-16', '--json'], {
      connect: async () => connection,
      client: NO_WAIT
    });
  };

  it('replace the package defaults: the fiscal year override', async () => {
    org = await orgWith((type, record) => {
      if (type === 'PSMS_Setting') record.Fiscal_Start_Override__c = 2;
    });
    const run = await cadence(org);
    expect(run.stderr).toBe('');
    // February 16 is in week 3 of the fiscal year that starts in February 2026 (named by its end).
    expect(JSON.parse(run.stdout)).toMatchObject({ period: 'FY2027-Q1', week: 3 });
  });

  it('replace the package defaults: the review cadence', async () => {
    org = await orgWith((type, record) => {
      if (type === 'Review_Meeting')
        record.Weeks__c = record.DeveloperName === 'Weekly_Partner_Team_Call' ? '1' : '7';
    });
    const run = await cadence(org);
    const names = (JSON.parse(run.stdout) as { meetings: { name: string }[] }).meetings.map((m) => m.name);
    const packaged = readCustomMetadataRecords(FORCE_APP_DIR).get('Review_Meeting') ?? [];
    // Week 7: every meeting but the one moved to week 1.
    expect(names).toHaveLength(packaged.length - 1);
    expect(names).not.toContain('Weekly Partner Team Call');
  });

  it('are checked with the same rules as the package records (exit 1, the org and field named)', async () => {
    org = await orgWith((type, record) => {
      if (type === 'PSMS_Setting') record.Protection_Days__c = null;
    });
    const run = await cadence(org);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^psms: the PSMS settings in org fake: PSMS_Setting\.\w+ Protection_Days__c is blank\n$/
    );
  });
});

describe('API failures', () => {
  it('retries 503 with back-off and then succeeds', async () => {
    let calls = 0;
    org = await startFakeOrg(() =>
      ++calls <= 2
        ? { status: 503, text: 'Service Unavailable' }
        : { json: { totalSize: 1, done: true, records: [{ FiscalYearStartMonth: 4 }] } }
    );
    const delays: number[] = [];
    const client = new OrgClient(org.connection(), {
      retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 },
      sleep: async (ms) => void delays.push(ms)
    });
    expect(await orgSource(client, 'fake').orgFiscalYearStartMonth()).toBe(4);
    expect(org.requests).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
  });

  it('stops with a clear message when REQUEST_LIMIT_EXCEEDED persists (exit 1)', async () => {
    org = await startFakeOrg(() => ({
      status: 403,
      json: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]
    }));
    const connection = org.connection();
    const run = await psms(['hygiene', '--org', 'fake'], {
      connect: async () => connection,
      client: NO_WAIT
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "psms: fake refused GET /services/data/v62.0/query: API request limit exceeded (REQUEST_LIMIT_EXCEEDED) after 4 attempts; wait for the org's 24-hour API allowance to recover\n"
    );
    expect(org.requests).toHaveLength(4); // 1 + 3 retries
  });

  it('stops after the retries when the org stays unavailable', async () => {
    org = await startFakeOrg(() => ({ status: 503, text: '' }));
    const client = new OrgClient(org.connection(), NO_WAIT);
    await expect(client.json('GET', `${API}/limits`)).rejects.toThrow(
      new CliError(`${org.url} is unavailable (503) after 4 attempts for GET ${API}/limits; try again later`)
    );
  });

  it('reports an expired session (INVALID_SESSION_ID) in one line', async () => {
    org = await startFakeOrg(() => ({
      status: 401,
      json: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]
    }));
    const connection = org.connection();
    const run = await psms(['kpis', '--org', 'my-scratch'], {
      connect: async () => connection,
      client: NO_WAIT
    });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'psms: the session for my-scratch has expired or is invalid: log in again with sf org login web --alias <alias>\n'
    });
  });

  it('fails a Bulk API job that the org marks Failed', async () => {
    org = await startFakeOrg((request) => {
      if (request.method === 'POST') return { json: { id: '750F', state: 'UploadComplete' } };
      return { json: { id: '750F', state: 'Failed', errorMessage: 'INVALID_FIELD: No such column Foo' } };
    });
    const client = new OrgClient(org.connection(), NO_WAIT);
    const { bulkQuery } = await import('../src/org/bulkQuery');
    await expect(
      bulkQuery(
        client,
        'SELECT Foo FROM Account',
        [{ name: 'Foo', required: true }],
        'Account',
        () => undefined,
        FAST_BULK
      )
    ).rejects.toThrow('Bulk API job 750F failed: INVALID_FIELD: No such column Foo');
  });
});

describe('Bulk API 2.0 ingest (seed)', () => {
  it('creates an upsert job, uploads, closes, polls and reports the first failed row', async () => {
    org = await startFakeOrg((request) => {
      if (request.method === 'POST') {
        expect(JSON.parse(request.body)).toEqual({
          object: 'Account',
          externalIdFieldName: 'External_Id__c',
          contentType: 'CSV',
          operation: 'upsert',
          lineEnding: 'LF'
        });
        return { json: { id: '750I', state: 'Open' } };
      }
      if (request.method === 'PUT') return { status: 201, text: '' };
      if (request.method === 'PATCH') return { json: { id: '750I', state: 'UploadComplete' } };
      if (request.path.endsWith('/failedResults/'))
        return {
          text: '"sf__Id","sf__Error",External_Id__c\n"","REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --",x2\n'
        };
      return {
        json: { id: '750I', state: 'JobComplete', numberRecordsProcessed: 2, numberRecordsFailed: 1 }
      };
    });
    const client = new OrgClient(org.connection(), NO_WAIT);
    await expect(
      bulkUpsert(client, 'Account', 'External_Id__c', 'External_Id__c,Name\nx1,A\nx2,\n', FAST_BULK)
    ).rejects.toThrow(
      'Account: 1 of 2 rows failed in Bulk API job 750I; first error: REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --'
    );
    expect(org.requests.map((r) => `${r.method} ${r.path.replace(API, '')}`)).toEqual([
      'POST /jobs/ingest',
      'PUT /jobs/ingest/750I/batches',
      'PATCH /jobs/ingest/750I',
      'GET /jobs/ingest/750I',
      'GET /jobs/ingest/750I/failedResults/'
    ]);
    expect(org.requests[1].body).toBe('External_Id__c,Name\nx1,A\nx2,\n');
  });
});

describe('sf CLI logins (connectToOrg)', () => {
  it('names an unknown alias', async () => {
    const createOrg = async () => {
      throw Object.assign(new Error('No authorization information found for nope.'), {
        name: 'NamedOrgNotFoundError'
      });
    };
    await expect(connectToOrg('nope', createOrg)).rejects.toThrow(
      'unknown org "nope": no sf CLI login has that alias or username (see sf org list; log in with sf org login web --alias nope)'
    );
  });

  it('says when the stored login has expired', async () => {
    const createOrg = async () => ({
      getConnection: () => {
        throw new Error('unused');
      },
      refreshAuth: async () => {
        throw Object.assign(
          new Error('Error authenticating with the refresh token due to: expired access/refresh token'),
          { name: 'RefreshTokenAuthError' }
        );
      }
    });
    await expect(connectToOrg('old', createOrg)).rejects.toThrow(
      'the login for "old" has expired: log in again with sf org login web --alias old'
    );
  });

  it('returns the connection of a working login', async () => {
    const connection = { instanceUrl: 'https://example.my.salesforce.com' };
    const createOrg = async () => ({
      getConnection: () => connection as never,
      refreshAuth: async () => undefined
    });
    expect(await connectToOrg('ok', createOrg)).toBe(connection);
  });
});
