import { canRaiseDispute, openDispute, resolveDispute, type DisputeResult } from '../disputes';
import type { ExistingRecords } from '../engagementRules';
import type { Deal_Registration__c, Registration_Dispute__c } from '../records';
import { DEFAULT_SETTINGS } from '../settings';
import { deal, opp } from './fixtures';

/** SPEC §6, disputes. The shared case file holds the same rules for Apex and the workbench. */

const TODAY = '2026-03-10';

function registration(id: string, fields: Partial<Deal_Registration__c> = {}): Deal_Registration__c {
  return {
    Id: id,
    Partner_Account__c: 'P1',
    End_Customer_Domain__c: 'delta.com',
    Product_Line__c: 'Analytics',
    Status__c: 'Approved',
    Submitted_On__c: '2026-02-01T10:00:00Z',
    ...fields
  };
}

function existing(fields: Partial<ExistingRecords> = {}): ExistingRecords {
  return { registrations: [], opportunities: [], partnerDeals: [], disputes: [], ...fields };
}

function ok(result: DisputeResult) {
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result;
}

function openFor(reg: Deal_Registration__c, previous: string): Registration_Dispute__c {
  return { Id: 'D1', Deal_Registration__c: reg.Id ?? '', Status__c: 'Open', Previous_Status__c: previous };
}

describe('a dispute holds the registration in Needs Review until a manager resolves it', () => {
  it('records who raised it, why, and the previous status; the registration keeps its key', () => {
    const reg = registration('R1', { Registration_Key__c: 'delta.com|analytics' });
    const result = ok(
      openDispute(reg, { reason: '  Ours first. ', raisedBy: '005R' }, existing({ registrations: [reg] }))
    );
    expect(result.registration).toMatchObject({
      Status__c: 'Needs Review',
      Registration_Key__c: 'delta.com|analytics'
    });
    expect(result.dispute).toEqual({
      Deal_Registration__c: 'R1',
      Raised_By__c: '005R',
      Reason__c: 'Ours first.',
      Status__c: 'Open',
      Previous_Status__c: 'Approved'
    });
    expect(result.partnerDeals).toEqual([]);
  });
  it('a disputed duplicate does not take the key its holder keeps', () => {
    const holder = registration('H', { Partner_Account__c: 'P2', Submitted_On__c: '2026-01-01T00:00:00Z' });
    const reg = registration('R1', { Status__c: 'Rejected', Rejection_Reason__c: 'Duplicate' });
    const result = ok(openDispute(reg, {}, existing({ registrations: [holder, reg] })));
    expect(result.registration).toMatchObject({ Status__c: 'Needs Review', Registration_Key__c: null });
  });
  it.each([
    ['Only a saved registration can be disputed: none was found.', undefined],
    ['This registration is Draft: it cannot be disputed.', registration('R1', { Status__c: 'Draft' })],
    [
      'This registration is Withdrawn: it cannot be disputed.',
      registration('R1', { Status__c: 'Withdrawn' })
    ],
    ['This registration is Expired: it cannot be disputed.', registration('R1', { Status__c: 'Expired' })]
  ])('refuses: %s', (error, reg) => {
    expect(openDispute(reg, {}, existing())).toEqual({ ok: false, error });
  });
  it('refuses a second open dispute on the same registration', () => {
    const reg = registration('R1', { Status__c: 'Needs Review' });
    expect(openDispute(reg, {}, existing({ disputes: [openFor(reg, 'Submitted')] }))).toEqual({
      ok: false,
      error: 'Registration R1 already has an open dispute.'
    });
  });
});

