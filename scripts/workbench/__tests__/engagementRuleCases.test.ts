import { join } from 'node:path';
import cases from '../../../force-app/main/default/staticresources/engagementRuleCases.json';
import {
  isActive,
  isExpiringSoon,
  isOverdue,
  canTransition
} from '../../../force-app/main/default/lwc/psmsEngine/registrationStatus';
import { registrationKey } from '../../../force-app/main/default/lwc/psmsEngine/registrationKey';
import type {
  Deal_Registration__c,
  Opportunity
} from '../../../force-app/main/default/lwc/psmsEngine/records';
import {
  withSettings,
  type SettingsOverrides
} from '../../../force-app/main/default/lwc/psmsEngine/settings';
import type { AdapterContext } from '../adapter/adapterContext';
import { storeOpenDispute, storeResolution } from '../adapter/disputeStore';
import { insertRecord, inTransaction, select, selectById } from '../adapter/recordStore';
import {
  changeRegistrationNow,
  storeSubmission,
  type RegistrationChange
} from '../adapter/registrationStore';
import { RequestError } from '../adapter/requestError';
import { openEmptyDatabase, toSql, type FieldValue } from '../db/demoDatabase';

/**
 * The shared engagement-rule case file (SPEC §6), run against the local adapter: each case's
 * existing records go into an empty demo database, the action goes through the adapter's
 * registration store (the code the HTTP operations use), and the stored row must match.
 */

interface Case {
  name: string;
  action: string;
  today: string;
  settings?: SettingsOverrides;
  existing: {
    registrations?: Record<string, FieldValue>[];
    opportunities?: Record<string, FieldValue>[];
    partnerDeals?: Record<string, FieldValue>[];
    disputes?: Record<string, FieldValue>[];
  };
  submission?: Record<string, FieldValue>;
  target?: Record<string, FieldValue>;
  reason?: string;
  resolution?: string;
  note?: string;
  opportunityId?: string;
  from?: string;
  to?: string;
  expected: Record<string, string | number | boolean | null>;
}

