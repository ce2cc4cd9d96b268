import fc from 'fast-check';
import { submitRegistration, withdrawRegistration, approveRegistration } from '../engagementRules';
import { ForecastRollUp, rollUpForecast, type ForecastGrouping } from '../forecast';
import { evaluateHygiene, HygieneEvaluation, type HygieneReport } from '../hygiene';
import { addPrimaryDeal, alignPartners, indexPartnerDeals, type PrimaryDeals } from '../partnerDeals';
import type { Deal_Registration__c, Opportunity, Partner_Deal__c } from '../records';
import { MAX_KEY_LENGTH, normalizeCompanyName, normalizeDomain, registrationKey } from '../registrationKey';
import { isActive } from '../registrationStatus';
import { DEFAULT_SETTINGS } from '../settings';
import { diffSnapshots } from '../snapshotChanges';
import { deal, opp, snap } from './fixtures';

const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100);
const category = fc.constantFrom('Pipeline', 'Best Case', 'Commit', 'Omitted', 'Closed');
const oppArb = fc.record({
  amount: fc.option(cents),
  category,
  state: fc.constantFrom('open', 'won', 'lost'),
  partner: fc.option(fc.constantFrom('P1', 'P2', 'P3')),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.constantFrom('03', '04', '05', '06', '07')
});
const toCents = (x: number) => Math.round(x * 100);

type OppRow = {
  amount: number | null;
  category: string;
  state: string;
  partner: string | null;
  day: number;
  month: string;
};

function build(rows: OppRow[]) {
  const opportunities: Opportunity[] = [];
  const deals: Partner_Deal__c[] = [];
  rows.forEach((row, i) => {
    opportunities.push(
      opp(`o${i}`, {
        Amount: row.amount,
        ForecastCategoryName: row.category,
        IsClosed: row.state !== 'open',
        IsWon: row.state === 'won',
        CloseDate: `2026-${row.month}-${String(row.day).padStart(2, '0')}`
      })
    );
    if (row.partner) deals.push(deal(`o${i}`, row.partner));
  });
  return { opportunities, partners: indexPartnerDeals(deals) };
}

describe('Forecast roll-up properties', () => {
  it('totals equal the sum of groups and do not depend on input order', () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 60 }), fc.boolean(), (rows, includeDirect) => {
        const { opportunities, partners } = build(rows);
        const report = rollUpForecast({
          period: 'FY2026-Q2',
          by: 'partner',
          opportunities,
          partners,
          includeDirect
        });
        for (const column of [
          'closed',
          'commit',
          'bestCase',
          'pipeline',
          'omitted',
          'commitForecast',
          'openPipeline'
        ] as const) {
          expect(report.groups.reduce((s, g) => s + toCents(g[column]), 0)).toBe(
            toCents(report.total[column])
          );
        }
        const reversed = rollUpForecast({
          period: 'FY2026-Q2',
          by: 'partner',
          opportunities: [...opportunities].reverse(),
          partners,
          includeDirect
        });
        expect(reversed).toEqual(report);
      })
    );
  });
  it('closed ≤ commit forecast ≤ best-case forecast', () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 60 }), (rows) => {
        const { opportunities, partners } = build(rows);
        for (const row of [
          ...rollUpForecast({ period: 'FY2026-Q2', by: 'partner', opportunities, partners }).groups
        ]) {
          expect(row.closed).toBeLessThanOrEqual(row.commitForecast);
          expect(row.commitForecast).toBeLessThanOrEqual(row.bestCaseForecast);
        }
      })
    );
  });
});