describe('resolved as Partner', () => {
  it('a registration never approved is approved today with the protection period, rejection reason cleared', () => {
    const reg = registration('R1', { Status__c: 'Needs Review', Rejection_Reason__c: 'Duplicate' });
    const result = ok(
      resolveDispute(
        openFor(reg, 'Rejected'),
        reg,
        { resolution: 'Partner', note: 'First.', resolvedBy: '005M' },
        existing({ registrations: [reg] }),
        TODAY,
        DEFAULT_SETTINGS
      )
    );
    expect(result.registration).toMatchObject({
      Status__c: 'Approved',
      Approved_On__c: TODAY,
      Expires_On__c: '2026-06-08',
      Rejection_Reason__c: null,
      Registration_Key__c: 'delta.com|analytics'
    });
    expect(result.dispute).toMatchObject({
      Status__c: 'Resolved',
      Resolution__c: 'Partner',
      Resolution_Note__c: 'First.',
      Resolved_By__c: '005M',
      Resolved_On__c: '2026-03-10T00:00:00.000Z',
      Previous_Status__c: 'Rejected'
    });
  });
  it('a previously approved registration gets its own approval and expiry dates back', () => {
    const reg = registration('R1', {
      Status__c: 'Needs Review',
      Approved_On__c: '2026-02-01',
      Expires_On__c: '2026-05-02'
    });
    const result = ok(
      resolveDispute(
        openFor(reg, 'Approved'),
        reg,
        { resolution: 'Partner', note: 'Stands.' },
        existing(),
        TODAY,
        DEFAULT_SETTINGS
      )
    );
    expect(result.registration).toMatchObject({
      Status__c: 'Approved',
      Approved_On__c: '2026-02-01',
      Expires_On__c: '2026-05-02'
    });
  });
  it('is refused while another active registration holds the key', () => {
    const holder = registration('H', { Partner_Account__c: 'P2', Submitted_On__c: '2026-01-01T00:00:00Z' });
    const reg = registration('R1', { Status__c: 'Needs Review' });
    const result = resolveDispute(
      openFor(reg, 'Approved'),
      reg,
      { resolution: 'Partner', note: 'x' },
      existing({ registrations: [holder, reg] }),
      TODAY,
      DEFAULT_SETTINGS
    );
    expect(result).toEqual({
      ok: false,
      error: 'The registration key "delta.com|analytics" is now held by active registration H.'
    });
  });
});

describe('resolved as Direct', () => {
  it('the registration is Rejected with reason Direct sales engaged and the key is freed', () => {
    const reg = registration('R1', { Status__c: 'Needs Review', Registration_Key__c: 'delta.com|analytics' });
    const result = ok(
      resolveDispute(
        openFor(reg, 'Submitted'),
        reg,
        { resolution: 'Direct', note: 'Ours.' },
        existing(),
        TODAY,
        DEFAULT_SETTINGS
      )
    );
    expect(result.registration).toMatchObject({
      Status__c: 'Rejected',
      Rejection_Reason__c: 'Direct sales engaged',
      Registration_Key__c: null,
      Decided_On__c: '2026-03-10T00:00:00.000Z'
    });
    expect(result.partnerDeals).toEqual([]);
  });
});

describe('resolved as Co-Sell: both keep a stake, the opportunity gets a co-sell partner deal', () => {
  const reg = registration('R1', {
    Status__c: 'Needs Review',
    Conflict_Type__c: 'Direct',
    Conflicting_Opportunity__c: 'O1'
  });
  it('approves the registration and creates a non-primary Co-Sell deal for the registering partner', () => {
    const result = ok(
      resolveDispute(
        openFor(reg, 'Submitted'),
        reg,
        { resolution: 'Co-Sell', note: 'Both.' },
        existing({ opportunities: [opp('O1')] }),
        TODAY,
        DEFAULT_SETTINGS
      )
    );
    expect(result.registration.Status__c).toBe('Approved');
    expect(result.partnerDeals).toEqual([
      {
        Opportunity__c: 'O1',
        Partner_Account__c: 'P1',
        Role__c: 'Co-Sell',
        Co_Sell__c: true,
        Is_Primary__c: false,
        Primary_Key__c: null,
        Deal_Registration__c: 'R1'
      }
    ]);
  });
  it('flags the partner’s existing deal on the opportunity instead, keeping its role and primary flag', () => {
    const current = deal('O1', 'P1', { Role__c: 'Influenced', Is_Primary__c: false });
    const result = ok(
      resolveDispute(
        openFor(reg, 'Submitted'),
        reg,
        { resolution: 'Co-Sell', note: 'Both.' },
        existing({ partnerDeals: [current] }),
        TODAY,
        DEFAULT_SETTINGS
      )
    );
    expect(result.partnerDeals).toEqual([{ ...current, Co_Sell__c: true, Deal_Registration__c: 'R1' }]);
  });
  it('is refused when the registration names no opportunity', () => {
    const bare = registration('R1', { Status__c: 'Needs Review' });
    expect(
      resolveDispute(
        openFor(bare, 'Submitted'),
        bare,
        { resolution: 'Co-Sell', note: 'Both.' },
        existing(),
        TODAY,
        DEFAULT_SETTINGS
      )
    ).toEqual({
      ok: false,
      error: 'This registration names no opportunity to co-sell on; resolve it as Partner or Direct.'
    });
  });
});

