import { settingsFromRecords } from '../../lib/settingsFromRecords';
import type { DataSource } from './data/loadRequest';
import { DEFAULT_SETTINGS, type PsmsSettings } from './engine';
import { CliError } from './errors';

/**
 * The settings a report runs with. From an org, its own custom metadata records (an admin may
 * have changed thresholds or the cadence). Otherwise the package's defaults, taken from
 * DEFAULT_SETTINGS rather than parsed from the package's XML on every run: the test in
 * scripts/metadata/__tests__/settingsRecords.test.ts pins the packaged records to exactly these
 * values, with a blank Fiscal_Start_Override__c.
 */
export async function reportSettings(
  source: DataSource | null,
  orgFiscalYearStartMonth: number | undefined
): Promise<PsmsSettings> {
  const records = source === null ? undefined : await source.settingsRecords();
  if (records === undefined)
    return { ...structuredClone(DEFAULT_SETTINGS), fiscalYearStartMonth: orgFiscalYearStartMonth ?? 1 };
  try {
    return settingsFromRecords(records, { orgFiscalYearStartMonth });
  } catch (error) {
    throw new CliError(
      `the PSMS settings in ${source?.description ?? 'the org'}: ${(error as Error).message}`
    );
  }
}
