import type { FieldDescribe, ObjectDescribe } from './describe';
import { auditFields, field, idField, picklist, reference } from './fieldBuilder';
import { describeObject, loadPackageObjects } from './packageObjects';
import { STANDARD_OBJECTS } from './standardObjects';

/**
 * Every object of the local org: the platform's standard objects with the fields the source
 * adds to them, the source's custom objects and metadata types, and the share table of each
 * object whose sharing model is Private or Read. Custom objects get key prefixes a00, a01, ...
 * in name order, so a record id names its object as it does in an org.
 */
export class OrgSchema {
  private readonly byName = new Map<string, ObjectDescribe>();
  private readonly byPrefix = new Map<string, ObjectDescribe>();

  constructor(objects: ObjectDescribe[]) {
    for (const object of objects) {
      this.byName.set(object.name.toLowerCase(), object);
      if (!this.byPrefix.has(object.keyPrefix)) this.byPrefix.set(object.keyPrefix, object);
    }
    linkChildRelationships(objects, this);
  }

  object(name: string): ObjectDescribe | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The object a record id belongs to, by its key prefix. */
  objectOfId(id: string): ObjectDescribe | undefined {
    return this.byPrefix.get(id.slice(0, 3));
  }

  objects(): ObjectDescribe[] {
    return [...this.byName.values()];
  }
}

export function loadOrgSchema(sourceDirs: readonly string[]): OrgSchema {
  const source = loadPackageObjects(sourceDirs);
  const objects: ObjectDescribe[] = STANDARD_OBJECTS.map((spec) => {
    const extra = source.extensions.get(spec.name) ?? [];
    return describeObject({
      name: spec.name,
      label: spec.label,
      labelPlural: spec.labelPlural,
      keyPrefix: spec.keyPrefix,
      custom: false,
      customMetadata: false,
      setup: spec.setup ?? false,
      queryable: true,
      createable: !spec.readOnly,
      updateable: !spec.readOnly,
      deletable: !spec.readOnly,
      sharingModel: spec.sharingModel,
      shareObject: spec.shareObject,
      sharingReasons: [],
      fields: [...spec.fields, ...extra],
      validationRules: source.standardRules.get(spec.name) ?? []
    });
  });
  const unknown = [...source.extensions.keys()].filter(
    (name) => !STANDARD_OBJECTS.some((s) => s.name === name)
  );
  if (unknown.length > 0)
    throw new Error(`the local runtime does not know the standard object(s) ${unknown.join(', ')}`);
  const custom = [...source.declared].sort((a, b) => a.name.localeCompare(b.name));
  let data = 0;
  let metadata = 0;
  for (const object of custom) {
    const prefix = object.customMetadata ? `m${base36(metadata++)}` : `a${base36(data++)}`;
    objects.push({ ...object, keyPrefix: prefix });
    if (object.shareObject) objects.push(shareObjectOf(object));
  }
  return new OrgSchema(objects);
}

function base36(n: number): string {
  return n.toString(36).toUpperCase().padStart(2, '0');
}

/** `Deal_Registration__Share`: who else may read or edit a record of a Private or Read object, and why. */
function shareObjectOf(parent: ObjectDescribe): ObjectDescribe {
  const rowCauses = ['Owner', 'Manual', 'Rule', ...parent.sharingReasons];
  const fields: FieldDescribe[] = [
    idField(),
    reference('ParentId', parent.name, 'Parent', { required: true, children: 'Shares' }),
    field('UserOrGroupId', 'reference', { required: true, length: 18 }),
    picklist('AccessLevel', ['Read', 'Edit', 'All'], { required: true, restricted: true }),
    picklist('RowCause', rowCauses, { restricted: true, defaultedOnCreate: true }),
    ...auditFields()
  ];
  return describeObject({
    name: parent.shareObject ?? `${parent.name}Share`,
    label: `${parent.label} Share`,
    labelPlural: `${parent.label} Share`,
    keyPrefix: '02c',
    custom: true,
    customMetadata: false,
    setup: false,
    queryable: true,
    createable: true,
    updateable: true,
    deletable: true,
    sharingModel: 'ReadWrite',
    sharesObject: parent.name,
    sharingReasons: [],
    fields,
    validationRules: []
  });
}

function linkChildRelationships(objects: ObjectDescribe[], schema: OrgSchema): void {
  for (const child of objects) {
    for (const f of child.fields.values()) {
      if (!f.childRelationshipName) continue;
      for (const target of f.referenceTo) {
        const parent = schema.object(target);
        if (!parent) continue;
        parent.childRelationships.set(f.childRelationshipName.toLowerCase(), {
          relationshipName: f.childRelationshipName,
          childObject: child.name,
          field: f.name,
          cascadeDelete: f.masterDetail || f.deleteConstraint === 'Cascade'
        });
      }
    }
  }
}
