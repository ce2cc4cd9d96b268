import type { FlagSpec, Flags } from '../args';
import { FIRST_DATE, LAST_DATE } from '../data/dateValues';
import { uniqueKeyOf } from '../data/schema';
import type { DataSource, LoadRequest, OnRecord, RawRecord } from '../data/loadRequest';
import { UsageError } from '../errors';
import { fiscalPeriodOf, parsePeriod, type FiscalPeriod, type PsmsSettings } from '../engine';
import type { ReportOutput } from '../output/reportOutput';

/** What every report gets and gives; main.ts resolves the source, `today` and the settings once. */

export interface ReportContext {
  flags: Flags;
  today: string;
  /** With fiscalYearStartMonth resolved (flag, settings override, the org's, 1). */
  settings: PsmsSettings;
  /** Null only for a report that needs no data (cadence without --org or --data). */
  source: DataSource | null;
}

export interface ReportCommand {
  name: string;
  summary: string;
  usage: string;
  /** The report's own flags; the shared ones (--org, --data, --today, ...) are added by main.ts. */
  flags: FlagSpec[];
  needsData: boolean;
  run(context: ReportContext): Promise<ReportOutput>;
}

/** `--<name>` as a fiscal period label, defaulting to the quarter that contains `today`. */
export function periodFlag(
  context: ReportContext,
  name = 'period',
  fallbackDate = context.today
): FiscalPeriod {
  const label = context.flags.string(name);
  const startMonth = context.settings.fiscalYearStartMonth;
  if (label === undefined) return fiscalPeriodOf(fallbackDate, startMonth);
  if (!/^FY\d{4}-Q[1-4]$/.test(label)) {
    throw new UsageError(
      `${context.flags.command}: --${name} must be a fiscal quarter like FY2026-Q4, not "${label}"`
    );
  }
  const period = parsePeriod(label, startMonth);
  // FY0000-Q1 is well formed but no quarter any data can fall in (nor one the engine can name).
  if (period.start < FIRST_DATE || period.end > LAST_DATE)
    throw new UsageError(
      `${context.flags.command}: --${name} ${label} runs ${period.start} to ${period.end}, outside the dates Salesforce stores (${FIRST_DATE} to ${LAST_DATE})`
    );
  return period;
}

/**
 * Each row of one object as it is read, typed as the engine's record. The cast is safe because
 * the record builder produced every asked field with the schema's type (blank as null), which
 * is how the engine's record types declare them.
 */
export function each<T>(
  source: DataSource,
  request: LoadRequest,
  onRecord: (record: T, key?: Float64Array) => void
): Promise<void> {
  return source.each(request, onRecord as unknown as OnRecord);
}

/** The rows of one object, all in memory (for the reports whose rules need the whole list). */
export async function load<T>(source: DataSource, request: LoadRequest): Promise<T[]> {
  const records: RawRecord[] = [];
  await each<RawRecord>(source, request, (record) => records.push(record));
  // In key order, whatever order the rows came in: a rule that meets a tie (two calls submitted
  // the same minute) then settles it the same way for every export of the same records.
  const key = uniqueKeyOf(request.object);
  records.sort((a, b) => {
    for (const field of key) {
      const x = String(a[field]);
      const y = String(b[field]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  return records as unknown as T[];
}

export function requireSource(context: ReportContext): DataSource {
  if (context.source === null)
    throw new UsageError(`${context.flags.command}: give --org <alias> or --data <export folder>`);
  return context.source;
}
