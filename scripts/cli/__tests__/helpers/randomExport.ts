import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLine } from '../../src/csv/writeCsv';
import { fieldsOf, OBJECT_NAMES, type ObjectName } from '../../src/data/schema';
import { id } from './fixtureIds';

/**
 * A random, valid partner business as an export folder: every object every report reads, with
 * the ties that make order matter if anything does (several calls submitted the same minute,
 * registrations of one customer, deals sharing an opportunity, equal close dates, amounts in
 * cents). Values stay inside the rules exportValues.test.ts enforces, so every report runs.
 */

type Row = Record<string, string>;
export type RandomExport = Partial<Record<ObjectName, Row[]>>;

const DATES = [
  '2026-01-05',
  '2026-01-20',
  '2026-02-10',
  '2026-02-16',
  '2026-03-01',
  '2026-03-31',
  '2026-04-15',
  '2026-05-20'
];
const TIMES = [
  '2026-01-05T10:00:00.000Z',
  '2026-01-05T10:00:00.000Z',
  '2026-01-06T08:30:00.000Z',
  '2026-02-10T09:00:00.000Z'
];
const CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Omitted'];
const PRODUCTS = ['Platform', 'Analytics', 'Security'];
const ROLES = ['Sourced', 'Co-Sell', 'Influenced', 'Resell', 'Referral'];
const STATUSES = [
  'Draft',
  'Submitted',
  'Approved',
  'Rejected',
  'Needs Review',
  'Converted',
  'Expired',
  'Withdrawn'
];
const PERIODS = ['FY2026-Q1', 'FY2026-Q2', 'FY2025-Q4'];
export const SNAPSHOT_DATES = ['2026-02-09', '2026-02-16'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: '' as const });
const money = fc.integer({ min: 0, max: 20_000_000 }).map((cents) => (cents / 100).toFixed(2));

const users = ['005U1', '005U2', '005U3', '005M1', '005M2'].map(id);
const partners = ['001P1', '001P2', '001P3', '001P4'].map(id);
const customers = ['001C1', '001C2'].map(id);

