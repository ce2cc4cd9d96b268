import {
  fiscalPeriodOf,
  nextPeriod,
  parsePeriod,
  type FiscalPeriod
} from '../../force-app/main/default/lwc/psmsEngine/calendar';
import { addDays, daysBetween, fromDay, toDay } from '../../force-app/main/default/lwc/psmsEngine/dates';
import type { IsoDate } from '../../force-app/main/default/lwc/psmsEngine/records';
import type { DemoAccount, DemoOpportunity, DemoPartnerDeal } from './demoOrgTypes';
import { NEXT_STEPS } from './names';
import type { Random } from './random';
import { idSequence } from './recordIds';
import type { SalesTeam } from './generatePeople';

/** Opportunities over six fiscal quarters around today, with their partner deals (SPEC §2). */

export const PRODUCT_LINES = ['Platform', 'Analytics', 'Security', 'Integration', 'Services'] as const;

interface Stage {
  name: string;
  probability: number;
  category: string;
}
const OPEN_STAGES: readonly (readonly [Stage, number])[] = [
  [{ name: 'Prospecting', probability: 10, category: 'Pipeline' }, 14],
  [{ name: 'Qualification', probability: 10, category: 'Pipeline' }, 14],
  [{ name: 'Needs Analysis', probability: 20, category: 'Pipeline' }, 14],
  [{ name: 'Value Proposition', probability: 50, category: 'Best Case' }, 12],
  [{ name: 'Id. Decision Makers', probability: 60, category: 'Best Case' }, 10],
  [{ name: 'Perception Analysis', probability: 70, category: 'Best Case' }, 8],
  [{ name: 'Proposal/Price Quote', probability: 75, category: 'Commit' }, 12],
  [{ name: 'Negotiation/Review', probability: 90, category: 'Commit' }, 12]
];
const LEAD_SOURCES = ['Web', 'Outbound', 'Event', 'Customer Referral'] as const;
const PRIMARY_ROLES = [
  ['Sourced', 45],
  ['Resell', 25],
  ['Referral', 10],
  ['Co-Sell', 10],
  ['Influenced', 10]
] as const;
const TIER_WEIGHT: Readonly<Record<string, number>> = { Registered: 1, Silver: 3, Gold: 5, Platinum: 8 };

/** Opportunities per quarter, oldest first: three closed quarters, this one, two ahead. */
const PER_QUARTER = [0.15, 0.16, 0.17, 0.2, 0.17, 0.15];

/**
 * How carefully each rep keeps their pipeline (1 = every next step written, activity logged,
 * stages moved, close dates kept), by the rep's place in the team. Spread on purpose: the
 * hygiene board should show owners who can be trusted beside owners who need coaching.
 */
const PARTNER_REP_DISCIPLINE = [0.95, 0.3, 0.85, 0.15, 0.9, 0.5, 0.7, 0.25, 0.8, 0.6, 0.4, 0.75];
const DIRECT_REP_DISCIPLINE = [0.9, 0.35, 0.7, 0.2, 0.6];

/** Each owner's discipline (0–1), for the opportunity facts and their registrations. */
export function disciplineOf(team: SalesTeam): (ownerId: string | null | undefined) => number {
  const byOwner = new Map<string, number>();
  team.partnerReps.forEach((rep, i) =>
    byOwner.set(rep.Id, PARTNER_REP_DISCIPLINE[i % PARTNER_REP_DISCIPLINE.length])
  );
  team.directReps.forEach((rep, i) =>
    byOwner.set(rep.Id, DIRECT_REP_DISCIPLINE[i % DIRECT_REP_DISCIPLINE.length])
  );
  return (ownerId) => byOwner.get(ownerId ?? '') ?? 0.5;
}

export interface OpportunityBook {
  periods: FiscalPeriod[];
  opportunities: DemoOpportunity[];
  partnerDeals: DemoPartnerDeal[];
}

