import fc from 'fast-check';
import type { HygieneFinding, HygieneReport } from '../src/engine';
import { jsonChunks } from '../src/output/jsonChunks';
import { inRecordOrder } from '../src/output/recordOrder';
import { HygieneJson } from '../src/reports/hygieneJson';

/**
 * hygiene --json written in parts as the findings come prints exactly what the report printed
 * from all its findings at once: findings and scores in record id order as inRecordOrder puts
 * them (stable, each record's findings in rule order), the partner accounts' plan findings
 * merged in — whether the parts come in id order (an export in id order) or not, with ties,
 * plan findings before, between, inside or after the opportunities' ids, whatever the size of
 * the parts the text is joined into.
 */

const utf8 = new TextDecoder();
const ids = ['001A', '001B', '006A', '006B', '006C', '006D', '007A'];
const finding = (recordId: string, rule: string, n: number): HygieneFinding =>
  ({
    rule,
    severity: n % 2 === 0 ? 'high' : 'medium',
    recordId,
    // Plain ASCII, or with what JSON.stringify escapes or writes beyond ASCII (2, 3 and 4 bytes).
    reason: n % 3 === 0 ? `Reason ${n} is plain ASCII.` : `Reason "${n}" \\ é € 😀\u0001\ud800\n`,
    reasonKey: 'STALE',
    reasonParams: [],
    fix: 'Fix it.'
  }) as unknown as HygieneFinding;

const opportunityFindings = fc.array(
  fc.tuple(
    fc.constantFrom(...ids.slice(2)),
    fc.constantFrom('PAST_CLOSE_DATE', 'STALE', 'PUSHED'),
    fc.boolean()
  ),
  { maxLength: 30 }
);

describe('hygiene --json in parts', () => {
  it('prints what the whole report printed', () => {
    fc.assert(
      fc.property(
        opportunityFindings,
        fc.array(fc.nat(30), { maxLength: 6 }),
        fc.subarray(ids),
        fc.boolean(),
        fc.integer({ min: 1, max: 600 }),
        (rows, cuts, planIds, sorted, partBytes) => {
          const all = rows.map(([id, rule], n) => finding(id, rule, n));
          if (sorted) all.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
          const scores = all.map((f, n) => ({ recordId: f.recordId, score: 100 - n }));
          const plans = planIds.map((id, n) => finding(id, 'PLAN_OUTDATED', 100 + n));
          const report: HygieneReport = {
            asOf: '2026-05-11',
            findings: plans,
            scores: plans.map((f, n) => ({ recordId: f.recordId, score: 70 + n })),
            hygienePercent: 0.5,
            unreliable: true
          };
          const streamed = new HygieneJson(partBytes);
          let from = 0;
          for (const cut of [...new Set(cuts)].sort((a, b) => a - b).concat(all.length)) {
            const to = Math.min(cut, all.length);
            if (to < from) continue;
            streamed.add({ findings: all.slice(from, to), scores: scores.slice(from, to) });
            from = to;
          }
          const expected = JSON.stringify({
            asOf: report.asOf,
            findings: inRecordOrder([...all, ...plans]).map(({ rule, severity, recordId, reason }) => ({
              rule,
              severity,
              recordId,
              reason
            })),
            scores: inRecordOrder([...scores, ...report.scores]),
            hygienePercent: 0.5,
            unreliable: true
          });
          const printed = [...jsonChunks(streamed.json(report))]
            .map((chunk) => (typeof chunk === 'string' ? chunk : utf8.decode(chunk)))
            .join('');
          expect(printed).toBe(expected);
          expect(JSON.stringify(streamed.json(report))).toBe(expected);
        }
      ),
      { numRuns: 500 }
    );
  });
});
