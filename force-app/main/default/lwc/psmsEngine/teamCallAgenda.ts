import {
  byAmountDesc,
  compareText,
  primaryPartnerOf,
  resolveScope,
  within,
  type AgendaInput,
  type AgendaScope
} from './agendaData';
import { previousPeriod, weekDates } from './calendar';
import { evaluateHygiene } from './hygiene';
import { fromCents, toCents } from './money';
import type { IsoDate, Opportunity, Opportunity_Snapshot__c, RecordId } from './records';
import type { HygieneRuleId } from './settings';
import { diffSnapshots, type ChangeType } from './snapshotChanges';

/**
 * The Weekly Partner Team Call's live agenda (SPEC §10), for T in week w of quarter Q:
 * last week's bookings, this week's commits, the forecast changes between Q's latest two
 * snapshots, the risks and the deals that need help.
 */

/** One opportunity on an agenda. */
export interface DealRow {
  opportunityId: RecordId;
  name: string | null;
  ownerId: RecordId | null;
  /** The primary partner (null: a direct opportunity). */
  partnerId: RecordId | null;
  amount: number;
  closeDate: IsoDate;
  category: string | null;
}

export interface ChangeRow {
  opportunityId: string;
  type: ChangeType;
  commitDelta: number;
  pipelineDelta: number;
}

export interface RiskRow extends DealRow {
  /** The high-severity findings, and REGISTRATION_EXPIRES_BEFORE_CLOSE whatever its severity. */
  rules: HygieneRuleId[];
}

export interface HelpRow extends DealRow {
  helpNeeded: string;
}

export interface TeamCallAgenda {
  kind: 'teamCall';
  period: string;
  week: number;
  asOf: IsoDate;
  lists: {
    lastWeekBookings: DealRow[];
    thisWeekCommits: DealRow[];
    forecastChanges: ChangeRow[];
    risks: RiskRow[];
    helpNeeded: HelpRow[];
  };
  figures: {
    /** The fiscal week of the bookings (w − 1; for w = 1 the previous quarter's week 13). */
    bookingsWeek: { period: string; week: number; start: IsoDate; end: IsoDate };
    bookedAmount: number;
    commitAmount: number;
    /** The two snapshot dates compared (null when Q has fewer than two up to T). */
    snapshotFrom: IsoDate | null;
    snapshotTo: IsoDate | null;
    commitFrom: number | null;
    commitTo: number | null;
  };
}

const EXPIRES_BEFORE_CLOSE: HygieneRuleId = 'REGISTRATION_EXPIRES_BEFORE_CLOSE';

export function dealRow(opp: Opportunity, scope: AgendaScope): DealRow {
  return {
    opportunityId: opp.Id,
    name: opp.Name ?? null,
    ownerId: opp.OwnerId ?? null,
    partnerId: primaryPartnerOf(scope.partners, opp),
    amount: fromCents(toCents(opp.Amount)),
    closeDate: opp.CloseDate,
    category: opp.ForecastCategoryName ?? null
  };
}

/** Week w − 1, or the last week of the previous quarter for w = 1. */
function bookingsWeek(scope: AgendaScope) {
  if (scope.week > 1) {
    return { period: scope.period.label, week: scope.week - 1, ...weekDates(scope.period, scope.week - 1) };
  }
  const previous = previousPeriod(scope.period, scope.startMonth);
  return { period: previous.label, week: 13, ...weekDates(previous, 13) };
}

/** Open Commit or Best Case opportunities of Q with a high finding or a registration expiring before close. */
function risks(input: AgendaInput, scope: AgendaScope): RiskRow[] {
  const { start, end } = scope.period;
  const candidates = input.data.opportunities.filter(
    (opp) =>
      !opp.IsClosed &&
      within(opp.CloseDate, start, end) &&
      (opp.ForecastCategoryName === 'Commit' || opp.ForecastCategoryName === 'Best Case')
  );
  const rules = input.settings.hygieneRules;
  // The expiry check counts whatever the admin set for the rule (the spec names it as a risk of its own).
  const report = evaluateHygiene({
    today: scope.today,
    opportunities: candidates,
    partners: scope.partners,
    registrations: input.data.registrations,
    settings: {
      ...input.settings,
      hygieneRules: { ...rules, [EXPIRES_BEFORE_CLOSE]: { ...rules[EXPIRES_BEFORE_CLOSE], active: true } }
    }
  });
  const flagged = new Map<RecordId, HygieneRuleId[]>();
  for (const finding of report.findings) {
    if (finding.rule === EXPIRES_BEFORE_CLOSE || finding.severity === 'high') {
      flagged.set(finding.recordId, [...(flagged.get(finding.recordId) ?? []), finding.rule]);
    }
  }
  return candidates
    .filter((opp) => flagged.has(opp.Id))
    .map((opp) => ({ ...dealRow(opp, scope), rules: flagged.get(opp.Id) ?? [] }))
    .sort(byAmountDesc);
}

