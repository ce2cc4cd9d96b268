import {
  compareText,
  partnersOfRep,
  primaryPartnerOf,
  resolveScope,
  within,
  type AgendaInput
} from './agendaData';
import { forecastAccuracy } from './accuracy';
import { evaluateHygiene } from './hygiene';
import { fromCents, ratio, toCents } from './money';
import type { RecordId } from './records';
import { actionsOnTime } from './reviewActions';

/**
 * A rep's scorecard for quarter Q (SPEC §10): actions done on time ÷ actions due; the validated
 * share of their Commit amount; their opportunities' hygiene % (§5); their partners' forecast
 * accuracy (§4) of the previous quarter.
 *
 * "Due in Q" counts the actions due from Q's start up to T (an action due later in the quarter
 * cannot be late yet); the Commit amount is their open partner-channel Commit opportunities of
 * Q, validated when Validated_On__c falls in Q on or before T.
 */

export interface RepScorecard {
  repId: RecordId;
  actionsDue: number;
  actionsDoneOnTime: number;
  actionsOnTime: number | null;
  commitAmount: number;
  validatedCommitAmount: number;
  validatedShare: number | null;
  /** Open opportunities evaluated by hygiene, and the clean share of them. */
  hygieneOpen: number;
  hygienePercent: number | null;
  previousPeriod: string;
  accuracy: number | null;
  bias: number | null;
}

/** The reps of the data: owners of opportunities of Q, of partner accounts and of review actions. */
function repsOf(input: AgendaInput, start: string, end: string): RecordId[] {
  const reps = new Set<RecordId>();
  for (const opp of input.data.opportunities) {
    if (opp.OwnerId && within(opp.CloseDate, start, end)) {
      reps.add(opp.OwnerId);
    }
  }
  for (const action of input.data.actions ?? []) {
    if (action.Owner__c) {
      reps.add(action.Owner__c);
    }
  }
  return [...reps].sort(compareText);
}

export function repScorecards(input: AgendaInput): RepScorecard[] {
  const scope = resolveScope(input);
  const { start, end } = scope.period;
  const reps = input.rep ? [input.rep] : repsOf(input, start, end);
  const open = input.data.opportunities.filter(
    (opp) => !opp.IsClosed && (!input.rep || opp.OwnerId === input.rep)
  );
  const hygiene = evaluateHygiene({
    today: scope.today,
    opportunities: open,
    partners: scope.partners,
    registrations: input.data.registrations,
    settings: input.settings
  });
  const withFindings = new Set(hygiene.findings.map((finding) => finding.recordId));
  const ownerOf = new Map(open.map((opp) => [opp.Id, opp.OwnerId ?? '']));
  const hygieneByRep = new Map<RecordId, { open: number; clean: number }>();
  for (const { recordId } of hygiene.scores) {
    const owner = ownerOf.get(recordId);
    if (owner === undefined) {
      continue; // a partner account's PLAN_OUTDATED score, not an opportunity
    }
    const tally = hygieneByRep.get(owner) ?? { open: 0, clean: 0 };
    tally.open++;
    tally.clean += withFindings.has(recordId) ? 0 : 1;
    hygieneByRep.set(owner, tally);
  }
  return reps.map((rep): RepScorecard => {
    const actions = actionsOnTime(
      input.data.actions ?? [],
      rep,
      start,
      scope.today < end ? scope.today : end
    );
    let commit = 0;
    let validated = 0;
    for (const opp of input.data.opportunities) {
      if (
        opp.OwnerId !== rep ||
        opp.IsClosed ||
        opp.ForecastCategoryName !== 'Commit' ||
        !within(opp.CloseDate, start, end) ||
        primaryPartnerOf(scope.partners, opp) === null
      ) {
        continue;
      }
      commit += toCents(opp.Amount);
      if (within(opp.Validated_On__c, start, end) && opp.Validated_On__c <= scope.today) {
        validated += toCents(opp.Amount);
      }
    }
    const own = partnersOfRep(input.data.partners, rep);
    const accuracy = forecastAccuracy({
      period: scope.previous.label,
      submissions: (input.data.calls ?? []).filter(
        (call) => call.Partner_Account__c != null && own.has(call.Partner_Account__c)
      ),
      opportunities: scope.wonOpportunities,
      partners: scope.partners,
      fiscalYearStartMonth: scope.startMonth
    }).total;
    const tally = hygieneByRep.get(rep);
    return {
      repId: rep,
      actionsDue: actions.due,
      actionsDoneOnTime: actions.doneOnTime,
      actionsOnTime: actions.rate,
      commitAmount: fromCents(commit),
      validatedCommitAmount: fromCents(validated),
      validatedShare: ratio(validated, commit),
      hygieneOpen: tally?.open ?? 0,
      hygienePercent: tally ? ratio(tally.clean, tally.open) : null,
      previousPeriod: scope.previous.label,
      accuracy: own.size === 0 ? null : accuracy.accuracy,
      bias: own.size === 0 ? null : accuracy.bias
    };
  });
}
