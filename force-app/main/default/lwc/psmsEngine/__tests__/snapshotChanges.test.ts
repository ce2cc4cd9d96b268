import { forecastAccuracy } from '../accuracy';
import { indexPartnerDeals } from '../partnerDeals';
import { diffSnapshots, snapshotContribution } from '../snapshotChanges';
import type { Opportunity_Snapshot__c } from '../records';
import { deal, opp, snap } from './fixtures';

const period = { start: '2026-04-01', end: '2026-06-30' };
const typeOf = (a: ReturnType<typeof snap> | null, b: ReturnType<typeof snap> | null) =>
  diffSnapshots({ from: a ? [a] : [], to: b ? [b] : [], period }).changes[0];

describe('Changes between two snapshots', () => {
  it('Won: closed won in B, not in A (before any other rule)', () => {
    expect(
      typeOf(
        snap('1', { Forecast_Category__c: 'Commit' }),
        snap('1', { Is_Closed__c: true, Is_Won__c: true, Close_Date__c: '2026-07-05' })
      )
    ).toEqual({
      opportunityId: '1',
      type: 'Won',
      commitDelta: -100,
      pipelineDelta: -100
    });
    expect(typeOf(null, snap('1', { Is_Closed__c: true, Is_Won__c: true })).type).toBe('Won');
  });
  it('Lost: closed lost in B, not in A', () => {
    expect(typeOf(snap('1'), snap('1', { Is_Closed__c: true }))).toMatchObject({
      type: 'Lost',
      commitDelta: 0,
      pipelineDelta: -100
    });
  });
  it('New and Removed', () => {
    expect(typeOf(null, snap('1', { Forecast_Category__c: 'Commit' }))).toMatchObject({
      type: 'New',
      commitDelta: 100,
      pipelineDelta: 100
    });
    expect(typeOf(snap('1'), null)).toMatchObject({ type: 'Removed', commitDelta: 0, pipelineDelta: -100 });
  });
  it('Pushed out past the period end, Pulled in from after it', () => {
    expect(typeOf(snap('1'), snap('1', { Close_Date__c: '2026-07-01', Amount__c: 500 }))).toMatchObject({
      type: 'Pushed out',
      pipelineDelta: -100
    });
    expect(
      typeOf(snap('1', { Close_Date__c: '2026-08-01' }), snap('1', { Close_Date__c: '2026-06-30' }))
    ).toMatchObject({ type: 'Pulled in', pipelineDelta: 100 });
  });
  it('Category up / down: Pipeline < Best Case < Commit', () => {
    expect(typeOf(snap('1'), snap('1', { Forecast_Category__c: 'Commit', Amount__c: 50 }))).toMatchObject({
      type: 'Category up',
      commitDelta: 50,
      pipelineDelta: -50
    });
    expect(
      typeOf(snap('1', { Forecast_Category__c: 'Commit' }), snap('1', { Forecast_Category__c: 'Best Case' }))
    ).toMatchObject({ type: 'Category down', commitDelta: -100, pipelineDelta: 0 });
    expect(typeOf(snap('1', { Forecast_Category__c: 'Omitted' }), snap('1')).type).toBe('Category up');
  });
  it('Amount up / down, then Unchanged', () => {
    expect(typeOf(snap('1'), snap('1', { Amount__c: 150 }))).toMatchObject({
      type: 'Amount up',
      pipelineDelta: 50
    });
    expect(typeOf(snap('1', { Amount__c: null }), snap('1', { Amount__c: -1 })).type).toBe('Amount down');
    expect(typeOf(snap('1'), snap('1'))).toMatchObject({
      type: 'Unchanged',
      commitDelta: 0,
      pipelineDelta: 0
    });
  });
  it("a row's contribution: won or open Commit in the period counts to the Commit forecast, open categories to the pipeline", () => {
    const row = (fields: Partial<Opportunity_Snapshot__c>): Opportunity_Snapshot__c => ({
      Snapshot_Date__c: '2026-05-04',
      Opportunity_Key__c: 'o',
      Close_Date__c: '2026-05-20',
      Amount__c: 1000,
      Forecast_Category__c: 'Commit',
      Is_Closed__c: false,
      Is_Won__c: false,
      ...fields
    });
    expect(snapshotContribution(row({}), period)).toEqual({ commit: 1000, pipeline: 1000 });
    expect(snapshotContribution(row({ Forecast_Category__c: 'Best Case' }), period)).toEqual({
      commit: 0,
      pipeline: 1000
    });
    expect(snapshotContribution(row({ Is_Closed__c: true, Is_Won__c: true }), period)).toEqual({
      commit: 1000,
      pipeline: 0
    });
    expect(snapshotContribution(row({ Close_Date__c: '2026-07-01' }), period)).toEqual({
      commit: 0,
      pipeline: 0
    });
  });
  it('the waterfall from A to B adds up, and Unchanged can be left out', () => {
    const from = [snap('a'), snap('b', { Forecast_Category__c: 'Commit' }), snap('c')];
    const to = [
      snap('c'),
      snap('b', { Forecast_Category__c: 'Commit', Amount__c: 80 }),
      snap('d', { Forecast_Category__c: 'Commit', Amount__c: 10 })
    ];
    const report = diffSnapshots({ from, to, period, omitUnchanged: true });
    expect(report).toMatchObject({ commitFrom: 100, commitTo: 90, pipelineFrom: 300, pipelineTo: 190 });
    expect(report.changes.map((c) => c.type)).toEqual(['Amount down', 'New', 'Removed']);
    expect(report.changes.reduce((s, c) => s + c.commitDelta, 0)).toBe(-10);
    expect(report.changes.reduce((s, c) => s + c.pipelineDelta, 0)).toBe(-110);
  });
  it('sorted snapshots are merge-joined in key order', () => {
    const report = diffSnapshots({ from: [snap('a'), snap('c')], to: [snap('b'), snap('c')], period });
    expect(report.changes.map((c) => [c.opportunityId, c.type])).toEqual([
      ['a', 'Removed'],
      ['b', 'New'],
      ['c', 'Unchanged']
    ]);
  });
  it('empty snapshots', () => {
    expect(diffSnapshots({ from: [], to: [], period })).toEqual({
      changes: [],
      commitFrom: 0,
      commitTo: 0,
      pipelineFrom: 0,
      pipelineTo: 0
    });
  });
});

