import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { openDemoOrg, type DemoOrg, type DemoUser } from '../db/demoOrg';
import { startWorkbenchServer, type RunningServer } from '../server/workbenchServer';
import { clockOn } from '../startWorkbench';

/**
 * The workbench's HTTP API over the local org runtime: each `@salesforce/apex` call runs the
 * package's own Apex as the signed-in demo user, so what a role may do, the engagement rules,
 * and the refusals all come from the Apex, its triggers and the permission sets.
 */
const root = join(__dirname, '..', '..', '..');
const TODAY = '2026-11-26';
let dir: string;
let server: RunningServer;
let org: DemoOrg;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'psms-api-'));
  org = openDemoOrg({ root, path: join(dir, 'demo.db'), seed: 3, today: TODAY, clock: clockOn(TODAY) });
  server = await startWorkbenchServer({ org, webDir: dir, root, port: 0 });
}, 60_000);

afterAll(async () => {
  await server.close();
  org.close();
  rmSync(dir, { recursive: true, force: true });
});

function user(role: DemoUser['role']): DemoUser {
  const found = org.users.find((u) => u.role === role);
  if (!found) throw new Error(`no ${role} in the demo org`);
  return found;
}

async function post(
  name: string,
  body: unknown,
  options: { contentType?: string; as?: DemoUser; headers?: Record<string, string> } = {}
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${server.url}api/${name}`, {
    method: 'POST',
    headers: {
      'Content-Type': options.contentType ?? 'application/json',
      ...(options.as ? { Cookie: `psms_user=${options.as.id}` } : {}),
      ...options.headers
    },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    headers: response.headers
  };
}

function count(table: string): number {
  return (org.runtime.database.sql.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

function activePartners(): string[] {
  return (
    org.runtime.database.sql
      .prepare(`SELECT Id FROM "Account" WHERE Partner_Status__c = 'Active' ORDER BY Id LIMIT 2`)
      .all() as { Id: string }[]
  ).map((r) => r.Id);
}

describe('the workbench runs the package Apex as the signed-in user', () => {
  it('answers an @AuraEnabled method with its result and the transaction limit counts', async () => {
    const result = await post('PartnerForecastController.getPipeline', { period: 'FY2026-Q4', scope: 'all' });
    expect(result.status).toBe(200);
    expect(Object.keys(result.json)).toEqual(
      expect.arrayContaining(['opportunities', 'partnerDeals', 'targets', 'users'])
    );
    const limits = JSON.parse(result.headers.get('X-Apex-Limits') ?? '{}') as { queries: number };
    expect(limits.queries).toBeGreaterThan(0);
  });

  it('signs in as another demo user with a cookie; a rep is refused the classes their permission set does not open', async () => {
    const signedIn = await post('workbench/session', { userId: user('rep').id });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('Set-Cookie')).toContain(`psms_user=${user('rep').id}`);
    const refused = await post(
      'PartnerKpiController.getKpiInputs',
      { period: 'FY2026-Q4' },
      { as: user('rep') }
    );
    expect(refused.status).toBe(403);
    expect(refused.json.message).toBe(
      "You do not have access to the Apex class named 'PartnerKpiController'."
    );
    expect(
      (await post('PartnerKpiController.getKpiInputs', { period: 'FY2026-Q4' }, { as: user('leadership') }))
        .status
    ).toBe(200);
    expect((await post('workbench/session', { userId: '005000000000000AAA' })).status).toBe(400);
  });

  it('answers who is signed in with the tabs their permission sets show, as the org would', async () => {
    const tabsOf = async (role: Parameters<typeof user>[0]) =>
      (
        await (
          await fetch(`${server.url}api/workbench/session`, {
            headers: { Cookie: `psms_user=${user(role).id}` }
          })
        ).json()
      ).tabs as string[];
    const pageTabs = (tabs: string[]) => tabs.filter((t) => !t.includes('__c') && !t.startsWith('standard-'));
    expect(pageTabs(await tabsOf('rep'))).toEqual([
      'Review_Cadence',
      'Partner_Forecast',
      'Registration_Desk',
      'Pipeline_Hygiene_Board'
    ]);
    expect(pageTabs(await tabsOf('leadership'))).not.toContain('Registration_Desk');
    expect(pageTabs(await tabsOf('admin'))).toContain('PSMS_Setup');
    expect(pageTabs(await tabsOf('manager'))).not.toContain('PSMS_Setup');
    // Object tabs follow the same settings: reps have no forecast-call tab.
    expect(await tabsOf('rep')).not.toContain('Forecast_Submission__c');
    expect(await tabsOf('manager')).toContain('Forecast_Submission__c');
  });

  it('a rep cannot submit a forecast call: the Apex refuses it with the label the UI shows', async () => {
    const refused = await post(
      'PartnerForecastController.submitForecastCall',
      { period: 'FY2026-Q4', partnerAccountId: null, commitCall: 5, bestCaseCall: 10, note: null },
      { as: user('rep') }
    );
    expect(refused.status).toBe(400);
    expect(String(refused.json.message)).toMatch(/not allowed|permission/i);
  });
});

describe('SPEC §6 first to register wins, over HTTP', () => {
  it('four simultaneous submissions for one key: exactly one wins, the others are Duplicate or Already registered, linked to it', async () => {
    const [first, second] = activePartners();
    const registration = (partner: string) => ({
      registration: {
        Partner_Account__c: partner,
        End_Customer_Name__c: 'Parallel Universe Corp',
        End_Customer_Domain__c: 'parallel-universe.example',
        Product_Line__c: 'Security'
      }
    });
    const results = await Promise.all(
      [first, second, first, second].map((partner) =>
        post('PartnerDealsController.submitRegistration', registration(partner), { as: user('rep') })
      )
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const winners = results.filter((r) => r.json.Status__c === 'Submitted');
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((r) => r !== winners[0])) {
      expect(loser.json.Status__c).toBe('Rejected');
      expect(['Duplicate', 'Already registered']).toContain(loser.json.Conflict_Type__c);
      expect(loser.json.Conflicting_Registration__c).toBe(winners[0].json.Id);
    }
    const held = org.runtime.database.sql
      .prepare(
        `SELECT COUNT(*) AS n FROM "Deal_Registration__c" WHERE Registration_Key__c = 'parallel-universe.example|security'`
      )
      .get() as { n: number };
    expect(held.n).toBe(1);
  });
});

describe('bad input is refused with a 4xx and a message, and writes nothing', () => {
  it.each([
    ['an unknown operation', 'NoSuchController.nothing', {}, 404],
    ['a bad period', 'PartnerForecastController.getPipeline', { period: '2026 Q4', scope: 'all' }, 400],
    [
      'an unknown scope',
      'PartnerForecastController.getPipeline',
      { period: 'FY2026-Q4', scope: 'everyone' },
      400
    ],
    [
      'an unexpected parameter',
      'PartnerForecastController.getSnapshots',
      { period: 'FY2026-Q4', extra: 1 },
      400
    ],
    ['a number where text is declared', 'PartnerForecastController.getSnapshots', { period: 2026 }, 400],
    [
      'a negative call',
      'PartnerForecastController.submitForecastCall',
      { period: 'FY2026-Q4', partnerAccountId: null, commitCall: -5, bestCaseCall: 10, note: null },
      400
    ],
    [
      'an id that is not an id',
      'PartnerDealsController.setCoSell',
      { partnerDealId: "x' OR 1=1 --", coSell: true },
      400
    ],
    [
      'a product line the picklist lacks',
      'PartnerDealsController.submitRegistration',
      { registration: { End_Customer_Name__c: 'Acme', Product_Line__c: 'Toasters' } },
      400
    ]
  ])('%s', async (_name, operation, body, status) => {
    const tables = [
      'Deal_Registration__c',
      'Forecast_Submission__c',
      'Partner_Deal__c',
      'Registration_Dispute__c'
    ];
    const before = tables.map(count);
    const result = await post(operation, body);
    expect(result.status).toBe(status);
    expect(typeof result.json.message).toBe('string');
    expect(tables.map(count)).toEqual(before);
  });

  it('refuses a body that is not JSON, or not sent as JSON, or over 1 MB (413, not a reset connection)', async () => {
    expect((await post('PartnerForecastController.getSnapshots', '{not json')).status).toBe(400);
    expect(
      (await post('PartnerForecastController.getSnapshots', '{}', { contentType: 'text/plain' })).status
    ).toBe(415);
    const big = await post(
      'PartnerForecastController.getSnapshots',
      JSON.stringify({ period: 'x'.repeat(1_100_000) })
    );
    expect(big.status).toBe(413);
  });

  it('refuses a Host other than its own loopback address (DNS rebinding) and malformed URLs', async () => {
    // fetch() will not send another Host header, so a raw request does.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/PsmsSettingsController.getSettings',
          method: 'POST',
          headers: { Host: 'evil.example', 'Content-Type': 'application/json' }
        },
        (response) => resolve(response.statusCode ?? 0)
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(status).toBe(403);
    const malformed = await fetch(`${server.url}%E0%A4%A`);
    expect(malformed.status).toBe(400);
  });
});

describe('lightning/uiRecordApi over the org', () => {
  it('updateRecord goes through the validation rules and field types, as any save does', async () => {
    const plan = org.runtime.database.sql
      .prepare('SELECT Id FROM "Partner_Account_Plan__c" LIMIT 1')
      .get() as { Id: string };
    // Plans are Public Read Only: the manager may edit the ones they own.
    org.runtime.database.sql
      .prepare('UPDATE "Partner_Account_Plan__c" SET OwnerId = ? WHERE Id = ?')
      .run(user('manager').id, plan.Id);
    const refused = await post(
      'ui/updateRecord',
      { fields: { Id: plan.Id, Last_Reviewed_On__c: '2026-11-20', Next_Review_On__c: '2026-11-01' } },
      { as: user('manager') }
    );
    expect(refused.status).toBe(400);
    expect(refused.json.message).toBe('Next Review On cannot be before Last Reviewed On.');
    const opportunity = org.runtime.database.sql.prepare('SELECT Id FROM "Opportunity" LIMIT 1').get() as {
      Id: string;
    };
    const banana = await post(
      'ui/updateRecord',
      { fields: { Id: opportunity.Id, CloseDate: 'banana' } },
      { as: user('manager') }
    );
    expect(banana.status).toBe(400);
    expect(String(banana.json.message)).toMatch(/Close Date.*date/i);
  });
});

describe('the operations contract', () => {
  it('every operation force-app/types/psmsOperations.d.ts declares is an @AuraEnabled method of the package', () => {
    const declared = [
      ...readFileSync(join(root, 'force-app', 'types', 'psmsOperations.d.ts'), 'utf8').matchAll(
        /declare module '@salesforce\/apex\/(\w+)\.(\w+)'/g
      )
    ].map((m: RegExpMatchArray) => [m[1], m[2]]);
    expect(declared.length).toBeGreaterThan(10);
    const missing = declared.filter(([cls, method]) => {
      const found = org.runtime.topClass(cls);
      return !found
        ?.findMethods(method.toLowerCase())
        .some((m) => m.annotations.some((a) => a.name === 'auraenabled'));
    });
    expect(missing).toEqual([]);
  });
});