/** §4's changes between the latest two snapshot dates of Q on or before T, partner channel only. */
function forecastChanges(snapshots: readonly Opportunity_Snapshot__c[], scope: AgendaScope) {
  const dates = [
    ...new Set(
      snapshots
        .map((s) => s.Snapshot_Date__c)
        .filter((date) => within(date, scope.period.start, scope.period.end) && date <= scope.today)
    )
  ].sort();
  if (dates.length < 2) {
    return { rows: [], from: null, to: null, commitFrom: null, commitTo: null };
  }
  const [from, to] = dates.slice(-2);
  const partnerChannel = new Set(
    snapshots
      .filter((s) => s.Primary_Partner__c && (s.Snapshot_Date__c === from || s.Snapshot_Date__c === to))
      .map((s) => s.Opportunity_Key__c)
  );
  const pick = (date: IsoDate) =>
    snapshots.filter((s) => s.Snapshot_Date__c === date && partnerChannel.has(s.Opportunity_Key__c));
  const report = diffSnapshots({
    from: pick(from),
    to: pick(to),
    period: { start: scope.period.start, end: scope.period.end },
    omitUnchanged: true
  });
  const rows = report.changes
    .filter((change) => change.type !== 'Unchanged')
    .map(({ opportunityId, type, commitDelta, pipelineDelta }) => ({
      opportunityId,
      type,
      commitDelta,
      pipelineDelta
    }))
    .sort(
      (a, b) =>
        Math.abs(b.commitDelta) - Math.abs(a.commitDelta) ||
        Math.abs(b.pipelineDelta) - Math.abs(a.pipelineDelta) ||
        compareText(a.opportunityId, b.opportunityId)
    );
  return { rows, from, to, commitFrom: report.commitFrom, commitTo: report.commitTo };
}

export function teamCallAgenda(input: AgendaInput): TeamCallAgenda {
  const scope = resolveScope(input);
  const { start, end } = scope.period;
  const booked = bookingsWeek(scope);
  const thisWeek = weekDates(scope.period, scope.week);
  const partnerChannel = (opp: Opportunity) => primaryPartnerOf(scope.partners, opp) !== null;
  const lastWeekBookings = input.data.opportunities
    .filter((opp) => opp.IsWon && within(opp.CloseDate, booked.start, booked.end) && partnerChannel(opp))
    .map((opp) => dealRow(opp, scope))
    .sort(byAmountDesc);
  const thisWeekCommits = input.data.opportunities
    .filter(
      (opp) =>
        !opp.IsClosed &&
        opp.ForecastCategoryName === 'Commit' &&
        within(opp.CloseDate, thisWeek.start, thisWeek.end) &&
        partnerChannel(opp)
    )
    .map((opp) => dealRow(opp, scope))
    .sort(byAmountDesc);
  const helpNeeded = input.data.opportunities
    .filter(
      (opp) => !opp.IsClosed && within(opp.CloseDate, start, end) && (opp.Help_Needed__c ?? '').trim() !== ''
    )
    .map((opp) => ({ ...dealRow(opp, scope), helpNeeded: (opp.Help_Needed__c ?? '').trim() }))
    .sort((a, b) => compareText(a.closeDate, b.closeDate) || byAmountDesc(a, b));
  const changes = forecastChanges(input.data.snapshots ?? [], scope);
  const sum = (rows: DealRow[]) => fromCents(rows.reduce((total, row) => total + toCents(row.amount), 0));
  return {
    kind: 'teamCall',
    period: scope.period.label,
    week: scope.week,
    asOf: scope.today,
    lists: {
      lastWeekBookings,
      thisWeekCommits,
      forecastChanges: changes.rows,
      risks: risks(input, scope),
      helpNeeded
    },
    figures: {
      bookingsWeek: booked,
      bookedAmount: sum(lastWeekBookings),
      commitAmount: sum(thisWeekCommits),
      snapshotFrom: changes.from,
      snapshotTo: changes.to,
      commitFrom: changes.commitFrom,
      commitTo: changes.commitTo
    }
  };
}
