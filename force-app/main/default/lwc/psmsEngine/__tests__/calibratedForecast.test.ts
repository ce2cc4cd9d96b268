import {
  backtestCalibration,
  calibrateCall,
  calibratedAccuracy,
  calibrationFor,
  type CalibrationData
} from '../calibratedForecast';
import { forecastAccuracy } from '../accuracy';
import { indexPartnerDeals } from '../partnerDeals';
import type { Forecast_Submission__c, Opportunity, Partner_Deal__c } from '../records';
import { deal, opp } from './fixtures';

/** A week-1 call of a partner and (when actual > 0) its won opportunity in the period. */
function history(
  partner: string,
  period: string,
  call: number,
  actual: number,
  closeDate: string,
  manager = 'M1'
): { call: Forecast_Submission__c; opps: Opportunity[]; deals: Partner_Deal__c[] } {
  const id = `${partner}-${period}`;
  return {
    call: {
      Id: `call-${id}`,
      Period__c: period,
      Partner_Account__c: partner,
      Week__c: 1,
      Commit_Call__c: call,
      Submitted_By__c: manager,
      Submitted_On__c: `${closeDate}T00:00:00Z`
    },
    opps: actual > 0 ? [opp(id, { IsClosed: true, IsWon: true, Amount: actual, CloseDate: closeDate })] : [],
    deals: actual > 0 ? [deal(id, partner)] : []
  };
}

function dataOf(points: ReturnType<typeof history>[], extra: Forecast_Submission__c[] = []): CalibrationData {
  return {
    submissions: [...points.map((p) => p.call), ...extra],
    opportunities: points.flatMap((p) => p.opps),
    partners: indexPartnerDeals(points.flatMap((p) => p.deals))
  };
}

