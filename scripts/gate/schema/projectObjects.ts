import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyObject, type SObjectSchema } from './schema';
import { listFiles } from '../sourceFiles';

/**
 * The project's own objects and fields, from source-format metadata: every
 * `objects/<Object>/fields/<Field>.field-meta.xml`, with lookups and master-details giving
 * the parent relationship (`X__c` → `X__r`) and the parent's child relationship name.
 */
const tag = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim();

export function loadProjectObjects(projectDir: string): Map<string, SObjectSchema> {
  const objects = new Map<string, SObjectSchema>();
  const get = (name: string): SObjectSchema => {
    const key = name.toLowerCase();
    let object = objects.get(key);
    if (!object) {
      object = emptyObject(name);
      objects.set(key, object);
    }
    return object;
  };
  for (const objectDir of objectDirectories(projectDir)) {
    const objectName = objectDir.split(/[\\/]/).pop() as string;
    const object = get(objectName);
    if (objectName.endsWith('__c') || objectName.endsWith('__mdt')) {
      for (const standard of [
        'Id',
        'Name',
        'OwnerId',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'IsDeleted',
        'DeveloperName',
        'MasterLabel',
        'Label',
        'QualifiedApiName',
        'NamespacePrefix'
      ]) {
        object.fields.set(standard.toLowerCase(), null);
      }
      for (const user of ['Owner', 'CreatedBy', 'LastModifiedBy'])
        object.parents.set(user.toLowerCase(), 'User');
    }
    const fieldsDir = join(objectDir, 'fields');
    if (!existsSync(fieldsDir)) continue;
    for (const file of listFiles(fieldsDir, ['.field-meta.xml'])) {
      const xml = readFileSync(file, 'utf8');
      const fieldName = (file.split(/[\\/]/).pop() as string).replace('.field-meta.xml', '');
      const target = tag(xml, 'referenceTo') ?? null;
      object.fields.set(fieldName.toLowerCase(), target);
      if (!target) continue;
      object.parents.set(fieldName.replace(/__c$/i, '__r').toLowerCase(), target);
      const childName = tag(xml, 'relationshipName');
      if (childName) get(target).children.set(`${childName}__r`.toLowerCase(), objectName);
    }
  }
  return objects;
}

function objectDirectories(projectDir: string): string[] {
  const dirs: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      if (!name.isDirectory() || name.name === 'node_modules' || name.name.startsWith('.')) continue;
      const path = join(dir, name.name);
      if (name.name === 'objects') {
        for (const object of readdirSync(path, { withFileTypes: true }))
          if (object.isDirectory()) dirs.push(join(path, object.name));
      } else {
        walk(path);
      }
    }
  };
  walk(join(projectDir, 'force-app'));
  return dirs;
}
