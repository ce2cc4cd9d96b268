import { parsePeriod } from './calendar';
import { fromCents, ratio, toCents } from './money';
import {
  partnersAt,
  primarySlots,
  type PartnerColumn,
  type PartnerDealIndex,
  type PrimarySlots
} from './partnerDeals';
import type { Account, Opportunity, Partner_Deal__c, Partner_Target__c, RecordId, User } from './records';

/** The forecast roll-up of SPEC §3. */

export type ForecastGrouping = 'partner' | 'owner' | 'manager' | 'region';

/** The key of the group of direct (non-partner) opportunities, present only when asked. */
export const DIRECT_KEY = 'direct';
/** The key of opportunities whose owner, manager or region is blank. */
export const NONE_KEY = 'none';

/** What the group keyed `none` is called, per grouping (the components show their own label). */
export const NONE_LABELS: Readonly<Record<ForecastGrouping, string>> = {
  partner: 'No partner',
  owner: 'No owner',
  manager: 'No manager',
  region: 'No region'
};

export interface ForecastRow {
  key: string;
  label: string;
  closed: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  omitted: number;
  commitForecast: number;
  bestCaseForecast: number;
  openPipeline: number;
  quota: number | null;
  attainment: number | null;
  coverage: number | null;
  gapToQuota: number | null;
}

export interface ForecastReport {
  period: string;
  by: ForecastGrouping;
  groups: ForecastRow[];
  total: ForecastRow;
}

export interface RollUpInput {
  /** A period label such as `FY2026-Q4`. */
  period: string;
  by: ForecastGrouping;
  opportunities: readonly Opportunity[];
  /** From `indexPartnerDeals`, or `alignPartners` for this opportunity list (faster). */
  partners: PartnerDealIndex | PartnerColumn;
  targets?: readonly Partner_Target__c[];
  /** Partner accounts: labels of the partner grouping, and `Partner_Region__c` for the region grouping. */
  accounts?: readonly Account[];
  /** Owners and managers: labels of the owner and manager groupings, and `ManagerId`. */
  users?: readonly User[];
  /** Add direct opportunities as one group keyed `direct`. */
  includeDirect?: boolean;
  fiscalYearStartMonth?: number;
}

/** Sums in cents while accumulating. */
interface Sums {
  key: string;
  closed: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  omitted: number;
}

/**
 * The roll-up adds each opportunity's cents into one of five accumulators per group, laid out in
 * a flat typed array (`slot * WIDTH + column`) so that the hot loop allocates nothing and
 * touches no per-group object.
 */
const CLOSED = 0;
const COMMIT = 1;
const BEST_CASE = 2;
const PIPELINE = 3;
const OMITTED = 4;
const WIDTH = 5;

/** The accumulator an opportunity adds to, or −1 when it adds to none (lost, or no category). */
function columnOf(opp: Opportunity): number {
  if (opp.IsWon) {
    return CLOSED;
  }
  const category = opp.ForecastCategoryName;
  if (category === 'Omitted') {
    // Open or lost with category Omitted: shown, never added to the forecast.
    return OMITTED;
  }
  if (opp.IsClosed) {
    return -1;
  }
  return category === 'Commit'
    ? COMMIT
    : category === 'Best Case'
      ? BEST_CASE
      : category === 'Pipeline'
        ? PIPELINE
        : -1;
}

function sumsAt(key: string, sums: ArrayLike<number>, slot: number): Sums {
  const at = slot * WIDTH;
  return {
    key,
    closed: sums[at + CLOSED],
    commit: sums[at + COMMIT],
    bestCase: sums[at + BEST_CASE],
    pipeline: sums[at + PIPELINE],
    omitted: sums[at + OMITTED]
  };
}

/** The group an opportunity with its primary partner deal falls in (fields it reads: OwnerId, Partner_Account__c). */
export type GroupKeyOf = (
  opp: Pick<Opportunity, 'OwnerId'>,
  primary: Pick<Partner_Deal__c, 'Partner_Account__c'>
) => string;
type KeyOf = GroupKeyOf;

/**
 * The roll-up's grouping as a function, for whoever must put an opportunity (or a snapshot of
 * one) in the same group as the roll-up does: a drill-down, a waterfall scoped to one group.
 */
export function forecastGroupKey(input: Pick<RollUpOptions, 'by' | 'users' | 'accounts'>): GroupKeyOf {
  return keyFunction(input);
}

function keyFunction(input: Pick<RollUpOptions, 'by' | 'users' | 'accounts'>): KeyOf {
  switch (input.by) {
    case 'owner':
      return (opp) => opp.OwnerId || NONE_KEY;
    case 'manager': {
      // SPEC §3: the owner's User.ManagerId; an owner not among the users has no known manager.
      const managers = new Map<RecordId, RecordId>();
      for (const user of input.users ?? []) {
        if (user.ManagerId) {
          managers.set(user.Id, user.ManagerId);
        }
      }
      return (opp) => (opp.OwnerId ? managers.get(opp.OwnerId) : undefined) ?? NONE_KEY;
    }
    case 'region': {
      // SPEC §3: the primary partner's Partner_Region__c.
      const regions = new Map<RecordId, string>();
      for (const account of input.accounts ?? []) {
        const region = account.Partner_Region__c?.trim();
        if (region) {
          regions.set(account.Id, region);
        }
      }
      return (_opp, primary) => regions.get(primary.Partner_Account__c) ?? NONE_KEY;
    }
    default:
      return (_opp, primary) => primary.Partner_Account__c;
  }
}