describe('Forecast accuracy and bias', () => {
  const P = 'FY2026-Q2';
  const opps = [
    opp('a', { IsClosed: true, IsWon: true, Amount: 100 }),
    opp('b', { IsClosed: true, IsWon: true, Amount: 300 }),
    opp('c', { IsClosed: true, IsWon: true, Amount: 50, CloseDate: '2026-07-02' }),
    opp('d', { Amount: 999 })
  ];
  const partners = indexPartnerDeals([deal('a', 'P1'), deal('b', 'P2'), deal('c', 'P1'), deal('d', 'P3')]);
  const submissions = [
    {
      Period__c: P,
      Partner_Account__c: 'P1',
      Week__c: 1,
      Submitted_By__c: 'M1',
      Submitted_On__c: '2026-04-01T08:00:00Z',
      Commit_Call__c: 500
    },
    {
      Period__c: P,
      Partner_Account__c: 'P1',
      Week__c: 1,
      Submitted_By__c: 'M1',
      Submitted_On__c: '2026-04-02T08:00:00Z',
      Commit_Call__c: 120
    },
    { Period__c: P, Partner_Account__c: 'P1', Week__c: 5, Submitted_By__c: 'M1', Commit_Call__c: 100 },
    { Period__c: P, Partner_Account__c: 'P2', Week__c: 1, Submitted_By__c: 'M2', Commit_Call__c: 150 },
    { Period__c: P, Partner_Account__c: 'P3', Week__c: 1, Submitted_By__c: 'M2', Commit_Call__c: 10 },
    { Period__c: P, Week__c: 1, Submitted_By__c: 'M2', Commit_Call__c: 10 }
  ];
  it('accuracy = 1 − |call − actual| ÷ actual (floored at 0); bias = (call − actual) ÷ actual; undefined when actual = 0', () => {
    const report = forecastAccuracy({ period: P, submissions, opportunities: opps, partners });
    expect(report.groups).toEqual([
      { key: 'P1', label: 'P1', call: 120, actual: 100, accuracy: 0.8, bias: 0.2 },
      { key: 'P2', label: 'P2', call: 150, actual: 300, accuracy: 0.5, bias: -0.5 },
      { key: 'P3', label: 'P3', call: 10, actual: 0, accuracy: null, bias: null }
    ]);
    expect(report.total).toEqual({
      key: 'total',
      label: 'Total',
      call: 280,
      actual: 400,
      accuracy: 0.7,
      bias: -0.3
    });
    expect(report.inProgress).toBe(false);
  });
  it('floors accuracy at 0 and groups per manager', () => {
    const report = forecastAccuracy({
      period: P,
      submissions: [{ ...submissions[0], Partner_Account__c: 'P1', Submitted_On__c: null }],
      opportunities: opps,
      partners,
      by: 'manager'
    });
    expect(report.groups).toEqual([{ key: 'M1', label: 'M1', call: 500, actual: 100, accuracy: 0, bias: 4 }]);
    expect(
      forecastAccuracy({ period: P, submissions, opportunities: opps, partners, by: 'manager' }).groups.map(
        (g) => [g.key, g.call, g.actual]
      )
    ).toEqual([
      ['M1', 120, 100],
      ['M2', 160, 300]
    ]);
  });
  it('names each partner and manager (not its id); a call with no submitter is "No manager"', () => {
    const accounts = [
      { Id: 'P1', Name: 'Acme' },
      { Id: 'P2', Name: 'Bolt' }
    ];
    const users = [{ Id: 'M1', Name: 'Mia Manager' }];
    const byPartner = forecastAccuracy({ period: P, submissions, opportunities: opps, partners, accounts });
    expect(byPartner.groups.map((g) => g.label)).toEqual(['Acme', 'Bolt', 'P3']);
    const byManager = forecastAccuracy({
      period: P,
      submissions: [...submissions.slice(0, 4), { ...submissions[4], Submitted_By__c: null }],
      opportunities: opps,
      partners,
      by: 'manager',
      users
    });
    expect(byManager.groups.map((g) => [g.key, g.label])).toEqual([
      ['M1', 'Mia Manager'],
      ['M2', 'M2'],
      ['none', 'No manager']
    ]);
    expect(byManager.by).toBe('manager');
  });
  it('a period that has not ended is in progress: accuracy and bias are undefined (null), never 0 %', () => {
    const running = forecastAccuracy({
      period: P,
      submissions,
      opportunities: opps,
      partners,
      today: '2026-06-30'
    });
    expect(running.inProgress).toBe(true);
    expect(running.groups.map((g) => [g.call, g.actual, g.accuracy, g.bias])).toEqual([
      [120, 100, null, null],
      [150, 300, null, null],
      [10, 0, null, null]
    ]);
    expect(running.total).toMatchObject({ call: 280, actual: 400, accuracy: null, bias: null });
    const ended = forecastAccuracy({
      period: P,
      submissions,
      opportunities: opps,
      partners,
      today: '2026-07-01'
    });
    expect(ended.inProgress).toBe(false);
    expect(ended.total.accuracy).toBe(0.7);
  });
});
