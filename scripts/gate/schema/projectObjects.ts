import { join } from 'node:path';
import { loadDataModel } from '../../lib/forceAppModel';
import { emptyObject, type SObjectSchema } from './schema';

/**
 * The project's own objects and fields as the SOQL check sees them: every field, each lookup
 * or master-detail giving a parent relationship (`X__c` → `X__r`, `OwnerId` → `Owner`) and
 * its parent a child relationship (`<relationshipName>__r`). A custom object whose records are
 * Private or Read gets its share object (`X__Share`), as the platform creates it.
 */
export function loadProjectObjects(projectDir: string): Map<string, SObjectSchema> {
  const model = loadDataModel(join(projectDir, 'force-app'));
  const objects = new Map<string, SObjectSchema>();
  const get = (name: string): SObjectSchema => {
    const key = name.toLowerCase();
    const object = objects.get(key) ?? emptyObject(name);
    objects.set(key, object);
    return object;
  };
  for (const info of model.objects.values()) {
    if (info.name.endsWith('__c') && (info.sharingModel === 'Private' || info.sharingModel === 'Read')) {
      const share = get(info.name.replace(/__c$/, '__Share'));
      for (const field of ['Id', 'AccessLevel', 'RowCause', 'IsDeleted', 'LastModifiedDate'])
        share.fields.set(field.toLowerCase(), null);
      share.fields.set('parentid', info.name);
      share.parents.set('parent', info.name);
      share.fields.set('userorgroupid', 'User');
      share.fields.set('lastmodifiedbyid', 'User');
      share.parents.set('lastmodifiedby', 'User');
    }
    const object = get(info.name);
    for (const field of info.fields.values()) {
      object.fields.set(field.name.toLowerCase(), field.referenceTo ?? null);
      if (!field.referenceTo) continue;
      const relationship = field.name.endsWith('__c')
        ? field.name.replace(/__c$/, '__r')
        : field.name.replace(/Id$/, '');
      object.parents.set(relationship.toLowerCase(), field.referenceTo);
      if (field.relationshipName)
        get(field.referenceTo).children.set(`${field.relationshipName}__r`.toLowerCase(), info.name);
    }
  }
  return objects;
}
