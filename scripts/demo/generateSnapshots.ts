import { fiscalPeriodOf, type FiscalPeriod } from '../../force-app/main/default/lwc/psmsEngine/calendar';
import { addDays, daysBetween, fromDay, toDay } from '../../force-app/main/default/lwc/psmsEngine/dates';
import type { IsoDate } from '../../force-app/main/default/lwc/psmsEngine/records';
import type { DemoOpportunity, DemoPartnerDeal, DemoSnapshot } from './demoOrgTypes';
import { idSequence } from './recordIds';

/**
 * Weekly snapshots (Mondays, the default snapshot weekday) for last quarter and this one, and
 * one taken on demand today, as the snapshot job (OpportunitySnapshotJob) would have taken
 * them: every opportunity open on that date, whatever its close date, and those closed in that
 * date's quarter, with Period__c the quarter of the close date. Each opportunity's state on a
 * date is reconstructed from its current state, walking back its category, amount and pushed
 * close dates, so the week-over-week changes (SPEC §4) show every kind of movement — a deal
 * pushed out of the quarter is still in the later snapshot, so it reads "Pushed out", not
 * "Removed". Today's snapshot is the records as they are.
 */

const CATEGORY_BEFORE: Readonly<Record<string, string>> = {
  Commit: 'Best Case',
  'Best Case': 'Pipeline',
  Pipeline: 'Pipeline'
};

/** A deterministic number in [0, 1) for an (opportunity, salt) pair, independent of generation order. */
function unit(text: string, salt: number): number {
  let hash = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return ((hash >>> 0) % 100000) / 100000;
}

export function snapshotDates(lastQuarter: FiscalPeriod, today: IsoDate): IsoDate[] {
  // 1970-01-01 was a Thursday: day number + 3 mod 7 is 0 on Mondays.
  let day = toDay(lastQuarter.start);
  while ((day + 3) % 7 !== 0) day++;
  const dates: IsoDate[] = [];
  for (; day <= toDay(today); day += 7) dates.push(fromDay(day));
  if (dates[dates.length - 1] !== today) dates.push(today);
  return dates;
}

export function generateSnapshots(
  today: IsoDate,
  lastQuarter: FiscalPeriod,
  opportunities: readonly DemoOpportunity[],
  deals: readonly DemoPartnerDeal[]
): DemoSnapshot[] {
  const nextId = idSequence('Opportunity_Snapshot__c');
  const primaryOf = new Map(
    deals.filter((d) => d.Is_Primary__c).map((d) => [d.Opportunity__c, d.Partner_Account__c])
  );
  const snapshots: DemoSnapshot[] = [];
  for (const date of snapshotDates(lastQuarter, today)) {
    const period = fiscalPeriodOf(date);
    const weeksBack = Math.floor(daysBetween(date, today) / 7);
    for (const opp of opportunities) {
      if (opp.CreatedDate.slice(0, 10) > date) continue;
      const state = stateOn(opp, date, weeksBack);
      // The job's scope: open now, or closed in the current quarter.
      if (state.closed && (state.closeDate < period.start || state.closeDate > period.end)) continue;
      snapshots.push({
        ...nextId(),
        Snapshot_Date__c: date,
        Opportunity__c: opp.Id,
        Opportunity_Key__c: opp.Id,
        Period__c: fiscalPeriodOf(state.closeDate).label,
        Amount__c: state.amount,
        Forecast_Category__c: state.category,
        Stage__c: state.stage,
        Close_Date__c: state.closeDate,
        Is_Closed__c: state.closed,
        Is_Won__c: state.won,
        Primary_Partner__c: primaryOf.get(opp.Id) ?? null,
        Owner__c: opp.OwnerId ?? null,
        OwnerId: opp.OwnerId ?? null,
        Snapshot_Key__c: `${date}|${opp.Id}`
      });
    }
  }
  return snapshots;
}

interface State {
  amount: number | null;
  category: string;
  stage: string;
  closeDate: IsoDate;
  closed: boolean;
  won: boolean;
}

function stateOn(opp: DemoOpportunity, date: IsoDate, weeksBack: number): State {
  if (opp.IsClosed && opp.CloseDate <= date) {
    return {
      amount: opp.Amount ?? null,
      category: opp.ForecastCategoryName ?? 'Omitted',
      stage: opp.StageName ?? '',
      closeDate: opp.CloseDate,
      closed: true,
      won: opp.IsWon
    };
  }
  // Before it closed, a won deal sat in Commit or Best Case and a lost one in Pipeline.
  let category = opp.IsClosed
    ? opp.IsWon
      ? unit(opp.Id, 1) < 0.6
        ? 'Commit'
        : 'Best Case'
      : 'Pipeline'
    : (opp.ForecastCategoryName ?? 'Pipeline');
  if (weeksBack > 1 + Math.floor(unit(opp.Id, 2) * 8)) category = CATEGORY_BEFORE[category] ?? category;
  if (weeksBack > 4 + Math.floor(unit(opp.Id, 3) * 8)) category = CATEGORY_BEFORE[category] ?? category;
  const drift =
    unit(opp.Id, 4) < 0.3 && weeksBack > Math.floor(unit(opp.Id, 5) * 10) ? 0.8 + unit(opp.Id, 6) * 0.4 : 1;
  const amount = opp.Amount == null ? null : Math.round((opp.Amount * drift) / 100) * 100;
  // Pushed deals were expected earlier: each push moved the close date by about a month.
  const pushes = opp.PushCount ?? 0;
  const pushedBack = pushes > 0 && weeksBack > Math.floor(unit(opp.Id, 7) * 6) ? pushes * 30 : 0;
  return {
    amount,
    category,
    stage: opp.IsClosed ? 'Negotiation/Review' : (opp.StageName ?? ''),
    closeDate: addDays(opp.CloseDate, -pushedBack),
    closed: false,
    won: false
  };
}
