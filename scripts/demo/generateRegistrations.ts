import { addDays, daysBetween, fromDay, toDay } from '../../force-app/main/default/lwc/psmsEngine/dates';
import { runExpiryJob } from '../../force-app/main/default/lwc/psmsEngine/engagementRules';
import type { IsoDate, RegistrationStatus } from '../../force-app/main/default/lwc/psmsEngine/records';
import { registrationKey } from '../../force-app/main/default/lwc/psmsEngine/registrationKey';
import type {
  DemoAccount,
  DemoDispute,
  DemoOpportunity,
  DemoPartnerDeal,
  DemoRegistration
} from './demoOrgTypes';
import type { SalesTeam } from './generatePeople';
import { PRODUCT_LINES } from './generateOpportunities';
import type { Random } from './random';
import { idSequence } from './recordIds';

/**
 * Deal registrations in every state SPEC §6 names, consistent with the engagement rules: at
 * most one active registration per key (the generator tracks held keys as the database's
 * unique index would), duplicates rejected with a link to the holder, direct conflicts in
 * Needs Review with a link to the direct opportunity, approved ones expiring soon or already
 * past their date, and disputes, some open, some resolved.
 */

const PROTECTION_DAYS = 90;
const EXTENSION_DAYS = 30;
const OTHER_REASONS = [
  'Existing customer',
  'Insufficient information',
  'Outside territory',
  'Too early'
] as const;

/** How many registrations of each kind, out of the total (the remainder are Converted). */
const MIX = {
  approved: 0.12,
  expired: 0.06,
  submitted: 0.1,
  direct: 0.045,
  duplicate: 0.085,
  alreadyRegistered: 0.025,
  rejected: 0.04,
  withdrawn: 0.025
};

export interface RegistrationBook {
  registrations: DemoRegistration[];
  disputes: DemoDispute[];
  /** Co-sell partner deals created by disputes resolved as Co-Sell. */
  coSellDeals: DemoPartnerDeal[];
}

interface Context {
  random: Random;
  today: IsoDate;
  team: SalesTeam;
  customers: readonly DemoAccount[];
  partners: readonly DemoAccount[];
  heldKeys: Set<string>;
  registrations: DemoRegistration[];
  nextId: () => { Id: string; External_Id__c: string };
}

