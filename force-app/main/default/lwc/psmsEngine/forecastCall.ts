import { latestCalls } from './forecastCalls';
import type { ForecastReport, ForecastRow } from './forecast';
import type { Forecast_Submission__c, IsoDateTime, RecordId } from './records';

/**
 * The forecast call beside the roll-up (SPEC §3): each partner's latest submitted Commit and
 * Best Case call next to the system's numbers, never overwriting them. The leadership total is
 * the sum of the partner calls plus each manager's adjustment: where a manager submitted a
 * whole-team call (blank partner), it replaces the sum of that manager's partner calls.
 */

export interface CallBeside extends ForecastRow {
  commitCall: number | null;
  bestCaseCall: number | null;
  note: string | null;
  submittedBy: RecordId | null;
  submittedOn: IsoDateTime | null;
  week: number | null;
}

export interface ForecastWithCalls {
  period: string;
  groups: CallBeside[];
  total: ForecastRow & { commitCall: number | null; bestCaseCall: number | null };
  /** Per manager: the team call minus the sum of that manager's partner calls. */
  adjustments: { managerId: RecordId; commit: number; bestCase: number }[];
}

/** `rollUp` must be grouped by partner. */
export function forecastBesideCall(
  rollUp: ForecastReport,
  submissions: readonly Forecast_Submission__c[]
): ForecastWithCalls {
  if (rollUp.by !== 'partner') {
    throw new RangeError('Forecast calls are made per partner: roll up by partner.');
  }
  const calls = latestCalls(submissions, rollUp.period);
  const partnerSums = new Map<RecordId, { commit: number; bestCase: number }>();
  let commitTotal: number | null = null;
  let bestCaseTotal: number | null = null;
  const groups = rollUp.groups.map((row): CallBeside => {
    const call = calls.get(row.key);
    if (call === undefined) {
      return {
        ...row,
        commitCall: null,
        bestCaseCall: null,
        note: null,
        submittedBy: null,
        submittedOn: null,
        week: null
      };
    }
    const commit = call.Commit_Call__c ?? 0;
    const bestCase = call.Best_Case_Call__c ?? 0;
    commitTotal = (commitTotal ?? 0) + commit;
    bestCaseTotal = (bestCaseTotal ?? 0) + bestCase;
    const manager = call.Submitted_By__c ?? '';
    const sums = partnerSums.get(manager) ?? { commit: 0, bestCase: 0 };
    partnerSums.set(manager, { commit: sums.commit + commit, bestCase: sums.bestCase + bestCase });
    return {
      ...row,
      commitCall: call.Commit_Call__c ?? null,
      bestCaseCall: call.Best_Case_Call__c ?? null,
      note: call.Note__c ?? null,
      submittedBy: call.Submitted_By__c ?? null,
      submittedOn: call.Submitted_On__c ?? null,
      week: call.Week__c ?? null
    };
  });
  const adjustments: ForecastWithCalls['adjustments'] = [];
  for (const team of calls.values()) {
    if (team.Partner_Account__c) {
      continue;
    }
    const managerId = team.Submitted_By__c ?? '';
    const sums = partnerSums.get(managerId) ?? { commit: 0, bestCase: 0 };
    const adjustment = {
      managerId,
      commit: (team.Commit_Call__c ?? 0) - sums.commit,
      bestCase: (team.Best_Case_Call__c ?? 0) - sums.bestCase
    };
    adjustments.push(adjustment);
    commitTotal = (commitTotal ?? 0) + adjustment.commit;
    bestCaseTotal = (bestCaseTotal ?? 0) + adjustment.bestCase;
  }
  return {
    period: rollUp.period,
    groups,
    total: { ...rollUp.total, commitCall: commitTotal, bestCaseCall: bestCaseTotal },
    adjustments
  };
}
