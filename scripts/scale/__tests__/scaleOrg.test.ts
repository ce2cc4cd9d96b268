import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fiscalPeriodOf } from '../../../force-app/main/default/lwc/psmsEngine/psmsEngine';
import { callAura } from '../../org/aura/auraCall';
import { openScaleOrg, recordedBuild, SCALE_TODAY } from '../scaleOrg';

/**
 * The scale org of the benches and `npm start -- --scale`, built small: the load adds the reps and
 * opportunities asked for, the package's own jobs summarise them within the batch limits, the
 * pages then answer from the summary, and a second open reuses the file while its recipe holds.
 */
const ROOT = resolve(__dirname, '../../..');

describe('the scale org, built small', () => {
  const dir = mkdtempSync(join(tmpdir(), 'psms-scale-test-'));
  const path = join(dir, 'scale.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads, summarises with the package’s jobs, and is reused', () => {
    const first = openScaleOrg({ root: ROOT, path, opportunities: 6_000, inQuarter: 3_500, extraReps: 6 });
    const count = (query: string, ...params: string[]) =>
      (first.org.runtime.database.sql.prepare(query).get(...params) as { n: number }).n;
    const period = fiscalPeriodOf(SCALE_TODAY);
    expect(first.created).toBe(true);
    expect(count(`SELECT COUNT(*) AS n FROM "User" WHERE Username LIKE 'scale.rep.%'`)).toBe(6);
    expect(count(`SELECT COUNT(*) AS n FROM "Opportunity" WHERE Name LIKE 'Scale deal %'`)).toBe(6_000);
    expect(
      count(
        `SELECT COUNT(*) AS n FROM "Opportunity" WHERE Name LIKE 'Scale deal %' AND CloseDate BETWEEN ? AND ?`,
        period.start,
        period.end
      )
    ).toBe(3_500);
    // The reconcile wrote the summary and its report; the snapshot job took today's snapshot.
    expect(
      count(`SELECT COUNT(*) AS n FROM "Pipeline_Summary__c" WHERE Grain__c = 'Owner_Partner'`)
    ).toBeGreaterThan(0);
    expect(
      count(`SELECT COUNT(*) AS n FROM "Pipeline_Summary__c" WHERE Slice__c = 'Reconcile'`)
    ).toBeGreaterThan(0);
    expect(
      count(`SELECT COUNT(*) AS n FROM "Opportunity_Snapshot__c" WHERE Snapshot_Date__c = ?`, SCALE_TODAY)
    ).toBeGreaterThan(6_000 / 2);
    const build = first.build;
    expect(build?.jobs.map((job) => job.steps > 0)).toEqual([true, true]);
    for (const job of build?.jobs ?? []) {
      expect(job.peak.queries).toBeLessThanOrEqual(200);
      expect(job.peak.queryRows).toBeLessThanOrEqual(50_000);
      expect(job.peak.dmlStatements).toBeLessThanOrEqual(150);
      expect(job.peak.dmlRows).toBeLessThanOrEqual(10_000);
    }
    // Past the threshold of 3,000 deals in the period, leadership's forecast reads the summary.
    const leader = first.org.users.find((u) => u.role === 'leadership');
    const pipeline = callAura(first.org.runtime, leader?.id ?? '', 'PartnerForecastController.getPipeline', {
      period: period.label,
      scope: 'all'
    });
    expect(pipeline.ok && (pipeline.value as { aggregated?: boolean }).aggregated).toBe(true);
    first.org.close();

    const again = openScaleOrg({ root: ROOT, path, opportunities: 6_000, inQuarter: 3_500, extraReps: 6 });
    expect(again.created).toBe(false);
    expect(recordedBuild(again.org)?.jobs).toHaveLength(2);
    again.org.close();
  }, 600_000);
});
