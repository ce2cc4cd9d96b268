// Part of the partnerForecast container: the engine's numbers turned into the strings the tables show.
import { formatMoney, formatPercent } from 'c/displayFormat';
import type { AccuracyRow, ForecastRow } from 'c/psmsEngine';

export interface ForecastRowView {
  key: string;
  label: string;
  closed: string;
  commit: string;
  bestCase: string;
  pipeline: string;
  omitted: string;
  commitForecast: string;
  bestCaseForecast: string;
  openPipeline: string;
  quota: string;
  attainment: string;
  coverage: string;
  gapToQuota: string;
  commitCall: string;
  bestCaseCall: string;
  note: string;
}

export interface Calls {
  commitCall?: number | null;
  bestCaseCall?: number | null;
  note?: string | null;
}

export function forecastRowView(row: ForecastRow & Calls): ForecastRowView {
  return {
    key: row.key,
    label: row.label,
    closed: formatMoney(row.closed),
    commit: formatMoney(row.commit),
    bestCase: formatMoney(row.bestCase),
    pipeline: formatMoney(row.pipeline),
    omitted: formatMoney(row.omitted),
    commitForecast: formatMoney(row.commitForecast),
    bestCaseForecast: formatMoney(row.bestCaseForecast),
    openPipeline: formatMoney(row.openPipeline),
    quota: formatMoney(row.quota),
    attainment: formatPercent(row.attainment),
    // Coverage is a multiple (3.2×), not a share.
    coverage: row.coverage === null ? formatPercent(null) : `${row.coverage.toFixed(1)}×`,
    gapToQuota: formatMoney(row.gapToQuota),
    commitCall: formatMoney(row.commitCall),
    bestCaseCall: formatMoney(row.bestCaseCall),
    note: row.note ?? ''
  };
}

export interface AccuracyRowView {
  key: string;
  label: string;
  call: string;
  actual: string;
  accuracy: string;
  bias: string;
}

export function accuracyRowView(row: AccuracyRow, label: string): AccuracyRowView {
  const bias =
    row.bias === null ? formatPercent(null) : `${row.bias > 0 ? '+' : ''}${formatPercent(row.bias)}`;
  return {
    key: row.key,
    label,
    call: formatMoney(row.call),
    actual: formatMoney(row.actual),
    accuracy: formatPercent(row.accuracy),
    bias
  };
}
