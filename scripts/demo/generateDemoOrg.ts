import { fiscalPeriodOf, parsePeriod } from '../../force-app/main/default/lwc/psmsEngine/calendar';
import type { IsoDate } from '../../force-app/main/default/lwc/psmsEngine/records';
import type { DemoAccount, DemoOpportunity, DemoOrg, DemoPartnerDeal } from './demoOrgTypes';
import { generateCustomers, generatePartners, generateSalesTeam } from './generatePeople';
import { disciplineOf, generateOpportunities } from './generateOpportunities';
import { generateCadence } from './generateCadence';
import { generateCalls, generatePlans, generateTargets } from './generatePlanning';
import { generateRegistrations } from './generateRegistrations';
import { generateSnapshots } from './generateSnapshots';
import { seededRandom } from './random';
import { idSequence } from './recordIds';

/**
 * The demo org: a realistic partner business generated from a seed and a date, pure (no I/O,
 * no clock), so the workbench's database, the CLI's `seed` into a real org and the tests all
 * get the same records for the same `(seed, today)`. Sizes follow the issue: about 80
 * partners, 4,000 opportunities over six quarters around today, 600 registrations.
 */

export interface DemoOrgSize {
  partners: number;
  customers: number;
  opportunities: number;
  registrations: number;
}

export const DEFAULT_DEMO_SIZE: DemoOrgSize = {
  partners: 80,
  customers: 420,
  opportunities: 4000,
  registrations: 600
};

export function generateDemoOrg(
  seed: number,
  today: IsoDate,
  size: DemoOrgSize = DEFAULT_DEMO_SIZE
): DemoOrg {
  const random = seededRandom(seed);
  const team = generateSalesTeam(random);
  const partners = generatePartners(random, team, today, size.partners);
  const customers = generateCustomers(random, partners.length + 1, size.customers);
  const book = generateOpportunities(random, today, size.opportunities, team, partners, customers);
  // Partner deal ids continue where the opportunities' deals stopped (disputes add co-sell deals).
  const nextDealId = continuing(book.partnerDeals.length);
  const registrationBook = generateRegistrations(
    random,
    today,
    size.registrations,
    team,
    partners,
    customers,
    book.opportunities,
    book.partnerDeals,
    nextDealId,
    disciplineOf(team)
  );
  const partnerDeals = [...book.partnerDeals, ...registrationBook.coSellDeals];
  stampFirstRevenue(partners, book.opportunities, partnerDeals, today);
  const targets = generateTargets(random, book.periods, team, partners, book.opportunities, partnerDeals);
  const lastQuarter = parsePeriod(book.periods[2].label);
  if (lastQuarter.end >= fiscalPeriodOf(today).start)
    throw new Error('internal: the third period must be last quarter');
  // Evaluated in the order the record literal used to, so the seed gives the same records as before.
  const plans = generatePlans(random, today, partners);
  const calls = generateCalls(random, today, book.periods, targets);
  const snapshots = generateSnapshots(today, lastQuarter, book.opportunities, partnerDeals);
  // The review cadence draws from its own stream: adding it changed none of the records above.
  const cadence = generateCadence(seededRandom(seed * 31 + 7), today, {
    team,
    partners,
    opportunities: book.opportunities,
    partnerDeals,
    calls,
    plans
  });
  return {
    seed,
    today,
    currentUserId: team.head.Id,
    records: {
      User: team.users,
      Account: [...partners, ...customers],
      Opportunity: book.opportunities,
      Partner_Deal__c: partnerDeals,
      Deal_Registration__c: registrationBook.registrations,
      Registration_Dispute__c: registrationBook.disputes,
      Partner_Account_Plan__c: plans,
      Partner_Target__c: targets,
      Forecast_Submission__c: calls,
      Opportunity_Snapshot__c: snapshots,
      Review_Action__c: cadence.reviewActions,
      Maturity_Assessment__c: cadence.assessments
    }
  };
}

function continuing(after: number): () => { Id: string; External_Id__c: string } {
  const next = idSequence('Partner_Deal__c');
  for (let i = 0; i < after; i++) next();
  return next;
}

/** First_Revenue_On__c: the close date of the first won opportunity where the partner is primary (SPEC §7). */
function stampFirstRevenue(
  partners: DemoAccount[],
  opportunities: readonly DemoOpportunity[],
  deals: readonly DemoPartnerDeal[],
  today: IsoDate
): void {
  const won = new Map(
    opportunities.filter((o) => o.IsWon && o.CloseDate <= today).map((o) => [o.Id, o.CloseDate])
  );
  const first = new Map<string, IsoDate>();
  for (const deal of deals) {
    const closed = deal.Is_Primary__c ? won.get(deal.Opportunity__c) : undefined;
    if (
      closed &&
      (!first.has(deal.Partner_Account__c) || closed < (first.get(deal.Partner_Account__c) ?? ''))
    ) {
      first.set(deal.Partner_Account__c, closed);
    }
  }
  for (const partner of partners) {
    const date = first.get(partner.Id);
    if (date && partner.Recruited_On__c && date >= partner.Recruited_On__c)
      partner.First_Revenue_On__c = date;
  }
}
