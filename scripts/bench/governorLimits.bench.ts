import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fiscalPeriodOf } from '../../force-app/main/default/lwc/psmsEngine/calendar';
import { callAura } from '../org/aura/auraCall';
import type { JsonValue } from '../org/interpret/serialize';
import { toSql, type SqlValue } from '../org/database/storage';
import { openDemoOrg, type DemoUser } from '../workbench/db/demoOrg';
import { clockOn } from '../workbench/startWorkbench';

/**
 * Governor limits at scale: the demo org plus PSMS_SCALE_OPPORTUNITIES (default 60,000)
 * opportunities closing this quarter (60 % with a primary partner deal), then every read the
 * PSMS pages make, as each role, in the local org runtime. Prints, per call, whether it stays
 * within the limits and its SOQL / query-row counts — the measurement docs/governor-limits.md
 * records. Nothing here raises a limit: a call past one is reported as such.
 */
const root = resolve(__dirname, '../..');
const TODAY = '2026-11-26';
const EXTRA = Number(process.env.PSMS_SCALE_OPPORTUNITIES ?? 60_000);
const STAGES: [string, string, boolean, boolean][] = [
  ['Prospecting', 'Pipeline', false, false],
  ['Value Proposition', 'Pipeline', false, false],
  ['Proposal/Price Quote', 'Best Case', false, false],
  ['Negotiation/Review', 'Commit', false, false],
  ['Closed Won', 'Closed', true, true],
  ['Closed Lost', 'Omitted', true, false]
];

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'psms-scale-'));
  const started = Date.now();
  const org = openDemoOrg({
    root,
    path: join(dir, 'scale.db'),
    seed: 42,
    today: TODAY,
    clock: clockOn(TODAY)
  });
  const { runtime } = org;
  const period = fiscalPeriodOf(TODAY);
  const sql = runtime.database.sql;
  const partners = (
    sql.prepare(`SELECT Id FROM "Account" WHERE Partner_Status__c IS NOT NULL`).all() as { Id: string }[]
  ).map((r) => r.Id);
  const owners = (
    sql.prepare(`SELECT Id FROM "User" WHERE Username LIKE '%@psms.demo'`).all() as { Id: string }[]
  ).map((r) => r.Id);
  const opportunity = runtime.schema.object('Opportunity');
  const deal = runtime.schema.object('Partner_Deal__c');
  if (!opportunity || !deal) throw new Error('no Opportunity or Partner_Deal__c');
  const row = (object: typeof opportunity, values: Record<string, unknown>): Record<string, SqlValue> => {
    const out: Record<string, SqlValue> = {};
    for (const [name, value] of Object.entries(values)) {
      const field = object.field(name);
      if (field) out[field.name] = toSql(field, value);
    }
    return out;
  };
  runtime.database.transaction(() => {
    const ids = runtime.database.allocateIds(opportunity, EXTRA);
    const dealIds = runtime.database.allocateIds(deal, EXTRA);
    const days = Math.round((Date.parse(period.end) - Date.parse(period.start)) / 86_400_000);
    const now = runtime.clock.now().toIso();
    runtime.database.insert(
      opportunity,
      ids.map((id, i) => {
        const [stage, category, closed, won] = STAGES[i % STAGES.length];
        const close = new Date(Date.parse(period.start) + (i % (days + 1)) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return row(opportunity, {
          Id: id,
          Name: `Scale deal ${i + 1}`,
          OwnerId: owners[i % owners.length],
          Amount: 5_000 + (i % 97) * 1_000,
          CloseDate: close,
          StageName: stage,
          ForecastCategoryName: category,
          IsClosed: closed,
          IsWon: won,
          Probability: won ? 100 : closed ? 0 : 50,
          NextStep: i % 3 === 0 ? null : 'Call back',
          CreatedDate: now,
          LastModifiedDate: now,
          SystemModstamp: now,
          IsDeleted: false,
          PushCount: 0
        });
      })
    );
    const partnered = ids.filter((_id, i) => i % 5 < 3);
    runtime.database.insert(
      deal,
      partnered.map((opportunityId, i) =>
        row(deal, {
          Id: dealIds[i],
          Name: `PD-${i + 1}`,
          Opportunity__c: opportunityId,
          Partner_Account__c: partners[i % partners.length],
          Role__c: i % 4 === 0 ? 'Sourced' : 'Influenced',
          Is_Primary__c: true,
          Primary_Key__c: opportunityId,
          Co_Sell__c: i % 7 === 0,
          CreatedDate: now,
          LastModifiedDate: now,
          SystemModstamp: now,
          IsDeleted: false
        })
      )
    );
  });
  const total = (
    sql
      .prepare(`SELECT COUNT(*) AS n FROM "Opportunity" WHERE CloseDate BETWEEN ? AND ?`)
      .get(period.start, period.end) as { n: number }
  ).n;
  console.log(
    `Org ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${total.toLocaleString('en-US')} opportunities close in ${period.label}.`
  );
  const calls: [string, Record<string, JsonValue>, DemoUser['role'][]][] = [
    ['PsmsSettingsController.getSettings', {}, ['rep', 'manager', 'leadership']],
    ['PartnerForecastController.getPipeline', { period: period.label, scope: 'team' }, ['manager']],
    [
      'PartnerForecastController.getPipeline',
      { period: period.label, scope: 'all' },
      ['manager', 'leadership']
    ],
    ['PartnerForecastController.getSnapshots', { period: period.label }, ['manager', 'leadership']],
    ['PipelineHygieneController.getHygieneInputs', { scope: 'team' }, ['manager']],
    ['PipelineHygieneController.getHygieneInputs', { scope: 'all' }, ['leadership']],
    ['PartnerKpiController.getKpiInputs', { period: period.label }, ['leadership']],
    ['RegistrationDeskController.getDeskQueue', {}, ['manager']],
    ['AccountPlanController.getPlanHealth', {}, ['manager']],
    ['MaturityController.getMaturityInputs', {}, ['leadership']],
    [
      'ReviewCadenceController.getCadenceInputs',
      { period: period.label, scope: 'team' },
      ['manager', 'leadership']
    ],
    ['ReviewCadenceController.getCadenceInputs', { period: period.label, scope: 'all' }, ['leadership']]
  ];
  console.log('\n| call | as | result | SOQL | query rows | ms |\n|---|---|---|---|---|---|');
  for (const [name, params, roles] of calls) {
    for (const role of roles) {
      const user = org.users.find((u) => u.role === role);
      if (!user) continue;
      const outcome = callAura(runtime, user.id, name, params);
      const result = outcome.ok
        ? 'within limits'
        : outcome.exceptionType === 'System.LimitException'
          ? `**${outcome.message}**`
          : `${outcome.status}: ${outcome.message.slice(0, 80)}`;
      const limits = outcome.limits;
      console.log(
        `| ${name}(${Object.values(params).join(', ')}) | ${role} | ${result} | ${limits?.queries ?? '—'} | ${limits?.queryRows.toLocaleString('en-US') ?? '—'} | ${outcome.ms} |`
      );
    }
  }
  org.close();
  rmSync(dir, { recursive: true, force: true });
}

main();
