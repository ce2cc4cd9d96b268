import cases from '../../../staticresources/engagementRuleCases.json';
import { applyEngagementAction, type EngagementRequest } from '../engagementActions';
import type { Deal_Registration__c, Partner_Deal__c, Registration_Dispute__c } from '../records';

/**
 * The engagement-rules case file (SPEC §6), shared with the Apex tests: every case runs
 * against the engine. An expected key that is present must match; null means blank.
 */

type Expected = Record<string, string | number | boolean | null>;
interface Case extends EngagementRequest {
  name: string;
  expected: Expected;
}

const FIELD_OF: Record<string, keyof Deal_Registration__c> = {
  status: 'Status__c',
  conflictType: 'Conflict_Type__c',
  rejectionReason: 'Rejection_Reason__c',
  conflictingRegistration: 'Conflicting_Registration__c',
  conflictingOpportunity: 'Conflicting_Opportunity__c',
  expiresOn: 'Expires_On__c',
  approvedOn: 'Approved_On__c',
  extensionCount: 'Extension_Count__c',
  normalizedKey: 'Normalized_Key__c',
  registrationKey: 'Registration_Key__c',
  opportunity: 'Opportunity__c'
};

/** The dispute actions' outcome: the dispute record and the co-sell partner deal written. */
const DISPUTE_FIELD_OF: Record<string, keyof Registration_Dispute__c> = {
  disputeStatus: 'Status__c',
  previousStatus: 'Previous_Status__c',
  resolution: 'Resolution__c'
};
const CO_SELL_FIELD_OF: Record<string, keyof Partner_Deal__c> = {
  coSellOpportunity: 'Opportunity__c',
  coSellRole: 'Role__c',
  coSellPrimary: 'Is_Primary__c'
};

const all = (cases as unknown as { version: number; cases: Case[] }).cases;

describe('engagement-rules case file', () => {
  it('has at least 40 cases with unique names', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const outcome = applyEngagementAction(testCase);
    let actual: Expected;
    if (!outcome.ok) {
      actual = { error: true };
    } else if ('value' in outcome) {
      actual = { value: outcome.value };
    } else {
      const registration = outcome.registration;
      const dispute = 'dispute' in outcome ? outcome.dispute : {};
      // The co-sell deal: the registering partner's deal flagged co-sell, if the outcome writes one.
      const coSell =
        ('partnerDeals' in outcome ? outcome.partnerDeals : []).find(
          (deal) => deal.Co_Sell__c === true && deal.Partner_Account__c === registration.Partner_Account__c
        ) ?? {};
      const valueOf = (key: string): unknown => {
        if (key in DISPUTE_FIELD_OF) {
          return (dispute as Partial<Registration_Dispute__c>)[DISPUTE_FIELD_OF[key]];
        }
        if (key in CO_SELL_FIELD_OF) {
          return (coSell as Partial<Partner_Deal__c>)[CO_SELL_FIELD_OF[key]];
        }
        return registration[FIELD_OF[key]];
      };
      actual = Object.fromEntries(
        Object.keys(testCase.expected).map((key) => [key, valueOf(key) ?? null])
      ) as Expected;
    }
    expect(actual).toEqual(testCase.expected);
  });
});
