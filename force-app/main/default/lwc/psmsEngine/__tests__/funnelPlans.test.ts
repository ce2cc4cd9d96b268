import { fiscalYearDates, previousPeriod, parsePeriod, weekDates } from '../calendar';
import { maturityTrend, answersOf, ASSESSMENT_FIELDS } from '../maturityTrend';
import { indexPartnerDeals } from '../partnerDeals';
import { planAttainment } from '../planAttainment';
import type { Account, Maturity_Assessment__c } from '../records';
import { recruitmentFunnel } from '../recruitmentFunnel';
import { revenueAttribution } from '../revenueAttribution';
import { DEFAULT_MATURITY_PRACTICES } from '../settings';
import { median, mean } from '../statistics';
import { deal, opp } from './fixtures';

describe('Recruitment funnel for a period (FY2026-Q2, T = 2026-05-15)', () => {
  const accounts: Account[] = [
    { Id: 'F1', Partner_Status__c: 'Onboarding', Recruited_On__c: '2026-01-10' },
    { Id: 'F2', Partner_Status__c: 'Onboarding', Recruited_On__c: '2026-02-14' },
    { Id: 'F3', Partner_Status__c: 'Onboarding', Recruited_On__c: '2026-04-20' },
    {
      Id: 'F4',
      Partner_Status__c: 'Active',
      Recruited_On__c: '2026-01-01',
      Activated_On__c: '2026-04-11',
      First_Revenue_On__c: '2026-05-01'
    },
    { Id: 'F5', Partner_Status__c: 'Active', Recruited_On__c: '2026-04-02', Activated_On__c: '2026-04-12' },
    {
      Id: 'F6',
      Partner_Status__c: 'Active',
      Recruited_On__c: '2025-06-01',
      Activated_On__c: '2025-08-01',
      First_Revenue_On__c: '2026-06-20'
    },
    { Id: 'F7', Partner_Status__c: 'Prospect' },
    { Id: 'F8', Partner_Status__c: 'Inactive' },
    { Id: 'F9', Partner_Status__c: 'Onboarding' },
    { Id: 'F10', Partner_Status__c: 'Lapsed' },
    { Id: 'X1', Recruited_On__c: '2026-04-10' }
  ];
  const funnel = recruitmentFunnel({ period: 'FY2026-Q2', today: '2026-05-15', accounts });

  it('partners reaching each stage in the period: Recruited, Activated, First revenue', () => {
    expect([funnel.recruited, funnel.activated, funnel.firstRevenue]).toEqual([2, 2, 2]);
  });

  it('the current count per Partner_Status__c', () => {
    expect(funnel.byStatus).toEqual({
      Prospect: 1,
      Recruited: 0,
      Onboarding: 4,
      Active: 3,
      Inactive: 1,
      Lapsed: 1
    });
  });

  it('the median days Recruited → Activated and Activated → First revenue over partners whose later date falls in the period', () => {
    // F4 100 and F5 10 days to activate; F4 20 and F6 323 days to first revenue.
    expect(funnel.medianDaysToActivate).toBe(55);
    expect(funnel.medianDaysToFirstRevenue).toBe(171.5);
  });

  it('partners stuck: Onboarding for more than 90 days since Recruited_On__c', () => {
    // F2 has been onboarding exactly 90 days: not more than 90.
    expect(funnel.stuck).toEqual([{ partnerId: 'F1', recruitedOn: '2026-01-10', days: 125 }]);
  });

  it('medians are null when no partner reached the stage', () => {
    const empty = recruitmentFunnel({ period: 'FY2026-Q2', today: '2026-05-15', accounts: [] });
    expect([empty.medianDaysToActivate, empty.medianDaysToFirstRevenue, empty.stuck]).toEqual([
      null,
      null,
      []
    ]);
  });
});