describe('Streamed roll-up (property)', () => {
  // Deals as an export holds them: some not primary, some opportunities with two primaries.
  const extraDeal = fc.record({
    opp: fc.nat({ max: 59 }),
    partner: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
    primary: fc.boolean(),
    id: fc.constantFrom('pd-0', 'pd-z')
  });
  it('rows fed one at a time with their primary deals give the report of the list, in any grouping', () => {
    fc.assert(
      fc.property(
        fc.array(oppArb, { maxLength: 60 }),
        fc.array(extraDeal, { maxLength: 30 }),
        fc.constantFrom<ForecastGrouping>('partner', 'owner', 'manager', 'region'),
        fc.boolean(),
        (rows, extra, by, includeDirect) => {
          const { opportunities } = build(rows);
          opportunities.forEach((o, i) => (o.OwnerId = i % 3 === 0 ? null : `005${i % 4}`));
          const deals = rows.flatMap((row, i) => (row.partner ? [deal(`o${i}`, row.partner)] : []));
          for (const e of extra) {
            deals.push(deal(`o${e.opp}`, e.partner, { Id: e.id, Is_Primary__c: e.primary }));
          }
          const options = {
            period: 'FY2026-Q2',
            by,
            includeDirect,
            users: [{ Id: '0051', Name: 'Una', ManagerId: '005M' }],
            accounts: [
              { Id: 'P1', Partner_Region__c: 'EMEA' },
              { Id: 'P2', Partner_Region__c: 'AMER' }
            ]
          };
          const expected = rollUpForecast({ ...options, opportunities, partners: indexPartnerDeals(deals) });
          const primaries: PrimaryDeals = new Map();
          for (const d of [...deals].reverse()) addPrimaryDeal(primaries, d);
          const rollUp = new ForecastRollUp(options);
          for (const o of opportunities) rollUp.add(o, primaries.get(o.Id) ?? null);
          expect(rollUp.report()).toEqual(expected);
        }
      )
    );
  });
});

describe('Partner column fast path (property)', () => {
  it('a roll-up by partner over the column (dense slots) equals the one over the index', () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 60 }), fc.boolean(), (rows, includeDirect) => {
        const { opportunities, partners } = build(rows);
        const input = { period: 'FY2026-Q2', by: 'partner' as const, opportunities, includeDirect };
        const viaIndex = rollUpForecast({ ...input, partners });
        expect(rollUpForecast({ ...input, partners: alignPartners(opportunities, partners) })).toEqual(
          viaIndex
        );
        // A column a caller built by hand has no cached slots: they are computed for the call.
        const handMade = opportunities.map((o) => partners.get(o.Id));
        expect(rollUpForecast({ ...input, partners: handMade })).toEqual(viaIndex);
      })
    );
  });
  it('a hand-made column changed between two calls is read afresh', () => {
    const opportunities = [opp('o1'), opp('o2')];
    const partners = indexPartnerDeals([deal('o1', 'P1'), deal('o2', 'P2')]);
    const column = opportunities.map((o) => partners.get(o.Id));
    const keys = () =>
      rollUpForecast({ period: 'FY2026-Q2', by: 'partner', opportunities, partners: column }).groups.map(
        (g) => g.key
      );
    expect(keys()).toEqual(['P1', 'P2']);
    column[1] = partners.get('o1');
    expect(keys()).toEqual(['P1']);
  });
  it('hygiene fed one opportunity at a time equals hygiene over the list', () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 60 }), fc.boolean(), (rows, allOpen) => {
        const { opportunities, partners } = build(rows);
        opportunities.forEach((o, i) => (o.LeadSource = i % 4 === 0 ? 'Partner' : 'Web'));
        const options = {
          today: '2026-05-11',
          allOpen,
          settings: DEFAULT_SETTINGS,
          registrations: [
            {
              Id: 'r1',
              Partner_Account__c: 'P1',
              Status__c: 'Approved',
              Expires_On__c: '2026-05-01',
              Opportunity__c: 'o1'
            }
          ],
          accounts: [{ Id: 'P1', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' }],
          plans: []
        };
        const evaluation = new HygieneEvaluation(options);
        for (const o of opportunities) evaluation.add(o, partners.get(o.Id));
        const streamed = evaluation.report();
        expect(streamed).toEqual(evaluateHygiene({ ...options, opportunities, partners }));
        expect(evaluation.report()).toBe(streamed);
        expect(() => evaluation.add(opportunities[0] ?? opp('late'), undefined)).toThrow(
          'HygieneEvaluation: an opportunity was added after the report was made'
        );
      })
    );
  });
  it('hygiene handed over in parts (take) gives the findings and scores of one evaluation, in order', () => {
    fc.assert(
      fc.property(
        fc.array(oppArb, { maxLength: 60 }),
        fc.array(fc.nat(60), { maxLength: 6 }),
        (rows, cuts) => {
          const { opportunities, partners } = build(rows);
          opportunities.forEach((o, i) => (o.LeadSource = i % 3 === 0 ? 'Partner' : 'Web'));
          const options = {
            today: '2026-05-11',
            settings: DEFAULT_SETTINGS,
            accounts: [{ Id: 'P1', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' }],
            plans: []
          };
          const whole = evaluateHygiene({ ...options, opportunities, partners });
          const evaluation = new HygieneEvaluation(options);
          const findings: HygieneReport['findings'] = [];
          const scores: HygieneReport['scores'] = [];
          opportunities.forEach((o, i) => {
            evaluation.add(o, partners.get(o.Id));
            if (cuts.includes(i)) {
              const part = evaluation.take();
              findings.push(...part.findings);
              scores.push(...part.scores);
            }
          });
          const rest = evaluation.report();
          expect([...findings, ...rest.findings]).toEqual(whole.findings);
          expect([...scores, ...rest.scores]).toEqual(whole.scores);
          expect(rest.hygienePercent).toBe(whole.hygienePercent);
          expect(rest.unreliable).toBe(whole.unreliable);
          expect(() => evaluation.take()).toThrow('HygieneEvaluation: take() after the report was made');
        }
      )
    );
  });
  it('hygiene over the column equals hygiene over the index', () => {
    fc.assert(
      fc.property(fc.array(oppArb, { maxLength: 60 }), (rows) => {
        const { opportunities, partners } = build(rows);
        const input = { today: '2026-05-11', opportunities, settings: DEFAULT_SETTINGS };
        expect(evaluateHygiene({ ...input, partners: alignPartners(opportunities, partners) })).toEqual(
          evaluateHygiene({ ...input, partners })
        );
      })
    );
  });
});

