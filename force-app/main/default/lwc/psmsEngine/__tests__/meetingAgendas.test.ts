import type { AgendaData, AgendaInput } from '../agendaData';
import { businessReviewAgenda, eltAgenda, rollUpAgenda, sameDateYearBefore } from '../leadershipAgendas';
import { agendaKindOf, isOneOnOne, meetingAgenda, quarterCalendar } from '../meetingAgenda';
import { forecastOneOnOneAgenda, pipelineOneOnOneAgenda } from '../oneOnOneAgendas';
import type { Account, Deal_Registration__c, Forecast_Submission__c, Review_Action__c } from '../records';
import { DEFAULT_SETTINGS, withSettings } from '../settings';
import { teamCallAgenda } from '../teamCallAgenda';
import { deal, opp, snap } from './fixtures';

// FY2026-Q2 runs 2026-04-01 .. 2026-06-30; week w starts on 1 April + 7(w − 1) days.
const Q = 'FY2026-Q2';
const ids = <T extends { opportunityId: string }>(rows: T[]) => rows.map((row) => row.opportunityId);

function input(today: string, data: AgendaData, extra: Partial<AgendaInput> = {}): AgendaInput {
  return { today, settings: DEFAULT_SETTINGS, data, ...extra };
}

describe('Weekly Partner Team Call (T = 2026-04-22, week 4 of FY2026-Q2)', () => {
  const T = '2026-04-22';
  const web = { LeadSource: 'Web' };
  const opportunities = [
    // Bookings: won, partner channel, closing in week 3 (15–21 April).
    opp('b1', { IsClosed: true, IsWon: true, CloseDate: '2026-04-16', Amount: 500 }),
    opp('b2', { IsClosed: true, IsWon: true, CloseDate: '2026-04-21', Amount: 700 }),
    opp('b3', { IsClosed: true, IsWon: true, CloseDate: '2026-04-22', Amount: 50 }),
    opp('b4', { IsClosed: true, IsWon: true, CloseDate: '2026-04-14' }),
    opp('b5', { IsClosed: true, IsWon: true, CloseDate: '2026-04-18', ...web }),
    opp('b6', { IsClosed: true, CloseDate: '2026-04-17' }),
    // Commits: open, partner channel, Commit, closing in week 4 (22–28 April).
    opp('c1', { CloseDate: '2026-04-24', Amount: 300, Help_Needed__c: ' Exec sponsor call ' }),
    opp('c2', { CloseDate: '2026-04-25', ForecastCategoryName: 'Best Case', Help_Needed__c: '   ' }),
    opp('c3', { CloseDate: '2026-04-29' }),
    opp('c4', { CloseDate: '2026-04-28', Amount: 900 }),
    opp('c5', { CloseDate: '2026-04-26', ...web }),
    // Risks.
    opp('r1', { CloseDate: '2026-04-10', Amount: 200 }),
    opp('r2', { CloseDate: '2026-06-10', Amount: null, ForecastCategoryName: 'Best Case' }),
    opp('r3', { CloseDate: '2026-04-10', ForecastCategoryName: 'Pipeline', Probability: 10 }),
    opp('r4', { CloseDate: '2026-06-20' }),
    opp('r5', { CloseDate: '2026-06-20', NextStep: null }),
    // Help needed.
    opp('h1', {
      CloseDate: '2026-05-20',
      ForecastCategoryName: 'Pipeline',
      Probability: 10,
      Help_Needed__c: 'A reference customer',
      ...web
    }),
    opp('h2', { CloseDate: '2026-07-05', Help_Needed__c: 'Next quarter' })
  ];
  const partnered = ['b1', 'b3', 'b4', 'b6', 'c1', 'c2', 'c3', 'r1', 'r2', 'r3', 'r4', 'r5', 'h2'];
  const partnerDeals = [...partnered.map((id) => deal(id, 'P1')), deal('b2', 'P2'), deal('c4', 'P2')];
  const registrations: Deal_Registration__c[] = [
    {
      Id: 'reg1',
      Partner_Account__c: 'P1',
      Status__c: 'Approved',
      Opportunity__c: 'r4',
      Expires_On__c: '2026-06-01'
    }
  ];
  const snapshots = [
    snap('k1', { Snapshot_Date__c: '2026-04-13', Forecast_Category__c: 'Commit', Primary_Partner__c: 'P1' }),
    snap('k1', {
      Snapshot_Date__c: '2026-04-20',
      Forecast_Category__c: 'Commit',
      Amount__c: 250,
      Primary_Partner__c: 'P1'
    }),
    snap('k1', {
      Snapshot_Date__c: '2026-04-27',
      Forecast_Category__c: 'Commit',
      Amount__c: 999,
      Primary_Partner__c: 'P1'
    }),
    snap('k2', { Snapshot_Date__c: '2026-04-13', Amount__c: 400, Primary_Partner__c: 'P1' }),
    snap('k2', {
      Snapshot_Date__c: '2026-04-20',
      Amount__c: 400,
      Forecast_Category__c: 'Commit',
      Primary_Partner__c: 'P1'
    }),
    snap('k3', {
      Snapshot_Date__c: '2026-04-13',
      Amount__c: 300,
      Forecast_Category__c: 'Commit',
      Primary_Partner__c: 'P2'
    }),
    snap('k3', {
      Snapshot_Date__c: '2026-04-20',
      Amount__c: 300,
      Is_Closed__c: true,
      Is_Won__c: true,
      Close_Date__c: '2026-04-18',
      Primary_Partner__c: 'P2'
    }),
    snap('k4', {
      Snapshot_Date__c: '2026-04-13',
      Amount__c: 1000,
      Forecast_Category__c: 'Best Case',
      Close_Date__c: '2026-06-01',
      Primary_Partner__c: 'P2'
    }),
    snap('k4', {
      Snapshot_Date__c: '2026-04-20',
      Amount__c: 1000,
      Forecast_Category__c: 'Best Case',
      Close_Date__c: '2026-07-15',
      Primary_Partner__c: 'P2'
    }),
    snap('k5', { Snapshot_Date__c: '2026-04-13', Amount__c: 5000, Forecast_Category__c: 'Commit' }),
    snap('k5', { Snapshot_Date__c: '2026-04-20', Amount__c: 5000, Is_Closed__c: true }),
    snap('k6', { Snapshot_Date__c: '2026-04-13', Amount__c: 50, Primary_Partner__c: 'P1' }),
    snap('k6', { Snapshot_Date__c: '2026-04-20', Amount__c: 50, Primary_Partner__c: 'P1' }),
    snap('k7', { Snapshot_Date__c: '2026-03-30', Amount__c: 70, Primary_Partner__c: 'P1' })
  ];
  const data: AgendaData = { opportunities, partnerDeals, registrations, snapshots };
  const agenda = teamCallAgenda(input(T, data));

  it("Last week's bookings: partner-channel opportunities won with CloseDate in fiscal week w−1", () => {
    expect(agenda.week).toBe(4);
    expect(ids(agenda.lists.lastWeekBookings)).toEqual(['b2', 'b1']);
    expect(agenda.figures.bookingsWeek).toEqual({
      period: Q,
      week: 3,
      start: '2026-04-15',
      end: '2026-04-21'
    });
    expect(agenda.figures.bookedAmount).toBe(1200);
    expect(agenda.lists.lastWeekBookings[0]).toEqual({
      opportunityId: 'b2',
      name: null,
      ownerId: '005A',
      partnerId: 'P2',
      amount: 700,
      closeDate: '2026-04-21',
      category: 'Commit'
    });
  });

  it("Last week's bookings for w = 1: the last week of the previous quarter", () => {
    const won = [
      opp('q1', { IsClosed: true, IsWon: true, CloseDate: '2026-03-26' }),
      opp('q2', { IsClosed: true, IsWon: true, CloseDate: '2026-03-31' }),
      opp('q3', { IsClosed: true, IsWon: true, CloseDate: '2026-03-25' })
    ];
    const first = teamCallAgenda(
      input('2026-04-03', { opportunities: won, partnerDeals: won.map((o) => deal(o.Id, 'P1')) })
    );
    expect(first.week).toBe(1);
    // FY2026-Q1 week 13 runs from day 84 (26 March) to the quarter's last day (25 March is week 12).
    expect(first.figures.bookingsWeek).toEqual({
      period: 'FY2026-Q1',
      week: 13,
      start: '2026-03-26',
      end: '2026-03-31'
    });
    expect(ids(first.lists.lastWeekBookings).sort()).toEqual(['q1', 'q2']);
  });

  it("This week's commits: open partner-channel opportunities in Commit with CloseDate in week w", () => {
    expect(ids(agenda.lists.thisWeekCommits)).toEqual(['c4', 'c1']);
    expect(agenda.figures.commitAmount).toBe(1200);
  });

  it('Forecast changes: §4 changes between the latest two snapshots of Q, largest absolute Commit delta first', () => {
    expect(agenda.figures.snapshotFrom).toBe('2026-04-13');
    expect(agenda.figures.snapshotTo).toBe('2026-04-20');
    // k5 is direct (no primary partner) and k6 unchanged: neither is listed.
    expect(agenda.lists.forecastChanges).toEqual([
      { opportunityId: 'k2', type: 'Category up', commitDelta: 400, pipelineDelta: 0 },
      { opportunityId: 'k1', type: 'Amount up', commitDelta: 150, pipelineDelta: 150 },
      { opportunityId: 'k4', type: 'Pushed out', commitDelta: 0, pipelineDelta: -1000 },
      { opportunityId: 'k3', type: 'Won', commitDelta: 0, pipelineDelta: -300 }
    ]);
    expect([agenda.figures.commitFrom, agenda.figures.commitTo]).toEqual([400, 950]);
  });

  it('Forecast changes: none until Q has two snapshots on or before T', () => {
    const early = teamCallAgenda(input('2026-04-15', data));
    expect(early.lists.forecastChanges).toEqual([]);
    expect(early.figures.snapshotFrom).toBeNull();
  });

  it('Risks: open Commit or Best Case opportunities of Q with a high-severity finding, or a registration expiring before close', () => {
    expect(agenda.lists.risks.map((row) => [row.opportunityId, row.rules])).toEqual([
      ['r1', ['PAST_CLOSE_DATE']],
      ['r4', ['REGISTRATION_EXPIRES_BEFORE_CLOSE']],
      ['r2', ['MISSING_AMOUNT']]
    ]);
  });

  it('Risks: an expiring registration counts even when an admin switched its hygiene rule off or lowered it', () => {
    const settings = withSettings({
      hygieneRules: {
        REGISTRATION_EXPIRES_BEFORE_CLOSE: { active: false },
        PAST_CLOSE_DATE: { severity: 'medium' }
      }
    });
    const relaxed = teamCallAgenda({ today: T, settings, data });
    expect(ids(relaxed.lists.risks)).toEqual(['r4', 'r2']);
  });

  it('Help needed: open opportunities of Q with Help_Needed__c not blank', () => {
    expect(agenda.lists.helpNeeded.map((row) => [row.opportunityId, row.helpNeeded])).toEqual([
      ['c1', 'Exec sponsor call'],
      ['h1', 'A reference customer']
    ]);
  });
});