describe('Plan attainment of an account plan for its fiscal year', () => {
  const opportunities = [
    opp('w1', { IsClosed: true, IsWon: true, Amount: 700, CloseDate: '2026-02-10' }),
    opp('w2', { IsClosed: true, IsWon: true, Amount: 5000, CloseDate: '2025-12-20' }),
    opp('w3', { IsClosed: true, IsWon: true, Amount: 300, CloseDate: '2026-03-01' }),
    opp('w4', { IsClosed: true, Amount: 900, CloseDate: '2026-03-02' }),
    opp('w5', { Amount: 900, CloseDate: '2026-03-02' })
  ];
  const partners = indexPartnerDeals([
    deal('w1', 'P1', { Co_Sell__c: true }),
    deal('w1', 'P1', { Id: 'dup', Is_Primary__c: false, Co_Sell__c: true }),
    deal('w2', 'P1', { Co_Sell__c: true }),
    deal('w3', 'P2'),
    deal('w3', 'P1', { Is_Primary__c: false, Co_Sell__c: true }),
    deal('w4', 'P1', { Co_Sell__c: true }),
    deal('w5', 'P1', { Co_Sell__c: true })
  ]);
  const rows = planAttainment({
    plans: [
      {
        Id: 'a',
        Partner_Account__c: 'P1',
        Fiscal_Year__c: 'FY2026',
        Revenue_Goal__c: 2000,
        Co_Sell_Goal__c: 4,
        Status__c: 'Active'
      },
      {
        Id: 'b',
        Partner_Account__c: 'P1',
        Fiscal_Year__c: 'FY2025',
        Revenue_Goal__c: 10000,
        Co_Sell_Goal__c: 0
      },
      {
        Id: 'c',
        Partner_Account__c: 'P2',
        Fiscal_Year__c: 'FY2026',
        Revenue_Goal__c: 0,
        Satisfaction_Score__c: 7
      },
      { Id: 'd', Partner_Account__c: 'P1', Fiscal_Year__c: '2026' }
    ],
    opportunities,
    partners
  });

  it('revenue = partner-channel won amount of FY with the plan’s partner as primary ÷ Revenue_Goal__c', () => {
    expect(rows.map((r) => [r.planId, r.revenue, r.revenueAttainment])).toEqual([
      ['a', 700, 0.35],
      ['b', 5000, 0.5],
      ['c', 300, null],
      ['d', 0, null]
    ]);
  });

  it('co-sell = won opportunities of FY with that partner on a co-sell partner deal ÷ Co_Sell_Goal__c (each opportunity once)', () => {
    expect(rows.map((r) => [r.planId, r.coSellWins, r.coSellAttainment])).toEqual([
      ['a', 2, 0.5],
      ['b', 1, null],
      ['c', 0, null],
      ['d', 0, null]
    ]);
  });

  it('every plan is listed, healthy ones too, with its objectives and satisfaction', () => {
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatchObject({ satisfaction: 7, status: null, objectives: null, fiscalYear: 'FY2026' });
  });
});

