import { evaluateHygiene, type HygieneInput } from '../hygiene';
import { fillTemplate, REASON_TEMPLATES, reasonText, type HygieneReasonKey } from '../hygieneRules';
import { indexPartnerDeals } from '../partnerDeals';
import type { Opportunity, Partner_Deal__c } from '../records';
import { DEFAULT_SETTINGS, withSettings } from '../settings';
import { deal, opp } from './fixtures';

const today = '2026-05-11';
function check(
  o: Opportunity,
  deals: Partner_Deal__c[] = [deal(o.Id, 'P1')],
  extra: Partial<HygieneInput> = {}
) {
  return evaluateHygiene({
    today,
    opportunities: [o],
    partners: indexPartnerDeals(deals),
    settings: DEFAULT_SETTINGS,
    ...extra
  });
}
const rules = (o: Opportunity, deals?: Partner_Deal__c[], extra?: Partial<HygieneInput>) =>
  check(o, deals, extra).findings.map((f) => f.rule);

describe('Pipeline hygiene rules', () => {
  it('a clean open partner opportunity has no findings and scores 100', () => {
    expect(check(opp('1'))).toEqual({
      asOf: today,
      findings: [],
      scores: [{ recordId: '1', score: 100 }],
      hygienePercent: 1,
      unreliable: false
    });
  });
  it('PAST_CLOSE_DATE: open, CloseDate < today', () => {
    expect(rules(opp('1', { CloseDate: '2026-05-10' }))).toEqual(['PAST_CLOSE_DATE']);
    expect(rules(opp('1', { CloseDate: today }))).toEqual([]);
  });
  it('MISSING_AMOUNT: Amount blank or ≤ 0', () => {
    expect(rules(opp('1', { Amount: null }))).toEqual(['MISSING_AMOUNT']);
    expect(rules(opp('1', { Amount: 0 }))).toEqual(['MISSING_AMOUNT']);
  });
  it('NO_NEXT_STEP: NextStep blank', () => {
    expect(check(opp('1', { NextStep: '  ' })).findings[0]).toMatchObject({
      rule: 'NO_NEXT_STEP',
      severity: 'medium',
      reason: 'Next step is blank.'
    });
  });
  it('STALE: days since LastActivityDate (or CreatedDate) > 21', () => {
    expect(rules(opp('1', { LastActivityDate: '2026-04-20' }))).toEqual([]); // 21 days
    const stale = check(opp('1', { LastActivityDate: '2026-04-19' })).findings[0];
    expect(stale).toMatchObject({
      rule: 'STALE',
      reason: 'Last activity 2026-04-19: 22 days ago (more than 21).'
    });
    expect(rules(opp('1', { LastActivityDate: null, CreatedDate: '2026-04-19T23:00:00-02:00' }))).toEqual([]); // 2026-04-20 UTC
    expect(rules(opp('1', { LastActivityDate: null, CreatedDate: '2026-04-19T10:00:00Z' }))).toEqual([
      'STALE'
    ]);
  });
  it('PUSHED: PushCount ≥ 2 is medium, ≥ 3 is high', () => {
    expect(rules(opp('1', { PushCount: 1 }))).toEqual([]);
    expect(check(opp('1', { PushCount: 2 })).findings[0]).toMatchObject({
      rule: 'PUSHED',
      severity: 'medium'
    });
    expect(check(opp('1', { PushCount: 3 })).findings[0]).toMatchObject({ rule: 'PUSHED', severity: 'high' });
    expect(check(opp('1', { PushCount: 3 })).scores[0].score).toBe(70);
  });
  it('STUCK_IN_STAGE: days since LastStageChangeDate (or CreatedDate) > 45', () => {
    expect(rules(opp('1', { LastStageChangeDate: '2026-03-27T00:00:00Z' }))).toEqual([]); // 45 days
    expect(rules(opp('1', { LastStageChangeDate: '2026-03-26T00:00:00Z' }))).toEqual(['STUCK_IN_STAGE']);
    expect(
      rules(
        opp('1', { LastStageChangeDate: null, CreatedDate: '2026-03-01T00:00:00Z', LastActivityDate: today })
      )
    ).toEqual(['STUCK_IN_STAGE']);
  });
  it('CATEGORY_MISMATCH: Commit below 50 %, or Pipeline at 90 % or more', () => {
    expect(rules(opp('1', { Probability: 49 }))).toEqual(['CATEGORY_MISMATCH']);
    expect(rules(opp('1', { Probability: 50 }))).toEqual([]);
    expect(rules(opp('1', { ForecastCategoryName: 'Pipeline', Probability: 90 }))).toEqual([
      'CATEGORY_MISMATCH'
    ]);
    expect(rules(opp('1', { ForecastCategoryName: 'Pipeline', Probability: 89 }))).toEqual([]);
    expect(rules(opp('1', { Probability: null }))).toEqual([]);
  });
  it('CLOSE_DATE_FAR: more than 365 days after today (low)', () => {
    expect(rules(opp('1', { CloseDate: '2027-05-11' }))).toEqual([]);
    expect(check(opp('1', { CloseDate: '2027-05-12' })).findings[0]).toMatchObject({
      rule: 'CLOSE_DATE_FAR',
      severity: 'low'
    });
    expect(check(opp('1', { CloseDate: '2027-05-12' })).scores[0].score).toBe(95);
  });
  it('NO_PRIMARY_PARTNER: LeadSource Partner or a partner deal, but no primary', () => {
    expect(rules(opp('1'), [])).toEqual(['NO_PRIMARY_PARTNER']);
    expect(rules(opp('1', { LeadSource: 'Web' }), [deal('1', 'P1', { Is_Primary__c: false })])).toEqual([
      'NO_PRIMARY_PARTNER'
    ]);
  });
  it('SOURCED_UNREGISTERED and REGISTRATION_EXPIRES_BEFORE_CLOSE', () => {
    const sourced = [deal('1', 'P1', { Role__c: 'Sourced', Deal_Registration__c: 'R1' })];
    expect(rules(opp('1'), sourced)).toEqual(['SOURCED_UNREGISTERED']);
    const approved = {
      Id: 'R1',
      Partner_Account__c: 'P1',
      Status__c: 'Approved',
      Expires_On__c: '2026-05-14'
    };
    expect(rules(opp('1'), sourced, { registrations: [approved] })).toEqual([
      'REGISTRATION_EXPIRES_BEFORE_CLOSE'
    ]);
    expect(
      rules(opp('1'), sourced, { registrations: [{ ...approved, Expires_On__c: '2026-05-15' }] })
    ).toEqual([]);
    const converted = {
      Id: 'R2',
      Partner_Account__c: 'P1',
      Status__c: 'Converted',
      Opportunity__c: '1',
      Expires_On__c: '2026-06-01'
    };
    expect(
      rules(opp('1'), [deal('1', 'P1', { Role__c: 'Sourced' })], { registrations: [converted] })
    ).toEqual([]);
  });
  it('PLAN_OUTDATED: Gold or above with no active plan, or not reviewed for more than 90 days', () => {
    const accounts = [
      { Id: 'G1', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
      { Id: 'G2', Partner_Status__c: 'Active', Partner_Tier__c: 'Platinum' },
      { Id: 'G3', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
      { Id: 'G4', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
      { Id: 'S1', Partner_Status__c: 'Active', Partner_Tier__c: 'Silver' },
      { Id: 'C1', Partner_Tier__c: 'Gold' }
    ];
    const plans = [
      { Partner_Account__c: 'G2', Status__c: 'Active', Last_Reviewed_On__c: '2026-02-10' },
      { Partner_Account__c: 'G3', Status__c: 'Active', Last_Reviewed_On__c: '2026-02-09' },
      { Partner_Account__c: 'G3', Status__c: 'Closed', Last_Reviewed_On__c: '2026-05-01' },
      { Partner_Account__c: 'G4', Status__c: 'Active', Last_Reviewed_On__c: null }
    ];
    const report = evaluateHygiene({
      today,
      opportunities: [],
      partners: new Map(),
      accounts,
      plans,
      settings: DEFAULT_SETTINGS
    });
    expect(report.findings.map((f) => [f.recordId, f.rule])).toEqual([
      ['G1', 'PLAN_OUTDATED'],
      ['G3', 'PLAN_OUTDATED'],
      ['G4', 'PLAN_OUTDATED']
    ]);
    expect(report.scores).toEqual([
      { recordId: 'G1', score: 85 },
      { recordId: 'G2', score: 100 },
      { recordId: 'G3', score: 85 },
      { recordId: 'G4', score: 85 }
    ]);
    expect(report.hygienePercent).toBeNull();
  });
});

describe('Each finding: a one-line reason with the values that triggered it, and the fix', () => {
  const reasonOf = (o: Opportunity, deals?: Partner_Deal__c[], extra?: Partial<HygieneInput>) =>
    check(o, deals, extra).findings.map((f) => ({
      key: f.reasonKey,
      params: f.reasonParams,
      reason: f.reason
    }));

  it('a reason is a message key and its values; the English text fills the template with them', () => {
    expect(reasonOf(opp('1', { CloseDate: '2026-05-10' }))).toEqual([
      {
        key: 'PAST_CLOSE_DATE',
        params: ['2026-05-10', today],
        reason: 'Close date 2026-05-10 is before today (2026-05-11).'
      }
    ]);
    expect(reasonOf(opp('1', { ForecastCategoryName: 'Pipeline', Probability: 95 }))[0]).toEqual({
      key: 'CATEGORY_MISMATCH_PIPELINE',
      params: [95, 90],
      reason: 'Category Pipeline with probability 95% (90% or more).'
    });
  });

  it('names a registration by its name, never by its record id', () => {
    const registration = {
      Id: 'a02000000000042AAA',
      Name: 'REG-00042',
      Partner_Account__c: 'P1',
      Status__c: 'Approved',
      Expires_On__c: '2026-05-01'
    };
    const [expiring] = reasonOf(opp('1'), [deal('1', 'P1', { Deal_Registration__c: registration.Id })], {
      registrations: [registration]
    });
    expect(expiring).toEqual({
      key: 'REGISTRATION_EXPIRES_BEFORE_CLOSE',
      params: ['REG-00042', '2026-05-01', '2026-05-15'],
      reason: 'Registration REG-00042 expires 2026-05-01, before the close date 2026-05-15.'
    });
    expect(expiring.reason).not.toContain(registration.Id);
  });

  it('STALE without any activity says so, counting from the creation date', () => {
    expect(
      reasonOf(
        opp('1', { LastActivityDate: null, CreatedDate: '2026-04-01T10:00:00Z', LastStageChangeDate: today })
      )
    ).toEqual([
      {
        key: 'STALE_NO_ACTIVITY',
        params: ['2026-04-01', 40, 21],
        reason: 'No activity since it was created on 2026-04-01: 40 days ago (more than 21).'
      }
    ]);
  });

  it('every reason key has an English template whose placeholders its parameters fill', () => {
    for (const [key, template] of Object.entries(REASON_TEMPLATES)) {
      expect(fillTemplate(template, ['a', 'b', 'c', 'd'])).not.toMatch(/\{\d+\}/);
      expect(reasonText(key as HygieneReasonKey, ['a', 'b', 'c', 'd'])).toBe(
        fillTemplate(template, ['a', 'b', 'c', 'd'])
      );
    }
    expect(fillTemplate('{1} before {0}, {0} again', ['x', 7])).toBe('7 before x, x again');
    expect(fillTemplate('{0} and {2}', ['a'])).toBe('a and {2}');
  });

  it('PLAN_OUTDATED reasons: no plan (with the tier), never reviewed, last review too long ago', () => {
    const report = evaluateHygiene({
      today,
      opportunities: [],
      partners: new Map(),
      accounts: [
        { Id: 'G1', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
        { Id: 'G2', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
        { Id: 'G3', Partner_Status__c: 'Active', Partner_Tier__c: 'Platinum' }
      ],
      plans: [
        { Partner_Account__c: 'G2', Status__c: 'Active', Last_Reviewed_On__c: null },
        { Partner_Account__c: 'G3', Status__c: 'Active', Last_Reviewed_On__c: '2026-01-01' }
      ],
      settings: DEFAULT_SETTINGS
    });
    expect(report.findings.map((f) => [f.reasonKey, f.reasonParams, f.reason])).toEqual([
      ['PLAN_MISSING', ['Gold'], 'Gold partner with no active account plan.'],
      ['PLAN_NEVER_REVIEWED', [], 'Active account plan never reviewed.'],
      [
        'PLAN_REVIEW_OVERDUE',
        ['2026-01-01', 130, 90],
        'Account plan last reviewed 2026-01-01: 130 days ago (more than 90).'
      ]
    ]);
  });
});

describe('Hygiene score, hygiene % and the unreliable flag', () => {
  it('score = 100 − Σ weights, floored at 0; weights and rules come from settings', () => {
    const messy = opp('1', {
      CloseDate: '2026-01-01',
      Amount: null,
      NextStep: null,
      LastActivityDate: '2026-01-01',
      PushCount: 5,
      LastStageChangeDate: '2026-01-01T00:00:00Z'
    });
    expect(check(messy).scores[0].score).toBe(0);
    const settings = withSettings({
      severityWeights: { high: 10 },
      hygieneRules: { NO_NEXT_STEP: { active: false }, STALE: { weight: 1 } }
    });
    const lighter = check(
      opp('1', { Amount: null, NextStep: null, LastActivityDate: '2026-01-01' }),
      undefined,
      { settings }
    );
    expect(lighter.findings.map((f) => f.rule)).toEqual(['MISSING_AMOUNT', 'STALE']);
    expect(lighter.scores[0].score).toBe(89);
  });
  it('hygiene % = clean open ÷ open; below 70 % the forecast is unreliable', () => {
    const opps = [
      opp('1'),
      opp('2'),
      opp('3', { NextStep: null }),
      opp('4', { IsClosed: true, NextStep: null }),
      opp('5', { LeadSource: 'Web' })
    ];
    const deals = [deal('1', 'P'), deal('2', 'P'), deal('3', 'P')];
    const report = evaluateHygiene({
      today,
      opportunities: opps,
      partners: indexPartnerDeals(deals),
      settings: DEFAULT_SETTINGS
    });
    expect(report.hygienePercent).toBeCloseTo(2 / 3, 10);
    expect(report.unreliable).toBe(true);
    const all = evaluateHygiene({
      today,
      opportunities: opps,
      partners: indexPartnerDeals(deals),
      settings: DEFAULT_SETTINGS,
      allOpen: true
    });
    expect(all.hygienePercent).toBe(0.75);
    expect(all.unreliable).toBe(false);
  });
  it('empty input: no findings, hygiene % null, not unreliable', () => {
    expect(
      evaluateHygiene({ today, opportunities: [], partners: new Map(), settings: DEFAULT_SETTINGS })
    ).toEqual({ asOf: today, findings: [], scores: [], hygienePercent: null, unreliable: false });
  });
});