const reps: Account[] = [
  { Id: 'P1', Name: 'Alpha', OwnerId: 'R1', Partner_Status__c: 'Active', Recruited_On__c: '2024-01-01' },
  { Id: 'P2', Name: 'Beta', OwnerId: 'R2', Partner_Status__c: 'Active', Recruited_On__c: '2024-01-01' },
  { Id: 'P3', Name: 'Gamma', OwnerId: 'R1', Partner_Status__c: 'Onboarding', Recruited_On__c: '2026-04-05' },
  { Id: 'P4', Name: 'Delta', OwnerId: 'R2', Partner_Status__c: 'Recruited', Recruited_On__c: '2026-04-09' }
];

function action(id: string, fields: Partial<Review_Action__c>): Review_Action__c {
  return { Id: id, Subject__c: `Action ${id}`, Owner__c: 'R1', Status__c: 'Open', Period__c: Q, ...fields };
}

describe('Partner Forecast & Acquisition 1:1 (rep R1, T = 2026-04-22)', () => {
  const T = '2026-04-22';
  const opportunities = [
    opp('v1', { OwnerId: 'R1', Amount: 300, Validated_On__c: '2026-04-03', Validated_By__c: 'M1' }),
    opp('v2', {
      OwnerId: 'R1',
      Amount: 800,
      ForecastCategoryName: 'Best Case',
      Validated_On__c: '2026-03-28'
    }),
    opp('v3', { OwnerId: 'R1', Amount: 200, Validated_On__c: '2026-04-25', Validated_By__c: 'M1' }),
    opp('v4', { OwnerId: 'R2' }),
    opp('v5', { OwnerId: 'R1', ForecastCategoryName: 'Pipeline' }),
    opp('v6', { OwnerId: 'R1' }),
    opp('v7', { OwnerId: 'R1', IsClosed: true, IsWon: true, Amount: 1000, CloseDate: '2026-04-10' }),
    opp('x1', { OwnerId: 'R2', Amount: 400, ForecastCategoryName: 'Pipeline' })
  ];
  const partnerDeals = [
    deal('v1', 'P1'),
    deal('v2', 'P2'),
    deal('v3', 'P1'),
    deal('v4', 'P1'),
    deal('v5', 'P1'),
    deal('v7', 'P1'),
    deal('x1', 'P1')
  ];
  const calls: Forecast_Submission__c[] = [
    {
      Id: 'f1',
      Period__c: Q,
      Partner_Account__c: 'P1',
      Week__c: 1,
      Commit_Call__c: 1400,
      Best_Case_Call__c: 1800,
      Submitted_By__c: 'M1',
      Submitted_On__c: '2026-04-02T10:00:00Z'
    },
    {
      Id: 'f2',
      Period__c: Q,
      Partner_Account__c: 'P2',
      Week__c: 1,
      Commit_Call__c: 5000,
      Submitted_By__c: 'M2',
      Submitted_On__c: '2026-04-02T10:00:00Z'
    },
    {
      Id: 'f3',
      Period__c: Q,
      Week__c: 1,
      Commit_Call__c: 9000,
      Submitted_By__c: 'M1',
      Submitted_On__c: '2026-04-02T11:00:00Z'
    }
  ];
  const actions = [
    action('a1', { Due_On__c: '2026-04-30' }),
    action('a2', { Due_On__c: '2026-04-15' }),
    action('a3', { Due_On__c: '2026-04-10', Status__c: 'Done', Done_On__c: '2026-04-09' }),
    action('a4', { Due_On__c: '2026-04-20', Owner__c: 'R2' }),
    action('a5', { Due_On__c: null }),
    action('a6', { Due_On__c: '2026-04-18' })
  ];
  const targets = [
    { Period__c: Q, Recruitment_Target__c: 4 },
    { Period__c: 'FY2026-Q3', Recruitment_Target__c: 9 }
  ];
  const data: AgendaData = { opportunities, partnerDeals, partners: reps, calls, actions, targets };
  const agenda = forecastOneOnOneAgenda(input(T, data, { rep: 'R1' }));

  it("the rep's open partner-channel Commit and Best Case deals of Q, each validated (Validated_On__c within Q, on or before T) or not", () => {
    expect(agenda.lists.validation.map((row) => [row.opportunityId, row.validated])).toEqual([
      ['v3', false],
      ['v2', false],
      ['v1', true]
    ]);
    expect(agenda.lists.validation[2]).toMatchObject({ validatedOn: '2026-04-03', validatedBy: 'M1' });
    expect(agenda.lists.validation[0]).toMatchObject({ validatedOn: null, validatedBy: null });
    expect([agenda.figures.validatedCount, agenda.figures.toValidateCount]).toEqual([1, 2]);
  });

  it("the rep's partner roll-up (§3) with the latest call", () => {
    expect(agenda.lists.partnerRollUp).toHaveLength(1);
    expect(agenda.lists.partnerRollUp[0]).toMatchObject({
      partnerId: 'P1',
      label: 'Alpha',
      // Every opportunity of the rep's partner P1, whoever owns it: v1 + v3 + v4 in Commit, v5 + x1 in Pipeline.
      closed: 1000,
      commit: 600,
      pipeline: 500,
      commitForecast: 1600,
      commitCall: 1400,
      bestCaseCall: 1800
    });
    expect(agenda.figures.rollUpTotal).toMatchObject({ commitForecast: 1600, commitCall: 1400 });
  });

  it("partners recruited in Q vs the period's Recruitment_Target__c", () => {
    expect(agenda.lists.recruitedPartners).toEqual([
      { partnerId: 'P3', name: 'Gamma', recruitedOn: '2026-04-05', status: 'Onboarding' }
    ]);
    expect(agenda.figures).toMatchObject({ recruited: 1, recruitmentTarget: 4, recruitmentAttainment: 0.25 });
    const team = forecastOneOnOneAgenda(input(T, data));
    expect(team.lists.recruitedPartners.map((row) => row.partnerId)).toEqual(['P3', 'P4']);
  });

  it("the rep's open review actions, overdue first", () => {
    expect(agenda.lists.openActions.map((row) => [row.actionId, row.overdue])).toEqual([
      ['a2', true],
      ['a6', true],
      ['a1', false],
      ['a5', false]
    ]);
  });
});

