import type {
  Deal_Registration__c,
  Opportunity,
  Opportunity_Snapshot__c,
  Partner_Deal__c
} from '../../force-app/main/default/lwc/psmsEngine/psmsEngine';

/**
 * A deterministic synthetic partner business for the benches: the same seed gives the same rows.
 * Close dates fall mostly in FY2026-Q2 (the quarter being forecast), the rest in the quarters
 * around it; about 70 % of opportunities have partner deals, 85 % of those a primary one.
 */

export const BENCH_PERIOD = 'FY2026-Q2';
export const BENCH_TODAY = '2026-05-11';
/** Days from 2026-01-01 to BENCH_TODAY. */
const BENCH_OFFSET = 130;

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Omitted'] as const;
const PRODUCT_LINES = ['Analytics', 'Cloud Security', 'Networking', 'Storage'];
const ROLES = ['Sourced', 'Co-Sell', 'Influenced', 'Resell', 'Referral'];

/**
 * Strings as an export parser or JSON.parse yields them: flat. (A template literal builds a
 * rope, which V8 hashes and compares far more slowly and no real input contains.)
 */
function flat(...parts: string[]): string {
  return parts.join('');
}

function id(prefix: string, n: number): string {
  return flat(prefix, n.toString().padStart(12, '0'), 'AAA');
}

