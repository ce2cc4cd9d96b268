import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FORCE_APP_DIR } from '../forceAppDir';

/**
 * The values of the package's restricted picklists, read from its own metadata (the field's
 * value set, or the global value set it names), so that the CLI refuses exactly what the org
 * would: `Status__c = Banana` cannot exist in an org, and in an export it would silently drop a
 * registration out of every rule. Only the fields a load reads are read, once per process, and
 * the XML reader is loaded only then (a report without picklists never pays for it).
 */

const cache = new Map<string, Promise<ReadonlySet<string>>>();

export function picklistValues(object: string, field: string): Promise<ReadonlySet<string>> {
  const key = `${object}.${field}`;
  let values = cache.get(key);
  if (values === undefined) {
    values = readValues(object, field);
    cache.set(key, values);
  }
  return values;
}

async function readValues(object: string, field: string): Promise<ReadonlySet<string>> {
  const { children, readMetadataFile, text } = await import('../../../lib/metadataXml');
  const { findDirs } = await import('../../../lib/forceAppModel');
  // The source format's own place first; a walk of the whole package only if it moved.
  const defaultObjects = join(FORCE_APP_DIR, 'main', 'default', 'objects');
  const objectDirs = existsSync(join(defaultObjects, object, 'fields', `${field}.field-meta.xml`))
    ? [defaultObjects]
    : findDirs(FORCE_APP_DIR, 'objects');
  for (const objects of objectDirs) {
    const file = join(objects, object, 'fields', `${field}.field-meta.xml`);
    if (!existsSync(file)) continue;
    const valueSet = children(readMetadataFile(file, 'CustomField'), 'valueSet')[0];
    const setName = valueSet && text(valueSet, 'valueSetName');
    if (setName !== undefined) {
      const defaultSets = join(FORCE_APP_DIR, 'main', 'default', 'globalValueSets');
      const setDirs = existsSync(join(defaultSets, `${setName}.globalValueSet-meta.xml`))
        ? [defaultSets]
        : findDirs(FORCE_APP_DIR, 'globalValueSets');
      for (const sets of setDirs) {
        const setFile = join(sets, `${setName}.globalValueSet-meta.xml`);
        if (!existsSync(setFile)) continue;
        const root = readMetadataFile(setFile, 'GlobalValueSet');
        return new Set(children(root, 'customValue').map((value) => text(value, 'fullName') ?? ''));
      }
      throw new Error(`picklists: global value set ${setName} of ${object}.${field} not found`);
    }
    const definition = valueSet && children(valueSet, 'valueSetDefinition')[0];
    if (definition === undefined) throw new Error(`picklists: ${object}.${field} has no value set`);
    return new Set(children(definition, 'value').map((value) => text(value, 'fullName') ?? ''));
  }
  throw new Error(`picklists: ${object}.${field} not found in ${FORCE_APP_DIR}`);
}