describe('Partner Pipeline & Account Planning 1:1 (rep R1, next quarter FY2026-Q3)', () => {
  const T = '2026-04-15';
  const q3 = (fields: Parameters<typeof opp>[1]) => ({ CloseDate: '2026-07-10', ...fields });
  const opportunities = [
    opp('n1', q3({ OwnerId: 'R1', Amount: 600 })),
    opp('n2', q3({ OwnerId: 'R2', Amount: 250, ForecastCategoryName: 'Best Case', CloseDate: '2026-08-01' })),
    opp(
      'n3',
      q3({
        OwnerId: 'R1',
        Amount: 100,
        ForecastCategoryName: 'Pipeline',
        Probability: 10,
        CloseDate: '2026-09-01'
      })
    ),
    opp('n4', q3({ OwnerId: 'R2', Amount: 999, CloseDate: '2026-08-15' })),
    opp('n5', q3({ OwnerId: 'R2', Amount: 50, CloseDate: '2026-08-20' })),
    opp('n6', q3({ OwnerId: 'R1', Amount: 70, CloseDate: '2026-10-01' }))
  ];
  const won = [
    opp('w1', { IsClosed: true, IsWon: true, Amount: 700, CloseDate: '2026-02-10' }),
    opp('w2', { IsClosed: true, IsWon: true, Amount: 5000, CloseDate: '2025-12-20' }),
    opp('w3', { IsClosed: true, IsWon: true, Amount: 300, CloseDate: '2026-03-01' }),
    opp('w4', { IsClosed: true, IsWon: false, Amount: 900, CloseDate: '2026-03-02' })
  ];
  const partnerDeals = [
    deal('n1', 'P1'),
    deal('n1', 'P2', { Is_Primary__c: false, Co_Sell__c: true }),
    deal('n2', 'P3'),
    deal('n3', 'P2', { Co_Sell__c: true }),
    deal('n4', 'P2'),
    deal('n5', 'P2'),
    deal('n5', 'P1', { Is_Primary__c: false, Co_Sell__c: true }),
    deal('n6', 'P1', { Co_Sell__c: true }),
    deal('w1', 'P1', { Co_Sell__c: true }),
    deal('w2', 'P1', { Co_Sell__c: true }),
    deal('w3', 'P2'),
    deal('w3', 'P1', { Is_Primary__c: false, Co_Sell__c: true }),
    deal('w4', 'P1', { Co_Sell__c: true })
  ];
  const plans = [
    {
      Id: 'pl1',
      Partner_Account__c: 'P1',
      Fiscal_Year__c: 'FY2026',
      Status__c: 'Active',
      Revenue_Goal__c: 2000,
      Co_Sell_Goal__c: 4,
      Objectives__c: 'Grow',
      Satisfaction_Score__c: 8
    },
    { Id: 'pl2', Partner_Account__c: 'P3', Fiscal_Year__c: 'FY2026', Status__c: 'Draft' },
    {
      Id: 'pl3',
      Partner_Account__c: 'P2',
      Fiscal_Year__c: 'FY2026',
      Status__c: 'Active',
      Revenue_Goal__c: 100
    },
    {
      Id: 'pl4',
      Partner_Account__c: 'P1',
      Fiscal_Year__c: 'FY2025',
      Status__c: 'Closed',
      Revenue_Goal__c: 100
    }
  ];
  const data: AgendaData = { opportunities, wonOpportunities: won, partnerDeals, partners: reps, plans };
  const agenda = pipelineOneOnOneAgenda(input(T, data, { rep: 'R1' }));

  it("the roll-up of the next quarter for the rep's partners", () => {
    expect(agenda.figures.nextPeriod).toBe('FY2026-Q3');
    expect(agenda.lists.nextQuarterRollUp.map((row) => [row.partnerId, row.commit, row.bestCase])).toEqual([
      ['P1', 600, 0],
      ['P3', 0, 250]
    ]);
  });

  it("each of those partners' account plan with its plan attainment (§12)", () => {
    expect(agenda.lists.accountPlans.map((row) => row.planId)).toEqual(['pl1', 'pl2']);
    expect(agenda.lists.accountPlans[0]).toMatchObject({
      revenue: 700,
      coSellWins: 2,
      revenueAttainment: 0.35,
      coSellAttainment: 0.5,
      objectives: 'Grow',
      satisfaction: 8
    });
    expect(agenda.lists.accountPlans[1]).toMatchObject({ revenueAttainment: null, coSellAttainment: null });
  });

  it('co-sell opportunities in the next quarter: the rep’s own and those a partner of the rep co-sells', () => {
    expect(agenda.lists.coSellOpportunities.map((row) => [row.opportunityId, row.coSellPartners])).toEqual([
      ['n1', ['P2']],
      ['n3', ['P2']],
      ['n5', ['P1']]
    ]);
  });

  it('open review actions (none here), and the whole team when no rep is given', () => {
    expect(agenda.lists.openActions).toEqual([]);
    const team = pipelineOneOnOneAgenda(input(T, data));
    expect(team.lists.nextQuarterRollUp.map((row) => row.partnerId)).toEqual(['P1', 'P2', 'P3']);
    expect(team.lists.accountPlans.map((row) => row.planId)).toEqual(['pl1', 'pl3', 'pl2']);
  });
});

