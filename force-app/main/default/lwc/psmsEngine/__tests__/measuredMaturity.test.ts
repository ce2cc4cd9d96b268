import { measureMaturityFromData, type MaturityData } from '../measuredMaturity';
import type { Account, Deal_Registration__c, Forecast_Submission__c } from '../records';
import { DEFAULT_SETTINGS, withSettings } from '../settings';
import { deal, opp } from './fixtures';

/**
 * SPEC §8, measured maturity: the ten practices scored from the records (hygiene %, forecast
 * calls submitted on time, registrations decided within SLA, plan coverage of key partners,
 * co-sell share, ...). Every figure below is worked out by hand from the records.
 */

const TODAY = '2026-05-11'; // FY2026-Q2 (2026-04-01 .. 2026-06-30), week 6
const P = 'FY2026-Q2';

const keyAccounts: Account[] = [
  { Id: 'G1', Name: 'G1', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
  { Id: 'G2', Name: 'G2', Partner_Status__c: 'Active', Partner_Tier__c: 'Platinum' },
  { Id: 'G3', Name: 'G3', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
  { Id: 'G4', Name: 'G4', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
  { Id: 'S1', Name: 'S1', Partner_Status__c: 'Active', Partner_Tier__c: 'Silver' }
];

const kpiPartners: Account[] = [
  { Id: 'A1', Partner_Status__c: 'Active', Recruited_On__c: '2025-01-01', First_Revenue_On__c: '2026-04-20' },
  { Id: 'A2', Partner_Status__c: 'Active', Recruited_On__c: '2025-02-01' },
  { Id: 'A3', Partner_Status__c: 'Active', Recruited_On__c: '2025-03-01' },
  { Id: 'N1', Partner_Status__c: 'Onboarding', Recruited_On__c: '2026-04-10' }
];

function call(partner: string, period: string, week: number, submittedOn: string): Forecast_Submission__c {
  return {
    Period__c: period,
    Partner_Account__c: partner,
    Week__c: week,
    Submitted_On__c: submittedOn,
    Commit_Call__c: 1
  };
}

function registration(id: string, fields: Partial<Deal_Registration__c>): Deal_Registration__c {
  return { Id: id, Partner_Account__c: 'A1', Status__c: 'Approved', ...fields };
}

function data(overrides: Partial<MaturityData> = {}): MaturityData {
  return {
    today: TODAY,
    hygiene: {
      today: TODAY,
      // h3 has had no activity for 40 days (STALE); the others are clean.
      opportunities: [opp('h1'), opp('h2'), opp('h3', { LastActivityDate: '2026-04-01' }), opp('h4')],
      partnerDeals: [deal('h1', 'G1'), deal('h2', 'G1'), deal('h3', 'G2'), deal('h4', 'G4')],
      registrations: [],
      partners: keyAccounts,
      plans: [
        // G1 reviewed 40 days ago, G4 yesterday: covered. G2 has none; G3's is 161 days old.
        { Partner_Account__c: 'G1', Status__c: 'Active', Last_Reviewed_On__c: '2026-04-01' },
        { Partner_Account__c: 'G3', Status__c: 'Active', Last_Reviewed_On__c: '2025-12-01' },
        { Partner_Account__c: 'G4', Status__c: 'Active', Last_Reviewed_On__c: '2026-05-10' }
      ],
      users: []
    },
    registrations: [
      // 48 h SLA: overdue once Submitted_On + 48 h is before 00:00 UTC of the day.
      registration('r1', { Submitted_On__c: '2026-05-01T10:00:00Z', Decided_On__c: '2026-05-02T09:00:00Z' }),
      // Decided on 05-03, when 05-03T10:00 was not yet before the start of the day: on time.
      registration('r2', { Submitted_On__c: '2026-05-01T10:00:00Z', Decided_On__c: '2026-05-03T12:00:00Z' }),
      // Decided on 05-04: it had been overdue since that morning.
      registration('r3', { Submitted_On__c: '2026-05-01T10:00:00Z', Decided_On__c: '2026-05-04T08:00:00Z' }),
      // Rejected at submission (a duplicate): no one decided it, not counted.
      registration('r4', {
        Status__c: 'Rejected',
        Submitted_On__c: '2026-05-05T10:00:00Z',
        Decided_On__c: '2026-05-05T10:00:00Z'
      }),
      // Still undecided and overdue today: a miss. r6 is not due yet, r7 never submitted.
      registration('r5', { Status__c: 'Submitted', Submitted_On__c: '2026-05-01T10:00:00Z' }),
      registration('r6', { Status__c: 'Needs Review', Submitted_On__c: '2026-05-10T12:00:00Z' }),
      registration('r7', { Status__c: 'Draft' })
    ],
    calls: [
      call('A1', P, 1, '2026-04-03T09:00:00Z'),
      // The last day of week 1 (2026-04-07), in UTC: on time.
      call('A2', P, 1, '2026-04-07T20:00:00.000Z'),
      // 23:30 at −02:00 is 2026-04-08 in UTC: week 2, late.
      call('A3', P, 1, '2026-04-07T23:30:00-02:00'),
      call('A3', P, 5, '2026-04-29T09:00:00Z'),
      // N1 is not Active: its call is not expected.
      call('N1', P, 1, '2026-04-02T09:00:00Z'),
      call('A3', 'FY2026-Q1', 1, '2026-01-02T09:00:00Z')
    ],
    kpi: {
      period: P,
      today: TODAY,
      opportunities: [
        opp('k1'),
        opp('k2'),
        opp('k3'),
        opp('k4'),
        opp('k5', { IsClosed: true, IsWon: true, Amount: 500, CloseDate: '2026-04-20' })
      ],
      partnerDeals: [deal('k1', 'A1', { Co_Sell__c: true }), deal('k2', 'A1'), deal('k5', 'A1')],
      partners: kpiPartners,
      targets: [{ Period__c: P, Revenue_Target__c: 1000, Recruitment_Target__c: 2 }],
      calls: []
    },
    ...overrides
  };
}

function practice(result: ReturnType<typeof measureMaturityFromData>, id: string) {
  const found = result.practices.find((p) => p.id === id);
  return found && { value: found.value, level: found.level };
}

const measured = measureMaturityFromData(data(), TODAY, DEFAULT_SETTINGS);

describe('Measured maturity: the input is the MaturityController response', () => {
  it('is structurally identical to Psms.MaturityResponse (both ways, checked by tsc)', () => {
    const fromOperation = (response: Psms.MaturityResponse): MaturityData => response;
    const toOperation = (input: MaturityData): Psms.MaturityResponse => input;
    const input = data();
    expect(fromOperation(toOperation(input))).toBe(input);
  });
});

describe('hygiene %', () => {
  it('is the hygiene report’s clean share (3 of 4): Defined (70 % ≤ x < 85 %)', () => {
    expect(practice(measured, 'dataHygiene')).toEqual({ value: 0.75, level: 2 });
  });
  it('pipeline reviews: open partner opportunities not STALE (3 of 4): Managed (75 % ≤ x < 90 %)', () => {
    expect(practice(measured, 'pipelineReviews')).toEqual({ value: 0.75, level: 3 });
  });
  it('is not scored when there is no open partner opportunity', () => {
    const empty = data();
    empty.hygiene = { ...empty.hygiene, opportunities: [] };
    const result = measureMaturityFromData(empty, TODAY, DEFAULT_SETTINGS);
    expect(practice(result, 'dataHygiene')).toEqual({ value: null, level: null });
    expect(practice(result, 'pipelineReviews')).toEqual({ value: null, level: null });
  });
});

describe('forecast calls submitted on time', () => {
  it('Active partners with a week-1 call submitted in week 1 (UTC date): 2 of 3, Defined', () => {
    expect(measured.callPeriod).toBe(P);
    expect(practice(measured, 'forecastCadence')).toEqual({ value: 2 / 3, level: 2 });
  });
  it('during week 1 the previous period is measured, its calls still coming in', () => {
    const result = measureMaturityFromData(data(), '2026-04-03', DEFAULT_SETTINGS);
    expect(result.callPeriod).toBe('FY2026-Q1');
    expect(practice(result, 'forecastCadence')).toEqual({ value: 1 / 3, level: 1 });
  });
  it('follows the fiscal year start: in an April-start year 2026-05-11 is week 6 of FY2027-Q1', () => {
    const aprilStart = withSettings({ fiscalYearStartMonth: 4 });
    const input = data({ calls: [call('A1', 'FY2027-Q1', 1, '2026-04-01T09:00:00Z')] });
    const result = measureMaturityFromData(input, TODAY, aprilStart);
    expect(result.callPeriod).toBe('FY2027-Q1');
    expect(practice(result, 'forecastCadence')).toEqual({ value: 1 / 3, level: 1 });
  });
});

describe('registrations decided within SLA', () => {
  it('decisions taken before the registration was overdue, plus undecided overdue ones as misses: 2 of 4', () => {
    expect(practice(measured, 'dealRegistration')).toEqual({ value: 0.5, level: 2 });
  });
  it('follows the SLA setting: at 72 hours r3 is on time too (3 of 4)', () => {
    const result = measureMaturityFromData(data(), TODAY, withSettings({ approvalSlaHours: 72 }));
    expect(practice(result, 'dealRegistration')).toEqual({ value: 0.75, level: 2 });
  });
});

describe('plan coverage of key partners', () => {
  it('partners of tier ≥ the PLAN_OUTDATED tier (Gold) with an active plan reviewed within 90 days: 2 of 4', () => {
    expect(practice(measured, 'accountPlanning')).toEqual({ value: 0.5, level: 2 });
  });
  it('key partners follow the rule’s tier: at Platinum only G2, which has no plan', () => {
    const platinum = withSettings({ hygieneRules: { PLAN_OUTDATED: { tier: 'Platinum' } } });
    expect(practice(measureMaturityFromData(data(), TODAY, platinum), 'accountPlanning')).toEqual({
      value: 0,
      level: 1
    });
  });
  it('is not scored while PLAN_OUTDATED is switched off', () => {
    const off = withSettings({ hygieneRules: { PLAN_OUTDATED: { active: false } } });
    expect(practice(measureMaturityFromData(data(), TODAY, off), 'accountPlanning')).toEqual({
      value: null,
      level: null
    });
  });
});

describe('co-sell share', () => {
  it('opportunities of the period with a co-sell partner deal (1 of 5): Managed (15 % ≤ x < 30 %)', () => {
    expect(practice(measured, 'coSell')).toEqual({ value: 0.2, level: 3 });
  });
});

describe('recruitment, enablement and KPIs from the period’s KPIs', () => {
  it('recruited vs target (1 of 2), activation (1 of 3), defined KPIs (10 of 11: no program cost → no ROI)', () => {
    expect(practice(measured, 'recruitment')).toEqual({ value: 0.5, level: 2 });
    expect(practice(measured, 'enablement')).toEqual({ value: 1 / 3, level: 2 });
    expect(practice(measured, 'kpis')).toEqual({ value: 10 / 11, level: 3 });
  });
});

describe('practices the data cannot tell are not scored', () => {
  it('leadership roll-ups are null, and the score is the mean of the scored practices', () => {
    expect(practice(measured, 'leadershipRollUps')).toEqual({ value: null, level: null });
    // Levels: hygiene 2, cadence 2, reviews 3, planning 2, co-sell 3, registration 2,
    // recruitment 2, enablement 2, KPIs 3.
    expect(measured.score).toBeCloseTo(21 / 9, 10);
  });
  it('an empty org scores nothing', () => {
    const empty: MaturityData = {
      today: TODAY,
      hygiene: {
        today: TODAY,
        opportunities: [],
        partnerDeals: [],
        registrations: [],
        partners: [],
        plans: [],
        users: []
      },
      registrations: [],
      calls: [],
      kpi: {
        period: P,
        today: TODAY,
        opportunities: [],
        partnerDeals: [],
        partners: [],
        targets: [],
        calls: []
      }
    };
    const result = measureMaturityFromData(empty, TODAY, DEFAULT_SETTINGS);
    expect(result.practices.filter((p) => p.level !== null).map((p) => [p.id, p.value])).toEqual([
      ['kpis', 0]
    ]);
  });
});