describe('Waterfall property', () => {
  const snapArb = fc.record({
    key: fc.integer({ min: 0, max: 30 }),
    amount: fc.option(cents),
    category,
    closed: fc.boolean(),
    won: fc.boolean(),
    close: fc.constantFrom('2026-03-30', '2026-04-01', '2026-06-30', '2026-07-01')
  });
  const rows = (
    list: {
      key: number;
      amount: number | null;
      category: string;
      closed: boolean;
      won: boolean;
      close: string;
    }[]
  ) => {
    const seen = new Map<string, ReturnType<typeof snap>>();
    for (const r of list) {
      seen.set(
        `k${r.key}`,
        snap(`k${r.key}`, {
          Amount__c: r.amount,
          Forecast_Category__c: r.category,
          Is_Closed__c: r.closed || r.won,
          Is_Won__c: r.won,
          Close_Date__c: r.close
        })
      );
    }
    return [...seen.values()];
  };
  it('a waterfall from A to B always sums to B − A, sorted or not', () => {
    fc.assert(
      fc.property(
        fc.array(snapArb, { maxLength: 40 }),
        fc.array(snapArb, { maxLength: 40 }),
        fc.boolean(),
        (a, b, sort) => {
          const from = rows(a);
          const to = rows(b);
          if (sort) {
            from.sort((x, y) => (x.Opportunity_Key__c < y.Opportunity_Key__c ? -1 : 1));
            to.sort((x, y) => (x.Opportunity_Key__c < y.Opportunity_Key__c ? -1 : 1));
          }
          const report = diffSnapshots({ from, to, period: { start: '2026-04-01', end: '2026-06-30' } });
          expect(report.changes.reduce((s, c) => s + toCents(c.commitDelta), 0)).toBe(
            toCents(report.commitTo) - toCents(report.commitFrom)
          );
          expect(report.changes.reduce((s, c) => s + toCents(c.pipelineDelta), 0)).toBe(
            toCents(report.pipelineTo) - toCents(report.pipelineFrom)
          );
          expect(new Set(report.changes.map((c) => c.opportunityId)).size).toBe(
            new Set([...from, ...to].map((r) => r.Opportunity_Key__c)).size
          );
        }
      )
    );
  });
});