describe('CEO/CFO Forecast Roll-Up (T = 2026-05-01, week 5)', () => {
  const T = '2026-05-01';
  const opportunities = [
    opp('o1', { OwnerId: 'R1', Amount: 1000 }),
    opp('o2', { OwnerId: 'R1', Amount: 500, IsClosed: true, IsWon: true }),
    opp('o3', { OwnerId: 'R2', Amount: 300, ForecastCategoryName: 'Best Case' }),
    opp('o4', { OwnerId: 'R3', Amount: 200 }),
    opp('o5', { OwnerId: 'R2', Amount: 9999 })
  ];
  const partnerDeals = ['o1', 'o2', 'o3', 'o4'].map((id) =>
    deal(id, id === 'o3' || id === 'o4' ? 'P2' : 'P1')
  );
  const users = [
    { Id: 'R1', Name: 'Rita', ManagerId: 'M1' },
    { Id: 'R2', Name: 'Raj', ManagerId: 'M2' },
    { Id: 'R3', Name: 'Ron', ManagerId: null },
    { Id: 'M1', Name: 'Mia' },
    { Id: 'M2', Name: 'Max' }
  ];
  const team = (id: string, fields: Partial<Forecast_Submission__c>): Forecast_Submission__c => ({
    Id: id,
    Period__c: Q,
    Submitted_By__c: 'M1',
    ...fields
  });
  const calls = [
    team('c0', {
      Week__c: 1,
      Commit_Call__c: 1500,
      Best_Case_Call__c: 1900,
      Submitted_On__c: '2026-04-01T09:00:00Z',
      Accepted_On__c: '2026-04-02T09:00:00Z',
      Accepted_By__c: 'L1'
    }),
    team('c1', {
      Week__c: 1,
      Commit_Call__c: 1600,
      Best_Case_Call__c: 2000,
      Submitted_On__c: '2026-04-02T09:00:00Z',
      Accepted_On__c: '2026-04-03T09:00:00Z',
      Accepted_By__c: 'L1'
    }),
    team('c2', {
      Week__c: 5,
      Commit_Call__c: 1700,
      Best_Case_Call__c: 2100,
      Submitted_On__c: '2026-04-29T09:00:00Z'
    }),
    team('p1', {
      Partner_Account__c: 'P1',
      Week__c: 5,
      Commit_Call__c: 999,
      Submitted_On__c: '2026-04-29T09:00:00Z'
    }),
    team('p2a', {
      Submitted_By__c: 'M2',
      Partner_Account__c: 'P2',
      Week__c: 1,
      Commit_Call__c: 300,
      Best_Case_Call__c: 350,
      Submitted_On__c: '2026-04-02T09:00:00Z'
    }),
    team('p2b', {
      Submitted_By__c: 'M2',
      Partner_Account__c: 'P2',
      Week__c: 5,
      Commit_Call__c: 350,
      Best_Case_Call__c: 400,
      Submitted_On__c: '2026-04-30T09:00:00Z'
    }),
    team('old', { Period__c: 'FY2026-Q1', Commit_Call__c: 1, Accepted_On__c: '2026-05-01T00:00:00Z' })
  ];
  const data: AgendaData = { opportunities, partnerDeals, users, calls };
  const agenda = rollUpAgenda(input(T, data));

  it("the roll-up of Q by manager with each manager's latest team call beside it", () => {
    expect(
      agenda.lists.byManager.map((row) => [
        row.managerId,
        row.label,
        row.closed,
        row.commit,
        row.bestCase,
        row.commitCall,
        row.bestCaseCall,
        row.teamCallId
      ])
    ).toEqual([
      ['M1', 'Mia', 500, 1000, 0, 1700, 2100, 'c2'],
      ['M2', 'Max', 0, 0, 300, 350, 400, null],
      ['none', 'No manager', 0, 200, 0, null, null, null]
    ]);
  });

  it('the latest accepted call is the agreed forecast of that team for the period', () => {
    expect(agenda.lists.byManager[0].agreed).toEqual({
      submissionId: 'c1',
      commitCall: 1600,
      bestCaseCall: 2000,
      acceptedOn: '2026-04-03T09:00:00Z',
      acceptedBy: 'L1'
    });
    expect(agenda.lists.byManager[0].teamCallAccepted).toBe(false);
    // Accepting the older call again, later, makes it the agreed forecast.
    const reaccepted = rollUpAgenda(
      input(T, {
        ...data,
        calls: calls.map((c) => (c.Id === 'c0' ? { ...c, Accepted_On__c: '2026-04-04T09:00:00Z' } : c))
      })
    );
    expect(reaccepted.lists.byManager[0].agreed?.submissionId).toBe('c0');
  });

  it('the whole-channel total with the accepted forecast', () => {
    expect(agenda.figures).toMatchObject({
      commitCall: 2050,
      bestCaseCall: 2500,
      agreedCommit: 1600,
      agreedBestCase: 2000,
      agreedTeams: 1,
      teams: 3
    });
    expect(agenda.figures.total).toMatchObject({
      closed: 500,
      commit: 1200,
      bestCase: 300,
      commitForecast: 1700
    });
  });
});