/** Quota per SPEC §3: same partner (partner grouping) or same Manager__c with blank partner. */
function quotaLookup(input: RollUpOptions): {
  ofGroup: (key: string) => number | null;
  channel: number | null;
} {
  const byPartner = new Map<string, number>();
  const byManager = new Map<string, number>();
  let channel: number | null = null;
  for (const target of input.targets ?? []) {
    if (target.Period__c !== input.period || target.Revenue_Target__c == null) {
      continue;
    }
    const cents = toCents(target.Revenue_Target__c);
    if (target.Partner_Account__c) {
      byPartner.set(target.Partner_Account__c, (byPartner.get(target.Partner_Account__c) ?? 0) + cents);
    } else if (target.Manager__c) {
      byManager.set(target.Manager__c, (byManager.get(target.Manager__c) ?? 0) + cents);
    } else {
      channel = (channel ?? 0) + cents;
    }
  }
  const source =
    input.by === 'partner' ? byPartner : input.by === 'region' ? new Map<string, number>() : byManager;
  return { ofGroup: (key) => source.get(key) ?? null, channel };
}

function toRow(sums: Sums, label: string, quotaCents: number | null): ForecastRow {
  const commitForecast = sums.closed + sums.commit;
  const openPipeline = sums.commit + sums.bestCase + sums.pipeline;
  return {
    key: sums.key,
    label,
    closed: fromCents(sums.closed),
    commit: fromCents(sums.commit),
    bestCase: fromCents(sums.bestCase),
    pipeline: fromCents(sums.pipeline),
    omitted: fromCents(sums.omitted),
    commitForecast: fromCents(commitForecast),
    bestCaseForecast: fromCents(commitForecast + sums.bestCase),
    openPipeline: fromCents(openPipeline),
    quota: quotaCents === null ? null : fromCents(quotaCents),
    attainment: quotaCents === null ? null : ratio(sums.closed, quotaCents),
    // Undefined when nothing is left to cover (Quota ≤ Closed).
    coverage:
      quotaCents === null || quotaCents <= sums.closed ? null : openPipeline / (quotaCents - sums.closed),
    gapToQuota: quotaCents === null ? null : fromCents(quotaCents - commitForecast)
  };
}

/** Group labels: account names (partner), user names (owner, manager); a region is its own label. */
function labels(input: RollUpOptions): Map<string, string> {
  const names = new Map<string, string>([[NONE_KEY, NONE_LABELS[input.by]]]);
  const records =
    input.by === 'partner' ? (input.accounts ?? []) : input.by === 'region' ? [] : (input.users ?? []);
  for (const record of records) {
    if (record.Name) {
      names.set(record.Id, record.Name);
    }
  }
  return names;
}

/** Everything a roll-up needs but the opportunities and their partners. */
export type RollUpOptions = Omit<RollUpInput, 'opportunities' | 'partners'>;

/**
 * The roll-up of any grouping, one opportunity at a time: `rollUpForecast` feeds it a list, and
 * a reader of a million-row export feeds it each row as it is parsed, so that the rows are never
 * held in memory together. Either way the report is the same. Per row: the period test, the
 * group key, one slot look-up per distinct key, one add.
 */
export class ForecastRollUp {
  private readonly start: string;
  private readonly end: string;
  private readonly keyOf: KeyOf;
  private readonly slotOf = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly sums: number[] = [];
  private readonly direct = [0, 0, 0, 0, 0];
  private readonly options: RollUpOptions;

  constructor(options: RollUpOptions) {
    this.options = options;
    const { start, end } = parsePeriod(options.period, options.fiscalYearStartMonth ?? 1);
    this.start = start;
    this.end = end;
    this.keyOf = keyFunction(options);
  }

  /** One opportunity with its primary partner deal (null: a direct opportunity). */
  add(opp: Opportunity, primary: Partner_Deal__c | null): void {
    const closeDate = opp.CloseDate;
    // ISO dates compare as strings: the period test needs no parsing.
    if (closeDate < this.start || closeDate > this.end) {
      return;
    }
    const column = columnOf(opp);
    if (primary === null) {
      if (column >= 0) {
        this.direct[column] += toCents(opp.Amount);
      }
      return;
    }
    const key = this.keyOf(opp, primary);
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      slot = this.keys.length;
      this.keys.push(key);
      this.slotOf.set(key, slot);
      this.sums.push(0, 0, 0, 0, 0);
    }
    if (column >= 0) {
      this.sums[slot * WIDTH + column] += toCents(opp.Amount);
    }
  }

  report(): ForecastReport {
    const groups = this.keys.map((key, slot) => sumsAt(key, this.sums, slot));
    const includeDirect = this.options.includeDirect === true;
    return assemble(this.options, groups, includeDirect ? sumsAt(DIRECT_KEY, this.direct, 0) : null);
  }
}

