// The package's custom metadata records must ship exactly the engine's defaults: an org gets
// the same numbers, cadence and maturity texts as the workbench and the CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, withSettings } from '../../../force-app/main/default/lwc/psmsEngine/settings';
import { loadDataModel } from '../../lib/forceAppModel';
import { readCustomMetadataRecords } from '../../lib/customMetadataRecords';
import { parseWeeks, settingsFromMetadata } from '../../lib/settingsFromMetadata';
import { formatWeeks, settingsRecords, toDeveloperName, writeRecords } from '../generateSettingsRecords';

const FORCE_APP = join(__dirname, '../../../force-app');

describe('the packaged settings records', () => {
  it('equal DEFAULT_SETTINGS (regenerate with npx tsx scripts/metadata/generateSettingsRecords.ts)', () => {
    expect(settingsFromMetadata(FORCE_APP)).toStrictEqual(DEFAULT_SETTINGS);
  });

  it('leave the fiscal year start blank, so an org uses its own FiscalYearStartMonth', () => {
    const [setting] = readCustomMetadataRecords(FORCE_APP).get('PSMS_Setting') ?? [];
    expect(setting.values.Fiscal_Start_Override__c).toBeNull();
    expect(settingsFromMetadata(FORCE_APP, { orgFiscalYearStartMonth: 2 }).fiscalYearStartMonth).toBe(2);
  });

  it('hold the spec defaults as an admin reads them in Setup (85 %, not 0.85)', () => {
    const [setting] = readCustomMetadataRecords(FORCE_APP).get('PSMS_Setting') ?? [];
    expect(setting.values).toMatchObject({
      Protection_Days__c: 90,
      Max_Extensions__c: 1,
      Extension_Days__c: 30,
      SLA_Hours__c: 48,
      Expiring_Soon_Days__c: 14,
      Retention_Quarters__c: 8,
      Snapshot_Weekday__c: 'Monday',
      Hygiene_Target__c: 85,
      Unreliable_Below__c: 70,
      High_Weight__c: 30,
      Medium_Weight__c: 15,
      Low_Weight__c: 5
    });
  });

  it('write every value of a record to a field its type declares, within the field length', () => {
    const model = loadDataModel(FORCE_APP);
    for (const [type, records] of readCustomMetadataRecords(FORCE_APP)) {
      const object = model.object(`${type}__mdt`);
      expect(object).toBeDefined();
      for (const record of records) {
        expect(record.developerName).toMatch(/^[A-Za-z](?!.*__)\w{0,39}$/);
        expect(record.label.length).toBeLessThanOrEqual(40);
        for (const [field, value] of Object.entries(record.values)) {
          const declared = object?.fields.get(field);
          expect(declared).toBeDefined();
          if (typeof value === 'string' && declared?.length)
            expect(value.length).toBeLessThanOrEqual(declared.length);
        }
      }
    }
  });
});

describe('the generator and the reader are inverse', () => {
  // Formatting is Prettier's business (and Prettier 3 cannot load inside Jest); the XML is unchanged by it.
  const asWritten = (xml: string) => xml;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'psms-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back changed settings: thresholds, weights, a blank threshold, fewer meetings', async () => {
    const changed = withSettings({
      protectionDays: 60,
      hygieneTargetPercent: 0.9,
      severityWeights: { low: 7 },
      hygieneRules: { STALE: { threshold: 30, weight: 20 }, PUSHED: { active: false } },
      cadence: DEFAULT_SETTINGS.cadence.slice(0, 2),
      snapshotWeekday: 'Friday'
    });
    await writeRecords(settingsRecords(changed), join(dir, 'customMetadata'), asWritten);
    expect(settingsFromMetadata(dir)).toStrictEqual(changed);
  });

  it('names a blank required value and the record it is in', async () => {
    const records = settingsRecords(DEFAULT_SETTINGS);
    const setting = records.find((r) => r.type === 'PSMS_Setting');
    if (setting) setting.values.Protection_Days__c = null;
    await writeRecords(records, join(dir, 'customMetadata'), asWritten);
    expect(() => settingsFromMetadata(dir)).toThrow('PSMS_Setting.Default Protection_Days__c is blank');
  });

  it('refuses a missing hygiene rule instead of silently dropping it', async () => {
    await writeRecords(
      settingsRecords(DEFAULT_SETTINGS).filter((r) => r.developerName !== 'STALE'),
      join(dir, 'customMetadata'),
      asWritten
    );
    expect(() => settingsFromMetadata(dir)).toThrow('no record for STALE');
  });
});

describe('Weeks__c', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], '1-13'],
    [[1, 5, 9], '1,5,9'],
    [[8], '8'],
    [[1, 2, 3, 8, 9], '1-3,8,9']
  ])('%j is written %s and read back', (weeks, text) => {
    expect(formatWeeks(weeks)).toBe(text);
    expect(parseWeeks(text)).toEqual(weeks);
  });
  it.each(['0', '14', '5-3', 'weekly', ''])('rejects %j: weeks run from 1 to 13', (text) => {
    expect(() => parseWeeks(text)).toThrow();
  });
});

describe('DeveloperName', () => {
  it.each([
    ['CEO/CFO Forecast Roll-Up', 'CEO_CFO_Forecast_Roll_Up'],
    ['Partner Forecast & Acquisition 1:1', 'Partner_Forecast_Acquisition_1_1'],
    ['1:1 review', 'X1_1_review']
  ])('%s becomes %s', (label, name) => {
    expect(toDeveloperName(label)).toBe(name);
  });
});
