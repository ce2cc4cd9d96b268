import { forecastAccuracy, type AccuracyInput, type AccuracyReport, type AccuracyRow } from './accuracy';
import { parsePeriod, previousPeriod } from './calendar';
import { latestCalls } from './forecastCalls';
import { fromCents, toCents } from './money';
import type { PartnerDealIndex } from './partnerDeals';
import type { Forecast_Submission__c, IsoDate, Opportunity, RecordId } from './records';

/**
 * The calibrated forecast of SPEC §11: a partner's week-1 call corrected by the bias of its
 * past calls, shrunk towards the channel's bias when the partner has little history.
 *
 * - W(P): the 4 fiscal periods immediately before P. A history point is a (partner, period)
 *   of W(P) with a week-1 call and actual > 0; its bias is §4's (forecastAccuracy's) bias.
 * - b = (n_p·b_p + k·b_all) ÷ (n_p + k), k = 2; b_all = the mean bias of every point of W(P);
 *   b = 0 when W(P) holds no point at all.
 * - calibrated = c ÷ (1 + b), dividing by 0.1 when 1 + b < 0.1.
 */

export const CALIBRATION_WINDOW = 4;
export const CALIBRATION_K = 2;
export const MIN_DIVISOR = 0.1;

export interface CalibrationData {
  /** Forecast submissions of P and the periods before it (any week; week-1 ones are used). */
  submissions: readonly Forecast_Submission__c[];
  /** Won opportunities of those periods (others are skipped). */
  opportunities: readonly Opportunity[];
  partners: PartnerDealIndex;
  fiscalYearStartMonth?: number;
}

export interface PartnerCalibration {
  /** n_p: the partner's history points in W(P). */
  n: number;
  /** b_p: the mean bias of those points (null without any). */
  partnerBias: number | null;
  /** b: the shrunk bias the call is divided by (1 + b). */
  bias: number;
}

export interface Calibration {
  period: string;
  /** The periods of W(P), most recent first. */
  window: string[];
  /** b_all (null when W(P) holds no point). */
  channelBias: number | null;
  /** Every history point of W(P). */
  points: number;
  /** The calibration of a partner (one with no history gets b_all, or 0). */
  of(partnerId: RecordId): PartnerCalibration;
}

/** c ÷ (1 + b), with 0.1 as the smallest divisor; to the cent. */
export function calibrateCall(call: number, bias: number): number {
  const divisor = Math.max(1 + bias, MIN_DIVISOR);
  return fromCents(Math.round(toCents(call) / divisor));
}

/** Per-period outcomes, computed once by §4's accuracy and shared by every window that needs them. */
class Outcomes {
  private readonly cache = new Map<string, AccuracyRow[]>();
  constructor(private readonly data: CalibrationData) {}

  /** The partners' week-1 call, actual and bias in a period. */
  of(period: string): AccuracyRow[] {
    let rows = this.cache.get(period);
    if (rows === undefined) {
      rows = forecastAccuracy({
        period,
        submissions: this.data.submissions,
        opportunities: this.data.opportunities,
        partners: this.data.partners,
        by: 'partner',
        fiscalYearStartMonth: this.data.fiscalYearStartMonth
      }).groups;
      this.cache.set(period, rows);
    }
    return rows;
  }
}

function windowOf(period: string, startMonth: number): string[] {
  const window: string[] = [];
  let current = parsePeriod(period, startMonth);
  for (let i = 0; i < CALIBRATION_WINDOW; i++) {
    current = previousPeriod(current, startMonth);
    window.push(current.label);
  }
  return window;
}

function calibrationFrom(period: string, outcomes: Outcomes, startMonth: number): Calibration {
  const window = windowOf(period, startMonth);
  const byPartner = new Map<RecordId, number[]>();
  const all: number[] = [];
  for (const label of window) {
    for (const row of outcomes.of(label)) {
      if (row.actual > 0 && row.bias !== null) {
        all.push(row.bias);
        byPartner.set(row.key, [...(byPartner.get(row.key) ?? []), row.bias]);
      }
    }
  }
  const channelBias = all.length === 0 ? null : all.reduce((s, b) => s + b, 0) / all.length;
  const prior = channelBias ?? 0;
  return {
    period,
    window,
    channelBias,
    points: all.length,
    of(partnerId) {
      const biases = byPartner.get(partnerId) ?? [];
      const n = biases.length;
      const partnerBias = n === 0 ? null : biases.reduce((s, b) => s + b, 0) / n;
      const bias = ((partnerBias ?? 0) * n + CALIBRATION_K * prior) / (n + CALIBRATION_K);
      return { n, partnerBias, bias };
    }
  };
}

