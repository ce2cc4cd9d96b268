import { forecastBesideCall } from '../forecastCall';
import { ForecastRollUp, forecastGroupKey, rollUpForecast, type RollUpInput } from '../forecast';
import { addPrimaryDeal, alignPartners, indexPartnerDeals } from '../partnerDeals';
import type { Opportunity, Partner_Deal__c, Partner_Target__c } from '../records';
import { deal, opp } from './fixtures';

const P = 'FY2026-Q2';
function run(opps: Opportunity[], deals: Partner_Deal__c[], extra: Partial<RollUpInput> = {}) {
  return rollUpForecast({
    period: P,
    by: 'partner',
    opportunities: opps,
    partners: indexPartnerDeals(deals),
    ...extra
  });
}

describe('Forecast roll-up columns', () => {
  const opps = [
    opp('w', { IsClosed: true, IsWon: true, Amount: 1000, ForecastCategoryName: 'Closed' }),
    opp('c', { Amount: 300, ForecastCategoryName: 'Commit' }),
    opp('b', { Amount: 200, ForecastCategoryName: 'Best Case' }),
    opp('p', { Amount: 50, ForecastCategoryName: 'Pipeline' }),
    opp('o', { Amount: 70, ForecastCategoryName: 'Omitted' }),
    opp('lostOmitted', { IsClosed: true, Amount: 5, ForecastCategoryName: 'Omitted' }),
    opp('lost', { IsClosed: true, Amount: 999, ForecastCategoryName: 'Pipeline' }),
    opp('blank', { Amount: null, ForecastCategoryName: 'Commit' }),
    opp('later', { CloseDate: '2026-07-01', Amount: 5000 })
  ];
  const deals = opps.map((o) => deal(o.Id, 'P1'));
  const report = run(opps, deals, {
    targets: [{ Period__c: P, Partner_Account__c: 'P1', Revenue_Target__c: 2000 }]
  });
  it('sums each category as the spec defines it', () => {
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]).toMatchObject({
      key: 'P1',
      closed: 1000,
      commit: 300,
      bestCase: 200,
      pipeline: 50,
      omitted: 75
    });
  });
  it('Commit forecast = Closed + Commit; Best Case forecast adds Best Case; Open pipeline = open Commit + Best Case + Pipeline', () => {
    expect(report.groups[0]).toMatchObject({
      commitForecast: 1300,
      bestCaseForecast: 1500,
      openPipeline: 550
    });
  });
  it('Attainment = Closed ÷ Quota; Coverage = Open pipeline ÷ (Quota − Closed); Gap = Quota − Commit forecast', () => {
    expect(report.groups[0]).toMatchObject({ quota: 2000, attainment: 0.5, coverage: 0.55, gapToQuota: 700 });
  });
});

describe('Attribution for roll-ups: primary partner only', () => {
  const opps = [opp('a', { Amount: 100 }), opp('b', { Amount: 40 }), opp('d', { Amount: 7 })];
  const deals = [
    deal('a', 'P1'),
    deal('a', 'P2', { Is_Primary__c: false }),
    deal('b', 'P2'),
    deal('d', 'P3', { Is_Primary__c: false })
  ];
  it('counts each amount once, for its primary partner; direct only when asked', () => {
    const report = run(opps, deals);
    expect(report.groups.map((g) => [g.key, g.commit])).toEqual([
      ['P1', 100],
      ['P2', 40]
    ]);
    expect(report.total.commit).toBe(140);
    const withDirect = run(opps, deals, { includeDirect: true });
    expect(withDirect.groups.at(-1)).toMatchObject({ key: 'direct', commit: 7, quota: null });
    expect(withDirect.total.commit).toBe(147);
  });
  it('a prebuilt column gives the same report as the map', () => {
    const index = indexPartnerDeals(deals);
    expect(
      rollUpForecast({ period: P, by: 'partner', opportunities: opps, partners: alignPartners(opps, index) })
    ).toEqual(rollUpForecast({ period: P, by: 'partner', opportunities: opps, partners: index }));
  });
  it('a streamed roll-up keeps only primary deals and, of two primaries, the lowest id', () => {
    const primaries = new Map<string, Partner_Deal__c>();
    const twoPrimaries = [deal('b', 'P9', { Id: 'pd-z' }), ...deals, deal('b', 'P8', { Id: 'pd-0' })];
    for (const d of twoPrimaries) addPrimaryDeal(primaries, d);
    expect([...primaries].map(([oppId, d]) => [oppId, d.Partner_Account__c])).toEqual([
      ['b', 'P8'],
      ['a', 'P1']
    ]);
    // One id twice (a duplicated row edited apart): the lowest partner account, in either order.
    for (const pair of [
      [deal('c', 'P7', { Id: 'pd-c' }), deal('c', 'P6', { Id: 'pd-c' })],
      [deal('c', 'P6', { Id: 'pd-c' }), deal('c', 'P7', { Id: 'pd-c' })]
    ]) {
      const one = new Map<string, Partner_Deal__c>();
      pair.forEach((d) => addPrimaryDeal(one, d));
      expect(one.get('c')?.Partner_Account__c).toBe('P6');
      expect(indexPartnerDeals(pair).get('c')?.primary?.Partner_Account__c).toBe('P6');
    }
    const rollUp = new ForecastRollUp({ period: P, by: 'partner', includeDirect: true });
    for (const o of opps) rollUp.add(o, primaries.get(o.Id) ?? null);
    expect(rollUp.report().groups.map((g) => [g.key, g.commit])).toEqual([
      ['P1', 100],
      ['P8', 40],
      ['direct', 7]
    ]);
  });
  it('labels partners by account name', () => {
    expect(run(opps, deals, { accounts: [{ Id: 'P1', Name: 'Acme Partners' }] }).groups[0].label).toBe(
      'Acme Partners'
    );
  });
});