function isoDay(base: number, offset: number): string {
  const d = new Date(Date.UTC(2026, 0, 1) + (base + offset) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export interface BenchData {
  opportunities: Opportunity[];
  partnerDeals: Partner_Deal__c[];
}

export function generateOpportunities(
  count: number,
  seed = 42,
  partnerCount = 2_000,
  ownerCount = 400
): BenchData {
  const random = seededRandom(seed);
  const opportunities: Opportunity[] = new Array(count);
  const partnerDeals: Partner_Deal__c[] = [];
  for (let i = 0; i < count; i++) {
    const oppId = id('006', i);
    // Day 90 = 2026-04-01; 80 % within Q2 (days 90–180), the rest spread over the year.
    const closed = random() < 0.3;
    // Open deals mostly close from today on; 5 % are overdue (PAST_CLOSE_DATE).
    const closeDay =
      closed || random() < 0.05
        ? 90 + Math.floor(random() * 41)
        : random() < 0.8
          ? BENCH_OFFSET + Math.floor(random() * 51)
          : 181 + Math.floor(random() * 150);
    const createdDay = closeDay - 20 - Math.floor(random() * 200);
    const won = closed && random() < 0.45;
    const category = won ? 'Closed' : CATEGORIES[Math.floor(random() * CATEGORIES.length)];
    opportunities[i] = {
      Id: oppId,
      AccountId: id('001', 100_000 + Math.floor(random() * 50_000)),
      OwnerId: id('005', Math.floor(random() * ownerCount)),
      Amount: random() < 0.03 ? null : Math.round(random() * 20_000_000) / 100,
      CloseDate: isoDay(closeDay, 0),
      StageName: closed ? (won ? 'Closed Won' : 'Closed Lost') : 'Negotiation',
      Probability:
        category === 'Commit'
          ? 50 + Math.floor(random() * 51)
          : category === 'Pipeline'
            ? Math.floor(random() * 95)
            : Math.floor(random() * 101),
      ForecastCategoryName: category,
      IsClosed: closed,
      IsWon: won,
      NextStep: random() < 0.05 ? null : 'Call the partner',
      LastActivityDate: isoDay(BENCH_OFFSET, -Math.floor(random() * 25)),
      PushCount: random() < 0.9 ? 0 : 1 + Math.floor(random() * 3),
      LastStageChangeDate: flat(isoDay(BENCH_OFFSET, -Math.floor(random() * 50)), 'T10:00:00.000Z'),
      CreatedDate: flat(isoDay(createdDay, 0), 'T09:30:00.000Z'),
      LeadSource: random() < 0.5 ? 'Partner' : 'Web',
      Product_Line__c: PRODUCT_LINES[i % PRODUCT_LINES.length]
    };
    if (random() < 0.7) {
      const partner = Math.floor(random() * partnerCount);
      // Most partner deals are primary; a Sourced one would need a registration, so few are.
      partnerDeals.push({
        Id: id('a02', partnerDeals.length),
        Opportunity__c: oppId,
        Partner_Account__c: id('001', partner),
        Role__c: random() < 0.05 ? 'Sourced' : ROLES[1 + Math.floor(random() * (ROLES.length - 1))],
        Co_Sell__c: random() < 0.2,
        Is_Primary__c: random() < 0.97
      });
    }
  }
  return { opportunities, partnerDeals };
}

/** Snapshot A of the opportunities, and a later snapshot B with a week's worth of changes. */
export function generateSnapshots(
  data: BenchData,
  seed = 7
): { from: Opportunity_Snapshot__c[]; to: Opportunity_Snapshot__c[] } {
  const random = seededRandom(seed);
  const primary = new Map<string, string>();
  for (const deal of data.partnerDeals) {
    if (deal.Is_Primary__c) {
      primary.set(deal.Opportunity__c, deal.Partner_Account__c);
    }
  }
  const from: Opportunity_Snapshot__c[] = data.opportunities.map((opp) => ({
    Snapshot_Date__c: '2026-05-04',
    Opportunity_Key__c: opp.Id,
    Amount__c: opp.Amount ?? null,
    Forecast_Category__c: opp.ForecastCategoryName ?? null,
    Close_Date__c: opp.CloseDate,
    Is_Closed__c: opp.IsClosed,
    Is_Won__c: opp.IsWon,
    Primary_Partner__c: primary.get(opp.Id) ?? null,
    Owner__c: opp.OwnerId ?? null
  }));
  const to: Opportunity_Snapshot__c[] = [];
  for (const row of from) {
    const roll = random();
    if (roll < 0.01) {
      continue; // removed
    }
    const next = { ...row, Snapshot_Date__c: '2026-05-11' };
    if (!row.Is_Closed__c && roll < 0.05) {
      next.Is_Closed__c = true;
      next.Is_Won__c = random() < 0.5;
    } else if (roll < 0.1) {
      next.Close_Date__c = '2026-07-15';
    } else if (roll < 0.15) {
      next.Forecast_Category__c = CATEGORIES[Math.floor(random() * 3)];
    } else if (roll < 0.2) {
      next.Amount__c = Math.round(random() * 20_000_000) / 100;
    }
    to.push(next);
  }
  for (let i = 0; i < from.length / 100; i++) {
    to.push({ ...from[i], Opportunity_Key__c: id('006', 900_000_000 + i), Snapshot_Date__c: '2026-05-11' });
  }
  return { from, to };
}

/** Registrations over a pool of customers, so some keys repeat (duplicates to detect). */
export function generateRegistrations(count: number, seed = 11): Deal_Registration__c[] {
  const random = seededRandom(seed);
  const statuses = ['Submitted', 'Needs Review', 'Approved', 'Approved', 'Rejected', 'Expired', 'Withdrawn'];
  const registrations: Deal_Registration__c[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const customer = Math.floor(random() * count * 0.8);
    const byDomain = random() < 0.6;
    registrations[i] = {
      Id: id('a01', i),
      Partner_Account__c: id('001', Math.floor(random() * 2_000)),
      End_Customer_Account__c: id('001', 100_000 + (customer % 50_000)),
      End_Customer_Name__c: flat('Customer ', String(customer), ' Inc.'),
      End_Customer_Domain__c: byDomain ? flat('https://www.customer', String(customer), '.com/') : null,
      Product_Line__c: PRODUCT_LINES[customer % PRODUCT_LINES.length],
      Status__c: statuses[Math.floor(random() * statuses.length)],
      Submitted_On__c: flat(
        isoDay(Math.floor(random() * 130), 0),
        'T',
        String(Math.floor(random() * 24)).padStart(2, '0'),
        ':00:00.000Z'
      ),
      Expires_On__c: isoDay(100 + Math.floor(random() * 100), 0)
    };
  }
  return registrations;
}