describe('MBR / QBR (T = 2026-05-20, week 8)', () => {
  const T = '2026-05-20';
  const wonIn = (id: string, amount: number, fields: Parameters<typeof opp>[1] = {}) =>
    opp(id, { IsClosed: true, IsWon: true, Amount: amount, CloseDate: '2026-05-02', ...fields });
  const wonOpportunities = [
    wonIn('m1', 600),
    wonIn('m2', 300),
    wonIn('m3', 100),
    wonIn('m4', 1000, { LeadSource: 'Web' }),
    wonIn('m5', 200),
    wonIn('m6', 5000, { IsWon: false }),
    wonIn('m7', 800, { CloseDate: '2026-03-01' })
  ];
  const partnerDeals = [
    deal('m1', 'P1', { Role__c: 'Sourced' }),
    deal('m2', 'P2', { Role__c: 'Co-Sell' }),
    deal('m3', 'P1', { Role__c: 'Resell' }),
    deal('m5', 'P3', { Role__c: 'Partner' }),
    deal('m6', 'P1', { Role__c: 'Sourced' }),
    deal('m7', 'P1', { Role__c: 'Sourced' })
  ];
  const partners: Account[] = [
    { Id: 'P1', Partner_Status__c: 'Active' },
    { Id: 'P2', Partner_Status__c: 'Active' },
    { Id: 'P3', Partner_Status__c: 'Inactive' },
    { Id: 'P4', Partner_Status__c: 'Active' }
  ];
  const plans = [
    {
      Id: 'a',
      Partner_Account__c: 'P1',
      Fiscal_Year__c: 'FY2026',
      Status__c: 'Active',
      Satisfaction_Score__c: 8
    },
    {
      Id: 'b',
      Partner_Account__c: 'P1',
      Fiscal_Year__c: 'FY2025',
      Status__c: 'Closed',
      Satisfaction_Score__c: 3
    },
    {
      Id: 'c',
      Partner_Account__c: 'P2',
      Fiscal_Year__c: 'FY2026',
      Status__c: 'Draft',
      Satisfaction_Score__c: 6
    },
    {
      Id: 'd',
      Partner_Account__c: 'P2',
      Fiscal_Year__c: 'FY2026',
      Status__c: 'Active',
      Satisfaction_Score__c: 9
    },
    {
      Id: 'e',
      Partner_Account__c: 'P3',
      Fiscal_Year__c: 'FY2026',
      Status__c: 'Active',
      Satisfaction_Score__c: 2
    },
    { Id: 'f', Partner_Account__c: 'P4', Fiscal_Year__c: 'FY2026', Status__c: 'Active' }
  ];
  const targets = [
    { Period__c: Q, Program_Cost__c: 400 },
    { Period__c: 'FY2026-Q1', Program_Cost__c: 1 }
  ];
  const agenda = businessReviewAgenda(
    input(T, { opportunities: [], wonOpportunities, partnerDeals, partners, plans, targets })
  );

  it('revenue attribution of won partner-channel revenue by primary role, summing to 100 %', () => {
    expect(agenda.lists.attribution).toEqual([
      { role: 'Sourced', amount: 600, count: 1, share: 0.5 },
      { role: 'Co-Sell', amount: 300, count: 1, share: 0.25 },
      { role: 'Influenced', amount: 0, count: 0, share: 0 },
      { role: 'Resell', amount: 100, count: 1, share: 100 / 1200 },
      { role: 'Referral', amount: 0, count: 0, share: 0 },
      { role: 'Unspecified', amount: 200, count: 1, share: 200 / 1200 }
    ]);
    expect(agenda.figures.partnerWon).toBe(1200);
  });

  it('Program ROI and partner-sourced share (§7)', () => {
    expect(agenda.figures.programRoi).toBe(2);
    expect(agenda.figures.partnerSourcedShare).toBeCloseTo(600 / 2200, 12);
  });

  it("partner satisfaction: the latest Satisfaction_Score__c of each active partner's plan, mean and count", () => {
    expect(agenda.lists.satisfaction).toEqual([
      { partnerId: 'P1', planId: 'a', score: 8 },
      { partnerId: 'P2', planId: 'd', score: 9 }
    ]);
    expect([agenda.figures.satisfactionMean, agenda.figures.satisfactionCount]).toEqual([8.5, 2]);
  });
});

