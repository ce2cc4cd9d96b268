import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fiscalPeriodOf } from '../../force-app/main/default/lwc/psmsEngine/calendar';
import { callAura } from '../org/aura/auraCall';
import type { JsonValue } from '../org/interpret/serialize';
import type { DemoUser } from '../workbench/db/demoOrg';
import { openScaleOrg, recordedBuild, SCALE_TODAY, type JobRun } from '../scale/scaleOrg';

/**
 * Governor limits at enterprise scale (issue 17): the scale org (scripts/scale/scaleOrg.ts: the
 * demo org with 180 more reps and 1,000,000 opportunities, 200,000 closing in the quarter under
 * review, summarised by the package's own jobs as an admin would after the load), then every
 * @AuraEnabled read of the PSMS pages as each role, in the local org runtime with the platform's
 * limits unchanged (100 SOQL, 50,000 query rows — an aggregate query counts every row it
 * aggregates). Prints the jobs' largest step and, per call, whether it stays within the limits
 * and its SOQL / query-row counts: the table docs/governor-limits.md records. Nothing here raises
 * a limit: a call past one is reported as such. PSMS_SCALE_OPPORTUNITIES and PSMS_SCALE_IN_QUARTER
 * change the sizes; the org is built once into .psms/ and reused.
 */
const root = resolve(__dirname, '../..');

function jobRow(job: JobRun): string {
  const p = job.peak;
  return `| ${job.name} | ${job.steps} | ${p.queries} | ${p.queryRows.toLocaleString('en-US')} | ${p.dmlStatements} | ${p.dmlRows.toLocaleString('en-US')} | ${p.cpuMs.toLocaleString('en-US')} | ${(job.ms / 1000).toFixed(0)} s |`;
}

