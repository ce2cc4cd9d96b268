import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fiscalPeriodOf } from '../../force-app/main/default/lwc/psmsEngine/calendar';
import { callAura } from '../org/aura/auraCall';
import type { JsonValue } from '../org/interpret/serialize';
import { openDemoOrg } from '../workbench/db/demoOrg';
import { clockOn } from '../workbench/startWorkbench';

/**
 * The workbench's Apex calls at the demo size: each page's reads, as the partner manager, run
 * in the local org runtime five times; prints the median and the slowest against the 300 ms a
 * call may take, with each call's SOQL and query-row counts.
 */
const root = resolve(__dirname, '../..');
const TODAY = '2026-11-26';
const RUNS = Number(process.env.PSMS_BENCH_RUNS ?? 5);
const TARGET_MS = 300;

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'psms-apex-bench-'));
  const org = openDemoOrg({
    root,
    path: join(dir, 'demo.db'),
    seed: 42,
    today: TODAY,
    clock: clockOn(TODAY)
  });
  const period = fiscalPeriodOf(TODAY).label;
  const manager = org.users.find((u) => u.role === 'manager');
  if (!manager) throw new Error('no manager in the demo org');
  const calls: [string, Record<string, JsonValue>][] = [
    ['PsmsSettingsController.getSettings', {}],
    ['PartnerForecastController.getPipeline', { period, scope: 'team' }],
    ['PartnerForecastController.getPipeline', { period, scope: 'all' }],
    ['PartnerForecastController.getSnapshots', { period }],
    ['RegistrationDeskController.getDeskQueue', {}],
    ['PipelineHygieneController.getHygieneInputs', { scope: 'team' }],
    ['PartnerKpiController.getKpiInputs', { period }],
    ['AccountPlanController.getPlanHealth', {}],
    ['MaturityController.getMaturityInputs', {}],
    ['ReviewCadenceController.getCadenceInputs', { period, scope: 'team' }]
  ];
  let slow = 0;
  for (const [name, params] of calls) {
    const times: number[] = [];
    let counts = '';
    for (let i = 0; i < RUNS; i++) {
      const outcome = callAura(org.runtime, manager.id, name, params);
      if (!outcome.ok) throw new Error(`${name}: ${outcome.message}`);
      times.push(outcome.ms);
      counts = `${outcome.limits.queries} SOQL, ${outcome.limits.queryRows} rows`;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    if (median > TARGET_MS) slow++;
    console.log(
      `${name}(${Object.values(params).join(', ')}): median ${median} ms, max ${times[times.length - 1]} ms (${counts})`
    );
  }
  console.log(
    slow === 0 ? `✓ every call's median within ${TARGET_MS} ms` : `✗ ${slow} call(s) over ${TARGET_MS} ms`
  );
  org.close();
  rmSync(dir, { recursive: true, force: true });
}

main();
