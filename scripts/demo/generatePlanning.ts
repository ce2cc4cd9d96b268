import { weekOfQuarter, type FiscalPeriod } from '../../force-app/main/default/lwc/psmsEngine/calendar';
import { addDays } from '../../force-app/main/default/lwc/psmsEngine/dates';
import type { IsoDate } from '../../force-app/main/default/lwc/psmsEngine/records';
import type {
  DemoAccount,
  DemoCall,
  DemoOpportunity,
  DemoPartnerDeal,
  DemoPlan,
  DemoTarget
} from './demoOrgTypes';
import type { SalesTeam } from './generatePeople';
import type { Random } from './random';
import { idSequence } from './recordIds';

/** Targets (quotas), forecast calls and partner account plans: what the reviews of SPEC §1 look at. */

const CALL_WEEKS = [1, 5, 9];

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

/** Each partner's won-or-open amount per period, from its primary deals. */
function bookedByPartner(
  periods: readonly FiscalPeriod[],
  opportunities: readonly DemoOpportunity[],
  deals: readonly DemoPartnerDeal[]
) {
  const primaryOf = new Map(
    deals.filter((d) => d.Is_Primary__c).map((d) => [d.Opportunity__c, d.Partner_Account__c])
  );
  const totals = new Map<string, number>();
  for (const opp of opportunities) {
    const partner = primaryOf.get(opp.Id);
    const period = periods.find((p) => opp.CloseDate >= p.start && opp.CloseDate <= p.end);
    if (!partner || !period || (opp.IsClosed && !opp.IsWon)) continue;
    const key = `${period.label}|${partner}`;
    totals.set(key, (totals.get(key) ?? 0) + (opp.Amount ?? 0));
  }
  return (period: string, partner: string) => totals.get(`${period}|${partner}`) ?? 0;
}

export function generateTargets(
  random: Random,
  periods: readonly FiscalPeriod[],
  team: SalesTeam,
  partners: readonly DemoAccount[],
  opportunities: readonly DemoOpportunity[],
  deals: readonly DemoPartnerDeal[]
): DemoTarget[] {
  const nextId = idSequence('Partner_Target__c');
  const booked = bookedByPartner(periods, opportunities, deals);
  const nameOf = new Map(team.users.map((user) => [user.Id, user.Name ?? user.Id]));
  const managerOf = new Map(team.partnerReps.map((rep) => [rep.Id, rep.ManagerId ?? null]));
  const targeted = partners.filter(
    (p) => p.Partner_Status__c === 'Active' && p.Partner_Tier__c !== 'Registered'
  );
  const targets: DemoTarget[] = [];
  for (const period of periods) {
    let channel = 0;
    const byManager = new Map<string, number>();
    for (const partner of targeted) {
      // Quotas a little above what the partner books, so attainment varies around 100 %.
      const quota = roundTo(booked(period.label, partner.Id) * (0.55 + random.next() * 0.6) + 20000, 5000);
      const manager = managerOf.get(partner.OwnerId ?? '') ?? null;
      targets.push({
        ...nextId(),
        Name: `${period.label} ${partner.Name ?? ''}`.trim(),
        Period__c: period.label,
        Partner_Account__c: partner.Id,
        Manager__c: manager,
        Revenue_Target__c: quota
      });
      channel += quota;
      if (manager) byManager.set(manager, (byManager.get(manager) ?? 0) + quota);
    }
    for (const [manager, quota] of byManager) {
      targets.push({
        ...nextId(),
        Name: `${period.label} team of ${nameOf.get(manager) ?? manager}`,
        Period__c: period.label,
        Partner_Account__c: null,
        Manager__c: manager,
        Revenue_Target__c: roundTo(quota * 1.1, 10000)
      });
    }
    targets.push({
      ...nextId(),
      Name: `${period.label} partner channel`,
      Period__c: period.label,
      Partner_Account__c: null,
      Manager__c: null,
      Revenue_Target__c: roundTo(channel * 1.15, 50000),
      Recruitment_Target__c: random.int(3, 6),
      Program_Cost__c: roundTo(150000 + random.next() * 120000, 5000)
    });
  }
  return targets;
}

