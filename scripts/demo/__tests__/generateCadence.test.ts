import type { AgendaData } from '../../../force-app/main/default/lwc/psmsEngine/agendaData';
import { fiscalPeriodOf } from '../../../force-app/main/default/lwc/psmsEngine/calendar';
import { meetingAgenda } from '../../../force-app/main/default/lwc/psmsEngine/meetingAgenda';
import { maturityTrend } from '../../../force-app/main/default/lwc/psmsEngine/maturityTrend';
import { repScorecards } from '../../../force-app/main/default/lwc/psmsEngine/repScorecard';
import { DEFAULT_SETTINGS } from '../../../force-app/main/default/lwc/psmsEngine/settings';
import { generateDemoOrg } from '../generateDemoOrg';

const TODAY = '2026-11-26';
const org = generateDemoOrg(7, TODAY);
const { records } = org;
const data: AgendaData = {
  opportunities: records.Opportunity,
  partnerDeals: records.Partner_Deal__c,
  registrations: records.Deal_Registration__c,
  snapshots: records.Opportunity_Snapshot__c,
  partners: records.Account,
  plans: records.Partner_Account_Plan__c,
  users: records.User,
  targets: records.Partner_Target__c,
  calls: records.Forecast_Submission__c,
  actions: records.Review_Action__c
};
const agenda = (kind: Parameters<typeof meetingAgenda>[0], week?: number) =>
  meetingAgenda(kind, { today: TODAY, week, settings: DEFAULT_SETTINGS, data });
const quarter = fiscalPeriodOf(TODAY).label;

describe('the demo org’s review cadence (SPEC §10–12): every agenda list and trend has something to show', () => {
  it('the weekly call lists bookings, commits, changes, risks and help-needed deals', () => {
    const call = agenda('teamCall');
    if (call.kind !== 'teamCall') throw new Error('team call expected');
    expect(call.lists.helpNeeded.length).toBeGreaterThan(0);
    expect(call.lists.risks.length).toBeGreaterThan(0);
    expect(call.lists.forecastChanges.length).toBeGreaterThan(0);
    expect(call.lists.thisWeekCommits.length).toBeGreaterThan(0);
    expect(call.lists.lastWeekBookings.length).toBeGreaterThan(0);
  });

  it('the week-1 1:1 has deals validated and deals left to validate, and each rep’s open actions, some overdue', () => {
    const oneOnOne = agenda('forecastOneOnOne');
    if (oneOnOne.kind !== 'forecastOneOnOne') throw new Error('1:1 expected');
    expect(oneOnOne.figures.validatedCount).toBeGreaterThan(5);
    expect(oneOnOne.figures.toValidateCount).toBeGreaterThan(5);
    expect(oneOnOne.lists.openActions.some((action) => action.overdue)).toBe(true);
    expect(oneOnOne.lists.openActions.some((action) => !action.overdue)).toBe(true);
    for (const validated of records.Opportunity.filter((opp) => opp.Validated_On__c)) {
      expect((validated.Validated_On__c ?? '') <= TODAY && Boolean(validated.Validated_By__c)).toBe(true);
    }
  });

  it('the CEO/CFO roll-up shows accepted calls and calls still to accept', () => {
    const rollUp = agenda('rollUp');
    if (rollUp.kind !== 'rollUp') throw new Error('roll-up expected');
    expect(rollUp.figures.agreedTeams).toBeGreaterThan(0);
    expect(rollUp.lists.byManager.some((row) => row.teamCallId !== null && !row.teamCallAccepted)).toBe(true);
    for (const call of records.Forecast_Submission__c.filter((c) => c.Accepted_On__c)) {
      expect([call.Accepted_By__c, call.Partner_Account__c ?? null]).toEqual([org.currentUserId, null]);
      expect((call.Accepted_On__c ?? '') > (call.Submitted_On__c ?? '')).toBe(true);
    }
  });

  it('the MBR shows satisfaction and attribution; the pipeline 1:1 shows plans; the ELT activations', () => {
    const review = agenda('businessReview');
    expect(review.kind === 'businessReview' && review.figures.satisfactionCount).toBeGreaterThan(10);
    const pipeline = agenda('pipelineOneOnOne');
    expect(pipeline.kind === 'pipelineOneOnOne' && pipeline.lists.accountPlans.length).toBeGreaterThan(0);
    // The demo business starts three quarters back: the ELT's growth rate has no previous year to
    // compare with (null, "n/a"), but the year's activations are there.
    const elt = agenda('elt');
    expect(elt.kind === 'elt' && elt.lists.activatedPartners.length).toBeGreaterThan(0);
    for (const plan of records.Partner_Account_Plan__c) {
      const score = plan.Satisfaction_Score__c;
      expect(score == null || (Number.isInteger(score) && score >= 1 && score <= 10)).toBe(true);
    }
  });

  it('a quarter of review actions: done on time, done late, open and overdue, each owned by its rep', () => {
    const actions = records.Review_Action__c;
    expect(actions.filter((a) => a.Period__c === quarter).length).toBeGreaterThan(10);
    expect(actions.some((a) => a.Status__c === 'Done' && (a.Done_On__c ?? '') <= (a.Due_On__c ?? ''))).toBe(
      true
    );
    expect(actions.some((a) => a.Status__c === 'Done' && (a.Done_On__c ?? '') > (a.Due_On__c ?? ''))).toBe(
      true
    );
    expect(actions.some((a) => a.Status__c === 'Open' && (a.Due_On__c ?? '') < TODAY)).toBe(true);
    for (const action of actions) {
      expect(action.OwnerId).toBe(action.Owner__c);
      expect(
        Boolean(action.Subject__c && action.Due_On__c && action.Period__c && action.Assigned_By__c)
      ).toBe(true);
    }
    const cards = repScorecards({ today: TODAY, settings: DEFAULT_SETTINGS, data });
    expect(cards.some((card) => card.actionsOnTime !== null && card.actionsOnTime > 0)).toBe(true);
  });

  it('three saved maturity assessments make a trend of both scores', () => {
    const trend = maturityTrend(records.Maturity_Assessment__c);
    expect(trend).toHaveLength(3);
    expect(trend.every((point) => point.score !== null && point.measuredScore !== null)).toBe(true);
    expect((trend[2].score ?? 0) > (trend[0].score ?? 0)).toBe(true);
  });
});
