// Part of the partnerForecast container: the engine's results turned into what the tables show (names for the "none" groups, accuracy as text, a deal as a row).
import { formatMoney, formatPercent } from 'c/displayFormat';
import { NONE_KEY, type AccuracyRow, type ForecastGrouping } from 'c/psmsEngine';
import LABEL_NO_OWNER from '@salesforce/label/c.PSMS_PartnerForecast_No_Owner';
import LABEL_NO_MANAGER from '@salesforce/label/c.PSMS_PartnerForecast_No_Manager';
import LABEL_NO_REGION from '@salesforce/label/c.PSMS_PartnerForecast_No_Region';
import LABEL_IN_PROGRESS from '@salesforce/label/c.PSMS_AccuracyTable_In_Progress';

const NONE_LABELS: Readonly<Record<ForecastGrouping, string>> = {
  partner: LABEL_NO_OWNER,
  owner: LABEL_NO_OWNER,
  manager: LABEL_NO_MANAGER,
  region: LABEL_NO_REGION
};

/** A group's name as people read it: the engine's name, or the translated "No manager"/"No region". */
export function groupLabel(by: ForecastGrouping, key: string, engineLabel: string): string {
  return key === NONE_KEY ? NONE_LABELS[by] : engineLabel;
}

export interface AccuracyRowView {
  key: string;
  label: string;
  call: string;
  actual: string;
  accuracy: string;
  bias: string;
}

/** Accuracy and bias as text; a running period reads "In progress", never 0 %. */
export function accuracyRowView(row: AccuracyRow, label: string, inProgress: boolean): AccuracyRowView {
  const bias =
    row.bias === null ? formatPercent(null) : `${row.bias > 0 ? '+' : ''}${formatPercent(row.bias)}`;
  return {
    key: row.key,
    label,
    call: formatMoney(row.call),
    actual: formatMoney(row.actual),
    accuracy: inProgress ? LABEL_IN_PROGRESS : formatPercent(row.accuracy),
    bias: inProgress ? LABEL_IN_PROGRESS : bias
  };
}

export interface DealRow {
  id: string;
  name: string;
  amount: string;
  stage: string;
  category: string;
  closeDate: string;
  coSell: boolean;
}

export function dealRowView(opp: Psms.Opportunity, coSell: boolean): DealRow {
  return {
    id: opp.Id,
    name: opp.Name ?? '',
    amount: formatMoney(opp.Amount ?? 0),
    stage: opp.StageName ?? '',
    category: opp.ForecastCategoryName ?? '',
    closeDate: opp.CloseDate,
    coSell
  };
}
