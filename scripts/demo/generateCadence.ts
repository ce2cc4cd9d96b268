import {
  fiscalPeriodOf,
  parsePeriod,
  previousPeriod,
  weekDates,
  type FiscalPeriod
} from '../../force-app/main/default/lwc/psmsEngine/calendar';
import { addDays } from '../../force-app/main/default/lwc/psmsEngine/dates';
import type { IsoDate } from '../../force-app/main/default/lwc/psmsEngine/records';
import { ASSESSMENT_FIELDS } from '../../force-app/main/default/lwc/psmsEngine/maturityTrend';
import type {
  DemoAccount,
  DemoAssessment,
  DemoCall,
  DemoOpportunity,
  DemoPartnerDeal,
  DemoPlan,
  DemoReviewAction
} from './demoOrgTypes';
import type { SalesTeam } from './generatePeople';
import type { Random } from './random';
import { idSequence } from './recordIds';

/**
 * A quarter of the review cadence (SPEC §10–12) on top of the demo business, so every agenda
 * list and trend has something to show: deals validated in the week-1 1:1s (about half, so some
 * are left to validate), deals that need help, leadership's accepted calls (some managers' latest
 * call still waiting), satisfaction on the plans, the 1:1s' review actions of last quarter and
 * this one (done, done late, open, overdue) and three saved maturity assessments improving over
 * the three closed quarters. Records the other generators made are completed in place.
 */

const ASKS = [
  'Need an executive sponsor on the customer side before the pricing call.',
  'Legal review of the partner terms is blocking signature.',
  'Looking for a reference customer in the same industry.',
  'Pricing approval for a multi-year discount.',
  'Technical deep dive with a solution engineer next week.',
  'Partner needs a joint business plan signed off by their VP.'
];

const ACTION_SUBJECTS = [
  'Confirm the decision maker and the signing process',
  'Update the close date and next step after the customer call',
  'Register the deal with the partner before the demo',
  'Agree a joint account plan review date with the partner',
  'Bring a co-sell partner into the proof of concept',
  'Send the partner the enablement plan for the new product line',
  'Qualify the best-case deals with the partner before the roll-up',
  'Review the stalled deals with the partner manager'
];

/** Week-1, 3, 5, 7, 9 and 11 1:1s: where review actions are agreed. */
const ONE_ON_ONE_WEEKS: readonly [number, string][] = [
  [1, 'Partner Forecast & Acquisition 1:1'],
  [3, 'Partner Pipeline & Account Planning 1:1'],
  [5, 'Partner Forecast & Acquisition 1:1'],
  [7, 'Partner Pipeline & Account Planning 1:1'],
  [9, 'Partner Forecast & Acquisition 1:1'],
  [11, 'Partner Pipeline & Account Planning 1:1']
];

export interface CadenceBook {
  reviewActions: DemoReviewAction[];
  assessments: DemoAssessment[];
}

export interface CadenceContext {
  team: SalesTeam;
  partners: readonly DemoAccount[];
  opportunities: DemoOpportunity[];
  partnerDeals: readonly DemoPartnerDeal[];
  calls: DemoCall[];
  plans: DemoPlan[];
}

