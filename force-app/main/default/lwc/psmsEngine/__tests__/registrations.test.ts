import { runExpiryJob } from '../engagementRules';
import { applyEngagementAction } from '../engagementActions';
import { auditRegistrations } from '../registrationAudit';
import { createHash } from 'node:crypto';
import {
  fitKey,
  MAX_KEY_LENGTH,
  normalizeCompanyName,
  normalizeDomain,
  registrationKey
} from '../registrationKey';
import { sha256Hex } from '../sha256';
import type { Deal_Registration__c } from '../records';
import { DEFAULT_SETTINGS } from '../settings';
import { opp } from './fixtures';

describe('Registration key', () => {
  it('`Delta Corp, Inc.` and `DELTA corp.` both give `delta`', () => {
    expect(normalizeCompanyName('Delta Corp, Inc.')).toBe('delta');
    expect(normalizeCompanyName('DELTA corp.')).toBe('delta');
  });
  it('keeps the last word even when it is a suffix word', () => {
    expect(normalizeCompanyName('Company Inc')).toBe('company');
  });
  it('the domain: no scheme, www., path, port or trailing dot; e-mail gives its domain', () => {
    expect(normalizeDomain(' HTTPS://www.Example.co.uk./a?b#c ')).toBe('example.co.uk');
    expect(normalizeDomain('sales@www.example.com')).toBe('example.com');
    expect(normalizeDomain('example.com:443')).toBe('example.com');
  });
  it('customer | product line, or null without a customer', () => {
    expect(
      registrationKey({
        End_Customer_Name__c: 'Acme',
        End_Customer_Domain__c: 'acme.io',
        Product_Line__c: ' Storage '
      })
    ).toBe('acme.io|storage');
    expect(registrationKey({ End_Customer_Name__c: 'Acme Ltd', Product_Line__c: null })).toBe('acme|');
    expect(registrationKey({ End_Customer_Name__c: '...', End_Customer_Domain__c: '' })).toBeNull();
  });
});

describe('Registration key fits its Text(255) fields', () => {
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  it('SHA-256 of the UTF-8 bytes, as Crypto.generateDigest gives it (FIPS 180-4 vectors)', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
    );
    for (const text of [
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(64),
      'é'.repeat(300),
      '😀 ünïcödé 日本',
      'x\ud800y'
    ]) {
      expect(sha256Hex(text)).toBe(sha(text));
    }
  });
  it('a key of 255 characters or fewer is kept as it is', () => {
    const key = `${'a'.repeat(254 - '|analytics'.length)}|analytics`;
    expect(key.length).toBe(254);
    expect(fitKey(key)).toBe(key);
    expect(fitKey(`${key}x`)).toBe(`${key}x`);
  });
  it('a longer key keeps its first 190 characters, then # and the SHA-256 of the whole key', () => {
    const domain = `${'sub.'.repeat(62)}example.com`;
    const key = registrationKey({ End_Customer_Domain__c: domain, Product_Line__c: 'Analytics' });
    const full = `${domain}|analytics`;
    expect(key).toBe(`${full.slice(0, 190)}#${sha(full)}`);
    expect(key).toHaveLength(MAX_KEY_LENGTH);
  });
  it('a domain that grows when lower-cased (İ is two characters in lower case) still fits', () => {
    const key =
      registrationKey({ End_Customer_Domain__c: 'İ'.repeat(255), Product_Line__c: 'Analytics' }) ?? '';
    expect(key.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(key.endsWith(sha(`${'i̇'.repeat(255)}|analytics`))).toBe(true);
  });
  it('never cuts a surrogate pair in half', () => {
    const key = fitKey(`${'a'.repeat(189)}${'😀'.repeat(40)}|analytics`);
    expect(key.slice(0, 190)).toBe(`${'a'.repeat(189)}#`);
    expect(key).toHaveLength(MAX_KEY_LENGTH - 1);
  });
});

const reg = (id: string, fields: Partial<Deal_Registration__c>): Deal_Registration__c => ({
  Id: id,
  Partner_Account__c: 'P1',
  End_Customer_Domain__c: 'delta.com',
  Product_Line__c: 'Analytics',
  Status__c: 'Submitted',
  Submitted_On__c: '2026-03-01T00:00:00Z',
  ...fields
});

