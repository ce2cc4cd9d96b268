// Custom metadata records (`customMetadata/<Type>.<Record>.md-meta.xml`) as plain values, read
// offline. A value is its text (numbers and booleans too, as written) or null when nil/absent.
import { basename } from 'node:path';
import { filesEnding, findDirs } from './forceAppModel';
import { children, readMetadataFile, text, type XmlNode } from './metadataXml';

export type MetadataValue = string | number | boolean | null;

export interface CustomMetadataRecord {
  /** Type without `__mdt`, as in the file name: `PSMS_Setting`. */
  type: string;
  developerName: string;
  label: string;
  values: Record<string, MetadataValue>;
}

/** Every record under `dir`, grouped by type name (without `__mdt`), in file-name order. */
export function readCustomMetadataRecords(dir: string): Map<string, CustomMetadataRecord[]> {
  const byType = new Map<string, CustomMetadataRecord[]>();
  for (const recordsDir of findDirs(dir, 'customMetadata')) {
    for (const file of filesEnding(recordsDir, '.md-meta.xml')) {
      const [type, developerName] = basename(file, '.md-meta.xml').split('.');
      if (!type || !developerName) throw new Error(`${file}: expected <Type>.<Record>.md-meta.xml`);
      const root = readMetadataFile(file, 'CustomMetadata');
      const values: Record<string, MetadataValue> = {};
      for (const entry of children(root, 'values')) {
        const field = text(entry, 'field');
        if (!field) throw new Error(`${file}: <values> without <field>`);
        values[field] = typedValue(entry);
      }
      const list = byType.get(type) ?? [];
      list.push({ type, developerName, label: text(root, 'label') ?? developerName, values });
      byType.set(type, list);
    }
  }
  return byType;
}

/** Uses the `xsi:type` the file declares, so `"90"` as xsd:string stays text. */
function typedValue(entry: XmlNode): MetadataValue {
  const raw = entry['value'];
  if (raw === undefined) return null;
  const node = typeof raw === 'object' && !Array.isArray(raw) ? raw : { '#text': raw };
  if (node['@_xsi:nil'] === 'true') return null;
  const value = typeof node['#text'] === 'string' ? node['#text'] : '';
  switch (node['@_xsi:type']) {
    case 'xsd:double':
    case 'xsd:int':
    case 'xsd:long':
      return Number(value);
    case 'xsd:boolean':
      return value === 'true';
    default:
      return value;
  }
}
