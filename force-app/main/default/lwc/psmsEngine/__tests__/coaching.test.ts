import type { AgendaData } from '../agendaData';
import type { Account, Forecast_Submission__c, Review_Action__c } from '../records';
import { repScorecards } from '../repScorecard';
import { actionsOnTime, isActionOverdue, openActions } from '../reviewActions';
import { DEFAULT_SETTINGS } from '../settings';
import { deal, opp } from './fixtures';

const Q = 'FY2026-Q2';

function action(id: string, fields: Partial<Review_Action__c>): Review_Action__c {
  return { Id: id, Subject__c: `Action ${id}`, Owner__c: 'R1', Status__c: 'Open', Period__c: Q, ...fields };
}

describe('Review actions: overdue when Open and Due_On__c < T', () => {
  it('an open action due before today is overdue; due today, done, or without a date it is not', () => {
    const T = '2026-04-22';
    expect(isActionOverdue(action('a', { Due_On__c: '2026-04-21' }), T)).toBe(true);
    expect(isActionOverdue(action('b', { Due_On__c: '2026-04-22' }), T)).toBe(false);
    expect(isActionOverdue(action('c', { Due_On__c: '2026-04-01', Status__c: 'Done' }), T)).toBe(false);
    expect(isActionOverdue(action('d', { Due_On__c: null }), T)).toBe(false);
  });

  it("each 1:1 lists the rep's open actions, overdue first, then by due date, undated last", () => {
    const rows = openActions(
      [
        action('late2', { Due_On__c: '2026-04-20' }),
        action('soon', { Due_On__c: '2026-04-30' }),
        action('undated', { Due_On__c: null }),
        action('late1', {
          Due_On__c: '2026-04-02',
          Opportunity__c: 'o1',
          Meeting__c: 'Weekly Partner Team Call'
        }),
        action('done', { Due_On__c: '2026-04-01', Status__c: 'Done' }),
        action('other', { Due_On__c: '2026-04-01', Owner__c: 'R2' })
      ],
      '2026-04-22',
      'R1'
    );
    expect(rows.map((row) => [row.actionId, row.overdue])).toEqual([
      ['late1', true],
      ['late2', true],
      ['soon', false],
      ['undated', false]
    ]);
    expect(rows[0]).toEqual({
      actionId: 'late1',
      subject: 'Action late1',
      ownerId: 'R1',
      assignedBy: null,
      meeting: 'Weekly Partner Team Call',
      dueOn: '2026-04-02',
      overdue: true,
      opportunityId: 'o1',
      partnerId: null
    });
  });

  it('actions done on time ÷ actions due: Done on or before the due date', () => {
    const actions = [
      action('s1', { Due_On__c: '2026-04-10', Status__c: 'Done', Done_On__c: '2026-04-09' }),
      action('s2', { Due_On__c: '2026-04-20', Status__c: 'Done', Done_On__c: '2026-04-25' }),
      action('s3', { Due_On__c: '2026-05-01' }),
      action('s6', { Due_On__c: '2026-05-20', Status__c: 'Done', Done_On__c: '2026-05-20' })
    ];
    expect(actionsOnTime(actions, 'R1', '2026-04-01', '2026-05-20')).toEqual({
      due: 4,
      doneOnTime: 2,
      rate: 0.5
    });
    expect(actionsOnTime(actions, 'R2', '2026-04-01', '2026-05-20')).toEqual({
      due: 0,
      doneOnTime: 0,
      rate: null
    });
  });
});

describe("A rep's scorecard for Q (T = 2026-05-20)", () => {
  const T = '2026-05-20';
  const open = (id: string, fields: Parameters<typeof opp>[1]) =>
    opp(id, { OwnerId: 'R1', CloseDate: '2026-06-15', LastActivityDate: '2026-05-10', ...fields });
  const opportunities = [
    open('k1', { Amount: 1000, Validated_On__c: '2026-04-02' }),
    open('k2', { Amount: 500, NextStep: null }),
    open('k3', { Amount: 300, Validated_On__c: '2026-05-25' }),
    open('k4', { Amount: 7000, LeadSource: 'Web', Validated_On__c: '2026-04-02' }),
    open('k5', { Amount: 900, ForecastCategoryName: 'Best Case', Validated_On__c: '2026-04-02' }),
    open('k6', { OwnerId: 'R2', Amount: 50 }),
    opp('q1won', { OwnerId: 'R2', IsClosed: true, IsWon: true, Amount: 1000, CloseDate: '2026-02-15' })
  ];
  const partnerDeals = ['k1', 'k2', 'k3', 'k5', 'k6', 'q1won'].map((id) => deal(id, 'P1'));
  const partners: Account[] = [
    { Id: 'P1', OwnerId: 'R1', Partner_Status__c: 'Active' },
    { Id: 'P2', OwnerId: 'R3', Partner_Status__c: 'Active' }
  ];
  const calls: Forecast_Submission__c[] = [
    { Id: 'f1', Period__c: 'FY2026-Q1', Partner_Account__c: 'P1', Week__c: 1, Commit_Call__c: 900 },
    { Id: 'f2', Period__c: 'FY2026-Q1', Partner_Account__c: 'P2', Week__c: 1, Commit_Call__c: 500 }
  ];
  const actions = [
    action('s1', { Due_On__c: '2026-04-10', Status__c: 'Done', Done_On__c: '2026-04-09' }),
    action('s2', { Due_On__c: '2026-04-20', Status__c: 'Done', Done_On__c: '2026-04-25' }),
    action('s3', { Due_On__c: '2026-05-01' }),
    action('s4', { Due_On__c: '2026-05-25' }),
    action('s5', { Due_On__c: '2026-03-30', Status__c: 'Done', Done_On__c: '2026-03-29' }),
    action('s6', { Due_On__c: '2026-05-20', Status__c: 'Done', Done_On__c: '2026-05-20' })
  ];
  const data: AgendaData = { opportunities, partnerDeals, partners, calls, actions };
  const [card] = repScorecards({ today: T, settings: DEFAULT_SETTINGS, data, rep: 'R1' });

  it('actions done on time ÷ actions due in Q (due up to T)', () => {
    expect(card).toMatchObject({ actionsDue: 4, actionsDoneOnTime: 2, actionsOnTime: 0.5 });
  });

  it('validated share of their Commit amount (open partner-channel Commit deals of Q)', () => {
    expect(card).toMatchObject({ commitAmount: 1800, validatedCommitAmount: 1000 });
    expect(card.validatedShare).toBeCloseTo(1000 / 1800, 12);
  });

  it("their opportunities' hygiene % (§5)", () => {
    // k1, k2, k3, k5 are evaluated (k4 is not partner-involved); k2 has no next step.
    expect(card).toMatchObject({ hygieneOpen: 4, hygienePercent: 0.75 });
  });

  it("their partners' forecast accuracy (§4) of the previous quarter", () => {
    expect(card.previousPeriod).toBe('FY2026-Q1');
    expect(card.accuracy).toBeCloseTo(0.9, 12);
    expect(card.bias).toBeCloseTo(-0.1, 12);
  });

  it('without a rep: one card per owner of opportunities of Q and of actions, null where nothing is measured', () => {
    const cards = repScorecards({ today: T, settings: DEFAULT_SETTINGS, data });
    expect(cards.map((c) => c.repId)).toEqual(['R1', 'R2']);
    expect(cards[1]).toMatchObject({
      actionsDue: 0,
      actionsOnTime: null,
      commitAmount: 50,
      validatedShare: 0,
      hygieneOpen: 1,
      hygienePercent: 1,
      accuracy: null,
      bias: null
    });
  });
});