describe('with a required note', () => {
  const reg = registration('R1', { Status__c: 'Needs Review' });
  it.each([
    [{ resolution: 'Partner', note: '  ' }, 'A resolution needs a note explaining the decision.'],
    [{ resolution: 'Partner' }, 'A resolution needs a note explaining the decision.'],
    [{ resolution: 'Split', note: 'x' }, '"Split" is not a resolution; use one of: Partner, Direct, Co-Sell.']
  ])('refuses %o', (request, error) => {
    expect(
      resolveDispute(openFor(reg, 'Submitted'), reg, request, existing(), TODAY, DEFAULT_SETTINGS)
    ).toEqual({ ok: false, error });
  });
  it('refuses a resolved dispute (final), a registration no longer in Needs Review, and a missing one', () => {
    const resolved = { ...openFor(reg, 'Submitted'), Status__c: 'Resolved' };
    const request = { resolution: 'Partner', note: 'x' };
    expect(resolveDispute(resolved, reg, request, existing(), TODAY, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      error: 'This dispute is already resolved; a resolution is final.'
    });
    const withdrawn = { ...reg, Status__c: 'Withdrawn' };
    expect(
      resolveDispute(openFor(reg, 'Submitted'), withdrawn, request, existing(), TODAY, DEFAULT_SETTINGS)
    ).toEqual({
      ok: false,
      error: 'The disputed registration is Withdrawn, no longer held in Needs Review.'
    });
    expect(
      resolveDispute(openFor(reg, 'Submitted'), undefined, request, existing(), TODAY, DEFAULT_SETTINGS)
    ).toEqual({
      ok: false,
      error: 'The disputed registration R1 was not found.'
    });
  });
});

describe('Nothing is deleted by a resolution', () => {
  it('returns copies: the inputs are untouched and the dispute keeps its reason and previous status', () => {
    const reg = registration('R1', { Status__c: 'Needs Review', Conflicting_Opportunity__c: 'O1' });
    const dispute = { ...openFor(reg, 'Submitted'), Reason__c: 'Ours first.' };
    const records = existing({ registrations: [reg], disputes: [dispute] });
    const before = JSON.stringify([reg, dispute, records]);
    const result = ok(
      resolveDispute(
        dispute,
        reg,
        { resolution: 'Direct', note: 'Direct.' },
        records,
        TODAY,
        DEFAULT_SETTINGS
      )
    );
    expect(JSON.stringify([reg, dispute, records])).toBe(before);
    expect(result.dispute).toMatchObject({
      Id: 'D1',
      Reason__c: 'Ours first.',
      Previous_Status__c: 'Submitted'
    });
    expect(result.registration).toMatchObject({ Id: 'R1', Conflicting_Opportunity__c: 'O1' });
  });
});

describe('Who may raise a dispute (SPEC §6: a decision or a conflict, one open dispute at a time)', () => {
  const reg = (fields: Partial<Deal_Registration__c>): Deal_Registration__c => ({
    Id: 'R1',
    Partner_Account__c: 'P1',
    Status__c: 'Rejected',
    ...fields
  });
  it('a refused registration, or one in conflict, can be disputed', () => {
    expect(canRaiseDispute(reg({ Status__c: 'Rejected', Conflict_Type__c: 'Duplicate' }), [])).toBe(true);
    expect(canRaiseDispute(reg({ Status__c: 'Needs Review', Conflict_Type__c: 'Direct' }), [])).toBe(true);
    expect(canRaiseDispute(reg({ Status__c: 'Approved' }), [])).toBe(true);
  });
  it('not a submission still waiting for its decision, nor a Draft, Withdrawn or Expired one', () => {
    for (const Status__c of ['Submitted', 'Draft', 'Withdrawn', 'Expired']) {
      expect(canRaiseDispute(reg({ Status__c }), [])).toBe(false);
    }
    expect(canRaiseDispute(reg({ Status__c: 'Expired', Conflict_Type__c: 'Duplicate' }), [])).toBe(false);
  });
  it('not while a dispute on it is open; again once it is resolved', () => {
    const open = { Deal_Registration__c: 'R1', Status__c: 'Open' };
    expect(canRaiseDispute(reg({}), [open])).toBe(false);
    expect(canRaiseDispute(reg({}), [{ ...open, Status__c: 'Resolved' }])).toBe(true);
    expect(canRaiseDispute(reg({}), [{ ...open, Deal_Registration__c: 'R2' }])).toBe(true);
  });
});