describe('Calibrated forecast: calibrated = c ÷ (1 + b), b shrunk towards the channel bias (k = 2)', () => {
  // P = FY2026-Q2; W(P) = FY2026-Q1, FY2025-Q4, FY2025-Q3, FY2025-Q2.
  const points = [
    history('A', 'FY2026-Q1', 1200, 1000, '2026-02-01'), // bias 0.2
    history('A', 'FY2025-Q4', 1100, 1000, '2025-11-01'), // bias 0.1
    history('B', 'FY2025-Q3', 500, 1000, '2025-08-01'), // bias −0.5
    history('C', 'FY2025-Q2', 100, 0, '2025-05-01'), // actual 0: not a history point
    history('D', 'FY2025-Q1', 2000, 1000, '2025-02-01'), // outside W(P)
    history('A', 'FY2026-Q2', 1040, 900, '2026-05-01'),
    history('B', 'FY2026-Q2', 710, 800, '2026-05-02', 'M2'),
    history('E', 'FY2026-Q2', 1400, 1500, '2026-05-03')
  ];
  const data = dataOf(points);
  const calibration = calibrationFor('FY2026-Q2', data);

  it('W(P) is the 4 fiscal periods immediately before P; b_all is the mean bias of every history point', () => {
    expect(calibration.window).toEqual(['FY2026-Q1', 'FY2025-Q4', 'FY2025-Q3', 'FY2025-Q2']);
    expect(calibration.points).toBe(3);
    expect(calibration.channelBias).toBeCloseTo(-0.2 / 3, 12);
  });

  it('b = (n_p·b_p + k·b_all) ÷ (n_p + k)', () => {
    const a = calibration.of('A');
    expect([a.n, a.partnerBias]).toEqual([2, expect.closeTo(0.15, 12)]);
    expect(a.bias).toBeCloseTo(1 / 24, 12);
    expect(calibration.of('B').bias).toBeCloseTo(-19 / 90, 12);
  });

  it('a partner with no history gets b_all', () => {
    expect(calibration.of('E')).toEqual({ n: 0, partnerBias: null, bias: expect.closeTo(-1 / 15, 12) });
  });

  it('each group and the total carry the calibrated call; the total sums the partners’ calibrated calls', () => {
    const report = calibratedAccuracy({ ...data, period: 'FY2026-Q2' });
    expect(report.groups.map((g) => [g.key, g.call, g.calibrated])).toEqual([
      ['A', 1040, 998.4],
      ['B', 710, 900],
      ['E', 1400, 1500]
    ]);
    expect(report.total.calibrated).toBeCloseTo(3398.4, 6);
    // The accuracy figures are §4's, unchanged.
    const plain = forecastAccuracy({ ...data, period: 'FY2026-Q2' });
    expect(report.groups.map(({ accuracy, bias }) => ({ accuracy, bias }))).toEqual(
      plain.groups.map(({ accuracy, bias }) => ({ accuracy, bias }))
    );
  });

  it('by manager: a manager’s calibrated call sums its partners’', () => {
    const report = calibratedAccuracy({ ...data, period: 'FY2026-Q2', by: 'manager' });
    expect(report.groups.map((g) => [g.key, g.calibrated])).toEqual([
      ['M1', 2498.4],
      ['M2', 900]
    ]);
  });

  it('when W(P) holds no history point at all, b = 0 and the calibrated call is the call', () => {
    const only = dataOf([history('A', 'FY2026-Q2', 1234.56, 1000, '2026-05-01')]);
    const report = calibratedAccuracy({ ...only, period: 'FY2026-Q2' });
    expect(report.calibration).toEqual({
      window: ['FY2026-Q1', 'FY2025-Q4', 'FY2025-Q3', 'FY2025-Q2'],
      channelBias: null,
      points: 0
    });
    expect(report.groups[0].calibrated).toBe(1234.56);
  });

  it('when 1 + b < 0.1, divide by 0.1', () => {
    expect(calibrateCall(100, -0.95)).toBe(1000);
    expect(calibrateCall(100, -0.9)).toBeCloseTo(1000, 6);
    expect(calibrateCall(100, 0)).toBe(100);
    expect(calibrateCall(120, 0.2)).toBe(100);
  });

  it('a whole-team call is no partner’s call', () => {
    const team: Forecast_Submission__c = {
      Id: 't',
      Period__c: 'FY2026-Q2',
      Week__c: 1,
      Commit_Call__c: 99999,
      Submitted_By__c: 'M1'
    };
    const report = calibratedAccuracy({ ...dataOf(points, [team]), period: 'FY2026-Q2' });
    expect(report.total.calibrated).toBeCloseTo(3398.4, 6);
  });
});

describe('Backtest: how much calibration would have reduced past error', () => {
  const points = [
    history('A', 'FY2025-Q1', 1200, 1000, '2025-02-01'),
    history('A', 'FY2025-Q2', 1200, 1000, '2025-05-01'),
    history('A', 'FY2025-Q3', 600, 500, '2025-08-01'),
    history('B', 'FY2025-Q3', 100, 0, '2025-08-02'),
    history('A', 'FY2025-Q4', 1000, 100, '2025-10-05')
  ];

  it('every closed period with a week-1 call, every partner with actual > 0: the two mean errors and n', () => {
    // Q1: no history, calibrated = call (error 0.2). Q2 and Q3: b = 0.2, calibrated = actual (error 0).
    // Q4 has not closed on 2025-10-15; B's Q3 call has no actual.
    const result = backtestCalibration({ ...dataOf(points), today: '2025-10-15' });
    expect(result.n).toBe(3);
    expect(result.rawError).toBeCloseTo(0.2, 12);
    expect(result.calibratedError).toBeCloseTo(0.2 / 3, 12);
  });

  it('n = 0 and null errors when no period has closed', () => {
    expect(backtestCalibration({ ...dataOf(points), today: '2025-03-31' })).toEqual({
      rawError: null,
      calibratedError: null,
      n: 0
    });
  });

  it('a period closes after its last day', () => {
    expect(backtestCalibration({ ...dataOf(points), today: '2025-04-01' }).n).toBe(1);
  });
});
