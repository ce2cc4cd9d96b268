import { id } from './helpers/fixtureIds';
import { join } from 'node:path';
import { FIXTURES, psms } from './helpers/runPsms';

/**
 * The cadence reports over the `cadenceQuarter` export, as of 2026-04-22 (FY2026-Q2, which runs
 * 2026-04-01 … 2026-06-30; days since its start = 21, so week 4: 22–28 April; week 3 is 15–21
 * April). Every expected value is worked out by hand from SPEC §10–12.
 *
 * Partners: P1 Alpha (rep R1, Active), P2 Beta (rep R2, Active, activated 2026-04-10, first
 * revenue 2026-04-20), P3 Gamma (R1, Onboarding since 2025-12-01), P4 Delta (R2, recruited
 * 2026-04-05). R1 reports to manager M1, R2 to M2.
 */

const data = join(FIXTURES, 'cadenceQuarter');

async function json(command: string, args: string[]): Promise<Record<string, unknown>> {
  const run = await psms([command, '--data', data, '--today', '2026-04-22', ...args, '--json']);
  if (run.code !== 0) throw new Error(`psms ${command} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

type Lists = Record<string, Record<string, unknown>[]>;
const idsOf = (rows: Record<string, unknown>[], key = 'opportunityId') => rows.map((row) => row[key]);

describe('SPEC §10 psms agenda: Weekly Partner Team Call', () => {
  it('prints meeting, period, week, the lists and their figures', async () => {
    const agenda = await json('agenda', ['--date', '2026-04-22', '--meeting', 'Weekly Partner Team Call']);
    expect(Object.keys(agenda)).toEqual(['meeting', 'period', 'week', 'lists', 'figures']);
    expect([agenda.meeting, agenda.period, agenda.week]).toEqual([
      'Weekly Partner Team Call',
      'FY2026-Q2',
      4
    ]);
    const lists = agenda.lists as Lists;
    expect(Object.keys(lists)).toEqual([
      'lastWeekBookings',
      'thisWeekCommits',
      'forecastChanges',
      'risks',
      'helpNeeded'
    ]);
    // Won in week 3 through a primary partner: B2 700 (21 April), B1 500 (16 April).
    expect(idsOf(lists.lastWeekBookings)).toEqual([id('006B2'), id('006B1')]);
    // Open Commit closing in week 4: C2 900 (28 April), C1 300 (24 April).
    expect(idsOf(lists.thisWeekCommits)).toEqual([id('006C2'), id('006C1')]);
    // No snapshot file in the export: no changes to show.
    expect(lists.forecastChanges).toEqual([]);
    // R1: Commit past its close date (10 April); R2: Best Case without an amount.
    expect(lists.risks.map((row) => [row.opportunityId, row.rules])).toEqual([
      [id('006R1'), ['PAST_CLOSE_DATE']],
      [id('006R2'), ['MISSING_AMOUNT']]
    ]);
    // Help needed on any open deal of Q, the direct one too.
    expect(lists.helpNeeded.map((row) => [row.opportunityId, row.helpNeeded])).toEqual([
      [id('006C1'), 'Exec sponsor call'],
      [id('006D1'), 'Pricing approval']
    ]);
    expect(agenda.figures).toMatchObject({ bookedAmount: 1200, commitAmount: 1200 });
  });

  it('accepts a short name, and the table output names each list', async () => {
    const run = await psms(['agenda', '--data', data, '--today', '2026-04-22', '--meeting', 'team']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Weekly Partner Team Call · lastWeekBookings (2)');
    expect(run.stdout).toContain('Exec sponsor call');
  });

  it('refuses a meeting that is not in the cadence, naming the choices', async () => {
    const run = await psms(['agenda', '--data', data, '--today', '2026-04-22', '--meeting', 'Board']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Weekly Partner Team Call');
  });
});

describe('SPEC §10 psms agenda: the 1:1s', () => {
  it("Partner Forecast & Acquisition 1:1 for rep R1: validation, the partners' roll-up with the call, recruits, open actions", async () => {
    const agenda = await json('agenda', [
      '--date',
      '2026-04-22',
      '--meeting',
      'forecast',
      '--rep',
      id('005R1')
    ]);
    const lists = agenda.lists as Lists;
    // Not validated first (Commit before Best Case), then C1, validated on 2 April by M1.
    expect(lists.validation.map((row) => [row.opportunityId, row.validated, row.validatedBy])).toEqual([
      [id('006R1'), false, null],
      [id('006R2'), false, null],
      [id('006C1'), true, id('005M1')]
    ]);
    // R1's partners are P1 and P3; P1 in Q2: won 500 (B1), Commit 300 + 200, Best Case 0 (no amount).
    expect(lists.partnerRollUp).toHaveLength(1);
    expect(lists.partnerRollUp[0]).toMatchObject({
      partnerId: id('001P1'),
      label: 'Alpha Partners',
      closed: 500,
      commit: 500,
      commitForecast: 1000,
      commitCall: 1200,
      bestCaseCall: 1500
    });
    // P4 was recruited in Q2 but belongs to R2; the target is the channel's 2.
    expect(lists.recruitedPartners).toEqual([]);
    expect(agenda.figures).toMatchObject({ recruited: 0, recruitmentTarget: 2, recruitmentAttainment: 0 });
    expect(lists.openActions.map((row) => [row.actionId, row.overdue])).toEqual([
      [id('a08A1'), true],
      [id('a08A2'), false]
    ]);
  });

  it('Partner Pipeline & Account Planning 1:1 for R1: next quarter, plans with attainment, co-sell deals', async () => {
    const agenda = await json('agenda', [
      '--date',
      '2026-04-22',
      '--meeting',
      'pipeline',
      '--rep',
      id('005R1')
    ]);
    const lists = agenda.lists as Lists;
    expect(agenda.figures).toMatchObject({ nextPeriod: 'FY2026-Q3' });
    expect(lists.nextQuarterRollUp.map((row) => [row.partnerId, row.commit])).toEqual([[id('001P1'), 600]]);
    // P1 FY2026: won 500 (B1) + 1000 (W1) of 4000 = 0.375; co-sell wins: W1 → 1 of 2.
    expect(
      lists.accountPlans.map((row) => [row.planId, row.revenueAttainment, row.coSellAttainment])
    ).toEqual([
      [id('a04L1'), 0.375, 0.5],
      [id('a04L3'), null, null]
    ]);
    expect(lists.coSellOpportunities.map((row) => [row.opportunityId, row.coSellPartners])).toEqual([
      [id('006N1'), [id('001P2')]]
    ]);
  });
});

describe('SPEC §10 psms agenda: leadership meetings', () => {
  it('CEO/CFO Forecast Roll-Up: the roll-up by manager, each team call, the accepted forecast', async () => {
    const agenda = await json('agenda', ['--date', '2026-04-22', '--meeting', 'CEO/CFO Forecast Roll-Up']);
    const lists = agenda.lists as Lists;
    expect(
      lists.byManager.map((row) => [
        row.managerId,
        row.closed,
        row.commit,
        row.commitCall,
        row.teamCallId,
        row.teamCallAccepted
      ])
    ).toEqual([
      // M1: B1 won 500; C1 300 + R1 200 in Commit; M1's whole-team call 2,000, accepted on 3 April.
      [id('005M1'), 500, 500, 2000, id('a06T1'), true],
      // M2: B2 won 700; C2 900 in Commit; no team call, so the partner call (P2 1,500).
      [id('005M2'), 700, 900, 1500, null, false]
    ]);
    expect(agenda.figures).toMatchObject({
      commitCall: 3500,
      bestCaseCall: 4300,
      agreedCommit: 2000,
      agreedBestCase: 2500,
      agreedTeams: 1,
      teams: 2
    });
  });

  it('MBR: ROI, partner-sourced share, attribution by primary role (summing to 1), satisfaction', async () => {
    const agenda = await json('agenda', ['--date', '2026-04-22', '--meeting', 'mbr']);
    const lists = agenda.lists as Lists;
    // Won in Q2 through a partner: B1 500 (Sourced), B2 700 (Resell); program cost 400.
    expect(agenda.figures).toMatchObject({
      programRoi: 2,
      partnerWon: 1200,
      satisfactionMean: 7,
      satisfactionCount: 2
    });
    expect((agenda.figures as Record<string, number>).partnerSourcedShare).toBeCloseTo(500 / 1200, 12);
    expect(lists.attribution.map((row) => [row.role, row.amount])).toEqual([
      ['Sourced', 500],
      ['Co-Sell', 0],
      ['Influenced', 0],
      ['Resell', 700],
      ['Referral', 0]
    ]);
    expect(lists.attribution.reduce((sum, row) => sum + (row.share as number), 0)).toBeCloseTo(1, 12);
  });

  it('ELT: program growth rate and activations against the year’s recruitment targets', async () => {
    const agenda = await json('agenda', ['--date', '2026-04-22', '--meeting', 'elt']);
    // FY2026 to 22 April: 500 + 700 + 1000 = 2,200; FY2025 to 22 April: 1,000 (W3) → 2.2 − 1.
    expect(agenda.figures).toMatchObject({
      fiscalYear: 'FY2026',
      wonToDate: 2200,
      wonPreviousSpan: 1000,
      activated: 1,
      activationTarget: 2,
      activationAttainment: 0.5
    });
    expect((agenda.figures as Record<string, number>).programGrowthRate).toBeCloseTo(1.2, 12);
  });
});

describe('SPEC §12 psms funnel', () => {
  it('stages reached in the period, counts by status, medians, the stuck and every plan', async () => {
    const funnel = await json('funnel', ['--period', 'FY2026-Q2']);
    expect(funnel).toEqual({
      recruited: 1, // P4, 5 April
      activated: 1, // P2, 10 April
      firstRevenue: 1, // P2, 20 April
      byStatus: { Prospect: 0, Recruited: 1, Onboarding: 1, Active: 2, Inactive: 0 },
      medianDaysToActivate: 191, // P2: 2025-10-01 → 2026-04-10
      medianDaysToFirstRevenue: 10, // P2: 10 → 20 April
      stuck: [id('001P3')], // onboarding 142 days since 2025-12-01
      plans: [
        { planId: id('a04L1'), partnerId: id('001P1'), revenueAttainment: 0.375, coSellAttainment: 0.5 },
        { planId: id('a04L2'), partnerId: id('001P2'), revenueAttainment: 0.7, coSellAttainment: null },
        { planId: id('a04L3'), partnerId: id('001P3'), revenueAttainment: null, coSellAttainment: null }
      ]
    });
  });
});

describe('SPEC §11 psms accuracy --calibrated', () => {
  it('adds the calibrated call per group and the total, and the backtest', async () => {
    const report = await json('accuracy', ['--period', 'FY2026-Q2', '--calibrated']);
    // W(FY2026-Q2) holds P1's points: Q1 1,200 vs 1,000 (bias 0.2), Q4 880 vs 800 (0.1): b_all = 0.15;
    // P1: n = 2, b = (2·0.15 + 2·0.15) ÷ 4 = 0.15; P2 has no history: b = b_all = 0.15.
    const groups = report.groups as Record<string, unknown>[];
    expect(groups.map((g) => [g.key, g.call, g.calibrated])).toEqual([
      [id('001P1'), 1200, 1043.48], // 1,200 ÷ 1.15
      [id('001P2'), 1500, 1304.35] // 1,500 ÷ 1.15
    ]);
    expect((report.total as Record<string, unknown>).calibrated).toBeCloseTo(2347.83, 6);
    // The quarter is still running: accuracy is not measured yet.
    expect(report.inProgress).toBe(true);
    // Backtest over the closed periods: FY2025-Q4 (no history, b = 0: error 0.1 both ways) and
    // FY2026-Q1 (b = 0.1: 1,200 ÷ 1.1 = 1,090.91 → error 0.09091; raw error 0.2).
    const backtest = report.backtest as { rawError: number; calibratedError: number; n: number };
    expect(backtest.n).toBe(2);
    expect(backtest.rawError).toBeCloseTo(0.15, 12);
    expect(backtest.calibratedError).toBeCloseTo((0.1 + 0.09091) / 2, 6);
  });

  it('without --calibrated the report keeps its keys', async () => {
    const report = await json('accuracy', ['--period', 'FY2026-Q2']);
    expect(Object.keys(report)).toEqual(['period', 'inProgress', 'groups', 'total']);
  });
});
