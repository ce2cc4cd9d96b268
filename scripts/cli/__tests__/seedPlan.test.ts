import { generateDemoOrg } from '../../demo/generateDemoOrg';
import { DEMO_OBJECT_ORDER } from '../../demo/demoOrgTypes';
import { loadDataModel } from '../../lib/forceAppModel';
import { EXTERNAL_ID, planSeedLoads, type SeedLoad } from '../src/commands/seedPlan';
import { CsvParser } from '../src/csv/streamingCsv';
import { FORCE_APP_DIR } from '../src/cli';

/** The seed planner over the workbench's demo org: what `psms seed` would upsert, without an org. */

const RUNNING_USER = '005RUNNINGUSER0001';
const demo = generateDemoOrg(1, '2026-02-16');
const loads = planSeedLoads(demo, loadDataModel(FORCE_APP_DIR), FORCE_APP_DIR, RUNNING_USER);

/** A load's CSV as header + rows of objects, read back with the CLI's own RFC-4180 reader. */
function table(load: SeedLoad): { header: string[]; rows: Record<string, string>[] } {
  const header = load.csv.slice(0, load.csv.indexOf('\n')).split(',');
  const rows: Record<string, string>[] = [];
  const parser = new CsvParser(
    load.name,
    header.map((name) => ({ name, required: true })),
    (values) => rows.push(Object.fromEntries(header.map((name, i) => [name, values[i]])))
  );
  parser.push(load.csv);
  parser.end();
  return { header, rows };
}

const loadNamed = (name: string) => {
  const load = loads.find((l) => l.name === name);
  if (load === undefined) throw new Error(`no load ${name}`);
  return table(load);
};
const externalIds = new Map(
  DEMO_OBJECT_ORDER.flatMap((object) =>
    (demo.records[object] as unknown as { Id: string; External_Id__c: string }[]).map((r) => [
      r.Id,
      r.External_Id__c
    ])
  )
);
const externalIdOf = (id: string) => externalIds.get(id);

describe('planSeedLoads', () => {
  it('loads the objects parents first, no users, each self-reference in a second pass right after', () => {
    const expected = DEMO_OBJECT_ORDER.filter((o) => o !== 'User' && demo.records[o].length > 0).flatMap(
      (o) => (o === 'Deal_Registration__c' ? [o, `${o} (links)`] : [o])
    );
    expect(loads.map((l) => l.name)).toEqual(expected);
    for (const load of loads) expect(load.rows).toBe(table(load).rows.length);
  });

  it('sends references as <Relationship>.External_Id__c, never the demo ids', () => {
    const deals = loadNamed('Partner_Deal__c');
    expect(deals.header[0]).toBe(EXTERNAL_ID);
    expect(deals.header).toEqual(
      expect.arrayContaining(['Opportunity__r.External_Id__c', 'Partner_Account__r.External_Id__c'])
    );
    expect(deals.header).not.toContain('Id');
    demo.records.Partner_Deal__c.forEach((deal, i) => {
      expect(deals.rows[i][EXTERNAL_ID]).toBe(deal.External_Id__c);
      expect(deals.rows[i]['Opportunity__r.External_Id__c']).toBe(externalIdOf(deal.Opportunity__c));
      expect(deals.rows[i]['Partner_Account__r.External_Id__c']).toBe(externalIdOf(deal.Partner_Account__c));
    });
    const opportunities = loadNamed('Opportunity');
    expect(opportunities.header).toContain('Account.External_Id__c');
    // Users are not created: every owner is the user running the seed.
    expect(new Set(opportunities.rows.map((r) => r.OwnerId))).toEqual(new Set([RUNNING_USER]));
  });

  it('links registrations to registrations in a second pass, once every registration exists', () => {
    const first = loadNamed('Deal_Registration__c');
    expect(first.header).not.toContain('Conflicting_Registration__r.External_Id__c');
    expect(first.rows).toHaveLength(demo.records.Deal_Registration__c.length);
    const links = loadNamed('Deal_Registration__c (links)');
    expect(links.header).toEqual([EXTERNAL_ID, 'Conflicting_Registration__r.External_Id__c']);
    const conflicting = demo.records.Deal_Registration__c.filter((r) => r.Conflicting_Registration__c);
    expect(conflicting.length).toBeGreaterThan(0);
    expect(links.rows).toEqual(
      conflicting.map((r) => ({
        [EXTERNAL_ID]: r.External_Id__c,
        'Conflicting_Registration__r.External_Id__c': externalIdOf(r.Conflicting_Registration__c ?? '')
      }))
    );
  });
});
