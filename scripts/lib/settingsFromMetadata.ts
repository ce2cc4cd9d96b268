// The package's PSMS settings as its custom metadata records declare them, read offline: the
// workbench uses the same defaults an org gets on install (the mapping is settingsFromRecords).
import type { PsmsSettings } from '../../force-app/main/default/lwc/psmsEngine/settings';
import { readCustomMetadataRecords } from './customMetadataRecords';
import { settingsFromRecords, type SettingsSource } from './settingsFromRecords';

export { parseWeeks, type SettingsSource } from './settingsFromRecords';

/** Reads the four settings types from the `customMetadata` folders under `dir` (e.g. `force-app`). */
export function settingsFromMetadata(dir: string, source: SettingsSource = {}): PsmsSettings {
  return settingsFromRecords(readCustomMetadataRecords(dir), source);
}