/** The calibration of P's calls from the history in W(P). */
export function calibrationFor(period: string, data: CalibrationData): Calibration {
  return calibrationFrom(period, new Outcomes(data), data.fiscalYearStartMonth ?? 1);
}

export interface CalibratedRow extends AccuracyRow {
  calibrated: number;
}

export interface CalibratedAccuracyReport extends AccuracyReport {
  groups: CalibratedRow[];
  total: CalibratedRow;
  calibration: { window: string[]; channelBias: number | null; points: number };
}

/**
 * §4's accuracy report of P with each group's and the total's calibrated call: a partner's
 * week-1 call calibrated by its own b, a manager's the sum of its partners' calibrated calls.
 */
export function calibratedAccuracy(input: AccuracyInput): CalibratedAccuracyReport {
  const report = forecastAccuracy(input);
  const calibration = calibrationFor(input.period, input);
  const calibratedCents = new Map<string, number>();
  for (const [partner, call] of latestCalls(input.submissions, input.period, 1)) {
    if (!call.Partner_Account__c) {
      continue; // a whole-team call is not a partner's call (as in §4's accuracy)
    }
    const key = input.by === 'manager' ? call.Submitted_By__c || 'none' : partner;
    const cents = toCents(calibrateCall(call.Commit_Call__c ?? 0, calibration.of(partner).bias));
    calibratedCents.set(key, (calibratedCents.get(key) ?? 0) + cents);
  }
  const groups = report.groups.map((row) => ({
    ...row,
    calibrated: fromCents(calibratedCents.get(row.key) ?? 0)
  }));
  const totalCents = [...calibratedCents.values()].reduce((sum, cents) => sum + cents, 0);
  return {
    ...report,
    groups,
    total: { ...report.total, calibrated: fromCents(totalCents) },
    calibration: {
      window: calibration.window,
      channelBias: calibration.channelBias,
      points: calibration.points
    }
  };
}

export interface Backtest {
  /** Mean |c − a| ÷ a over the partner-periods (null when n = 0). */
  rawError: number | null;
  /** Mean |calibrated − a| ÷ a over the same partner-periods. */
  calibratedError: number | null;
  n: number;
}

/**
 * How much calibration would have reduced past error (SPEC §11): every closed period (ended
 * before `today`) with a week-1 call of some partner; every partner with a week-1 call c and an
 * actual a > 0 there; its calibrated call from that period's own window.
 */
export function backtestCalibration(data: CalibrationData & { today: IsoDate }): Backtest {
  const startMonth = data.fiscalYearStartMonth ?? 1;
  const outcomes = new Outcomes(data);
  const periods = new Set<string>();
  for (const call of data.submissions) {
    if (call.Week__c === 1 && call.Partner_Account__c && /^FY\d{4}-Q[1-4]$/.test(call.Period__c)) {
      periods.add(call.Period__c);
    }
  }
  let raw = 0;
  let calibrated = 0;
  let n = 0;
  for (const period of [...periods].sort()) {
    if (parsePeriod(period, startMonth).end >= data.today) {
      continue; // not closed yet
    }
    const calibration = calibrationFrom(period, outcomes, startMonth);
    for (const row of outcomes.of(period)) {
      if (row.actual <= 0) {
        continue;
      }
      raw += Math.abs(row.call - row.actual) / row.actual;
      calibrated += Math.abs(calibrateCall(row.call, calibration.of(row.key).bias) - row.actual) / row.actual;
      n++;
    }
  }
  return { rawError: n === 0 ? null : raw / n, calibratedError: n === 0 ? null : calibrated / n, n };
}
