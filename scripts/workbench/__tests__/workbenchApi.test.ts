import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSettings } from '../../../force-app/main/default/lwc/psmsEngine/settings';
import type { AdapterContext } from '../adapter/adapterContext';
import { OPERATIONS } from '../adapter/operationRegistry';
import { openDemoDatabase } from '../db/demoDatabase';
import { startWorkbenchServer, type RunningServer } from '../server/workbenchServer';

/** The workbench's HTTP API: first to register wins under concurrency, and bad input is refused with nothing written. */

const root = join(__dirname, '..', '..', '..');
const TODAY = '2026-11-26';
let dir: string;
let server: RunningServer;
let ctx: AdapterContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'psms-api-'));
  const demo = openDemoDatabase({
    path: join(dir, 'demo.db'),
    forceAppDir: join(root, 'force-app'),
    seed: 3,
    today: TODAY
  });
  ctx = {
    demo,
    settings: withSettings(),
    forceAppDir: join(root, 'force-app'),
    today: () => TODAY,
    now: () => new Date().toISOString()
  };
  server = await startWorkbenchServer({ ctx, webDir: dir, root, port: 0 });
});

afterAll(async () => {
  await server.close();
  ctx.demo.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(
  name: string,
  body: unknown,
  contentType = 'application/json'
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function count(table: string): number {
  return (ctx.demo.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function activePartners(): string[] {
  return (
    ctx.demo.db
      .prepare("SELECT Id FROM Account WHERE Partner_Status__c = 'Active' ORDER BY Id LIMIT 2")
      .all() as { Id: string }[]
  ).map((r) => r.Id);
}

describe('SPEC §6 first to register wins, over HTTP', () => {
  it('two simultaneous submissions for one key: exactly one wins, the other is a Duplicate linked to it', async () => {
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
        post('PartnerDealsController.submitRegistration', registration(partner))
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
    const held = ctx.demo.db
      .prepare(
        "SELECT COUNT(*) AS n FROM Deal_Registration__c WHERE Registration_Key__c = 'parallel-universe.example|security'"
      )
      .get() as { n: number };
    expect(held.n).toBe(1);
  });

  it('the database refuses a second holder of a key even when written directly (the unique index)', () => {
    const insert = () =>
      ctx.demo.db
        .prepare(
          "INSERT INTO Deal_Registration__c (Id, Partner_Account__c, Status__c, Registration_Key__c) VALUES (?, 'x', 'Submitted', 'PARALLEL-UNIVERSE.EXAMPLE|SECURITY')"
        )
        .run('a02WZ0000000000001');
    expect(insert).toThrow(/UNIQUE/);
  });
});

describe('bad input is refused with a 4xx and a message, and writes nothing', () => {
  it.each([
    ['an unknown operation', 'NoSuchController.nothing', {}, 404],
    ['a bad period', 'PartnerForecastController.getPipeline', { period: '2026 Q4', scope: 'all' }, 400],
    ['a missing scope', 'PartnerForecastController.getPipeline', { period: 'FY2026-Q4' }, 400],
    [
      'an unexpected property',
      'PartnerForecastController.getSnapshots',
      { period: 'FY2026-Q4', extra: 1 },
      400
    ],
    [
      'a negative call',
      'PartnerForecastController.submitForecastCall',
      { period: 'FY2026-Q4', partnerAccountId: null, commitCall: -5, bestCaseCall: 10, note: null },
      400
    ],
    [
      'a call for an ended quarter',
      'PartnerForecastController.submitForecastCall',
      { period: 'FY2025-Q1', partnerAccountId: null, commitCall: 5, bestCaseCall: 10, note: null },
      409
    ],
    [
      'an unknown opportunity',
      'PartnerDealsController.getDealPartners',
      { opportunityId: '006000000000000AAA' },
      404
    ],
    [
      'an id that is not an id',
      'PartnerDealsController.setCoSell',
      { partnerDealId: "x' OR 1=1 --", coSell: true },
      400
    ],
    [
      'a registration without a customer',
      'PartnerDealsController.submitRegistration',
      { registration: { Partner_Account__c: '001WB0000000000001' } },
      400
    ],
    [
      'a product line the picklist lacks',
      'PartnerDealsController.submitRegistration',
      {
        registration: {
          Partner_Account__c: '001WB0000000000001',
          End_Customer_Name__c: 'Acme',
          Product_Line__c: 'Toasters'
        }
      },
      400
    ],
    [
      'a rejection without a reason',
      'RegistrationDeskController.decideRegistration',
      { registrationId: 'a02WB0000000000001', decision: 'Reject', rejectionReason: null },
      400
    ],
    [
      'a resolution without a note',
      'RegistrationDeskController.resolveDispute',
      { disputeId: 'a03WB0000000000001', resolution: 'Co-Sell', note: '' },
      400
    ]
  ])('%s', async (_name, operation, body, status) => {
    const before = [
      'Deal_Registration__c',
      'Forecast_Submission__c',
      'Partner_Deal__c',
      'Registration_Dispute__c'
    ].map(count);
    const result = await post(operation, body);
    expect(result.status).toBe(status);
    expect(typeof result.json.message).toBe('string');
    expect(
      ['Deal_Registration__c', 'Forecast_Submission__c', 'Partner_Deal__c', 'Registration_Dispute__c'].map(
        count
      )
    ).toEqual(before);
  });

  it('refuses a body that is not JSON, or not sent as JSON', async () => {
    expect((await post('PartnerForecastController.getSnapshots', '{not json')).status).toBe(400);
    expect((await post('PartnerForecastController.getSnapshots', '{}', 'text/plain')).status).toBe(415);
  });

  it('rolls a failed resolution back: a Co-Sell with no opportunity leaves registration and dispute as they were', async () => {
    const [partner] = activePartners();
    const submitted = await post('PartnerDealsController.submitRegistration', {
      registration: {
        Partner_Account__c: partner,
        End_Customer_Name__c: 'Rollback Industries',
        Product_Line__c: 'Platform'
      }
    });
    const dispute = await post('RegistrationDeskController.raiseDispute', {
      registrationId: submitted.json.Id,
      reason: 'We were first.'
    });
    expect(dispute.status).toBe(200);
    const deals = count('Partner_Deal__c');
    const refused = await post('RegistrationDeskController.resolveDispute', {
      disputeId: dispute.json.Id,
      resolution: 'Co-Sell',
      note: 'Share it.'
    });
    expect(refused.status).toBe(409);
    const registration = ctx.demo.db
      .prepare('SELECT Status__c FROM Deal_Registration__c WHERE Id = ?')
      .get(String(submitted.json.Id)) as { Status__c: string };
    const stored = ctx.demo.db
      .prepare('SELECT Status__c FROM Registration_Dispute__c WHERE Id = ?')
      .get(String(dispute.json.Id)) as { Status__c: string };
    expect([registration.Status__c, stored.Status__c, count('Partner_Deal__c')]).toEqual([
      'Needs Review',
      'Open',
      deals
    ]);
  });
});

describe('the operations contract', () => {
  it('implements every operation force-app/types/psmsOperations.d.ts declares', () => {
    const declared = [
      ...readFileSync(join(root, 'force-app', 'types', 'psmsOperations.d.ts'), 'utf8').matchAll(
        /declare module '@salesforce\/apex\/(\w+\.\w+)'/g
      )
    ].map((m: RegExpMatchArray) => m[1]);
    expect(Object.keys(OPERATIONS).sort()).toEqual(declared.sort());
  });

  it('answers every read operation with the declared top-level shape', async () => {
    const pipeline = await post('PartnerForecastController.getPipeline', {
      period: 'FY2026-Q4',
      scope: 'all'
    });
    expect(Object.keys(pipeline.json).sort()).toEqual([
      'aggregated',
      'calls',
      'opportunities',
      'partnerDeals',
      'partners',
      'period',
      'targets',
      'today',
      'users'
    ]);
    const desk = await post('RegistrationDeskController.getDeskQueue', {});
    expect(Object.keys(desk.json).sort()).toEqual(['disputes', 'opportunities', 'registrations', 'today']);
    const maturity = await post('MaturityController.getMaturityInputs', {});
    expect(Object.keys(maturity.json).sort()).toEqual(['calls', 'hygiene', 'kpi', 'registrations', 'today']);
  });
});
