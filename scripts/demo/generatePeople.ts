import type { IsoDate } from '../../force-app/main/default/lwc/psmsEngine/records';
import { addDays } from '../../force-app/main/default/lwc/psmsEngine/dates';
import type { DemoAccount, DemoUser } from './demoOrgTypes';
import {
  CUSTOMER_INDUSTRIES,
  CUSTOMER_PREFIXES,
  FIRST_NAMES,
  LAST_NAMES,
  LEGAL_SUFFIXES,
  PARTNER_PREFIXES,
  PARTNER_SUFFIXES
} from './names';
import type { Random } from './random';
import { externalId, idSequence, recordId } from './recordIds';

/** The people and companies of the demo org: a partner sales team, a direct team, partners, customers. */

export interface SalesTeam {
  users: DemoUser[];
  head: DemoUser;
  partnerManagers: DemoUser[];
  partnerReps: DemoUser[];
  directReps: DemoUser[];
}

export function generateSalesTeam(random: Random): SalesTeam {
  const nextId = idSequence('User');
  const used = new Set<string>();
  const person = (title: string, managerId: string | null): DemoUser => {
    let name = '';
    do name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    while (used.has(name));
    used.add(name);
    return { ...nextId(), Name: name, Title: title, ManagerId: managerId };
  };
  const head = person('VP Partner Sales', null);
  const partnerManagers = [1, 2, 3, 4].map(() => person('Partner Sales Manager', head.Id));
  const partnerReps = partnerManagers.flatMap((manager) =>
    [1, 2, 3].map(() => person('Partner Account Manager', manager.Id))
  );
  const directDirector = person('Director, Direct Sales', null);
  const directReps = [1, 2, 3, 4, 5].map(() => person('Account Executive', directDirector.Id));
  return {
    users: [head, ...partnerManagers, ...partnerReps, directDirector, ...directReps],
    head,
    partnerManagers,
    partnerReps,
    directReps
  };
}

const STATUS_MIX = [
  ['Prospect', 7],
  ['Recruited', 7],
  ['Onboarding', 10],
  ['Active', 48],
  ['Inactive', 8]
] as const;
const TIER_MIX = [
  ['Registered', 30],
  ['Silver', 28],
  ['Gold', 26],
  ['Platinum', 16]
] as const;
/** Partner_Region__c; a few partners have none yet (the forecast's "No region"). */
const REGION_MIX = [
  ['AMER', 38],
  ['EMEA', 30],
  ['APAC', 18],
  ['LATAM', 9],
  ['', 5]
] as const;

export function generatePartners(
  random: Random,
  team: SalesTeam,
  today: IsoDate,
  count: number
): DemoAccount[] {
  const nextId = idSequence('Account');
  const names = distinctNames(
    count,
    () => `${random.pick(PARTNER_PREFIXES)} ${random.pick(PARTNER_SUFFIXES)}`
  );
  return names.map((name, index) => {
    // Every status appears even in small runs: the first partners walk the lifecycle in order.
    const status = index < STATUS_MIX.length ? STATUS_MIX[index][0] : random.weighted(STATUS_MIX);
    const tier = status === 'Prospect' ? 'Registered' : random.weighted(TIER_MIX);
    const region = random.weighted(REGION_MIX);
    const recruitedAgo =
      status === 'Recruited'
        ? random.int(5, 60)
        : status === 'Onboarding'
          ? random.int(30, 150)
          : random.int(120, 1100);
    const recruited = status === 'Prospect' ? null : addDays(today, -recruitedAgo);
    const activated =
      recruited && (status === 'Active' || status === 'Inactive')
        ? addDays(recruited, random.int(20, 90))
        : null;
    return {
      ...nextId(),
      Name: name,
      Type: 'Partner',
      Website: `www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
      OwnerId: team.partnerReps[index % team.partnerReps.length].Id,
      Partner_Status__c: status,
      Partner_Tier__c: tier,
      Partner_Region__c: region === '' ? null : region,
      Recruited_On__c: recruited,
      Activated_On__c: activated,
      First_Revenue_On__c: null
    };
  });
}

/** End customers; ids continue after the partners' so every Account id is unique. */
export function generateCustomers(random: Random, firstIndex: number, count: number): DemoAccount[] {
  const names = distinctNames(
    count,
    () => `${random.pick(CUSTOMER_PREFIXES)} ${random.pick(CUSTOMER_INDUSTRIES)}`
  );
  return names.map((base, offset) => {
    const index = firstIndex + offset;
    const suffix = random.pick(LEGAL_SUFFIXES);
    return {
      Id: recordId('Account', index),
      External_Id__c: externalId('Account', index),
      Name: suffix ? `${base} ${suffix}` : base,
      Type: 'Customer',
      Website: `www.${base.toLowerCase().replace(/[^a-z]+/g, '')}.example`
    };
  });
}

function distinctNames(count: number, make: () => string): string[] {
  const names = new Set<string>();
  let attempts = 0;
  while (names.size < count) {
    const name = make();
    // When the word lists run out of pairs, a number keeps names distinct.
    names.add(names.has(name) && attempts > count * 20 ? `${name} ${names.size}` : name);
    attempts++;
  }
  return [...names];
}