describe('Audit of existing data', () => {
  const today = '2026-03-10';
  it('every pair sharing a key: the later-submitted one conflicts with the earlier', () => {
    const registrations = [
      reg('C', { Partner_Account__c: 'P1', Submitted_On__c: '2026-03-03T00:00:00Z' }),
      reg('A', {
        Partner_Account__c: 'P1',
        Submitted_On__c: '2026-03-01T00:00:00Z',
        Status__c: 'Approved',
        Expires_On__c: '2026-05-30'
      }),
      reg('B', {
        Partner_Account__c: 'P2',
        Submitted_On__c: '2026-03-02T00:00:00Z',
        End_Customer_Domain__c: 'https://www.delta.com'
      }),
      reg('X', { Partner_Account__c: 'P3', Status__c: 'Rejected' })
    ];
    const audit = auditRegistrations(
      { registrations, opportunities: [], partnerDeals: [] },
      today,
      DEFAULT_SETTINGS
    );
    expect(audit.conflicts).toEqual([
      { registrationId: 'B', type: 'Duplicate', withId: 'A' },
      { registrationId: 'C', type: 'Already registered', withId: 'A' },
      { registrationId: 'C', type: 'Duplicate', withId: 'B' }
    ]);
  });
  it('undecided registrations with a direct-sales conflict are Direct conflicts', () => {
    const registrations = [
      reg('R', { End_Customer_Account__c: '001C', Status__c: 'Needs Review' }),
      reg('S', { End_Customer_Account__c: '001C', Status__c: 'Approved', Product_Line__c: 'Storage' })
    ];
    const opportunities = [
      opp('O1', { CreatedDate: '2026-02-01T00:00:00Z' }),
      opp('O2', { Product_Line__c: 'Storage', CreatedDate: '2026-02-01T00:00:00Z' })
    ];
    const audit = auditRegistrations(
      { registrations, opportunities, partnerDeals: [] },
      today,
      DEFAULT_SETTINGS
    );
    expect(audit.conflicts).toEqual([{ registrationId: 'R', type: 'Direct', withId: 'O1' }]);
  });
  it('expired, overdue and expiring soon lists', () => {
    const registrations = [
      reg('E', { Status__c: 'Approved', Expires_On__c: '2026-03-09', End_Customer_Domain__c: 'e.com' }),
      reg('K', { Status__c: 'Approved', Expires_On__c: '2026-03-10', End_Customer_Domain__c: 'k.com' }),
      reg('O', { Submitted_On__c: '2026-03-07T23:59:59Z', End_Customer_Domain__c: 'o.com' }),
      reg('N', { Submitted_On__c: '2026-03-08T00:00:00Z', End_Customer_Domain__c: 'n.com' })
    ];
    expect(
      auditRegistrations({ registrations, opportunities: [], partnerDeals: [] }, today, DEFAULT_SETTINGS)
    ).toEqual({
      asOf: today,
      conflicts: [],
      expired: ['E'],
      overdue: ['O'],
      expiringSoon: ['K']
    });
  });
  it('empty data set', () => {
    expect(
      auditRegistrations({ registrations: [], opportunities: [], partnerDeals: [] }, today, DEFAULT_SETTINGS)
    ).toEqual({ asOf: today, conflicts: [], expired: [], overdue: [], expiringSoon: [] });
  });
});

describe('Protection: the daily expiry job', () => {
  it('expires Approved registrations past their date and Converted ones without an open or won opportunity', () => {
    const registrations = [
      reg('A', { Status__c: 'Approved', Expires_On__c: '2026-03-09' }),
      reg('B', { Status__c: 'Converted', Expires_On__c: '2026-03-01', Opportunity__c: 'O-open' }),
      reg('C', { Status__c: 'Converted', Expires_On__c: '2026-03-01', Opportunity__c: 'O-gone' }),
      reg('D', { Status__c: 'Approved', Expires_On__c: '2026-03-10' })
    ];
    const expired = runExpiryJob(
      { registrations, opportunities: [opp('O-open')], partnerDeals: [] },
      '2026-03-10'
    );
    expect(expired.map((r) => [r.Id, r.Status__c, r.Registration_Key__c])).toEqual([
      ['A', 'Expired', null],
      ['C', 'Expired', null]
    ]);
  });
  it('requests without the record they need are refused', () => {
    expect(applyEngagementAction({ action: 'submit', today: '2026-03-10', existing: {} })).toMatchObject({
      ok: false
    });
    expect(
      applyEngagementAction({
        action: 'approve',
        today: '2026-03-10',
        existing: {},
        target: { Id: 'missing' }
      })
    ).toMatchObject({ ok: false });
    expect(
      applyEngagementAction({
        action: 'convert',
        today: '2026-03-10',
        existing: {},
        target: reg('A', { Status__c: 'Approved' })
      })
    ).toMatchObject({ ok: false });
    expect(
      applyEngagementAction({
        action: 'submit',
        today: '2026-03-10',
        existing: {},
        submission: reg('A', { Status__c: 'Approved' })
      })
    ).toMatchObject({ ok: false });
  });
});