export function randomExport(): fc.Arbitrary<RandomExport> {
  return fc
    .record({
      opportunities: fc.array(
        fc.record({
          Name: fc.constantFrom('Deal', 'Deal, renewal', 'Two\nlines', 'With "quotes"'),
          AccountId: pick(customers),
          OwnerId: pick(users.slice(0, 3)),
          Amount: maybe(money),
          CloseDate: pick(DATES),
          Probability: fc.integer({ min: 0, max: 100 }).map(String),
          ForecastCategoryName: pick(CATEGORIES),
          state: pick(['open', 'open', 'won', 'lost']),
          NextStep: pick(['', 'Call']),
          LastActivityDate: maybe(pick(DATES)),
          PushCount: fc.integer({ min: 0, max: 4 }).map(String),
          LastStageChangeDate: maybe(pick(TIMES)),
          CreatedDate: pick([
            '2025-11-01T10:00:00.000Z',
            '2025-12-20T23:30:00.000-05:00',
            '2026-01-02T00:00:00.000Z'
          ]),
          LeadSource: pick(['Partner', 'Web']),
          Product_Line__c: pick(PRODUCTS),
          Validated_On__c: maybe(pick(DATES)),
          Help_Needed__c: pick(['', 'Pricing']),
          snapshots: fc.subarray(SNAPSHOT_DATES)
        }),
        { minLength: 1, maxLength: 14 }
      ),
      deals: fc.array(
        fc.record({
          opportunity: fc.nat(),
          Partner_Account__c: pick(partners),
          Role__c: pick(ROLES),
          Co_Sell__c: fc.boolean().map(String),
          Is_Primary__c: fc.boolean().map(String)
        }),
        { maxLength: 14 }
      ),
      registrations: fc.array(
        fc.record({
          Partner_Account__c: pick(partners),
          End_Customer_Account__c: maybe(pick(customers)),
          End_Customer_Name__c: pick(['Delta Corp', 'DELTA corp.', 'Echo Ltd']),
          End_Customer_Domain__c: pick(['', 'echo.com']),
          Product_Line__c: pick(PRODUCTS),
          Status__c: pick(STATUSES),
          Submitted_On__c: pick(TIMES),
          Expires_On__c: maybe(pick(DATES))
        }),
        { maxLength: 8 }
      ),
      submissions: fc.array(
        fc.record({
          Period__c: pick(PERIODS),
          Partner_Account__c: maybe(pick(partners)),
          Submitted_By__c: pick(users.slice(3)),
          Submitted_On__c: pick(TIMES),
          Week__c: pick(['1', '1', '5']),
          Commit_Call__c: money,
          Best_Case_Call__c: money
        }),
        { maxLength: 8 }
      ),
      targets: fc.array(
        fc.record({
          Period__c: pick(PERIODS),
          Partner_Account__c: maybe(pick(partners)),
          Manager__c: maybe(pick(users.slice(3))),
          Revenue_Target__c: money,
          Recruitment_Target__c: fc.integer({ min: 0, max: 5 }).map(String),
          Program_Cost__c: maybe(money)
        }),
        { maxLength: 5 }
      ),
      plans: fc.array(
        fc.record({
          Partner_Account__c: pick(partners),
          Status__c: pick(['Draft', 'Active', 'Closed']),
          Last_Reviewed_On__c: maybe(pick(DATES)),
          Revenue_Goal__c: maybe(money),
          Satisfaction_Score__c: maybe(fc.integer({ min: 1, max: 10 }).map(String))
        }),
        { maxLength: 5 }
      )
    })
    .map((drawn) => {
      const opportunityIds = drawn.opportunities.map((_, i) => id(`006O${i}`));
      const Opportunity = drawn.opportunities.map(({ state, snapshots: _s, ...opp }, i) => ({
        ...opp,
        Id: opportunityIds[i],
        StageName: state === 'won' ? 'Closed Won' : state === 'lost' ? 'Closed Lost' : 'Negotiation',
        ForecastCategoryName: state === 'won' ? 'Closed' : opp.ForecastCategoryName,
        IsClosed: String(state !== 'open'),
        IsWon: String(state === 'won')
      }));
      // The first opportunity is in both snapshots, so that `changes` has two to compare.
      const snapshots = drawn.opportunities.flatMap((opp, i) =>
        (i === 0 ? SNAPSHOT_DATES : opp.snapshots).map((date) => ({
          Id: id(`a07S${date.slice(-2)}${i}`),
          Snapshot_Date__c: date,
          Opportunity_Key__c: opportunityIds[i],
          Period__c: 'FY2026-Q1',
          Amount__c: opp.Amount,
          Forecast_Category__c: Opportunity[i].ForecastCategoryName,
          Close_Date__c: opp.CloseDate,
          Is_Closed__c: Opportunity[i].IsClosed,
          Is_Won__c: Opportunity[i].IsWon,
          Owner__c: opp.OwnerId
        }))
      );
      return {
        User: users.map((user, i) => ({
          Id: user,
          Name: `User ${i}`,
          ManagerId: i < 3 ? users[3 + (i % 2)] : ''
        })),
        Account: [
          ...partners.map((partner, i) => ({
            Id: partner,
            Name: `Partner ${i}`,
            OwnerId: users[i % 3],
            Partner_Status__c: ['Active', 'Onboarding', 'Recruited', 'Inactive'][i],
            Partner_Tier__c: ['Gold', 'Silver', 'Platinum', 'Registered'][i],
            Partner_Region__c: ['EMEA', 'AMER', '', 'EMEA'][i],
            Recruited_On__c: ['2025-06-01', '2026-01-10', '2025-03-01', '2026-02-01'][i],
            Activated_On__c: ['2025-07-01', '2026-01-20', '', ''][i],
            First_Revenue_On__c: ['2026-01-20', '', '2025-08-01', ''][i]
          })),
          ...customers.map((customer, i) => ({ Id: customer, Name: `Customer ${i}` }))
        ],
        Opportunity,
        Partner_Deal__c: drawn.deals.map(({ opportunity, ...deal }, i) => ({
          ...deal,
          Id: id(`a01D${i}`),
          Opportunity__c: opportunityIds[opportunity % opportunityIds.length]
        })),
        Deal_Registration__c: drawn.registrations.map((registration, i) => ({
          ...registration,
          Id: id(`a02R${i}`),
          Name: `REG-${i}`
        })),
        Forecast_Submission__c: drawn.submissions.map((submission, i) => ({
          ...submission,
          Id: id(`a06F${i}`)
        })),
        Partner_Target__c: drawn.targets.map((target, i) => ({ ...target, Id: id(`a05T${i}`) })),
        Partner_Account_Plan__c: drawn.plans.map((plan, i) => ({
          ...plan,
          Id: id(`a04A${i}`),
          Fiscal_Year__c: 'FY2026'
        })),
        Opportunity_Snapshot__c: snapshots,
        Review_Action__c: []
      };
    });
}

/** Writes the export: every file with every schema column, rows in the order given. */
export function writeExport(data: RandomExport, dir = mkdtempSync(join(tmpdir(), 'psms-random-'))): string {
  mkdirSync(dir, { recursive: true });
  for (const object of OBJECT_NAMES) {
    const fields = fieldsOf(object);
    const rows = data[object] ?? [];
    writeFileSync(
      join(dir, `${object}.csv`),
      csvLine(fields) + rows.map((row) => csvLine(fields.map((field) => row[field] ?? ''))).join('')
    );
  }
  return dir;
}