describe('Maturity over time: the trend of both scores over the saved periods', () => {
  const answers = (level: number): Partial<Maturity_Assessment__c> =>
    Object.fromEntries(Object.values(ASSESSMENT_FIELDS).map((field) => [field, level]));
  const assessments: Maturity_Assessment__c[] = [
    {
      Id: 'ma1',
      Period__c: 'FY2026-Q1',
      Assessed_On__c: '2026-02-01',
      Score__c: 2.1,
      Measured_Score__c: 2.4
    },
    {
      Id: 'ma2',
      Period__c: 'FY2026-Q1',
      Assessed_On__c: '2026-03-01',
      Score__c: 2.3,
      Measured_Score__c: 2.5
    },
    { Id: 'ma3', Period__c: 'FY2025-Q4', Assessed_On__c: '2025-11-01', ...answers(3), Kpis_Level__c: 4 },
    { Id: 'ma4', Assessed_On__c: '2026-03-02', Score__c: 4 },
    { Id: 'ma5', Period__c: 'FY2025-Q3', Assessed_On__c: '2025-08-01', Data_Hygiene_Level__c: 2 }
  ];

  it('one point per saved period, its latest assessment, oldest period first', () => {
    expect(maturityTrend(assessments)).toEqual([
      {
        period: 'FY2025-Q3',
        assessmentId: 'ma5',
        assessedOn: '2025-08-01',
        score: null,
        measuredScore: null
      },
      { period: 'FY2025-Q4', assessmentId: 'ma3', assessedOn: '2025-11-01', score: 3.1, measuredScore: null },
      { period: 'FY2026-Q1', assessmentId: 'ma2', assessedOn: '2026-03-01', score: 2.3, measuredScore: 2.5 }
    ]);
  });

  it('each practice has its answer field', () => {
    expect(Object.keys(ASSESSMENT_FIELDS)).toEqual(DEFAULT_MATURITY_PRACTICES.map((p) => p.id));
    expect(answersOf(assessments[2])).toMatchObject({ dataHygiene: 3, kpis: 4 });
  });
});

describe('Revenue attribution by primary role', () => {
  it('shares are null when nothing was won', () => {
    const result = revenueAttribution(
      [opp('o')],
      indexPartnerDeals([deal('o', 'P')]),
      '2026-04-01',
      '2026-06-30'
    );
    expect(result.total).toBe(0);
    expect(result.rows.every((row) => row.share === null)).toBe(true);
    expect(result.rows.map((row) => row.role)).toEqual([
      'Sourced',
      'Co-Sell',
      'Influenced',
      'Resell',
      'Referral'
    ]);
  });

  it('a summary row counts as the won deals it stands for (Opportunity_Count__c)', () => {
    const won = { IsWon: true, IsClosed: true, ForecastCategoryName: 'Closed' };
    const result = revenueAttribution(
      [
        // Two won Co-Sell deals of one owner and partner, summarised into one row with no amount.
        opp('agg:1', { ...won, Amount: null, Opportunity_Count__c: 2 }),
        opp('agg:2', { ...won, Amount: 300, Opportunity_Count__c: 3 }),
        opp('o3', { ...won, Amount: 100 })
      ],
      indexPartnerDeals([
        deal('agg:1', 'P', { Role__c: 'Co-Sell' }),
        deal('agg:2', 'P', { Role__c: 'Sourced' }),
        deal('o3', 'Q', { Role__c: 'Sourced' })
      ]),
      '2026-04-01',
      '2026-06-30'
    );
    expect(result.rows.filter((row) => row.count > 0)).toEqual([
      { role: 'Sourced', amount: 400, count: 4, share: 1 },
      { role: 'Co-Sell', amount: 0, count: 2, share: 0 }
    ]);
    expect(result.total).toBe(400);
  });
});

describe('Calendar helpers for the cadence', () => {
  it('the previous quarter, the dates of a week of the quarter, the fiscal year', () => {
    expect(previousPeriod(parsePeriod('FY2026-Q1')).label).toBe('FY2025-Q4');
    expect(previousPeriod(parsePeriod('FY2027-Q1', 2), 2)).toMatchObject({
      label: 'FY2026-Q4',
      start: '2025-11-01'
    });
    expect(weekDates(parsePeriod('FY2026-Q2'), 2)).toEqual({ start: '2026-04-08', end: '2026-04-14' });
    expect(() => weekDates(parsePeriod('FY2026-Q2'), 14)).toThrow(RangeError);
    expect(fiscalYearDates(2027, 2)).toEqual({ start: '2026-02-01', end: '2027-01-31' });
  });

  it('median and mean of a list; null for none', () => {
    expect([median([3, 1, 2]), median([4, 1, 3, 2]), median([])]).toEqual([2, 2.5, null]);
    expect([mean([1, 2, 6]), mean([])]).toEqual([3, null]);
  });
});
