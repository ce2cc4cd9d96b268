import { diffSnapshots, parsePeriod } from 'c/psmsEngine';
import { waterfallModel, type WaterfallScope } from '../waterfallSteps';

/**
 * At scale getSnapshots answers with summarised pairs (docs/scale.md): each earlier snapshot's
 * pairs with the latest carry that snapshot's date in their key, and all end on the latest date.
 * The waterfall from a date reads only that date's pairs.
 */
const period = parsePeriod('FY2026-Q4');
const all: WaterfallScope = { owners: null, opportunities: null, group: null };
const row = (key: string, date: string, amount: number, category: string) => ({
  Opportunity_Key__c: key,
  Snapshot_Date__c: date,
  Owner__c: '005A',
  Primary_Partner__c: '001P',
  Amount__c: amount,
  Forecast_Category__c: category,
  Close_Date__c: period.start,
  Is_Closed__c: false,
  Is_Won__c: false
});
const summarised = {
  period: 'FY2026-Q4',
  aggregated: true,
  dates: ['2026-11-12', '2026-11-19', '2026-11-26'],
  snapshots: [
    // Since 2026-11-12: the deal moved from Pipeline to Commit (and grew from 300 to 350).
    row('chg:2026-11-12:1', '2026-11-12', 300, 'Pipeline'),
    row('chg:2026-11-12:1', '2026-11-26', 350, 'Commit'),
    // Since 2026-11-19: 300 already in Commit, and its amount went up to 350.
    row('chg:2026-11-19:1', '2026-11-19', 300, 'Commit'),
    row('chg:2026-11-19:1', '2026-11-26', 350, 'Commit')
  ]
};

describe('the waterfall over summarised changes', () => {
  it('reads only the pairs of the chosen starting snapshot', () => {
    const weekAgo = waterfallModel(summarised, '2026-11-19', period, all, diffSnapshots);
    expect(weekAgo?.steps.map((step) => [step.key, step.value])).toEqual([
      ['from', 300],
      ['Amount up', 50],
      ['to', 350]
    ]);
    const twoWeeksAgo = waterfallModel(summarised, '2026-11-12', period, all, diffSnapshots);
    expect(twoWeeksAgo?.steps.map((step) => [step.key, step.value])).toEqual([
      ['from', 0],
      ['Category up', 350],
      ['to', 350]
    ]);
  });
});
