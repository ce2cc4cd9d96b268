import fc from 'fast-check';
import { calibratedAccuracy, calibrationFor } from '../calibratedForecast';
import { indexPartnerDeals } from '../partnerDeals';
import type { Forecast_Submission__c, Opportunity, Partner_Deal__c, Review_Action__c } from '../records';
import { openActions } from '../reviewActions';
import { revenueAttribution } from '../revenueAttribution';
import { deal, opp } from './fixtures';

const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100);
const role = fc.constantFrom('Sourced', 'Co-Sell', 'Influenced', 'Resell', 'Referral', 'Partner', null);

describe('Revenue attribution properties', () => {
  it('attribution shares by primary role sum to 1 whenever anything was won', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.option(cents), role, won: fc.boolean(), partner: fc.boolean() }), {
          maxLength: 40
        }),
        (rows) => {
          const opportunities = rows.map((row, i) =>
            opp(`o${i}`, { Amount: row.amount, IsClosed: row.won, IsWon: row.won, CloseDate: '2026-05-01' })
          );
          const deals = rows
            .map((row, i) => ({ row, deal: deal(`o${i}`, 'P1', { Role__c: row.role }) }))
            .filter(({ row }) => row.partner)
            .map((entry) => entry.deal);
          const result = revenueAttribution(
            opportunities,
            indexPartnerDeals(deals),
            '2026-04-01',
            '2026-06-30'
          );
          const amounts = result.rows.reduce((sum, row) => sum + Math.round(row.amount * 100), 0);
          expect(amounts).toBe(Math.round(result.total * 100));
          const shares = result.rows.map((row) => row.share);
          // Something won: the shares add up to 1; nothing won: every share is undefined (null).
          const sum = shares.reduce<number>((total, share) => total + (share ?? 0), 0);
          expect(result.total > 0 ? Math.abs(sum - 1) < 1e-9 : shares.every((share) => share === null)).toBe(
            true
          );
        }
      )
    );
  });
});

describe('Calibrated forecast properties', () => {
  const window = ['FY2026-Q1', 'FY2025-Q4', 'FY2025-Q3', 'FY2025-Q2', 'FY2025-Q1'];
  const closeOf: Record<string, string> = {
    'FY2026-Q1': '2026-02-10',
    'FY2025-Q4': '2025-11-10',
    'FY2025-Q3': '2025-08-10',
    'FY2025-Q2': '2025-05-10',
    'FY2025-Q1': '2025-02-10'
  };

  it('the calibrated call equals the call when a partner has no history and the channel bias is 0', () => {
    fc.assert(
      fc.property(
        cents,
        // Other partners' history: calls equal to actuals (bias 0), or calls with no actual (not points).
        fc.array(
          fc.record({
            partner: fc.constantFrom('B', 'C', 'D'),
            period: fc.constantFrom(...window),
            amount: cents,
            won: fc.boolean()
          }),
          { maxLength: 12 }
        ),
        (call, others) => {
          const submissions: Forecast_Submission__c[] = [
            { Id: 'p', Period__c: 'FY2026-Q2', Partner_Account__c: 'A', Week__c: 1, Commit_Call__c: call }
          ];
          const opportunities: Opportunity[] = [];
          const deals: Partner_Deal__c[] = [];
          others.forEach((row, i) => {
            submissions.push({
              Id: `h${i}`,
              Period__c: row.period,
              Partner_Account__c: row.partner,
              Week__c: 1,
              Commit_Call__c: row.amount,
              Submitted_On__c: `2020-01-01T00:00:${String(i).padStart(2, '0')}Z`
            });
            if (row.won) {
              opportunities.push(
                opp(`w${i}`, {
                  IsClosed: true,
                  IsWon: true,
                  Amount: row.amount,
                  CloseDate: closeOf[row.period]
                })
              );
              deals.push(deal(`w${i}`, row.partner));
            }
          });
          // Only the latest call per partner and period counts: make every call of a
          // partner-period equal its total actual, so each point's bias is exactly 0.
          const actual = new Map<string, number>();
          others.forEach((row) => {
            if (row.won)
              actual.set(
                `${row.partner}|${row.period}`,
                (actual.get(`${row.partner}|${row.period}`) ?? 0) + Math.round(row.amount * 100)
              );
          });
          for (const submission of submissions.slice(1)) {
            const total = actual.get(`${submission.Partner_Account__c}|${submission.Period__c}`);
            submission.Commit_Call__c = total === undefined ? submission.Commit_Call__c : total / 100;
          }
          const data = { submissions, opportunities, partners: indexPartnerDeals(deals) };
          const calibration = calibrationFor('FY2026-Q2', data);
          expect(calibration.channelBias ?? 0).toBe(0);
          expect(calibration.of('A').bias).toBe(0);
          const report = calibratedAccuracy({ ...data, period: 'FY2026-Q2' });
          expect(report.groups.find((g) => g.key === 'A')?.calibrated).toBe(call);
        }
      )
    );
  });

  it('a partner with history is pulled towards its own bias: calibrated ≤ call when it over-called every time', () => {
    fc.assert(
      fc.property(
        cents,
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        (call, n, over) => {
          const submissions: Forecast_Submission__c[] = [
            { Id: 'p', Period__c: 'FY2026-Q2', Partner_Account__c: 'A', Week__c: 1, Commit_Call__c: call }
          ];
          const opportunities: Opportunity[] = [];
          const deals: Partner_Deal__c[] = [];
          window.slice(0, n).forEach((period, i) => {
            submissions.push({
              Id: `h${i}`,
              Period__c: period,
              Partner_Account__c: 'A',
              Week__c: 1,
              Commit_Call__c: 1000 * (1 + over)
            });
            opportunities.push(
              opp(`w${i}`, { IsClosed: true, IsWon: true, Amount: 1000, CloseDate: closeOf[period] })
            );
            deals.push(deal(`w${i}`, 'A'));
          });
          const report = calibratedAccuracy({
            submissions,
            opportunities,
            partners: indexPartnerDeals(deals),
            period: 'FY2026-Q2'
          });
          expect(report.groups[0].calibrated).toBeLessThanOrEqual(call);
        }
      )
    );
  });
});

describe('Review action properties', () => {
  it('open actions list every overdue action before any other, and only open ones', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-04-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ due: fc.option(day), done: fc.boolean() }), { maxLength: 30 }),
        day,
        (rows, today) => {
          const actions: Review_Action__c[] = rows.map((row, i) => ({
            Id: `a${String(i).padStart(2, '0')}`,
            Owner__c: 'R',
            Due_On__c: row.due,
            Status__c: row.done ? 'Done' : 'Open'
          }));
          const listed = openActions(actions, today);
          expect(listed).toHaveLength(rows.filter((row) => !row.done).length);
          const firstOnTime = listed.findIndex((row) => !row.overdue);
          expect(firstOnTime < 0 || !listed.slice(firstOnTime).some((row) => row.overdue)).toBe(true);
          for (const row of listed) expect(row.overdue).toBe(row.dueOn !== null && row.dueOn < today);
        }
      )
    );
  });
});
