import type { Forecast_Submission__c } from './records';

/** Picking the call that counts among a period's forecast submissions (SPEC §3, §4). */

/**
 * The latest submission per partner for `period` (optionally only those of one week), keyed by
 * partner account id. Submissions with a blank partner (a manager's whole team) are keyed by
 * `team:<Submitted_By__c>`. "Latest" is by Submitted_On__c, then by id, so the pick is stable.
 */
export function latestCalls(
  submissions: readonly Forecast_Submission__c[],
  period: string,
  week?: number
): Map<string, Forecast_Submission__c> {
  const latest = new Map<string, Forecast_Submission__c>();
  for (const submission of submissions) {
    if (submission.Period__c !== period || (week !== undefined && submission.Week__c !== week)) {
      continue;
    }
    const key = submission.Partner_Account__c ?? `team:${submission.Submitted_By__c ?? ''}`;
    const known = latest.get(key);
    if (known === undefined || isLater(submission, known)) {
      latest.set(key, submission);
    }
  }
  return latest;
}

function isLater(a: Forecast_Submission__c, b: Forecast_Submission__c): boolean {
  const atA = a.Submitted_On__c ?? '';
  const atB = b.Submitted_On__c ?? '';
  return atA !== atB ? atA > atB : (a.Id ?? '') > (b.Id ?? '');
}