const FIELD_OF: Record<string, string> = {
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

const forceAppDir = join(__dirname, '..', '..', '..', 'force-app');
const all = (cases as unknown as { cases: Case[] }).cases;

/** Inserts rows as given (ids included), filling the columns the tables require. */
function load(
  ctx: AdapterContext,
  object: 'Deal_Registration__c' | 'Opportunity' | 'Partner_Deal__c' | 'Registration_Dispute__c',
  rows: Record<string, FieldValue>[] = []
): void {
  const columns = ctx.demo.tables.get(object)?.columns;
  for (const row of rows) {
    const fields = Object.keys(row).filter((f) => columns?.has(f));
    ctx.demo.db
      .prepare(`INSERT INTO ${object} (${fields.join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`)
      .run(...fields.map((f) => toSql(row[f])));
  }
}

/**
 * The keys the org's trigger stores on insert: Normalized_Key__c always, Registration_Key__c on
 * the earliest-submitted active holder of each key (data loaded with two holders keeps only one
 * in the unique field, as the database allows).
 */
function withStoredKeys(
  rows: Record<string, FieldValue>[],
  opportunityRows: Record<string, FieldValue>[]
): Record<string, FieldValue>[] {
  const byId = new Map(opportunityRows.map((o) => [String(o.Id), o]));
  const held = new Set<string>();
  return [...rows]
    .sort((a, b) => String(a.Submitted_On__c ?? '').localeCompare(String(b.Submitted_On__c ?? '')))
    .map((row) => {
      const registration = row as unknown as Deal_Registration__c;
      const key = registrationKey(registration);
      const opportunities = new Map(
        [...byId].filter(([id]) => id === registration.Opportunity__c)
      ) as unknown as Map<string, Opportunity>;
      const holds = key !== null && isActive(registration, opportunities) && !held.has(key);
      if (holds && key) held.add(key);
      return {
        ...row,
        Normalized_Key__c: row.Normalized_Key__c ?? key,
        Registration_Key__c: row.Registration_Key__c ?? (holds ? key : null)
      };
    });
}

function contextFor(testCase: Case): AdapterContext {
  const demo = openEmptyDatabase(forceAppDir);
  return {
    demo,
    settings: withSettings(testCase.settings),
    forceAppDir,
    today: () => testCase.today,
    now: () => `${testCase.today}T12:00:00.000Z`
  };
}

function run(testCase: Case, ctx: AdapterContext): { registration?: Deal_Registration__c; value?: boolean } {
  load(ctx, 'Opportunity', testCase.existing.opportunities);
  load(ctx, 'Partner_Deal__c', testCase.existing.partnerDeals);
  load(
    ctx,
    'Deal_Registration__c',
    withStoredKeys(testCase.existing.registrations ?? [], testCase.existing.opportunities ?? [])
  );
  load(ctx, 'Registration_Dispute__c', testCase.existing.disputes);
  if (testCase.action === 'openDispute' || testCase.action === 'resolveDispute') {
    const id = String(testCase.target?.Id ?? '');
    const outcome = inTransaction(ctx.demo, () =>
      testCase.action === 'openDispute'
        ? storeOpenDispute(ctx, id, testCase.reason ?? '')
        : storeResolution(ctx, id, testCase.resolution ?? '', testCase.note ?? '')
    );
    return { registration: outcome.registration };
  }
  if (testCase.action === 'transition')
    return { value: canTransition(testCase.from ?? '', testCase.to ?? '') };
  if (testCase.action === 'submit')
    return { registration: storeSubmission(ctx, testCase.submission as unknown as Deal_Registration__c) };
  // The target: a stored registration overlaid with the case's fields, or a new one.
  const target = testCase.target ?? {};
  let id = typeof target.Id === 'string' ? target.Id : '';
  if (id && selectById(ctx.demo, 'Deal_Registration__c', id)) {
    const fields = Object.keys(target).filter((f) => f !== 'Id');
    if (fields.length)
      ctx.demo.db
        .prepare(`UPDATE Deal_Registration__c SET ${fields.map((f) => `${f} = ?`).join(', ')} WHERE Id = ?`)
        .run(...fields.map((f) => toSql(target[f])), id);
  } else {
    id = insertRecord<Deal_Registration__c>(ctx.demo, 'Deal_Registration__c', target).Id ?? '';
  }
  const stored = selectById<Deal_Registration__c>(
    ctx.demo,
    'Deal_Registration__c',
    id
  ) as Deal_Registration__c;
  if (testCase.action === 'overdue') return { value: isOverdue(stored, testCase.today, ctx.settings) };
  if (testCase.action === 'expiringSoon')
    return { value: isExpiringSoon(stored, testCase.today, ctx.settings) };
  const change = (
    testCase.action === 'reject'
      ? { action: 'reject', reason: testCase.reason ?? '' }
      : testCase.action === 'convert'
        ? { action: 'convert', opportunityId: testCase.opportunityId ?? '' }
        : { action: testCase.action }
  ) as RegistrationChange;
  return { registration: changeRegistrationNow(ctx, id, change) };
}

describe('engagement rules against the local adapter (engagementRuleCases.json)', () => {
  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const ctx = contextFor(testCase);
    try {
      const { error, value, ...fields } = testCase.expected;
      if (error === true) {
        expect(() => run(testCase, ctx)).toThrow(RequestError);
        return;
      }
      const outcome = run(testCase, ctx);
      if (value !== undefined) {
        expect(outcome.value).toBe(value);
        return;
      }
      const stored = selectById<Record<string, FieldValue>>(
        ctx.demo,
        'Deal_Registration__c',
        outcome.registration?.Id ?? ''
      );
      const id = String(stored?.Id ?? '');
      const [dispute] = select<Record<string, FieldValue>>(
        ctx.demo,
        'Registration_Dispute__c',
        'Deal_Registration__c = ?',
        [id],
        'Name DESC'
      );
      const [coSell] = select<Record<string, FieldValue>>(
        ctx.demo,
        'Partner_Deal__c',
        "Role__c = 'Co-Sell' AND Partner_Account__c = ?",
        [String(stored?.Partner_Account__c ?? '')]
      );
      const DISPUTE_FIELDS: Record<string, FieldValue | undefined> = {
        disputeStatus: dispute?.Status__c,
        resolution: dispute?.Resolution__c,
        previousStatus: dispute?.Previous_Status__c,
        coSellOpportunity: coSell?.Opportunity__c,
        coSellRole: coSell?.Role__c,
        coSellPrimary: coSell?.Is_Primary__c
      };
      for (const [key, want] of Object.entries(fields)) {
        const actual = key in DISPUTE_FIELDS ? DISPUTE_FIELDS[key] : stored?.[FIELD_OF[key]];
        expect([key, actual ?? null]).toEqual([key, want]);
      }
    } finally {
      ctx.demo.close();
    }
  });
});