function main(): void {
  const started = Date.now();
  const scale = openScaleOrg({ root, log: (line) => console.log(line) });
  const { org } = scale;
  const { runtime } = org;
  const period = fiscalPeriodOf(SCALE_TODAY);
  const sql = runtime.database.sql;
  const count = (query: string, ...params: string[]) =>
    (sql.prepare(query).get(...params) as { n: number }).n;
  const total = count(`SELECT COUNT(*) AS n FROM "Opportunity"`);
  const inQuarter = count(
    `SELECT COUNT(*) AS n FROM "Opportunity" WHERE CloseDate BETWEEN ? AND ?`,
    period.start,
    period.end
  );
  const owners = count(`SELECT COUNT(DISTINCT OwnerId) AS n FROM "Opportunity"`);
  const summaryRows = count(`SELECT COUNT(*) AS n FROM "Pipeline_Summary__c"`);
  const snapshots = count(`SELECT COUNT(*) AS n FROM "Opportunity_Snapshot__c"`);
  console.log(
    `Org ${scale.created ? 'built' : 'reused'} (${((Date.now() - started) / 1000).toFixed(0)} s): ` +
      `${total.toLocaleString('en-US')} opportunities, ${inQuarter.toLocaleString('en-US')} closing in ${period.label}, ` +
      `${owners} owners, ${snapshots.toLocaleString('en-US')} snapshot rows, ${summaryRows.toLocaleString('en-US')} summary rows.`
  );
  const build = scale.build ?? recordedBuild(org);
  if (build) {
    console.log(
      `\nThe jobs that summarised it (largest step of each; batch limits 200 SOQL, 50,000 rows, 150 DML, 10,000 DML rows, 60,000 ms CPU):`
    );
    console.log(
      '\n| job | steps | SOQL | query rows | DML | DML rows | CPU ms | took |\n|---|---|---|---|---|---|---|---|'
    );
    for (const job of build.jobs) console.log(jobRow(job));
  }
  const person = (role: DemoUser['role']) => org.users.find((u) => u.role === role);
  const rep = person('rep');
  const calls: [string, Record<string, JsonValue>, DemoUser['role'][]][] = [
    ['PsmsSettingsController.getSettings', {}, ['rep', 'manager', 'leadership']],
    ['PartnerForecastController.getPipeline', { period: period.label, scope: 'mine' }, ['rep']],
    ['PartnerForecastController.getPipeline', { period: period.label, scope: 'team' }, ['manager']],
    [
      'PartnerForecastController.getPipeline',
      { period: period.label, scope: 'all' },
      ['manager', 'leadership']
    ],
    ['PartnerForecastController.getSnapshots', { period: period.label }, ['manager', 'leadership']],
    [
      'ForecastCalibrationController.getCalibrationInputs',
      { period: period.label },
      ['manager', 'leadership']
    ],
    ['PipelineHygieneController.getHygieneInputs', { scope: 'team' }, ['manager']],
    ['PipelineHygieneController.getHygieneInputs', { scope: 'all' }, ['leadership']],
    [
      'PipelineHygieneController.getHygienePage',
      { scope: 'all', ownerId: null, partnerId: null, afterId: null },
      ['leadership']
    ],
    [
      'PipelineHygieneController.getHygienePage',
      { scope: 'team', ownerId: rep?.id ?? null, partnerId: null, afterId: null },
      ['manager']
    ],
    ['PartnerKpiController.getKpiInputs', { period: period.label }, ['manager', 'leadership']],
    ['MaturityController.getMaturityInputs', {}, ['manager', 'leadership']],
    ['ReviewCadenceController.getCadenceInputs', { period: period.label, scope: 'team' }, ['manager']],
    ['ReviewCadenceController.getCadenceInputs', { period: period.label, scope: 'all' }, ['leadership']],
    ['RegistrationDeskController.getDeskQueue', {}, ['manager']],
    ['AccountPlanController.getPlanHealth', {}, ['manager']]
  ];
  console.log(
    `\nEvery read as each role (median of three calls; load average ${loadavg()[0].toFixed(1)}; times are the runtime's, not an org's):`
  );
  console.log(
    '\n| call | as | result | SOQL | query rows | CPU ms | response |\n|---|---|---|---|---|---|---|'
  );
  let failed = 0;
  for (const [name, params, roles] of calls) {
    for (const role of roles) {
      const user = person(role);
      if (!user) continue;
      // Three calls, the median's time (the first also prepares the statements); limits are alike.
      const outcomes = [0, 1, 2].map(() => callAura(runtime, user.id, name, params));
      const outcome = outcomes.sort((a, b) => a.ms - b.ms)[1];
      const aggregated =
        outcome.ok && (outcome.value as { aggregated?: boolean } | null)?.aggregated === true;
      const result = outcome.ok
        ? `within limits${aggregated ? ' (summary)' : ''}`
        : outcome.exceptionType === 'System.LimitException'
          ? `**${outcome.message}**`
          : `${outcome.status}: ${outcome.message.slice(0, 80)}`;
      if (!outcome.ok) failed++;
      const limits = outcome.limits;
      const shown = Object.entries(params)
        .map(([key, value]) => (key.endsWith('Id') && value ? `${key}` : String(value)))
        .join(', ');
      // The response's JSON size: what the Apex heap must hold at least once to serialise it
      // (the runtime does not measure the heap; the platform's synchronous ceiling is 6 MB).
      const kb = outcome.ok
        ? `${Math.round(JSON.stringify(outcome.value).length / 1024).toLocaleString('en-US')} KB`
        : '—';
      console.log(
        `| ${name}(${shown}) | ${role} | ${result} | ${limits?.queries ?? '—'} | ${limits?.queryRows.toLocaleString('en-US') ?? '—'} | ${limits?.cpuMs ?? '—'} | ${kb} |`
      );
    }
  }
  org.close();
  if (failed > 0) {
    console.log(`\n${failed} call(s) failed.`);
    process.exitCode = 1;
  }
}

main();