export function generateOpportunities(
  random: Random,
  today: IsoDate,
  count: number,
  team: SalesTeam,
  partners: readonly DemoAccount[],
  customers: readonly DemoAccount[]
): OpportunityBook {
  const current = fiscalPeriodOf(today);
  const periods = [parsePeriod(shiftPeriod(current, -3).label)];
  for (let i = 1; i < 6; i++) periods.push(nextPeriod(periods[i - 1]));
  const nextOpp = idSequence('Opportunity');
  const nextDeal = idSequence('Partner_Deal__c');
  const opportunities: DemoOpportunity[] = [];
  const partnerDeals: DemoPartnerDeal[] = [];
  const selling = partners.filter(
    (p) => p.Partner_Status__c === 'Active' || p.Partner_Status__c === 'Onboarding'
  );
  const sellingWeights = selling.map(
    (p) =>
      [
        p,
        TIER_WEIGHT[p.Partner_Tier__c ?? 'Registered'] * (p.Partner_Status__c === 'Active' ? 1 : 0.3)
      ] as const
  );
  const repsOfPartner = (partner: DemoAccount) =>
    team.partnerReps.find((rep) => rep.Id === partner.OwnerId) ?? team.partnerReps[0];
  const discipline = disciplineOf(team);

  let made = 0;
  periods.forEach((period, quarterIndex) => {
    const inQuarter =
      quarterIndex === periods.length - 1 ? count - made : Math.round(count * PER_QUARTER[quarterIndex]);
    for (let i = 0; i < inQuarter; i++) {
      const closeDate = fromDay(toDay(period.start) + random.int(0, daysBetween(period.start, period.end)));
      const customer = random.pick(customers);
      const productLine = random.pick(PRODUCT_LINES);
      const viaPartner = random.chance(0.6);
      const partner = viaPartner ? random.weighted(sellingWeights) : null;
      const owner = partner
        ? random.chance(0.8)
          ? repsOfPartner(partner)
          : random.pick(team.partnerReps)
        : random.pick(team.directReps);
      const opp = opportunityFacts(random, today, closeDate, quarterIndex === 3, discipline(owner.Id));
      const record: DemoOpportunity = {
        ...nextOpp(),
        Name: `${customer.Name} - ${productLine} ${closeDate.slice(0, 7)}`,
        AccountId: customer.Id,
        OwnerId: owner.Id,
        Product_Line__c: productLine,
        LeadSource: partner
          ? random.chance(0.85)
            ? 'Partner'
            : random.pick(LEAD_SOURCES)
          : random.pick(LEAD_SOURCES),
        ...opp
      };
      opportunities.push(record);
      made++;
      if (partner) partnerDeals.push(...dealsFor(random, record, partner, selling, nextDeal));
    }
  });
  return { periods, opportunities, partnerDeals };
}

/**
 * Stage, category, amount and the activity dates hygiene reads. `discipline` (0–1) is how well
 * the owner keeps the record: a careless owner leaves past deals open, skips next steps and
 * activity, lets stages sit and pushes close dates.
 */