describe('Registration key properties', () => {
  const messy = fc.string({
    unit: fc.constantFrom(
      'a',
      'B',
      ' ',
      '.',
      ',',
      '/',
      ':',
      '@',
      'w',
      'inc',
      'Co',
      'http://',
      'www.',
      '-',
      'é',
      '8'
    ),
    maxLength: 20
  });
  it('key normalisation is idempotent', () => {
    fc.assert(
      fc.property(messy, (text) => {
        expect(normalizeDomain(normalizeDomain(text))).toBe(normalizeDomain(text));
        expect(normalizeCompanyName(normalizeCompanyName(text))).toBe(normalizeCompanyName(text));
      })
    );
    fc.assert(
      fc.property(fc.string(), (text) =>
        expect(normalizeCompanyName(normalizeCompanyName(text))).toBe(normalizeCompanyName(text))
      )
    );
  });
});

describe('Registration keys fit their fields (property)', () => {
  const longText = fc.string({ unit: 'binary', maxLength: 300 });
  const productLine = fc.option(fc.string({ unit: 'grapheme', maxLength: 255 }));
  it('any end customer and product line of legal length gives a key of at most 255 characters', () => {
    fc.assert(
      fc.property(longText, fc.option(longText), productLine, (name, domain, line) => {
        const key = registrationKey({
          End_Customer_Name__c: name,
          End_Customer_Domain__c: domain,
          Product_Line__c: line
        });
        expect(key === null || key.length <= MAX_KEY_LENGTH).toBe(true);
      })
    );
  });
  it('two registrations share a key exactly when their unfitted keys are equal', () => {
    const unfitted = (name: string, line: string) =>
      `${normalizeCompanyName(name)}|${line.trim().toLowerCase()}`;
    // Long names, and a second name that is the first written differently or changed anywhere.
    const name = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'É'), maxLength: 400 }).map((n) => `a${n}`);
    const variant = fc.constantFrom(
      (n: string) => n,
      (n: string) => n.toUpperCase(),
      (n: string) => `  ${n.replace(/ /g, '   ')} Inc.`,
      (n: string) => `${n}b`,
      (n: string) => `b${n.slice(1)}`
    );
    const line = fc.constantFrom('analytics', 'Analytics', 'security');
    fc.assert(
      fc.property(name, variant, line, line, (nameA, vary, lineA, lineB) => {
        const nameB = vary(nameA);
        const keyA = registrationKey({ End_Customer_Name__c: nameA, Product_Line__c: lineA });
        const keyB = registrationKey({ End_Customer_Name__c: nameB, Product_Line__c: lineB });
        expect(keyA === keyB).toBe(unfitted(nameA, lineA) === unfitted(nameB, lineB));
      })
    );
  });
});

describe('First to register wins (property)', () => {
  const step = fc.record({
    kind: fc.constantFrom('submit', 'submit', 'approve', 'withdraw'),
    partner: fc.constantFrom('P1', 'P2', 'P3'),
    customer: fc.constantFrom('Delta Corp, Inc.', 'DELTA corp.', 'delta', 'Gamma LLC'),
    domain: fc.constantFrom(null, 'https://www.delta.com/', 'delta.com.', 'gamma.io'),
    pick: fc.nat()
  });
  it('after any sequence of submissions at most one registration per key is active', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let registrations: Deal_Registration__c[] = [];
        steps.forEach((s, i) => {
          const existing = { registrations, opportunities: [], partnerDeals: [] };
          const today = '2026-03-10';
          if (s.kind === 'submit') {
            const result = submitRegistration(
              {
                Id: `r${i}`,
                Partner_Account__c: s.partner,
                End_Customer_Name__c: s.customer,
                End_Customer_Domain__c: s.domain,
                Product_Line__c: 'X',
                Status__c: 'Draft',
                Submitted_On__c: `2026-03-10T00:00:${String(i).padStart(2, '0')}Z`
              },
              existing,
              today
            );
            if (result.ok) registrations = [...registrations, result.registration];
            return;
          }
          const target = registrations[s.pick % Math.max(1, registrations.length)];
          if (!target) return;
          const result =
            s.kind === 'approve'
              ? approveRegistration(target, existing, today, DEFAULT_SETTINGS)
              : withdrawRegistration(target);
          if (result.ok)
            registrations = registrations.map((r) => (r.Id === target.Id ? result.registration : r));
        });
        const activeKeys = registrations.filter((r) => isActive(r, new Map())).map((r) => registrationKey(r));
        expect(new Set(activeKeys).size).toBe(activeKeys.length);
      })
    );
  });
});