export function generateRegistrations(
  random: Random,
  today: IsoDate,
  total: number,
  team: SalesTeam,
  partners: readonly DemoAccount[],
  customers: readonly DemoAccount[],
  opportunities: readonly DemoOpportunity[],
  partnerDeals: DemoPartnerDeal[],
  nextDealId: () => { Id: string; External_Id__c: string },
  discipline: (ownerId: string | null | undefined) => number = () => 0.5
): RegistrationBook {
  const selling = partners.filter(
    (p) => p.Partner_Status__c === 'Active' || p.Partner_Status__c === 'Onboarding'
  );
  const context: Context = {
    random,
    today,
    team,
    customers,
    partners: selling,
    heldKeys: new Set(),
    registrations: [],
    nextId: idSequence('Deal_Registration__c')
  };
  const quota = (share: number) => Math.round(total * share);
  const customerById = new Map(customers.map((c) => [c.Id, c]));

  // Direct conflicts first: they need open direct opportunities whose keys are still free.
  const withPartner = new Set(partnerDeals.map((d) => d.Opportunity__c));
  const directOpen = opportunities.filter((o) => !o.IsClosed && !withPartner.has(o.Id));
  const directRegs: DemoRegistration[] = [];
  for (const opp of directOpen) {
    if (directRegs.length >= quota(MIX.direct)) break;
    const customer = customerById.get(opp.AccountId ?? '');
    const partner = random.pick(selling);
    const submitted = laterThan(opp.CreatedDate.slice(0, 10), today, random);
    const reg = tryRegister(
      context,
      partner,
      customer,
      opp.Product_Line__c ?? 'Platform',
      'Needs Review',
      submitted
    );
    if (reg) {
      reg.Conflict_Type__c = 'Direct';
      reg.Conflicting_Opportunity__c = opp.Id;
      directRegs.push(reg);
    }
  }

  // Converted: the sourcing partners' registrations behind their primary deals.
  const convertedQuota = total - Object.values(MIX).reduce((sum, share) => sum + quota(share), 0);
  const oppById = new Map(opportunities.map((o) => [o.Id, o]));
  let converted = 0;
  // Careful owners get their sourcing partners to register, and to register when the deal is
  // real, so the protection still covers the close date: their deals are served first.
  const sourced = partnerDeals
    .filter((deal) => deal.Is_Primary__c && deal.Role__c === 'Sourced')
    .map((deal, order) => ({
      deal,
      order,
      care: discipline(oppById.get(deal.Opportunity__c)?.OwnerId)
    }))
    .sort((a, b) => b.care - a.care || a.order - b.order);
  for (const { deal, care } of sourced) {
    if (converted >= convertedQuota) break;
    const opp = oppById.get(deal.Opportunity__c);
    if (!opp || daysBetween(opp.CreatedDate.slice(0, 10), today) > 400) continue;
    const partner =
      selling.find((p) => p.Id === deal.Partner_Account__c) ??
      partners.find((p) => p.Id === deal.Partner_Account__c);
    const created = opp.CreatedDate.slice(0, 10);
    // Late enough that protection plus one extension reaches the close date, and decided by today.
    const whenReal = addDays(opp.CloseDate, -random.int(100, 115));
    const latest = addDays(today, -4);
    const submitted = care >= 0.5 && whenReal > created ? (whenReal < latest ? whenReal : latest) : created;
    // A converted registration holds its key only while the opportunity is open.
    const reg = tryRegister(
      context,
      partner,
      customerById.get(opp.AccountId ?? ''),
      opp.Product_Line__c ?? 'Platform',
      'Converted',
      submitted,
      opp.IsClosed
    );
    if (!reg) continue;
    const approved = addDays(submitted, random.int(1, 4));
    // A careful owner has the protection extended when the close date needs it.
    const extended = care >= 0.5 ? addDays(approved, PROTECTION_DAYS) < opp.CloseDate : random.chance(0.2);
    Object.assign(reg, {
      Opportunity__c: opp.Id,
      Approved_On__c: approved,
      Decided_On__c: `${approved}T15:00:00.000Z`,
      Expires_On__c: addDays(approved, PROTECTION_DAYS + (extended ? EXTENSION_DAYS : 0)),
      Extension_Count__c: extended ? 1 : 0,
      Estimated_Amount__c: opp.Amount ?? null,
      Expected_Close_Date__c: opp.CloseDate
    });
    deal.Deal_Registration__c = reg.Id;
    converted++;
  }

  for (let i = 0; i < quota(MIX.approved); i++) {
    // Spread approvals so that some expire within 14 days and some are already past their date.
    const approvedAgo =
      i % 6 === 0 ? random.int(91, 110) : i % 4 === 0 ? random.int(77, 90) : random.int(2, 70);
    const reg = tryRegister(
      context,
      random.pick(selling),
      random.pick(customers),
      random.pick(PRODUCT_LINES),
      'Approved',
      addDays(today, -approvedAgo - 2)
    );
    if (reg) approve(reg, addDays(today, -approvedAgo));
  }
  for (let i = 0; i < quota(MIX.expired); i++) {
    const approvedAgo = random.int(100, 300);
    const reg = tryRegister(
      context,
      random.pick(selling),
      random.pick(customers),
      random.pick(PRODUCT_LINES),
      'Expired',
      addDays(today, -approvedAgo - 3),
      true
    );
    if (reg) approve(reg, addDays(today, -approvedAgo));
  }
  for (let i = 0; i < quota(MIX.submitted); i++) {
    // About a third are past the 48-hour approval SLA.
    const daysAgo = i % 3 === 0 ? random.int(3, 12) : random.int(0, 1);
    tryRegister(
      context,
      random.pick(selling),
      random.pick(customers),
      random.pick(PRODUCT_LINES),
      'Submitted',
      addDays(today, -daysAgo)
    );
  }
  const holders = context.registrations.filter((r) => r.Registration_Key__c);
  rejectAgainstHolders(context, holders, quota(MIX.duplicate), 'Duplicate');
  rejectAgainstHolders(context, holders, quota(MIX.alreadyRegistered), 'Already registered');
  for (let i = 0; i < quota(MIX.rejected); i++) {
    const reg = tryRegister(
      context,
      random.pick(selling),
      random.pick(customers),
      random.pick(PRODUCT_LINES),
      'Rejected',
      addDays(today, -random.int(5, 200)),
      true
    );
    if (reg) decide(reg, random.pick(OTHER_REASONS));
  }
  for (let i = 0; i < quota(MIX.withdrawn); i++) {
    tryRegister(
      context,
      random.pick(selling),
      random.pick(customers),
      random.pick(PRODUCT_LINES),
      'Withdrawn',
      addDays(today, -random.int(5, 200)),
      true
    );
  }

  const { disputes, coSellDeals } = generateDisputes(context, directRegs, nextDealId);
  // As the daily expiry job leaves them (SPEC §6): approved registrations past their date, and
  // converted ones whose opportunity was lost, are Expired and free their key.
  const expired = runExpiryJob({ registrations: context.registrations, opportunities, partnerDeals }, today);
  const byId = new Map(context.registrations.map((registration) => [registration.Id, registration]));
  for (const registration of expired) {
    Object.assign(byId.get(registration.Id ?? '') ?? {}, {
      Status__c: registration.Status__c,
      Registration_Key__c: registration.Registration_Key__c
    });
  }
  return { registrations: context.registrations, disputes, coSellDeals };
}

