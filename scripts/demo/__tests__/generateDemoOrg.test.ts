import { isActive, isDueToExpire } from '../../../force-app/main/default/lwc/psmsEngine/registrationStatus';
import { evaluateHygiene } from '../../../force-app/main/default/lwc/psmsEngine/hygiene';
import { indexPartnerDeals } from '../../../force-app/main/default/lwc/psmsEngine/partnerDeals';
import { DEFAULT_SETTINGS } from '../../../force-app/main/default/lwc/psmsEngine/settings';
import { diffSnapshots } from '../../../force-app/main/default/lwc/psmsEngine/snapshotChanges';
import { registrationKey } from '../../../force-app/main/default/lwc/psmsEngine/registrationKey';
import { fiscalPeriodOf } from '../../../force-app/main/default/lwc/psmsEngine/calendar';
import { generateDemoOrg } from '../generateDemoOrg';
import { DEMO_OBJECT_ORDER } from '../demoOrgTypes';
import { PRODUCT_LINES } from '../generateOpportunities';
import { loadDataModel } from '../../lib/forceAppModel';
import { join } from 'node:path';

const TODAY = '2026-11-26';
const org = generateDemoOrg(7, TODAY);
const { records } = org;

describe('the demo org generator', () => {
  it('is deterministic: the same seed and day give the same records, another seed others', () => {
    expect(JSON.stringify(generateDemoOrg(7, TODAY))).toBe(JSON.stringify(org));
    expect(generateDemoOrg(8, TODAY).records.Opportunity[0]).not.toEqual(records.Opportunity[0]);
  });

  it('gives every record a unique Id and a stable External_Id__c', () => {
    for (const object of DEMO_OBJECT_ORDER) {
      const list = records[object] as { Id: string; External_Id__c: string }[];
      expect(new Set(list.map((r) => r.Id)).size).toBe(list.length);
      expect(new Set(list.map((r) => r.External_Id__c)).size).toBe(list.length);
      expect(list.every((r) => r.External_Id__c.startsWith('psms-demo-'))).toBe(true);
    }
  });

  it('has the sizes of the issue: about 80 partners, 4,000 opportunities over six quarters, about 600 registrations', () => {
    expect(records.Account.filter((a) => a.Partner_Status__c).length).toBe(80);
    expect(records.Opportunity).toHaveLength(4000);
    expect(new Set(records.Opportunity.map((o) => fiscalPeriodOf(o.CloseDate).label)).size).toBe(6);
    expect(records.Deal_Registration__c.length).toBeGreaterThanOrEqual(570);
    expect(records.Deal_Registration__c.length).toBeLessThanOrEqual(600);
  });

  it('covers every partner tier and lifecycle stage', () => {
    const partners = records.Account.filter((a) => a.Partner_Status__c);
    expect(new Set(partners.map((p) => p.Partner_Tier__c))).toEqual(
      new Set(['Registered', 'Silver', 'Gold', 'Platinum'])
    );
    expect(new Set(partners.map((p) => p.Partner_Status__c))).toEqual(
      new Set(['Prospect', 'Recruited', 'Onboarding', 'Active', 'Inactive'])
    );
  });

  it('references only records it generated', () => {
    const ids = new Set(
      DEMO_OBJECT_ORDER.flatMap((object) => (records[object] as { Id: string }[]).map((r) => r.Id))
    );
    for (const deal of records.Partner_Deal__c)
      expect([ids.has(deal.Opportunity__c), ids.has(deal.Partner_Account__c)]).toEqual([true, true]);
    for (const opp of records.Opportunity)
      expect(ids.has(opp.AccountId ?? '') && ids.has(opp.OwnerId ?? '')).toBe(true);
  });

  it('keeps at most one primary partner deal per opportunity, and one active registration per key', () => {
    const primaries = records.Partner_Deal__c.filter((d) => d.Is_Primary__c).map((d) => d.Opportunity__c);
    expect(new Set(primaries).size).toBe(primaries.length);
    const opps = new Map(records.Opportunity.map((o) => [o.Id, o]));
    const activeKeys = records.Deal_Registration__c.filter((r) => isActive(r, opps)).map((r) =>
      registrationKey(r)
    );
    expect(new Set(activeKeys).size).toBe(activeKeys.length);
    for (const r of records.Deal_Registration__c) expect(r.Normalized_Key__c).toBe(registrationKey(r));
  });

  it('has registrations in every state the desk shows: duplicates, direct conflicts, expiring and expired, disputes', () => {
    const regs = records.Deal_Registration__c;
    const count = (test: (r: (typeof regs)[number]) => boolean) => regs.filter(test).length;
    expect(count((r) => r.Conflict_Type__c === 'Duplicate')).toBeGreaterThan(20);
    expect(count((r) => r.Conflict_Type__c === 'Direct' && r.Status__c === 'Needs Review')).toBeGreaterThan(
      5
    );
    expect(count((r) => r.Status__c === 'Approved' && (r.Expires_On__c ?? '') < TODAY)).toBe(0);
    expect(
      count(
        (r) =>
          r.Status__c === 'Approved' &&
          (r.Expires_On__c ?? '') >= TODAY &&
          (r.Expires_On__c ?? '') <= '2026-12-10'
      )
    ).toBeGreaterThan(0);
    expect(count((r) => r.Status__c === 'Expired')).toBeGreaterThan(0);
    expect(records.Registration_Dispute__c.some((d) => d.Status__c === 'Open')).toBe(true);
    expect(records.Registration_Dispute__c.some((d) => d.Status__c === 'Resolved')).toBe(true);
  });

  it('has co-sell deals, weekly snapshots for this and last quarter, targets, calls, plans and managers', () => {
    expect(records.Partner_Deal__c.some((d) => d.Co_Sell__c)).toBe(true);
    const snapshotQuarters = new Set(
      records.Opportunity_Snapshot__c.map((s) => fiscalPeriodOf(s.Snapshot_Date__c).label)
    );
    expect(snapshotQuarters).toEqual(new Set(['FY2026-Q3', 'FY2026-Q4']));
    expect(records.Partner_Target__c.some((t) => !t.Partner_Account__c && !t.Manager__c)).toBe(true);
    expect(records.Forecast_Submission__c.some((c) => c.Week__c === 1)).toBe(true);
    expect(records.Partner_Account_Plan__c.length).toBeGreaterThan(10);
    expect(records.User.filter((u) => u.ManagerId).length).toBeGreaterThan(10);
  });

  it('uses only values the package metadata declares for its picklists', () => {
    const model = loadDataModel(join(__dirname, '..', '..', '..', 'force-app'));
    expect(model.field('Opportunity', 'Product_Line__c')?.picklistValues).toEqual(
      expect.arrayContaining([...PRODUCT_LINES])
    );
    const roles = model.field('Partner_Deal__c', 'Role__c')?.picklistValues ?? [];
    for (const deal of records.Partner_Deal__c) expect(roles).toContain(deal.Role__c);
    const statuses = model.field('Deal_Registration__c', 'Status__c')?.picklistValues ?? [];
    for (const r of records.Deal_Registration__c) expect(statuses).toContain(r.Status__c);
  });
});