function earliest(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Validations in the quarter's week-1 1:1 (later ones through the quarter), and the asks for help. */
function validateAndAsk(
  random: Random,
  today: IsoDate,
  quarter: FiscalPeriod,
  context: CadenceContext
): void {
  const managerOf = new Map(context.team.users.map((user) => [user.Id, user.ManagerId ?? null]));
  const primary = new Set(context.partnerDeals.filter((d) => d.Is_Primary__c).map((d) => d.Opportunity__c));
  const open = context.opportunities.filter(
    (opp) => !opp.IsClosed && opp.CloseDate >= quarter.start && opp.CloseDate <= quarter.end
  );
  for (const opp of open) {
    const inForecast = opp.ForecastCategoryName === 'Commit' || opp.ForecastCategoryName === 'Best Case';
    if (inForecast && primary.has(opp.Id) && random.chance(0.5)) {
      const week1 = weekDates(quarter, 1);
      const day = random.chance(0.7)
        ? addDays(week1.start, random.int(0, 6))
        : addDays(quarter.start, random.int(7, 60));
      opp.Validated_On__c = earliest(day, today);
      opp.Validated_By__c = managerOf.get(opp.OwnerId ?? '') ?? context.team.head.Id;
    }
  }
  // A few asks for help on this quarter's open deals, the biggest first so the team call reads true.
  const candidates = open
    .filter((opp) => opp.ForecastCategoryName !== 'Omitted')
    .sort((a, b) => (b.Amount ?? 0) - (a.Amount ?? 0))
    .slice(0, 40);
  for (let i = 0; i < Math.min(6, candidates.length); i++) {
    const opp = candidates[random.int(0, candidates.length - 1)];
    opp.Help_Needed__c = ASKS[i % ASKS.length];
  }
}

/**
 * Leadership accepts the managers' whole-team calls a day or two after they are submitted: every
 * week-1 call of a closed quarter, and this quarter's for about half the managers, so the roll-up
 * shows accepted calls and calls still to accept.
 */
function acceptCalls(random: Random, today: IsoDate, quarter: FiscalPeriod, context: CadenceContext): void {
  const acceptThisQuarter = new Set(
    context.team.partnerManagers.filter((_manager, i) => i % 2 === 0).map((manager) => manager.Id)
  );
  for (const call of context.calls) {
    if (call.Partner_Account__c || call.Week__c !== 1 || !call.Submitted_On__c || !call.Submitted_By__c) {
      continue;
    }
    const current = call.Period__c === quarter.label;
    if (current && !acceptThisQuarter.has(call.Submitted_By__c)) {
      continue;
    }
    const acceptedOn = addDays(call.Submitted_On__c.slice(0, 10), random.int(1, 2));
    if (acceptedOn > today) {
      continue;
    }
    call.Accepted_On__c = `${acceptedOn}T16:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`;
    call.Accepted_By__c = context.team.head.Id;
  }
}

function scoreSatisfaction(random: Random, plans: DemoPlan[]): void {
  for (const plan of plans) {
    if (plan.Status__c !== 'Draft' && random.chance(0.85)) {
      plan.Satisfaction_Score__c = random.weighted([
        [4, 1],
        [5, 2],
        [6, 3],
        [7, 4],
        [8, 4],
        [9, 2],
        [10, 1]
      ]);
    }
  }
}

function reviewActions(random: Random, today: IsoDate, quarter: FiscalPeriod, context: CadenceContext) {
  const nextId = idSequence('Review_Action__c');
  const actions: DemoReviewAction[] = [];
  const dealsOf = new Map<string, DemoOpportunity[]>();
  for (const opp of context.opportunities) {
    if (!opp.IsClosed && opp.OwnerId) {
      dealsOf.set(opp.OwnerId, [...(dealsOf.get(opp.OwnerId) ?? []), opp]);
    }
  }
  const partnersOf = new Map<string, DemoAccount[]>();
  for (const partner of context.partners) {
    if (partner.OwnerId) {
      partnersOf.set(partner.OwnerId, [...(partnersOf.get(partner.OwnerId) ?? []), partner]);
    }
  }
  for (const period of [previousPeriod(quarter), quarter]) {
    for (const [week, meeting] of ONE_ON_ONE_WEEKS) {
      const held = addDays(weekDates(period, week).start, random.int(0, 3));
      if (held > today) {
        continue;
      }
      for (const rep of context.team.partnerReps) {
        if (!random.chance(0.75)) {
          continue;
        }
        const due = addDays(held, random.int(5, 20));
        const overdueOrDone = due < today;
        const done = overdueOrDone ? random.chance(0.75) : random.chance(0.15);
        const late = done && overdueOrDone && random.chance(0.25);
        const doneOn = done
          ? earliest(late ? addDays(due, random.int(1, 6)) : addDays(due, -random.int(0, 4)), today)
          : null;
        const deals = dealsOf.get(rep.Id) ?? [];
        const partners = partnersOf.get(rep.Id) ?? [];
        const about = random.next();
        actions.push({
          ...nextId(),
          Subject__c: random.pick(ACTION_SUBJECTS),
          Owner__c: rep.Id,
          OwnerId: rep.Id,
          Assigned_By__c: rep.ManagerId ?? context.team.head.Id,
          Meeting__c: meeting,
          Period__c: period.label,
          Due_On__c: due,
          Status__c: done ? 'Done' : 'Open',
          Done_On__c: doneOn !== null && doneOn >= held ? doneOn : done ? held : null,
          Opportunity__c: about < 0.5 && deals.length > 0 ? random.pick(deals).Id : null,
          Partner_Account__c:
            about >= 0.5 && about < 0.8 && partners.length > 0 ? random.pick(partners).Id : null
        });
      }
    }
  }
  return actions;
}

/** Three saved self-assessments, one in week 2 of each of the last three quarters, improving over time. */
function assessments(random: Random, today: IsoDate, quarter: FiscalPeriod, context: CadenceContext) {
  const nextId = idSequence('Maturity_Assessment__c');
  const periods = [
    previousPeriod(previousPeriod(previousPeriod(quarter))),
    previousPeriod(previousPeriod(quarter)),
    previousPeriod(quarter)
  ];
  const fields = Object.values(ASSESSMENT_FIELDS);
  return periods.map((period, step): DemoAssessment => {
    const answers = Object.fromEntries(
      fields.map((field) => [
        field,
        Math.max(1, Math.min(4, 1 + step + random.int(0, 2) - (random.chance(0.3) ? 1 : 0)))
      ])
    );
    const mean = Object.values(answers).reduce((sum, level) => sum + level, 0) / fields.length;
    return {
      ...nextId(),
      ...answers,
      Assessed_On__c: earliest(addDays(weekDates(period, 2).start, random.int(0, 4)), today),
      Assessed_By__c: context.team.head.Id,
      Period__c: period.label,
      // Measured from the data of the day: near the self-assessment, a little more sober.
      Measured_Score__c: Math.round(Math.max(1, Math.min(4, mean - 0.3 + random.next() * 0.4)) * 100) / 100
    };
  });
}

export function generateCadence(random: Random, today: IsoDate, context: CadenceContext): CadenceBook {
  const quarter = parsePeriod(fiscalPeriodOf(today).label);
  validateAndAsk(random, today, quarter, context);
  acceptCalls(random, today, quarter, context);
  scoreSatisfaction(random, context.plans);
  return {
    reviewActions: reviewActions(random, today, quarter, context),
    assessments: assessments(random, today, quarter, context)
  };
}