/** Creates a registration unless its key is already held by an active one (the unique index). */
function tryRegister(
  context: Context,
  partner: DemoAccount | undefined,
  customer: DemoAccount | undefined,
  productLine: string,
  status: RegistrationStatus,
  submittedOn: IsoDate,
  inactive = false
): DemoRegistration | null {
  if (!partner || !customer) return null;
  const { random } = context;
  // Partners type the customer in different ways: sometimes a web address, sometimes only the name.
  const byDomain = random.chance(0.7);
  const fields = {
    End_Customer_Name__c: customer.Name ?? null,
    End_Customer_Domain__c: byDomain ? domainAsTyped(random, customer.Website ?? '') : null,
    Product_Line__c: productLine
  };
  const key = registrationKey(fields);
  const active = !inactive && status !== 'Rejected' && status !== 'Withdrawn' && status !== 'Expired';
  if (key === null || (active && context.heldKeys.has(key))) return null;
  if (active) context.heldKeys.add(key);
  const registration: DemoRegistration = {
    ...context.nextId(),
    Name: null,
    Partner_Account__c: partner.Id,
    End_Customer_Account__c: customer.Id,
    ...fields,
    Estimated_Amount__c: random.amount(40000, 0.8),
    Expected_Close_Date__c: addDays(submittedOn, random.int(45, 160)),
    Status__c: status,
    OwnerId: partner.OwnerId ?? null,
    Submitted_On__c: `${submittedOn}T${String(random.int(7, 20)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`,
    Decided_On__c: null,
    Approved_On__c: null,
    Expires_On__c: null,
    Extension_Count__c: 0,
    Rejection_Reason__c: null,
    Conflict_Type__c: null,
    Conflicting_Registration__c: null,
    Conflicting_Opportunity__c: null,
    Opportunity__c: null,
    Normalized_Key__c: key,
    Registration_Key__c: active ? key : null
  };
  // Created when it was submitted (a local database keeps it; an org stamps its own).
  registration.CreatedDate = registration.Submitted_On__c;
  context.registrations.push(registration);
  return registration;
}

function approve(reg: DemoRegistration, approvedOn: IsoDate): void {
  reg.Approved_On__c = approvedOn;
  reg.Decided_On__c = `${approvedOn}T14:00:00.000Z`;
  reg.Expires_On__c = addDays(approvedOn, PROTECTION_DAYS);
}

function decide(reg: DemoRegistration, reason: string): void {
  reg.Rejection_Reason__c = reason;
  reg.Decided_On__c = reg.Submitted_On__c;
}

