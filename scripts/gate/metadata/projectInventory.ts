import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listFiles } from '../sourceFiles';
import { childrenNamed, childText, parseXml } from './xmlTree';

/**
 * What the project defines, by kind: the names other metadata may refer to. Read once so the
 * cross-reference check can ask "does X exist?" for every reference it finds.
 */
export interface Inventory {
  objects: Set<string>;
  /** "Object.Field" for every custom field in the project. */
  fields: Set<string>;
  classes: Map<string, string>;
  lwc: Set<string>;
  tabs: Set<string>;
  flexipages: Set<string>;
  applications: Set<string>;
  customPermissions: Set<string>;
  labels: Set<string>;
  globalValueSets: Set<string>;
  staticResources: Set<string>;
}

const stripSuffix = (file: string, suffix: string): string => basename(file).slice(0, -suffix.length);

export function readInventory(projectDir: string): Inventory {
  const root = join(projectDir, 'force-app');
  const files = (suffix: string): string[] => (existsSync(root) ? listFiles(root, [suffix]) : []);
  const names = (suffix: string): Set<string> => new Set(files(suffix).map((f) => stripSuffix(f, suffix)));

  const objects = new Set<string>();
  const fields = new Set<string>();
  for (const file of files('.field-meta.xml')) {
    const object = basename(join(file, '..', '..'));
    objects.add(object);
    fields.add(`${object}.${stripSuffix(file, '.field-meta.xml')}`);
  }
  for (const name of names('.object-meta.xml')) objects.add(name);

  const classes = new Map<string, string>();
  for (const file of files('.cls')) classes.set(stripSuffix(file, '.cls'), readFileSync(file, 'utf8'));

  const lwc = new Set<string>();
  for (const file of files('.js-meta.xml')) lwc.add(stripSuffix(file, '.js-meta.xml'));

  const labels = new Set<string>();
  for (const file of files('.labels-meta.xml')) {
    for (const label of childrenNamed(parseXml(readFileSync(file, 'utf8')), 'labels')) {
      const name = childText(label, 'fullName');
      if (name) labels.add(name);
    }
  }

  return {
    objects,
    fields,
    classes,
    lwc,
    tabs: names('.tab-meta.xml'),
    flexipages: names('.flexipage-meta.xml'),
    applications: names('.app-meta.xml'),
    customPermissions: names('.customPermission-meta.xml'),
    labels,
    globalValueSets: names('.globalValueSet-meta.xml'),
    staticResources: names('.resource-meta.xml')
  };
}

/** True when the directory holds an LWC bundle folder of that name. */
export function lwcBundleDirs(projectDir: string): string[] {
  const dirs: string[] = [];
  for (const file of listFiles(join(projectDir, 'force-app'), ['.js-meta.xml'])) dirs.push(join(file, '..'));
  return dirs.filter((d) => existsSync(d) && readdirSync(d).length > 0);
}
