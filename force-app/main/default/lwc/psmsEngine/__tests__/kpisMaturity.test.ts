import { computeKpis } from '../kpis';
import { measureMaturity, scoreSelfAssessment } from '../maturity';
import { indexPartnerDeals } from '../partnerDeals';
import type { Account } from '../records';
import { DEFAULT_MATURITY_PRACTICES, DEFAULT_SETTINGS, type PracticeId } from '../settings';
import { deal, opp } from './fixtures';

const P = 'FY2026-Q2'; // 2026-04-01 .. 2026-06-30

describe('Partner KPIs', () => {
  const accounts: Account[] = [
    { Id: 'N1', Partner_Status__c: 'Onboarding', Recruited_On__c: '2026-04-10' },
    { Id: 'N2', Partner_Status__c: 'Recruited', Recruited_On__c: '2026-06-30' },
    {
      Id: 'A1',
      Partner_Status__c: 'Active',
      Recruited_On__c: '2025-01-01',
      First_Revenue_On__c: '2026-05-01'
    },
    {
      Id: 'A2',
      Partner_Status__c: 'Active',
      Recruited_On__c: '2026-03-01',
      First_Revenue_On__c: '2026-04-05'
    },
    { Id: 'A3', Partner_Status__c: 'Onboarding', Recruited_On__c: '2025-12-01' },
    {
      Id: 'A4',
      Partner_Status__c: 'Inactive',
      Recruited_On__c: '2025-06-01',
      First_Revenue_On__c: '2025-09-01'
    },
    { Id: 'X', Recruited_On__c: '2026-04-01' }
  ];
  const opportunities = [
    opp('w1', {
      IsClosed: true,
      IsWon: true,
      Amount: 300,
      CreatedDate: '2026-03-22T23:00:00-03:00',
      CloseDate: '2026-04-12'
    }),
    opp('w2', {
      IsClosed: true,
      IsWon: true,
      Amount: 100,
      CreatedDate: '2026-04-01T00:00:00Z',
      CloseDate: '2026-04-11'
    }),
    opp('l1', { IsClosed: true, Amount: 100 }),
    opp('d1', {
      IsClosed: true,
      IsWon: true,
      Amount: 200,
      CreatedDate: '2026-04-01T00:00:00Z',
      CloseDate: '2026-04-21'
    }),
    opp('d2', { IsClosed: true, Amount: 200 }),
    opp('o1', { Amount: 400 }),
    opp('q3', { Amount: 1000, CloseDate: '2026-07-01' })
  ];
  const partners = indexPartnerDeals([
    deal('w1', 'A1', { Role__c: 'Sourced', Co_Sell__c: true }),
    deal('w2', 'A2'),
    deal('l1', 'A1'),
    deal('o1', 'A1'),
    deal('d2', 'A2', { Is_Primary__c: false, Co_Sell__c: true })
  ]);
  const targets = [
    { Period__c: P, Revenue_Target__c: 1000, Recruitment_Target__c: 4, Program_Cost__c: 100 },
    { Period__c: P, Partner_Account__c: 'A1', Program_Cost__c: 50 }
  ];
  const kpis = computeKpis({ period: P, accounts, opportunities, partners, targets });
  it('Partner Recruitment Rate: recruited in the period ÷ earlier recruits that are Active or Onboarding; also vs target', () => {
    // N1, N2 in the period; A1, A2, A3 recruited before and Active/Onboarding (A4 inactive).
    expect(kpis.recruitmentRate).toBeCloseTo(2 / 3, 10);
    expect(kpis.recruitmentVsTarget).toBe(0.5);
  });
  it('Activation rate: recruits by period end − 90 days with first revenue by period end', () => {
    // Cut-off 2026-04-01: A1, A2, A3, A4 (and X is not a partner); A1, A2, A4 have revenue.
    expect(kpis.activationRate).toBe(0.75);
  });
  it('Time to First Revenue: median and mean over first revenues in the period', () => {
    // A1: 2025-01-01 → 2026-05-01 = 485 days; A2: 2026-03-01 → 2026-04-05 = 35 days.
    expect(kpis.timeToFirstRevenue).toEqual({ median: 260, mean: 260, n: 2 });
  });
  it('Co-sell Opportunity Share by count and by amount', () => {
    // In the period: w1, w2, l1, d1, d2, o1 (6; amount 1300); co-sell: w1, d2 (amount 500).
    expect(kpis.coSellShare.count).toBeCloseTo(2 / 6, 10);
    expect(kpis.coSellShare.amount).toBeCloseTo(500 / 1300, 10);
  });
  it('Partner-sourced share of won amount', () => {
    expect(kpis.partnerSourcedShare).toBeCloseTo(300 / 600, 10);
  });
  it('Win rate, average deal size and sales cycle: partner channel vs direct', () => {
    expect(kpis.winRate).toEqual({
      partner: { count: 2 / 3, amount: 0.8 },
      direct: { count: 0.5, amount: 0.5 }
    });
    expect(kpis.avgDealSize).toEqual({ partner: 200, direct: 200 });
    // w1 created 2026-03-23 UTC → 2026-04-12 = 20 days; w2 10 days; d1 20 days.
    expect(kpis.salesCycleDays).toEqual({ partner: 15, direct: 20 });
  });
  it('Attainment and coverage use the total quota; ROI = (partner won − program cost) ÷ cost', () => {
    expect(kpis.attainment).toBe(0.4);
    expect(kpis.coverage).toBeCloseTo(400 / 600, 10);
    expect(kpis.programRoi).toBeCloseTo((400 - 150) / 150, 10);
  });
  it('ratios over zero are null on empty input', () => {
    expect(computeKpis({ period: P, accounts: [], opportunities: [], partners: new Map() })).toEqual({
      period: P,
      recruitmentRate: null,
      recruitmentVsTarget: null,
      activationRate: null,
      timeToFirstRevenue: { median: null, mean: null, n: 0 },
      coSellShare: { count: null, amount: null },
      partnerSourcedShare: null,
      attainment: null,
      winRate: { partner: { count: null, amount: null }, direct: { count: null, amount: null } },
      avgDealSize: { partner: null, direct: null },
      salesCycleDays: { partner: null, direct: null },
      coverage: null,
      programRoi: null
    });
  });
});