describe('ELT Meeting (T = 2026-06-03, week 10)', () => {
  const T = '2026-06-03';
  const won = (id: string, closeDate: string, amount: number, fields: Parameters<typeof opp>[1] = {}) =>
    opp(id, { IsClosed: true, IsWon: true, CloseDate: closeDate, Amount: amount, ...fields });
  const wonOpportunities = [
    won('e1', '2026-02-01', 1000),
    won('e2', '2026-06-03', 500),
    won('e3', '2026-06-04', 300),
    won('e4', '2026-03-01', 700),
    won('e5', '2025-06-03', 1000),
    won('e6', '2025-06-04', 200),
    won('e7', '2024-12-31', 400)
  ];
  const partnerDeals = ['e1', 'e2', 'e3', 'e5', 'e6', 'e7'].map((id) => deal(id, 'P1'));
  const partners: Account[] = [
    { Id: 'A1', Name: 'One', Partner_Status__c: 'Active', Activated_On__c: '2026-01-15' },
    { Id: 'A2', Name: 'Two', Partner_Status__c: 'Active', Activated_On__c: '2026-06-03' },
    { Id: 'A3', Partner_Status__c: 'Active', Activated_On__c: '2026-06-10' },
    { Id: 'A4', Partner_Status__c: 'Active', Activated_On__c: '2025-12-31' }
  ];
  const targets = [
    { Period__c: 'FY2026-Q1', Recruitment_Target__c: 3 },
    { Period__c: 'FY2026-Q2', Recruitment_Target__c: 2 },
    { Period__c: 'FY2026-Q3', Revenue_Target__c: 1000 },
    { Period__c: 'FY2026-Q4', Recruitment_Target__c: 1 },
    { Period__c: 'FY2025-Q4', Recruitment_Target__c: 10 }
  ];
  const agenda = eltAgenda(
    input(T, { opportunities: [], wonOpportunities, partnerDeals, partners, targets })
  );

  it('Program growth rate: partner-channel won amount of the fiscal year to T ÷ the same span of the previous fiscal year − 1', () => {
    expect(agenda.figures).toMatchObject({
      fiscalYear: 'FY2026',
      wonToDate: 1500,
      wonPreviousSpan: 1000,
      programGrowthRate: 0.5
    });
  });

  it('Program growth rate is null when the previous span is 0', () => {
    const none = eltAgenda(
      input(T, { opportunities: [], wonOpportunities: wonOpportunities.slice(0, 2), partnerDeals })
    );
    expect(none.figures.programGrowthRate).toBeNull();
  });

  it("partners activated in the fiscal year to T vs the sum of the year's Recruitment_Target__c", () => {
    expect(agenda.lists.activatedPartners).toEqual([
      { partnerId: 'A1', name: 'One', activatedOn: '2026-01-15' },
      { partnerId: 'A2', name: 'Two', activatedOn: '2026-06-03' }
    ]);
    expect(agenda.figures).toMatchObject({ activated: 2, activationTarget: 6, activationAttainment: 2 / 6 });
  });

  it('the same span a year earlier ends on the same calendar date (29 February → 28 February)', () => {
    expect(sameDateYearBefore('2028-02-29')).toBe('2027-02-28');
    expect(sameDateYearBefore('2026-12-31')).toBe('2025-12-31');
    expect(sameDateYearBefore('2026-03-01')).toBe('2025-03-01');
  });
});