/** Week-1, 5 and 9 calls of each partner's manager, for every period that has started. */
export function generateCalls(
  random: Random,
  today: IsoDate,
  periods: readonly FiscalPeriod[],
  targets: readonly DemoTarget[]
): DemoCall[] {
  const nextId = idSequence('Forecast_Submission__c');
  const calls: DemoCall[] = [];
  for (const period of periods) {
    if (period.start > today) continue;
    const currentWeek = period.end < today ? 13 : weekOfQuarter(today);
    for (const week of CALL_WEEKS.filter((w) => w <= currentWeek)) {
      const submittedOn = addDays(period.start, (week - 1) * 7 + random.int(0, 2));
      if (submittedOn > today) continue;
      for (const target of targets) {
        if (target.Period__c !== period.label || !target.Manager__c || !random.chance(0.9)) continue;
        const quota = target.Revenue_Target__c ?? 0;
        const commit = roundTo(quota * (0.6 + random.next() * 0.5), 1000);
        calls.push({
          ...nextId(),
          Period__c: period.label,
          Partner_Account__c: target.Partner_Account__c ?? null,
          Submitted_By__c: target.Manager__c,
          OwnerId: target.Manager__c,
          Submitted_On__c: `${submittedOn}T10:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`,
          Week__c: week,
          Commit_Call__c: commit,
          Best_Case_Call__c: roundTo(commit * (1.1 + random.next() * 0.3), 1000),
          Note__c: random.chance(0.3) ? 'Two late-stage deals depend on the customer budget cycle.' : null
        });
      }
    }
  }
  return calls;
}

/** Account plans for the key partners; some stale, some missing, so PLAN_OUTDATED has findings. */
export function generatePlans(random: Random, today: IsoDate, partners: readonly DemoAccount[]): DemoPlan[] {
  const nextId = idSequence('Partner_Account_Plan__c');
  const fiscalYear = `FY${today.slice(0, 4)}`;
  const plans: DemoPlan[] = [];
  for (const partner of partners) {
    const key = partner.Partner_Tier__c === 'Gold' || partner.Partner_Tier__c === 'Platinum';
    const selling = partner.Partner_Status__c === 'Active' || partner.Partner_Status__c === 'Onboarding';
    if (!selling || !(key ? random.chance(0.85) : random.chance(0.25))) continue;
    const reviewedAgo = random.chance(0.2) ? random.int(95, 200) : random.int(3, 80);
    const lastReviewed = addDays(today, -reviewedAgo);
    plans.push({
      ...nextId(),
      Name: `${partner.Name ?? ''} ${fiscalYear}`.trim(),
      Partner_Account__c: partner.Id,
      Fiscal_Year__c: fiscalYear,
      Status__c: random.chance(0.85) ? 'Active' : 'Draft',
      Revenue_Goal__c: roundTo(random.amount(600000, 0.5), 10000),
      Co_Sell_Goal__c: random.int(4, 20),
      Objectives__c:
        'Grow co-sell in the installed base; certify two more consultants; run one joint campaign per quarter.',
      Last_Reviewed_On__c: lastReviewed,
      Next_Review_On__c: addDays(lastReviewed, 90)
    });
    if (random.chance(0.4)) {
      plans.push({
        ...nextId(),
        Name: `${partner.Name ?? ''} FY${Number(today.slice(0, 4)) - 1}`.trim(),
        Partner_Account__c: partner.Id,
        Fiscal_Year__c: `FY${Number(today.slice(0, 4)) - 1}`,
        Status__c: 'Closed',
        Revenue_Goal__c: roundTo(random.amount(500000, 0.5), 10000),
        Co_Sell_Goal__c: random.int(3, 15),
        Objectives__c: 'Last year: establish the partnership and the first joint wins.',
        Last_Reviewed_On__c: addDays(today, -random.int(200, 330)),
        Next_Review_On__c: null
      });
    }
  }
  return plans;
}
