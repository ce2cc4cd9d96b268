import type { AdapterContext } from './adapterContext';
import { select, selectIn } from './recordStore';

/**
 * The relationship fields the org's SOQL adds (`Account.Name`, `Owner.Name`,
 * `Partner_Account__r.Name`, ...), so components get the same shapes from either adapter.
 */

function names(
  ctx: AdapterContext,
  object: 'Account' | 'User' | 'Opportunity' | 'Deal_Registration__c',
  ids: Iterable<string | null | undefined>
): Map<string, string> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  return new Map(
    selectIn<{ Id: string; Name?: string }>(ctx.demo, object, 'Id', wanted).map((r) => [r.Id, r.Name ?? ''])
  );
}

/** A lookup's relationship as a query returns it: its Name, or null when the lookup is blank. */
const nameOf = (found: Map<string, string>, id: string | null | undefined) =>
  id ? { Name: found.get(id) ?? null } : null;

export function withOpportunityNames(
  ctx: AdapterContext,
  opportunities: Psms.Opportunity[]
): Psms.Opportunity[] {
  const accounts = names(
    ctx,
    'Account',
    opportunities.map((o) => o.AccountId)
  );
  const users = names(
    ctx,
    'User',
    opportunities.map((o) => o.OwnerId)
  );
  return opportunities.map((o) => ({
    ...o,
    Account: nameOf(accounts, o.AccountId),
    Owner: nameOf(users, o.OwnerId)
  }));
}

export function withPartnerNames(ctx: AdapterContext, deals: Psms.PartnerDeal[]): Psms.PartnerDeal[] {
  const accounts = names(
    ctx,
    'Account',
    deals.map((d) => d.Partner_Account__c)
  );
  return deals.map((d) => ({
    ...d,
    Partner_Account__r: { Name: accounts.get(d.Partner_Account__c) ?? null }
  }));
}

export function withRegistrationNames(
  ctx: AdapterContext,
  registrations: Psms.Registration[]
): Psms.Registration[] {
  const accounts = names(
    ctx,
    'Account',
    registrations.flatMap((r) => [r.Partner_Account__c, r.End_Customer_Account__c])
  );
  const holders = names(
    ctx,
    'Deal_Registration__c',
    registrations.map((r) => r.Conflicting_Registration__c)
  );
  const opportunities = names(
    ctx,
    'Opportunity',
    registrations.map((r) => r.Conflicting_Opportunity__c)
  );
  return registrations.map((r) => ({
    ...r,
    Partner_Account__r: { Name: accounts.get(r.Partner_Account__c) ?? null },
    End_Customer_Account__r: nameOf(accounts, r.End_Customer_Account__c),
    Conflicting_Registration__r: nameOf(holders, r.Conflicting_Registration__c),
    Conflicting_Opportunity__r: nameOf(opportunities, r.Conflicting_Opportunity__c)
  }));
}

/** A partner account is one with Partner_Status__c set (SPEC §0). */
export function partnerAccounts(ctx: AdapterContext): Psms.Account[] {
  return select<Psms.Account>(ctx.demo, 'Account', 'Partner_Status__c IS NOT NULL', [], 'Name');
}

export function allUsers(ctx: AdapterContext): Psms.User[] {
  return select<Psms.User>(ctx.demo, 'User', '1 = 1', [], 'Name');
}

/**
 * Owners whose opportunities a scope covers, or null for every one: `mine` is the signed-in
 * user, `team` the user and everyone who reports to them, directly or not (the role
 * hierarchy's view in the org).
 */
export function ownersInScope(ctx: AdapterContext, scope: Psms.Scope): Set<string> | null {
  const me = ctx.demo.currentUserId;
  if (scope === 'all') return null;
  if (scope === 'mine') return new Set([me]);
  const users = allUsers(ctx);
  const team = new Set([me]);
  for (let grew = true; grew;) {
    grew = false;
    for (const user of users) {
      if (user.ManagerId && team.has(user.ManagerId) && !team.has(user.Id)) {
        team.add(user.Id);
        grew = true;
      }
    }
  }
  return team;
}

export function ownerFilter(owners: Set<string> | null): { where: string; params: string[] } {
  if (owners === null) return { where: '1 = 1', params: [] };
  const ids = [...owners];
  return { where: `OwnerId IN (${ids.map(() => '?').join(', ')})`, params: ids };
}