describe('a demo org that reads like a real one', () => {
  const opportunities = records.Opportunity;

  it('has no won deal with a close date in the future', () => {
    expect(opportunities.filter((o) => o.IsWon && o.CloseDate > TODAY)).toEqual([]);
  });

  it('spreads pipeline hygiene across owners: careful and careless reps side by side', () => {
    const report = evaluateHygiene({
      today: TODAY,
      opportunities,
      partners: indexPartnerDeals(records.Partner_Deal__c),
      registrations: records.Deal_Registration__c,
      settings: DEFAULT_SETTINGS
    });
    const dirty = new Set(report.findings.map((f) => f.recordId));
    const ownerOf = new Map(opportunities.map((o) => [o.Id, o.OwnerId ?? '']));
    const byOwner = new Map<string, { open: number; clean: number }>();
    for (const { recordId } of report.scores) {
      const owner = ownerOf.get(recordId) ?? '';
      const group = byOwner.get(owner) ?? { open: 0, clean: 0 };
      group.open++;
      group.clean += dirty.has(recordId) ? 0 : 1;
      byOwner.set(owner, group);
    }
    const shares = [...byOwner.values()].filter((g) => g.open >= 20).map((g) => g.clean / g.open);
    expect(Math.max(...shares)).toBeGreaterThan(0.6);
    expect(Math.min(...shares)).toBeLessThan(0.2);
  });

  it('records slips: a deal pushed past the quarter stays in the next snapshot and reads "Pushed out", not "Removed"', () => {
    const snapshots = records.Opportunity_Snapshot__c;
    const dates = [...new Set(snapshots.map((s) => s.Snapshot_Date__c))].sort();
    const period = fiscalPeriodOf(TODAY);
    const types = new Set<string>();
    for (let i = 1; i < dates.length; i++) {
      if (dates[i - 1] < period.start) continue;
      const report = diffSnapshots({
        from: snapshots.filter((s) => s.Snapshot_Date__c === dates[i - 1]),
        to: snapshots.filter((s) => s.Snapshot_Date__c === dates[i]),
        period,
        omitUnchanged: true
      });
      for (const change of report.changes) types.add(change.type);
    }
    expect(types).toContain('Pushed out');
    expect(types).not.toContain('Removed');
  });

  it('takes the latest snapshot today, so it is the records as they are (the waterfall ends on the table)', () => {
    const latest = records.Opportunity_Snapshot__c.filter((s) => s.Snapshot_Date__c === TODAY);
    const open = opportunities.filter((o) => !o.IsClosed);
    const inLatest = new Map(latest.map((s) => [s.Opportunity_Key__c, s]));
    for (const opp of open) {
      expect(inLatest.get(opp.Id)).toMatchObject({
        Amount__c: opp.Amount ?? null,
        Close_Date__c: opp.CloseDate,
        Forecast_Category__c: opp.ForecastCategoryName,
        Is_Closed__c: false,
        Period__c: fiscalPeriodOf(opp.CloseDate).label
      });
    }
  });

  it('owns each snapshot like its opportunity, and each registration by the rep of its partner', () => {
    const ownerOf = new Map(opportunities.map((o) => [o.Id, o.OwnerId]));
    for (const snapshot of records.Opportunity_Snapshot__c.slice(0, 500)) {
      expect(snapshot.OwnerId).toBe(ownerOf.get(snapshot.Opportunity_Key__c));
    }
    const repOf = new Map(records.Account.map((a) => [a.Id, a.OwnerId]));
    for (const registration of records.Deal_Registration__c) {
      expect(registration.OwnerId).toBe(repOf.get(registration.Partner_Account__c));
    }
  });

  it('gives partners a region, a few none yet', () => {
    const regions = records.Account.filter((a) => a.Partner_Status__c).map(
      (a) => a.Partner_Region__c ?? null
    );
    expect(new Set(regions)).toEqual(new Set(['AMER', 'EMEA', 'APAC', 'LATAM', null]));
  });

  it('leaves registrations as the expiry job would: none Approved past its expiry date', () => {
    const opps = new Map(opportunities.map((o) => [o.Id, o]));
    expect(records.Deal_Registration__c.filter((r) => isDueToExpire(r, TODAY, opps))).toEqual([]);
    expect(
      records.Deal_Registration__c.some((r) => r.Status__c === 'Expired' && !r.Registration_Key__c)
    ).toBe(true);
  });
});
