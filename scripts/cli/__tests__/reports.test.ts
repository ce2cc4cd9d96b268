import { id } from './helpers/fixtureIds';
import { psms, reportJson, FIXTURES } from './helpers/runPsms';
import { join } from 'node:path';

/**
 * Every report over the `partnerQuarter` export (fixtures/partnerQuarter/*.csv), as of
 * 2026-02-16, fiscal year from January: FY2026-Q1 runs 2026-01-01 … 2026-03-31. Every expected
 * value is worked out by hand from SPEC.md; the comments show the arithmetic.
 *
 * The fixture: partners P1 (Gold, Active), P2 (Silver, Active), P3 (Platinum, Onboarding),
 * P4 (Inactive); customer C1. Opportunities in Q1: O1 won 100,000 (P1 primary, Sourced),
 * O2 Commit 50,000 (P1, co-sell), O3 Best Case 30,000 (P2, Sourced), O4 Pipeline 20,000 (P2),
 * O5 lost 40,000 Omitted (P1), O6 direct Commit 70,000, O7 open Omitted 25,000 (P3),
 * O9 won 10,000 with only a non-primary co-sell deal (P2), OA Pipeline 15,000 lead source
 * Partner without deals; O8 (P1, no amount) closes in Q2.
 */

const data = join(FIXTURES, 'partnerQuarter');