describe('Partner sales maturity', () => {
  const answers = (levels: number[]) =>
    Object.fromEntries(DEFAULT_MATURITY_PRACTICES.map((p, i) => [p.id, levels[i]])) as Record<
      PracticeId,
      number
    >;
  it('has the ten practices in the spec’s order, each with four level texts', () => {
    expect(DEFAULT_SETTINGS.maturityPractices.map((p) => p.id)).toEqual([
      'dataHygiene',
      'forecastCadence',
      'pipelineReviews',
      'accountPlanning',
      'coSell',
      'dealRegistration',
      'recruitment',
      'enablement',
      'kpis',
      'leadershipRollUps'
    ]);
    expect(DEFAULT_MATURITY_PRACTICES.every((p) => p.levels.every((text) => text.length > 10))).toBe(true);
  });
  it('Self-assessment: score = mean, level = rounded-down mean, a recommendation per practice below 3', () => {
    const result = scoreSelfAssessment(answers([1, 2, 3, 4, 3, 3, 2, 4, 4, 3]), DEFAULT_MATURITY_PRACTICES);
    if (!result.ok) throw new Error(result.error);
    expect(result.assessment).toMatchObject({ score: 2.9, level: 2, levelName: 'Defined' });
    expect(result.assessment.recommendations.map((r) => r.id)).toEqual([
      'dataHygiene',
      'forecastCadence',
      'recruitment'
    ]);
    const top = scoreSelfAssessment(answers([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]), DEFAULT_MATURITY_PRACTICES);
    expect(top).toMatchObject({
      ok: true,
      assessment: { score: 4, level: 4, levelName: 'Optimized', recommendations: [] }
    });
  });
  it('refuses missing or out-of-range answers', () => {
    expect(scoreSelfAssessment(answers([1, 2, 3, 4, 5, 3, 2, 4, 4, 3]), DEFAULT_MATURITY_PRACTICES).ok).toBe(
      false
    );
    expect(scoreSelfAssessment({}, DEFAULT_MATURITY_PRACTICES).ok).toBe(false);
    expect(scoreSelfAssessment({}, []).ok).toBe(false);
  });
  it('Measured maturity: each practice scored from data where the data can tell', () => {
    const measured = measureMaturity(
      { hygienePercent: 0.86, coSellShare: 0.04, decidedWithinSla: 0.95 },
      DEFAULT_MATURITY_PRACTICES
    );
    expect(measured.practices.filter((p) => p.level !== null).map((p) => [p.id, p.level])).toEqual([
      ['dataHygiene', 3],
      ['coSell', 1],
      ['dealRegistration', 4]
    ]);
    expect(measured.score).toBe(8 / 3);
    expect(measureMaturity({}, DEFAULT_MATURITY_PRACTICES).score).toBeNull();
  });
});