function opportunityFacts(
  random: Random,
  today: IsoDate,
  closeDate: IsoDate,
  currentQuarter: boolean,
  discipline: number
): Omit<DemoOpportunity, 'Id' | 'External_Id__c'> {
  const past = closeDate < today;
  const careless = 1 - discipline;
  // Most past deals are closed; some stay open past their close date, the first hygiene finding.
  // A deal is won on its close date, never before: nothing closes in the future.
  const outcome = past
    ? random.weighted([
        ['won', 36],
        ['lost', 52],
        ['open', Math.round((currentQuarter ? 16 : 7) * careless) + 1]
      ] as const)
    : 'open';
  const cycle = random.int(25, 210);
  const createdDay = Math.min(toDay(closeDate) - cycle, toDay(today) - random.int(1, 25));
  const created = `${fromDay(createdDay)}T${String(random.int(8, 18)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`;
  const amount = random.amount(38000, 0.85);
  if (outcome !== 'open') {
    const won = outcome === 'won';
    return {
      Amount: amount,
      CloseDate: closeDate,
      StageName: won ? 'Closed Won' : 'Closed Lost',
      Probability: won ? 100 : 0,
      ForecastCategoryName: won ? 'Closed' : 'Omitted',
      IsClosed: true,
      IsWon: won,
      NextStep: null,
      LastActivityDate: closeDate < today ? closeDate : today,
      PushCount: random.weighted([
        [0, 80],
        [1, 15],
        [2, 5]
      ] as const),
      LastStageChangeDate: `${closeDate <= today ? closeDate : today}T12:00:00.000Z`,
      CreatedDate: created
    };
  }
  const stage = random.weighted(OPEN_STAGES);
  // A few categories disagree with the probability: CATEGORY_MISMATCH has something to find.
  const mismatch = random.chance(0.01 + 0.08 * careless);
  const category = mismatch ? (stage.category === 'Commit' ? 'Commit' : 'Pipeline') : stage.category;
  const probability = mismatch ? (category === 'Commit' ? 40 : 90) : stage.probability;
  // A careful owner moves the stage as the deal moves; a careless one lets it sit for months.
  const stageSince = Math.max(createdDay, toDay(today) - random.int(0, Math.round(10 + 90 * careless)));
  return {
    Amount: random.chance(0.003 + 0.025 * careless) ? null : amount,
    CloseDate: closeDate,
    StageName: stage.name,
    Probability: probability,
    ForecastCategoryName: random.chance(0.02) ? 'Omitted' : category,
    IsClosed: false,
    IsWon: false,
    NextStep: random.chance(0.65 + 0.35 * discipline) ? random.pick(NEXT_STEPS) : null,
    LastActivityDate: random.chance(0.75 + 0.25 * discipline)
      ? addDays(today, -random.int(0, Math.round(12 + 40 * careless)))
      : null,
    PushCount: random.weighted([
      [0, Math.round(50 + 40 * discipline)],
      [1, 16],
      [2, Math.round(2 + 14 * careless)],
      [3, Math.round(1 + 9 * careless)]
    ] as const),
    LastStageChangeDate: `${fromDay(stageSince)}T09:30:00.000Z`,
    CreatedDate: created
  };
}

function dealsFor(
  random: Random,
  opp: DemoOpportunity,
  partner: DemoAccount,
  selling: readonly DemoAccount[],
  nextDeal: () => { Id: string; External_Id__c: string }
): DemoPartnerDeal[] {
  // A few partner-involved deals lack a primary partner: NO_PRIMARY_PARTNER finds them.
  const hasPrimary = opp.IsClosed || !random.chance(0.02);
  const role = random.weighted(PRIMARY_ROLES);
  const deals: DemoPartnerDeal[] = [
    {
      ...nextDeal(),
      Opportunity__c: opp.Id,
      Partner_Account__c: partner.Id,
      Role__c: hasPrimary ? role : 'Influenced',
      Co_Sell__c: role === 'Co-Sell' || random.chance(0.12),
      Is_Primary__c: hasPrimary,
      Deal_Registration__c: null,
      Primary_Key__c: hasPrimary ? opp.Id : null
    }
  ];
  if (random.chance(0.2)) {
    const second = random.pick(selling);
    if (second.Id !== partner.Id) {
      deals.push({
        ...nextDeal(),
        Opportunity__c: opp.Id,
        Partner_Account__c: second.Id,
        Role__c: random.pick(['Influenced', 'Referral', 'Co-Sell'] as const),
        Co_Sell__c: random.chance(0.4),
        Is_Primary__c: false,
        Deal_Registration__c: null,
        Primary_Key__c: null
      });
    }
  }
  return deals;
}

function shiftPeriod(period: FiscalPeriod, quarters: number): FiscalPeriod {
  const index = period.fiscalYear * 4 + (period.quarter - 1) + quarters;
  return parsePeriod(`FY${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
}
