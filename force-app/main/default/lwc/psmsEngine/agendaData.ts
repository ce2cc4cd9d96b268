import {
  fiscalPeriodOf,
  nextPeriod,
  parsePeriod,
  previousPeriod,
  weekOfQuarter,
  type FiscalPeriod
} from './calendar';
import { indexPartnerDeals, type PartnerDealIndex } from './partnerDeals';
import type {
  Account,
  Deal_Registration__c,
  Forecast_Submission__c,
  IsoDate,
  Opportunity,
  Opportunity_Snapshot__c,
  Partner_Account_Plan__c,
  Partner_Deal__c,
  Partner_Target__c,
  RecordId,
  Review_Action__c,
  User
} from './records';
import type { PsmsSettings } from './settings';

/**
 * What the live agendas of SPEC §10 are computed from: the records of the viewer's team, as the
 * cadence operation (ReviewCadenceController.getCadenceInputs) or an export gives them. The
 * engine picks each list's rows by date itself, so the same data answers every meeting of the
 * quarter.
 */
export interface AgendaData {
  /** The team's opportunities closing in the quarters around the one under review (any status). */
  opportunities: readonly Opportunity[];
  /**
   * Every visible won opportunity from the start of the previous fiscal year, for the
   * programme-wide figures (MBR/QBR, ELT, plan attainment). Defaults to `opportunities`.
   */
  wonOpportunities?: readonly Opportunity[];
  /** Partner deals of both lists (and of the summary rows below). */
  partnerDeals: readonly Partner_Deal__c[];
  /**
   * At scale (docs/scale.md): `opportunities` holds the deals the lists need, capped, and the
   * roll-ups read the pipeline summary instead: rows of the quarters around the one under review
   * (per partner, or per owner and partner for a team), each standing for `Opportunity_Count__c`
   * deals; `summarisedByOwner` the whole channel's per-owner rows (the manager roll-up).
   */
  summarised?: readonly Opportunity[] | null;
  summarisedByOwner?: readonly Opportunity[] | null;
  /** Registrations linked to the open opportunities (for "expires before close"). */
  registrations?: readonly Deal_Registration__c[];
  /** Opportunity snapshots of the quarter (the latest two dates are used). */
  snapshots?: readonly Opportunity_Snapshot__c[];
  /** Partner accounts. */
  partners?: readonly Account[];
  plans?: readonly Partner_Account_Plan__c[];
  users?: readonly User[];
  targets?: readonly Partner_Target__c[];
  calls?: readonly Forecast_Submission__c[];
  actions?: readonly Review_Action__c[];
}

export type AgendaSettings = Pick<
  PsmsSettings,
  'fiscalYearStartMonth' | 'hygieneRules' | 'severityWeights' | 'unreliableBelowPercent'
>;

export interface AgendaInput {
  /** T: the date the agenda is computed for (validation, overdue, hygiene and snapshots as of it). */
  today: IsoDate;
  /** Q, the quarter under review (default: the one containing `today`). */
  period?: string;
  /** w, the week of Q whose meeting this is (default: `today`'s week, or 1 when today is outside Q). */
  week?: number;
  settings: AgendaSettings;
  data: AgendaData;
  /** A 1:1's rep: only their opportunities, partners and actions (default: the whole team). */
  rep?: RecordId | null;
}

/** The quarter, its neighbours and the partner index, resolved once per agenda. */
export interface AgendaScope {
  today: IsoDate;
  startMonth: number;
  period: FiscalPeriod;
  previous: FiscalPeriod;
  next: FiscalPeriod;
  week: number;
  partners: PartnerDealIndex;
  wonOpportunities: readonly Opportunity[];
}

/** Built once per data object: wired data is frozen, so its identity is a safe cache key. */
const INDEXES = new WeakMap<readonly Partner_Deal__c[], PartnerDealIndex>();

export function partnerIndexOf(deals: readonly Partner_Deal__c[]): PartnerDealIndex {
  let index = INDEXES.get(deals);
  if (index === undefined) {
    index = indexPartnerDeals(deals);
    INDEXES.set(deals, index);
  }
  return index;
}

export function resolveScope(input: AgendaInput): AgendaScope {
  const startMonth = input.settings.fiscalYearStartMonth;
  const period = input.period
    ? parsePeriod(input.period, startMonth)
    : fiscalPeriodOf(input.today, startMonth);
  const inPeriod = input.today >= period.start && input.today <= period.end;
  const week = input.week ?? (inPeriod ? weekOfQuarter(input.today, startMonth) : 1);
  return {
    today: input.today,
    startMonth,
    period,
    previous: previousPeriod(period, startMonth),
    next: nextPeriod(period, startMonth),
    week,
    partners: partnerIndexOf(input.data.partnerDeals),
    wonOpportunities: input.data.wonOpportunities ?? input.data.opportunities
  };
}

/** What a roll-up sums: the pipeline summary's rows at scale, else the opportunities. */
export function rolledUp(data: AgendaData, byOwner = false): readonly Opportunity[] {
  return (byOwner ? data.summarisedByOwner : null) ?? data.summarised ?? data.opportunities;
}

export function within(date: IsoDate | null | undefined, start: IsoDate, end: IsoDate): date is IsoDate {
  return date != null && date >= start && date <= end;
}

/** The partner account of an opportunity's primary partner deal (null: a direct opportunity). */
export function primaryPartnerOf(partners: PartnerDealIndex, opp: Opportunity): RecordId | null {
  return partners.get(opp.Id)?.primary?.Partner_Account__c ?? null;
}

/** The partner accounts a rep owns (a partner account's owner is its partner rep). */
export function partnersOfRep(accounts: readonly Account[] | undefined, rep: RecordId): Set<RecordId> {
  return new Set((accounts ?? []).filter((a) => a.Partner_Status__c && a.OwnerId === rep).map((a) => a.Id));
}

/** Largest first, then by id, so a list never depends on the order of the input rows. */
export function byAmountDesc<T extends { amount: number; opportunityId: string }>(a: T, b: T): number {
  return b.amount - a.amount || compareText(a.opportunityId, b.opportunityId);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