describe('SPEC §1 cadence', () => {
  it('2026-02-16 is week 7 of FY2026-Q1: the weekly call and the pipeline & account planning 1:1', async () => {
    // Days since 2026-01-01 = 31 + 15 = 46; floor(46 / 7) + 1 = 7. Week 7 ∈ every week and ∈ {3, 7, 11}.
    expect(await reportJson('cadence', ['--date', '2026-02-16'])).toEqual({
      period: 'FY2026-Q1',
      week: 7,
      meetings: [
        { name: 'Weekly Partner Team Call', audience: 'partner team' },
        {
          name: 'Partner Pipeline & Account Planning 1:1',
          audience: 'partner sales manager + each partner rep'
        }
      ]
    });
  });

  it('with the fiscal year starting in February, 2026-03-02 is week 5 of FY2027-Q1', async () => {
    // FY starts 2026-02-01 and ends in January 2027 → FY2027. Days = 28 (Feb) + 1 = 29; floor(29/7)+1 = 5 → {1,5,9} meetings.
    const run = await psms(['cadence', '--date', '2026-03-02', '--fiscal-start-month', '2', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.period).toBe('FY2027-Q1');
    expect(json.week).toBe(5);
    expect(json.meetings.map((m: { name: string }) => m.name)).toEqual([
      'Weekly Partner Team Call',
      'Partner Forecast & Acquisition 1:1',
      'CEO/CFO Forecast Roll-Up'
    ]);
  });
});

describe('SPEC §3 forecast roll-up', () => {
  it('groups FY2026-Q1 by primary partner with quotas, attainment, coverage and gap', async () => {
    const json = await reportJson('forecast', ['--period', 'FY2026-Q1', '--by', 'partner']);
    expect(Object.keys(json)).toEqual(['period', 'groups', 'total']);
    expect(json.groups).toEqual([
      {
        // P1: O1 won 100,000; O2 Commit 50,000; O5 lost with category Omitted 40,000.
        key: id('001P1'),
        label: 'Alpha Partners',
        closed: 100000,
        commit: 50000,
        bestCase: 0,
        pipeline: 0,
        omitted: 40000,
        commitForecast: 150000, // 100,000 + 50,000
        bestCaseForecast: 150000, // 100,000 + 50,000 + 0
        openPipeline: 50000, // 50,000 + 0 + 0
        quota: 200000, // target a05T1
        attainment: 0.5, // 100,000 ÷ 200,000
        coverage: 0.5, // 50,000 ÷ (200,000 − 100,000)
        gapToQuota: 50000 // 200,000 − 150,000
      },
      {
        // P2: O3 Best Case 30,000; O4 Pipeline 20,000 (O9's deal is not primary).
        key: id('001P2'),
        label: 'Beta Systems',
        closed: 0,
        commit: 0,
        bestCase: 30000,
        pipeline: 20000,
        omitted: 0,
        commitForecast: 0,
        bestCaseForecast: 30000,
        openPipeline: 50000, // 0 + 30,000 + 20,000
        quota: 40000,
        attainment: 0, // 0 ÷ 40,000
        coverage: 1.25, // 50,000 ÷ (40,000 − 0)
        gapToQuota: 40000 // 40,000 − 0
      },
      {
        // P3: O7 open Omitted 25,000, never in the forecast; no target → quota and its ratios null.
        key: id('001P3'),
        label: 'Gamma Group',
        closed: 0,
        commit: 0,
        bestCase: 0,
        pipeline: 0,
        omitted: 25000,
        commitForecast: 0,
        bestCaseForecast: 0,
        openPipeline: 0,
        quota: null,
        attainment: null,
        coverage: null,
        gapToQuota: null
      }
    ]);
    const total = json.total as Record<string, number>;
    expect(total).toMatchObject({
      key: 'total',
      closed: 100000,
      commit: 50000,
      bestCase: 30000,
      pipeline: 20000,
      omitted: 65000, // 40,000 + 25,000
      commitForecast: 150000,
      bestCaseForecast: 180000, // 100,000 + 50,000 + 30,000
      openPipeline: 100000, // 50,000 + 30,000 + 20,000
      quota: 300000, // the channel target (blank partner and manager) wins over the sum 240,000
      coverage: 0.5, // 100,000 ÷ (300,000 − 100,000)
      gapToQuota: 150000 // 300,000 − 150,000
    });
    expect(total.attainment).toBeCloseTo(1 / 3, 12); // 100,000 ÷ 300,000
  });

  it('adds the direct opportunities as one group keyed direct only when asked', async () => {
    const json = await reportJson('forecast', ['--period', 'FY2026-Q1', '--include-direct']);
    const direct = (json.groups as Record<string, unknown>[]).find((g) => g.key === 'direct');
    // Direct in Q1: O6 Commit 70,000; O9 won 10,000; OA Pipeline 15,000.
    expect(direct).toMatchObject({
      closed: 10000,
      commit: 70000,
      pipeline: 15000,
      commitForecast: 80000,
      openPipeline: 85000,
      quota: null
    });
  });

  it('groups by owner: quota is the same-manager target with a blank partner', async () => {
    const json = await reportJson('forecast', ['--period', 'FY2026-Q1', '--by', 'owner']);
    // Rita Rep (005U1) owns every partner opportunity but O4 (Max Manager's, Pipeline 20,000).
    // Targets with Manager__c = 005U1: none; with Manager__c = 005M1 and no partner: T4 250,000.
    expect(json.groups).toEqual([
      expect.objectContaining({
        key: id('005M1'),
        label: 'Max Manager',
        closed: 0,
        pipeline: 20000,
        commitForecast: 0,
        quota: 250000
      }),
      expect.objectContaining({
        key: id('005U1'),
        label: 'Rita Rep',
        closed: 100000,
        commitForecast: 150000,
        quota: null
      })
    ]);
  });

  it('groups by manager: the owner\'s User.ManagerId by name; an owner without a manager is "No manager"', async () => {
    const json = await reportJson('forecast', ['--period', 'FY2026-Q1', '--by', 'manager']);
    // Rita Rep's manager is Max Manager (005M1): O1 won 100,000, O2 Commit 50,000, O3 Best Case
    // 30,000, O5 lost Omitted 40,000, O7 open Omitted 25,000; quota T4 (Manager 005M1, no partner) 250,000.
    // Max Manager has no manager: O4 Pipeline 20,000.
    expect(json.groups).toEqual([
      expect.objectContaining({
        key: id('005M1'),
        label: 'Max Manager',
        closed: 100000,
        commit: 50000,
        bestCase: 30000,
        omitted: 65000,
        commitForecast: 150000,
        quota: 250000,
        gapToQuota: 100000 // 250,000 − 150,000
      }),
      expect.objectContaining({ key: 'none', label: 'No manager', pipeline: 20000, quota: null })
    ]);
    // The channel target T3 (no partner, no manager) is the total's quota, whatever the grouping.
    expect(json.total).toMatchObject({ commitForecast: 150000, openPipeline: 100000, quota: 300000 });
  });

  it('groups by region: the primary partner\'s Partner_Region__c; a blank region is "No region"', async () => {
    const json = await reportJson('forecast', ['--period', 'FY2026-Q1', '--by', 'region']);
    // EMEA = P1 (O1 won 100,000, O2 Commit 50,000, O5 lost Omitted 40,000); AMER = P2 (O3 Best
    // Case 30,000, O4 Pipeline 20,000); P3 has no region (O7 open Omitted 25,000). Regions carry no quota.
    expect(
      (json.groups as Record<string, unknown>[]).map((g) => [
        g.key,
        g.label,
        g.commitForecast,
        g.openPipeline,
        g.omitted,
        g.quota
      ])
    ).toEqual([
      ['AMER', 'AMER', 0, 50000, 0, null],
      ['EMEA', 'EMEA', 150000, 50000, 40000, null],
      ['none', 'No region', 0, 0, 25000, null]
    ]);
  });

  it('names the grouping in the table heading', async () => {
    const run = await psms(['forecast', '--data', data, '--today', '2026-02-16', '--by', 'region']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Forecast FY2026-Q1 by region/);
    expect(run.stdout).toMatch(/Region/);
    expect(run.stdout).toMatch(/No region/);
  });

  it('refuses an unknown grouping with a usage error', async () => {
    const run = await psms(['forecast', '--data', data, '--by', 'country']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/partner.*owner.*manager.*region/);
  });

  it('defaults the period to the quarter containing --today', async () => {
    expect((await reportJson('forecast', [])).period).toBe('FY2026-Q1');
  });
});

describe('SPEC §5 pipeline hygiene', () => {
  it('finds the rule breaches of each open partner-involved opportunity and outdated plans', async () => {
    const json = await reportJson('hygiene', []);
    expect(Object.keys(json)).toEqual(['asOf', 'findings', 'scores', 'hygienePercent', 'unreliable']);
    const found = (json.findings as { rule: string; severity: string; recordId: string }[])
      .map((f) => `${f.recordId} ${f.rule} ${f.severity}`)
      .sort();
    expect(found).toEqual(
      [
        // O3: next step blank; last activity 2026-01-20 is 11 + 16 = 27 days > 21; pushed 2 ≥ 2 (not ≥ 3);
        // primary deal Sourced with no approved/converted registration.
        `${id('006O3')} NO_NEXT_STEP medium`,
        `${id('006O3')} STALE medium`,
        `${id('006O3')} PUSHED medium`,
        `${id('006O3')} SOURCED_UNREGISTERED medium`,
        // O4: pushed 3 ≥ 3 → high; stage since 2025-12-01: 31 + 31 + 15 = 77 days > 45; Pipeline at 95 % ≥ 90.
        `${id('006O4')} PUSHED high`,
        `${id('006O4')} STUCK_IN_STAGE medium`,
        `${id('006O4')} CATEGORY_MISMATCH medium`,
        // O7: its Approved registration R1 expires 2026-02-20, before the close date 2026-03-01.
        `${id('006O7')} REGISTRATION_EXPIRES_BEFORE_CLOSE high`,
        // O8: amount blank; no activity, created 2026-01-10: 21 + 16 = 37 days > 21; Commit at 40 % < 50.
        `${id('006O8')} MISSING_AMOUNT high`,
        `${id('006O8')} STALE medium`,
        `${id('006O8')} CATEGORY_MISMATCH medium`,
        // OA: lead source Partner and no partner deal at all.
        `${id('006OA')} NO_PRIMARY_PARTNER high`,
        // P1 (Gold): plan last reviewed 2025-10-01: 31 + 30 + 31 + 31 + 15 = 138 days > 90. P3 reviewed 27 days ago.
        `${id('001P1')} PLAN_OUTDATED medium`
      ].sort()
    );
    // In record id order, as the findings: partner accounts (001…) before opportunities (006…).
    expect(json.scores).toEqual([
      { recordId: id('001P1'), score: 85 }, // 100 − 15
      { recordId: id('001P3'), score: 100 },
      { recordId: id('006O2'), score: 100 }, // clean
      { recordId: id('006O3'), score: 40 }, // 100 − 4 × 15
      { recordId: id('006O4'), score: 40 }, // 100 − 30 − 15 − 15
      { recordId: id('006O7'), score: 70 }, // 100 − 30
      { recordId: id('006O8'), score: 40 }, // 100 − 30 − 15 − 15
      { recordId: id('006OA'), score: 70 } // 100 − 30
    ]);
    const findingIds = (json.findings as { recordId: string }[]).map((f) => f.recordId);
    expect(findingIds).toEqual([...findingIds].sort());
    // Open partner-involved opportunities: O2, O3, O4, O7, O8, OA = 6 (O6 is direct, lead source Web); clean: O2.
    expect(json.hygienePercent).toBeCloseTo(1 / 6, 12);
    expect(json.unreliable).toBe(true); // 16.7 % < 70 %
    expect(json.asOf).toBe('2026-02-16');
  });

  it('--all-open also evaluates the direct opportunity O6 (clean: 2 of 7)', async () => {
    const json = await reportJson('hygiene', ['--all-open']);
    expect(json.hygienePercent).toBeCloseTo(2 / 7, 12);
  });
});

describe('SPEC §6 registration audit', () => {
  it('reports key conflicts, direct conflicts, expired, overdue and expiring-soon registrations', async () => {
    const json = await reportJson('registrations', []);
    expect(json).toEqual({
      asOf: '2026-02-16',
      conflicts: [
        // Key "delta|analytics" is held by R1 (P3, 2025-11-20), R2 (P1, 2026-02-10), R5 (P3, 2026-02-12); R6 is Rejected.
        { registrationId: id('a02R2'), type: 'Duplicate', withId: id('a02R1') },
        { registrationId: id('a02R5'), type: 'Already registered', withId: id('a02R1') }, // same partner P3
        { registrationId: id('a02R5'), type: 'Duplicate', withId: id('a02R2') },
        // R3 (Needs Review) on C1/Security: O6 is open on C1/Security, has no partner deal, created 2026-01-02 < 2026-02-15.
        { registrationId: id('a02R3'), type: 'Direct', withId: id('006O6') }
      ],
      expired: [id('a02R4')], // Approved, expires 2026-02-10 < 2026-02-16
      // R2: 2026-02-10 09:00 + 48 h = 02-12 09:00 < 02-16 00:00; R5: 02-12 00:00 + 48 h = 02-14 00:00 < 02-16;
      // R3: 02-15 20:00 + 48 h = 02-17 20:00, not yet.
      overdue: [id('a02R2'), id('a02R5')],
      expiringSoon: [id('a02R1')] // Approved, 2026-02-20 ∈ [02-16, 03-02]
    });
  });
});

describe('SPEC §4 changes between two snapshots', () => {
  it('classifies each opportunity and the waterfall adds up', async () => {
    const json = await reportJson('changes', ['--from', '2026-02-09', '--to', '2026-02-16']);
    const changes = [...(json.changes as { opportunityId: string }[])].sort((a, b) =>
      a.opportunityId < b.opportunityId ? -1 : 1
    );
    expect(changes).toEqual([
      { opportunityId: id('K1'), type: 'Won', commitDelta: 0, pipelineDelta: -50000 }, // Commit 50,000 → won 50,000
      { opportunityId: id('K2'), type: 'Category up', commitDelta: 30000, pipelineDelta: 0 }, // Best Case → Commit
      { opportunityId: id('K3'), type: 'Pushed out', commitDelta: 0, pipelineDelta: -20000 }, // 03-20 → 04-10, past 03-31
      { opportunityId: id('K4'), type: 'Removed', commitDelta: -40000, pipelineDelta: -40000 }, // not in B
      { opportunityId: id('K5'), type: 'Amount up', commitDelta: 0, pipelineDelta: 2000 }, // 10,000 → 12,000
      { opportunityId: id('K6'), type: 'Unchanged', commitDelta: 0, pipelineDelta: 0 },
      { opportunityId: id('K7'), type: 'New', commitDelta: 8000, pipelineDelta: 8000 }, // only in B, Commit
      { opportunityId: id('K8'), type: 'Lost', commitDelta: 0, pipelineDelta: -7000 } // Pipeline → closed lost
    ]);
    // A: commit = K1 50,000 + K4 40,000 = 90,000; B: K1 won 50,000 + K2 30,000 + K7 8,000 = 88,000 (Σ commit Δ = −2,000).
    // A: pipeline = 50,000 + 30,000 + 20,000 + 40,000 + 10,000 + 5,000 + 7,000 = 162,000;
    // B: K2 30,000 + K5 12,000 + K6 5,000 + K7 8,000 = 55,000 (Σ pipeline Δ = −107,000). The 2026-02-02 snapshot is ignored.
    expect(json).toMatchObject({
      commitFrom: 90000,
      commitTo: 88000,
      pipelineFrom: 162000,
      pipelineTo: 55000
    });
  });

  it('--omit-unchanged leaves K6 out', async () => {
    const json = await reportJson('changes', [
      '--from',
      '2026-02-09',
      '--to',
      '2026-02-16',
      '--omit-unchanged'
    ]);
    expect((json.changes as { opportunityId: string }[]).map((c) => c.opportunityId)).not.toContain(id('K6'));
  });

  it('refuses a snapshot date with no rows (data error, exit 3)', async () => {
    const run = await psms(['changes', '--data', data, '--from', '2026-02-10', '--to', '2026-02-16']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`psms: Opportunity_Snapshot__c: no snapshot rows dated 2026-02-10 in ${data}\n`);
  });
});

describe('SPEC §7 KPIs', () => {
  it('computes the partner KPIs of FY2026-Q1', async () => {
    const json = await reportJson('kpis', ['--period', 'FY2026-Q1']);
    expect(Object.keys(json)).toEqual([
      'recruitmentRate',
      'activationRate',
      'timeToFirstRevenue',
      'coSellShare',
      'partnerSourcedShare',
      'attainment',
      'winRate',
      'avgDealSize',
      'salesCycleDays',
      'coverage',
      'programRoi'
    ]);
    // Recruited in Q1: P2 = 1; recruited before 2026-01-01 and Active/Onboarding: P1, P3 = 2 → 1 ÷ 2.
    expect(json.recruitmentRate).toBe(0.5);
    // Recruited on or before 03-31 − 90 days = 2025-12-31: P1, P3, P4; first revenue by 03-31: P1, P3 → 2 ÷ 3.
    expect(json.activationRate).toBeCloseTo(2 / 3, 12);
    // First revenue in Q1: P1 only, 2025-06-01 → 2026-01-20 = 30+31+31+30+31+30+31 + 19 = 233 days.
    expect(json.timeToFirstRevenue).toEqual({ median: 233, mean: 233, n: 1 });
    // Closing in Q1: O1–O7, O9, OA = 9 opportunities, 360,000; co-sell flagged: O2 50,000 and O9 10,000.
    expect((json.coSellShare as Record<string, number>).count).toBeCloseTo(2 / 9, 12);
    expect((json.coSellShare as Record<string, number>).amount).toBeCloseTo(60000 / 360000, 12);
    // Won: O1 100,000 (primary Sourced) and O9 10,000 → 100,000 ÷ 110,000.
    expect(json.partnerSourcedShare).toBeCloseTo(100000 / 110000, 12);
    expect(json.attainment).toBeCloseTo(1 / 3, 12); // §3 total: 100,000 ÷ 300,000
    // Partner channel closed: O1 won 100,000, O5 lost 40,000; direct: O9 won 10,000.
    expect(json.winRate).toEqual({
      partner: { count: 0.5, amount: 100000 / 140000 },
      direct: { count: 1, amount: 1 }
    });
    expect(json.avgDealSize).toEqual({ partner: 100000, direct: 10000 });
    // O1: 2025-11-01 → 2026-01-15 = 30 + 31 + 14 = 75 days. O9 created 2025-12-20 23:30 −05:00 = 2025-12-21 UTC
    // → 2026-01-25 = 11 + 24 = 35 days.
    expect(json.salesCycleDays).toEqual({ partner: 75, direct: 35 });
    expect(json.coverage).toBe(0.5); // §3 total coverage
    // Program cost: 10,000 (a05T1) + 20,000 (a05T3) = 30,000; (100,000 − 30,000) ÷ 30,000.
    expect(json.programRoi).toBeCloseTo(70000 / 30000, 12);
  });
});

describe('SPEC §4 forecast accuracy', () => {
  it('measures the latest week-1 call of each partner against its won amount, once the period has ended', async () => {
    const json = await reportJson('accuracy', ['--period', 'FY2026-Q1', '--today', '2026-04-01']);
    expect(json).toEqual({
      period: 'FY2026-Q1',
      inProgress: false,
      groups: [
        // P1: latest week-1 call is F2 (01-06) 90,000; won 100,000 → 1 − 10,000/100,000; (90,000 − 100,000)/100,000.
        { key: id('001P1'), label: 'Alpha Partners', call: 90000, actual: 100000, accuracy: 0.9, bias: -0.1 },
        // P2 and P3 won nothing with a primary deal: ratios over zero are null.
        { key: id('001P2'), label: 'Beta Systems', call: 15000, actual: 0, accuracy: null, bias: null },
        { key: id('001P3'), label: 'Gamma Group', call: 5000, actual: 0, accuracy: null, bias: null }
      ],
      // 90,000 + 15,000 + 5,000 = 110,000 vs 100,000: 1 − 10,000/100,000 = 0.9; bias +0.1. F6 (team) and F7 (Q4) are ignored.
      total: { key: 'total', label: 'Total', call: 110000, actual: 100000, accuracy: 0.9, bias: 0.1 }
    });
  });

  it('a period that has not ended is in progress: accuracy and bias are null, never 0', async () => {
    // --today 2026-02-16 is inside FY2026-Q1.
    const json = await reportJson('accuracy', ['--period', 'FY2026-Q1']);
    expect(json.inProgress).toBe(true);
    expect((json.groups as Record<string, unknown>[]).map((g) => [g.key, g.accuracy, g.bias])).toEqual([
      [id('001P1'), null, null],
      [id('001P2'), null, null],
      [id('001P3'), null, null]
    ]);
    expect(json.total).toMatchObject({ call: 110000, actual: 100000, accuracy: null, bias: null });
    const table = await psms(['accuracy', '--data', data, '--today', '2026-02-16']);
    expect(table.stdout).toMatch(/in progress until 2026-03-31/);
  });

  it("--by manager sums each manager's partners and names the manager, not the user id", async () => {
    const json = await reportJson('accuracy', [
      '--period',
      'FY2026-Q1',
      '--by',
      'manager',
      '--today',
      '2026-04-01'
    ]);
    // Every week-1 partner call was submitted by Max Manager (005M1): 110,000 vs 100,000.
    expect(json.groups).toEqual([
      { key: id('005M1'), label: 'Max Manager', call: 110000, actual: 100000, accuracy: 0.9, bias: 0.1 }
    ]);
    const run = await psms([
      'accuracy',
      '--data',
      data,
      '--today',
      '2026-04-01',
      '--period',
      'FY2026-Q1',
      '--by',
      'manager'
    ]);
    expect(run.stdout).toMatch(/Max Manager/);
  });
});

describe('SPEC §9 output formats', () => {
  it('prints a plain table without colour when stdout is not a terminal', async () => {
    const run = await psms(['forecast', '--data', data, '--today', '2026-02-16']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    expect(run.stdout).toContain('Alpha Partners  100,000  50,000');
    expect(run.stdout).toMatch(
      /Total\s+100,000\s+50,000\s+30,000\s+20,000\s+65,000\s+150,000\s+180,000\s+100,000\s+300,000\s+33\.3%\s+0\.5×\s+150,000/
    );
    expect(run.stderr).toBe('');
  });

  it('--csv prints the main table with raw numbers, fractions and blanks for undefined', async () => {
    const run = await psms(['forecast', '--data', data, '--today', '2026-02-16', '--csv']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'Partner,Closed,Commit,Best Case,Pipeline,Omitted,Commit fcst,Best Case fcst,Open pipeline,Quota,Attainment,Coverage,Gap to quota'
    );
    expect(lines[1]).toBe('Alpha Partners,100000,50000,0,0,40000,150000,150000,50000,200000,0.5,0.5,50000');
    expect(lines[3]).toBe('Gamma Group,0,0,0,0,25000,0,0,0,,,,');
  });

  it('--md prints Markdown tables with right-aligned numbers', async () => {
    const run = await psms(['registrations', '--data', data, '--today', '2026-02-16', '--md']);
    expect(run.stdout).toContain('### Registration audit');
    expect(run.stdout).toContain(`| ${id('a02R3')} | REG-3 | conflict | Direct | ${id('006O6')} |`);
    const kpis = await psms(['kpis', '--data', data, '--today', '2026-02-16', '--md']);
    expect(kpis.stdout).toContain('| --- | ---: | ---: | ---: |');
    expect(kpis.stdout).toContain('| Win rate (count) | — | 50% | 100% |');
  });

  it('hygiene tables: findings most severe first then by record, columns as wide as their longest cell', async () => {
    const run = await psms(['hygiene', '--data', data, '--today', '2026-02-16']);
    const lines = run.stdout.split('\n');
    const header = lines.findIndex((l) => /^Record +Rule/.test(l));
    // An 18-character id sets the Record column, the longest rule name (REGISTRATION_EXPIRES_BEFORE_CLOSE, 33) the Rule column.
    expect(lines[header + 1].split('  ').map((dashes) => dashes.length)).toEqual([18, 33, 8, 78, 92]);
    expect(lines.slice(header + 2, header + 7).map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      `${id('006O4')} PUSHED high`,
      `${id('006O7')} REGISTRATION_EXPIRES_BEFORE_CLOSE high`,
      `${id('006O8')} MISSING_AMOUNT high`,
      `${id('006OA')} NO_PRIMARY_PARTNER high`,
      `${id('001P1')} PLAN_OUTDATED medium`
    ]);
    const below = lines.findIndex((l) => l === 'Records below 100');
    // Lowest score first, ties by record id; an id is 18 wide, then two spaces and "Score" right-aligned.
    expect(lines.slice(below + 3, below + 6)).toEqual([
      `${id('006O3')}     40`,
      `${id('006O4')}     40`,
      `${id('006O8')}     40`
    ]);

    const md = await psms(['hygiene', '--data', data, '--today', '2026-02-16', '--md']);
    expect(md.stdout).toContain(`| ${id('006O4')} | PUSHED | high | Close date pushed 3 times (limit 2). |`);
    const csv = (await psms(['hygiene', '--data', data, '--today', '2026-02-16', '--csv'])).stdout.split(
      '\n'
    );
    expect(csv[0]).toBe('Record,Rule,Severity,Reason,Fix');
    expect(csv).toHaveLength(1 + 13 + 1); // header, 13 findings, the final newline
  });

  it('refuses two output formats at once', async () => {
    const run = await psms(['hygiene', '--data', data, '--json', '--csv']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'psms: hygiene: choose one of --json, --csv\n' });
  });
});