describe('Quota', () => {
  const opps = [
    opp('a', { OwnerId: 'U1', Amount: 100, IsClosed: true, IsWon: true }),
    opp('b', { OwnerId: 'U2', Amount: 300 })
  ];
  const deals = [deal('a', 'P1'), deal('b', 'P2')];
  const targets: Partner_Target__c[] = [
    { Period__c: P, Partner_Account__c: 'P1', Revenue_Target__c: 400 },
    { Period__c: P, Manager__c: 'U1', Revenue_Target__c: 1000 },
    { Period__c: 'FY2026-Q3', Partner_Account__c: 'P2', Revenue_Target__c: 999 }
  ];
  it('partner grouping: the target with the same partner; null when none', () => {
    const report = run(opps, deals, { targets });
    expect(report.groups.map((g) => g.quota)).toEqual([400, null]);
    expect(report.groups[1]).toMatchObject({ attainment: null, coverage: null, gapToQuota: null });
  });
  it('total: the sum of the groups’ quotas when no channel target exists', () => {
    expect(run(opps, deals, { targets }).total.quota).toBe(400);
  });
  it('total: the target with blank partner and blank manager wins', () => {
    expect(
      run(opps, deals, { targets: [...targets, { Period__c: P, Revenue_Target__c: 5000 }] }).total.quota
    ).toBe(5000);
  });
  it('owner grouping: same Manager__c with blank partner', () => {
    const report = run(opps, deals, { by: 'owner', targets, users: [{ Id: 'U1', Name: 'Uma' }] });
    expect(report.groups.map((g) => [g.key, g.label, g.quota])).toEqual([
      ['U1', 'Uma', 1000],
      ['U2', 'U2', null]
    ]);
  });
  it('Attainment is null when quota is 0; Coverage is null when Quota ≤ Closed', () => {
    const zero = run(opps, deals, {
      targets: [{ Period__c: P, Partner_Account__c: 'P1', Revenue_Target__c: 0 }]
    });
    expect(zero.groups[0]).toMatchObject({ quota: 0, attainment: null, coverage: null, gapToQuota: -100 });
    const met = run(opps, deals, {
      targets: [{ Period__c: P, Partner_Account__c: 'P1', Revenue_Target__c: 100 }]
    });
    expect(met.groups[0]).toMatchObject({ attainment: 1, coverage: null });
  });
  it('empty input: no groups and zero totals', () => {
    expect(run([], [])).toMatchObject({
      groups: [],
      total: { closed: 0, commitForecast: 0, quota: null, attainment: null }
    });
  });
});

describe('Forecast submission (the call) beside the roll-up', () => {
  const opps = [opp('a', { Amount: 100 }), opp('b', { Amount: 300 })];
  const report = run(opps, [deal('a', 'P1'), deal('b', 'P2')]);
  it('shows the latest call per partner next to the system numbers, never overwriting them', () => {
    const view = forecastBesideCall(report, [
      {
        Period__c: P,
        Partner_Account__c: 'P1',
        Submitted_By__c: 'M1',
        Submitted_On__c: '2026-04-02T00:00:00Z',
        Week__c: 1,
        Commit_Call__c: 90,
        Best_Case_Call__c: 150
      },
      {
        Period__c: P,
        Partner_Account__c: 'P1',
        Submitted_By__c: 'M1',
        Submitted_On__c: '2026-04-30T00:00:00Z',
        Week__c: 5,
        Commit_Call__c: 120,
        Best_Case_Call__c: 160,
        Note__c: 'upside'
      },
      { Period__c: 'FY2026-Q1', Partner_Account__c: 'P2', Commit_Call__c: 1 }
    ]);
    expect(view.groups[0]).toMatchObject({
      key: 'P1',
      commit: 100,
      commitCall: 120,
      bestCaseCall: 160,
      note: 'upside',
      week: 5
    });
    expect(view.groups[1]).toMatchObject({ key: 'P2', commitCall: null });
    expect(view.total).toMatchObject({ commitForecast: 400, commitCall: 120, bestCaseCall: 160 });
  });
  it('leadership total = partner calls + the manager’s adjustment (a whole-team call)', () => {
    const view = forecastBesideCall(report, [
      {
        Period__c: P,
        Partner_Account__c: 'P1',
        Submitted_By__c: 'M1',
        Commit_Call__c: 100,
        Best_Case_Call__c: 100
      },
      {
        Period__c: P,
        Partner_Account__c: 'P2',
        Submitted_By__c: 'M1',
        Commit_Call__c: 200,
        Best_Case_Call__c: 300
      },
      { Period__c: P, Submitted_By__c: 'M1', Commit_Call__c: 350, Best_Case_Call__c: 450 }
    ]);
    expect(view.adjustments).toEqual([{ managerId: 'M1', commit: 50, bestCase: 50 }]);
    expect(view.total).toMatchObject({ commitCall: 350, bestCaseCall: 450 });
  });
  it('needs a roll-up by partner', () => {
    expect(() => forecastBesideCall({ ...report, by: 'owner' }, [])).toThrow(RangeError);
  });
});