/** Later submissions for a held key: rejected, linked to the holder (first to register wins). */
function rejectAgainstHolders(
  context: Context,
  holders: DemoRegistration[],
  count: number,
  type: 'Duplicate' | 'Already registered'
): void {
  const { random } = context;
  for (let i = 0; i < count && holders.length > 0; i++) {
    const holder = holders[(i * 7 + (type === 'Duplicate' ? 0 : 3)) % holders.length];
    const partner =
      type === 'Already registered'
        ? context.partners.find((p) => p.Id === holder.Partner_Account__c)
        : (context.partners.find((p) => p.Id !== holder.Partner_Account__c && random.chance(0.1)) ??
          context.partners.find((p) => p.Id !== holder.Partner_Account__c));
    if (!partner) continue;
    const submittedOn = laterThan(
      (holder.Submitted_On__c ?? context.today).slice(0, 10),
      context.today,
      random
    );
    const reg: DemoRegistration = {
      ...holder,
      ...context.nextId(),
      Partner_Account__c: partner.Id,
      OwnerId: partner.OwnerId ?? null,
      // The same customer typed differently: the key normalises both to the same value.
      End_Customer_Name__c: (holder.End_Customer_Name__c ?? '').toUpperCase(),
      End_Customer_Domain__c: holder.End_Customer_Domain__c
        ? `https://${holder.End_Customer_Domain__c.replace(/^https?:\/\//, '')}/`
        : null,
      Status__c: 'Rejected',
      Submitted_On__c: `${submittedOn}T16:45:00.000Z`,
      CreatedDate: `${submittedOn}T16:45:00.000Z`,
      Decided_On__c: `${submittedOn}T16:45:00.000Z`,
      Approved_On__c: null,
      Expires_On__c: null,
      Extension_Count__c: 0,
      Opportunity__c: null,
      Rejection_Reason__c: type,
      Conflict_Type__c: type,
      Conflicting_Registration__c: holder.Id,
      Conflicting_Opportunity__c: null,
      Registration_Key__c: null
    };
    context.registrations.push(reg);
  }
}

function generateDisputes(
  context: Context,
  directRegs: DemoRegistration[],
  nextDealId: () => { Id: string; External_Id__c: string }
): { disputes: DemoDispute[]; coSellDeals: DemoPartnerDeal[] } {
  const { random, team, today } = context;
  const nextId = idSequence('Registration_Dispute__c');
  const disputes: DemoDispute[] = [];
  const coSellDeals: DemoPartnerDeal[] = [];
  directRegs.forEach((reg, index) => {
    // Two of three direct conflicts are disputed; a third of those are already resolved.
    if (index % 3 === 2) return;
    const partnerRep =
      context.partners.find((p) => p.Id === reg.Partner_Account__c)?.OwnerId ?? team.partnerReps[0].Id;
    const raisedOn = laterThan((reg.Submitted_On__c ?? today).slice(0, 10), today, random);
    const dispute: DemoDispute = {
      ...nextId(),
      Deal_Registration__c: reg.Id,
      CreatedDate: `${raisedOn}T10:30:00.000Z`,
      Raised_By__c: partnerRep,
      Reason__c: random.pick([
        'We introduced the customer to this project months before the direct opportunity was opened.',
        'The direct opportunity is for a different business unit.',
        'Customer asked explicitly to buy through us.'
      ]),
      Status__c: 'Open',
      Resolution__c: null,
      Resolution_Note__c: null,
      Resolved_By__c: null,
      Resolved_On__c: null
    };
    disputes.push(dispute);
    if (index % 3 !== 1) return;
    const resolution = random.pick(['Partner', 'Direct', 'Co-Sell'] as const);
    const manager = team.partnerManagers[index % team.partnerManagers.length];
    Object.assign(dispute, {
      Status__c: 'Resolved',
      Resolution__c: resolution,
      Resolution_Note__c: `Resolved as ${resolution} after the weekly partner call.`,
      Resolved_By__c: manager.Id,
      Resolved_On__c: `${raisedOn}T17:00:00.000Z`
    });
    if (resolution === 'Direct') {
      Object.assign(reg, {
        Status__c: 'Rejected',
        Rejection_Reason__c: 'Direct sales engaged',
        Decided_On__c: dispute.Resolved_On__c,
        Registration_Key__c: null
      });
      context.heldKeys.delete(reg.Normalized_Key__c ?? '');
    } else {
      reg.Status__c = 'Approved';
      approve(reg, raisedOn);
      if (resolution === 'Co-Sell' && reg.Conflicting_Opportunity__c) {
        coSellDeals.push({
          ...nextDealId(),
          Opportunity__c: reg.Conflicting_Opportunity__c,
          Partner_Account__c: reg.Partner_Account__c,
          Role__c: 'Co-Sell',
          Co_Sell__c: true,
          Is_Primary__c: false,
          Deal_Registration__c: reg.Id,
          Primary_Key__c: null
        });
      }
    }
  });
  return { disputes, coSellDeals };
}

/** A day after `from` and no later than `today`. */
function laterThan(from: IsoDate, today: IsoDate, random: Random): IsoDate {
  const span = Math.max(0, daysBetween(from, today));
  return fromDay(toDay(from) + Math.min(span, random.int(1, 20)));
}

function domainAsTyped(random: Random, website: string): string {
  const host = website.replace(/^www\./, '');
  return random.pick([host, `www.${host}`, `https://www.${host}`, `${host}/`]);
}