/** Roll up one period's opportunities by primary partner, owner, manager or region. */
export function rollUpForecast(input: RollUpInput): ForecastReport {
  const partners = input.partners;
  // A column must be aligned with this opportunity list to be read by position.
  if (
    input.by === 'partner' &&
    !(partners instanceof Map) &&
    partners.length === input.opportunities.length
  ) {
    const { start, end } = parsePeriod(input.period, input.fiscalYearStartMonth ?? 1);
    const { keys, sums, direct } = sumByPartnerSlot(
      input.opportunities,
      primarySlots(partners),
      start,
      end,
      input.includeDirect === true
    );
    const groups = keys.map((key, slot) => sumsAt(key, sums, slot));
    return assemble(input, groups, input.includeDirect === true ? sumsAt(DIRECT_KEY, direct, 0) : null);
  }
  const rollUp = new ForecastRollUp(input);
  const opportunities = input.opportunities;
  for (let i = 0; i < opportunities.length; i++) {
    rollUp.add(opportunities[i], partnersAt(partners, opportunities, i)?.primary ?? null);
  }
  return rollUp.report();
}

interface GroupSums {
  /** Group keys by slot. */
  keys: readonly string[];
  /** Cents, `slot * WIDTH + column`. */
  sums: ArrayLike<number>;
  /** The direct group's cents (WIDTH accumulators). */
  direct: ArrayLike<number>;
}

/**
 * The fast path: by partner over a partner column, whose rows already carry a dense slot per
 * primary partner (`primarySlots`). Per row: one Int32 read (a direct row is skipped before its
 * object is touched), two string comparisons of ISO dates for the period, one add. The loop is
 * bound by memory reads (the row, its close date string, its boxed amount), so it reads as few
 * as it can.
 */
function sumByPartnerSlot(
  opportunities: readonly Opportunity[],
  { slots, partners }: PrimarySlots,
  start: string,
  end: string,
  includeDirect: boolean
): GroupSums {
  // Cents are integers: Float64 holds them exactly up to 2^53, so sums stay exact.
  const sums = new Float64Array(partners.length * WIDTH);
  const direct = new Float64Array(WIDTH);
  const seen = new Uint8Array(partners.length);
  for (let i = 0; i < opportunities.length; i++) {
    const slot = slots[i];
    if (slot < 0 && !includeDirect) {
      continue;
    }
    const opp = opportunities[i];
    const column = columnOf(opp);
    // A row that adds nothing matters only to make its group exist: once the group is known,
    // its close date (a separate string object, so another cache miss) need not be read.
    if (column < 0 && (slot < 0 || seen[slot] === 1)) {
      continue;
    }
    const closeDate = opp.CloseDate;
    if (closeDate < start || closeDate > end) {
      continue;
    }
    if (slot < 0) {
      direct[column] += toCents(opp.Amount);
      continue;
    }
    seen[slot] = 1;
    if (column >= 0) {
      sums[slot * WIDTH + column] += toCents(opp.Amount);
    }
  }
  // A group exists when one of its opportunities is in the period, as with the general path.
  const keys: string[] = [];
  const kept: number[] = [];
  for (let slot = 0; slot < partners.length; slot++) {
    if (seen[slot] === 1) {
      keys.push(partners[slot]);
      kept.push(slot);
    }
  }
  const compact = new Float64Array(kept.length * WIDTH);
  kept.forEach((slot, to) => compact.set(sums.subarray(slot * WIDTH, slot * WIDTH + WIDTH), to * WIDTH));
  return { keys, sums: compact, direct };
}

function assemble(input: RollUpOptions, groupSums: Sums[], direct: Sums | null): ForecastReport {
  const quota = quotaLookup(input);
  const names = labels(input);
  // Sorted by key so that the report does not depend on the order of the input rows.
  groupSums.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const total: Sums = { key: 'total', closed: 0, commit: 0, bestCase: 0, pipeline: 0, omitted: 0 };
  let quotaSum: number | null = null;
  const groups = groupSums.map((sums) => {
    addSums(total, sums);
    const groupQuota = quota.ofGroup(sums.key);
    if (groupQuota !== null) {
      quotaSum = (quotaSum ?? 0) + groupQuota;
    }
    return toRow(sums, names.get(sums.key) ?? sums.key, groupQuota);
  });
  if (direct !== null) {
    addSums(total, direct);
    groups.push(toRow(direct, 'Direct', null));
  }
  // Quota for the total: the channel target, else the sum of the groups' quotas.
  return {
    period: input.period,
    by: input.by,
    groups,
    total: toRow(total, 'Total', quota.channel ?? quotaSum)
  };
}

function addSums(into: Sums, from: Sums): void {
  into.closed += from.closed;
  into.commit += from.commit;
  into.bestCase += from.bestCase;
  into.pipeline += from.pipeline;
  into.omitted += from.omitted;
}