describe('Cadence meetings open on their live agenda (SPEC §1, §10)', () => {
  it('each meeting of the cadence table has its agenda; a renamed one keeps it, an unknown one has none', () => {
    expect(DEFAULT_SETTINGS.cadence.map((m) => agendaKindOf(m.name))).toEqual([
      'teamCall',
      'forecastOneOnOne',
      'rollUp',
      'pipelineOneOnOne',
      'businessReview',
      'businessReview',
      'elt'
    ]);
    expect(agendaKindOf('QBR')).toBe('businessReview');
    expect(agendaKindOf('Partner marketing sync')).toBeNull();
    expect([
      isOneOnOne('forecastOneOnOne'),
      isOneOnOne('pipelineOneOnOne'),
      isOneOnOne('teamCall'),
      isOneOnOne(null)
    ]).toEqual([true, true, false, false]);
  });

  it('meetingAgenda dispatches on the kind', () => {
    const data: AgendaData = { opportunities: [], partnerDeals: [] };
    for (const kind of [
      'teamCall',
      'forecastOneOnOne',
      'pipelineOneOnOne',
      'rollUp',
      'businessReview',
      'elt'
    ] as const) {
      expect(meetingAgenda(kind, input('2026-04-22', data)).kind).toBe(kind);
    }
  });

  it('the quarter calendar: 13 weeks with their meetings, today highlighted', () => {
    const calendar = quarterCalendar('2026-04-22', DEFAULT_SETTINGS);
    expect(calendar.period).toBe(Q);
    expect(calendar.weeks).toHaveLength(13);
    expect(calendar.weeks.filter((w) => w.current).map((w) => w.week)).toEqual([4]);
    expect(calendar.weeks[0]).toMatchObject({ start: '2026-04-01', end: '2026-04-07' });
    expect(calendar.weeks[0].meetings.map((m) => m.kind)).toEqual(['teamCall', 'forecastOneOnOne', 'rollUp']);
    expect(calendar.weeks[7].meetings.map((m) => m.name)).toContain('MBR (Monthly Business Review)');
    expect(calendar.weeks[12]).toMatchObject({ start: '2026-06-24', end: '2026-06-30' });
    const other = quarterCalendar('2026-04-22', DEFAULT_SETTINGS, 'FY2026-Q3');
    expect(other.weeks.some((w) => w.current)).toBe(false);
  });

  it('an agenda for a quarter that does not contain T opens on week 1 unless a week is given', () => {
    const data: AgendaData = { opportunities: [], partnerDeals: [] };
    expect(teamCallAgenda(input('2026-04-22', data, { period: 'FY2026-Q3' })).week).toBe(1);
    expect(teamCallAgenda(input('2026-04-22', data, { week: 9 })).week).toBe(9);
  });
});