describe('Grouped by primary partner, owner, manager or region (SPEC §3)', () => {
  const opps = [
    opp('a', { OwnerId: 'U1', Amount: 100, IsClosed: true, IsWon: true }),
    opp('b', { OwnerId: 'U2', Amount: 300, ForecastCategoryName: 'Commit' }),
    opp('c', { OwnerId: 'U3', Amount: 50, ForecastCategoryName: 'Pipeline' }),
    opp('d', { OwnerId: null, Amount: 7, ForecastCategoryName: 'Commit' })
  ];
  const deals = [deal('a', 'P1'), deal('b', 'P2'), deal('c', 'P3'), deal('d', 'P1')];
  const users = [
    { Id: 'U1', Name: 'Uma', ManagerId: 'M1' },
    { Id: 'U2', Name: 'Ugo', ManagerId: 'M1' },
    { Id: 'U3', Name: 'Ulf', ManagerId: null },
    { Id: 'M1', Name: 'Mia' }
  ];
  const accounts = [
    { Id: 'P1', Name: 'Acme', Partner_Region__c: 'EMEA' },
    { Id: 'P2', Name: 'Bolt', Partner_Region__c: 'APAC' },
    { Id: 'P3', Name: 'Cobalt', Partner_Region__c: '  ' }
  ];

  it('manager: the owner\'s User.ManagerId, named; a blank manager (or owner) is "No manager"', () => {
    const report = run(opps, deals, {
      by: 'manager',
      users,
      targets: [{ Period__c: P, Manager__c: 'M1', Revenue_Target__c: 800 }]
    });
    expect(report.groups.map((g) => [g.key, g.label, g.closed, g.commit, g.pipeline, g.quota])).toEqual([
      ['M1', 'Mia', 100, 300, 0, 800],
      ['none', 'No manager', 0, 7, 50, null]
    ]);
    expect(report.total.commitForecast).toBe(407);
  });

  it('region: the primary partner\'s Partner_Region__c; a blank region is "No region"', () => {
    const report = run(opps, deals, { by: 'region', accounts });
    expect(report.groups.map((g) => [g.key, g.label, g.commitForecast, g.pipeline, g.quota])).toEqual([
      ['APAC', 'APAC', 300, 0, null],
      ['EMEA', 'EMEA', 107, 0, null],
      ['none', 'No region', 0, 50, null]
    ]);
  });

  it("region follows the primary partner, not the owner: another partner's region never counts", () => {
    const second = deal('b', 'P1', { Id: 'pd-second', Is_Primary__c: false });
    const report = run(opps, [...deals, second], { by: 'region', accounts });
    expect(report.groups.find((g) => g.key === 'APAC')?.commit).toBe(300);
  });

  it('owner: a blank owner is "No owner"', () => {
    const report = run(opps, deals, { by: 'owner', users });
    expect(report.groups.map((g) => [g.key, g.label])).toEqual([
      ['U1', 'Uma'],
      ['U2', 'Ugo'],
      ['U3', 'Ulf'],
      ['none', 'No owner']
    ]);
  });

  it('forecastGroupKey puts an opportunity (or a snapshot of one) in the group the roll-up does', () => {
    for (const by of ['partner', 'owner', 'manager', 'region'] as const) {
      const keyOf = forecastGroupKey({ by, users, accounts });
      const report = run(opps, deals, { by, users, accounts });
      for (const group of report.groups) {
        const members = opps.filter(
          (o) => keyOf(o, deals.find((d) => d.Opportunity__c === o.Id) as Partner_Deal__c) === group.key
        );
        expect(members.length).toBeGreaterThan(0);
      }
      expect(keyOf({ OwnerId: 'U3' }, { Partner_Account__c: 'P2' })).toBe(
        { partner: 'P2', owner: 'U3', manager: 'none', region: 'APAC' }[by]
      );
    }
  });

  it('every grouping sums to the same channel total', () => {
    const totals = (['partner', 'owner', 'manager', 'region'] as const).map(
      (by) => run(opps, deals, { by, users, accounts }).total.commitForecast
    );
    expect(new Set(totals)).toEqual(new Set([407]));
  });
});
