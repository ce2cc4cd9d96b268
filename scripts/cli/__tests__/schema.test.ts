import { loadDataModel } from '../../lib/forceAppModel';
import { picklistValues } from '../src/data/picklists';
import { fieldsOf, OBJECT_NAMES, OBJECTS, PICKLIST_VALUES_FROM, type FieldType } from '../src/data/schema';
import { FORCE_APP_DIR } from '../src/forceAppDir';

/**
 * The CLI's schema against the package's metadata: a field the package declares is read as its
 * metadata type says (a lookup as a record id, a restricted picklist against its values), so a
 * field added later as plain text cannot slip past the checks of exportValues.test.ts.
 */

const model = loadDataModel(FORCE_APP_DIR);

/** What the CLI may read a metadata field type as. */
function expectedTypes(type: string, restricted: boolean | undefined): FieldType[] {
  switch (type) {
    case 'Lookup':
    case 'MasterDetail':
      return ['id'];
    case 'Picklist':
      return restricted === true ? ['picklist'] : ['text'];
    case 'Date':
      return ['date'];
    case 'DateTime':
      return ['datetime'];
    case 'Checkbox':
      return ['boolean'];
    case 'Number':
    case 'Currency':
    case 'Percent':
      return ['number'];
    default:
      // Text holding an id (Opportunity_Key__c) or a period label (Period__c, its format a validation rule).
      return ['text', 'id', 'period'];
  }
}

const packageFields = OBJECT_NAMES.flatMap((object) =>
  fieldsOf(object)
    .map((field) => ({ object, field, info: model.field(object, field) }))
    .filter(({ info }) => info !== undefined && !info.implicit)
);

describe('the CLI schema follows the package metadata', () => {
  it.each(packageFields.map(({ object, field, info }) => [`${object}.${field}`, object, field, info]))(
    '%s',
    (_name, object, field, info) => {
      const type = (OBJECTS[object] as Record<string, FieldType>)[field];
      expect(expectedTypes(info?.type ?? '', info?.restricted)).toContain(type);
    }
  );

  it('every id a record is known by is read as an id', () => {
    for (const object of OBJECT_NAMES) expect((OBJECTS[object] as Record<string, FieldType>).Id).toBe('id');
  });

  it("reads each picklist's values as the package model does (its own value set or a global one)", async () => {
    const picklists = OBJECT_NAMES.flatMap((object) =>
      fieldsOf(object)
        .filter((field) => (OBJECTS[object] as Record<string, FieldType>)[field] === 'picklist')
        .map((field) => PICKLIST_VALUES_FROM[object]?.[field] ?? ([object, field] as const))
    );
    expect(picklists.length).toBeGreaterThan(5);
    for (const [object, field] of picklists)
      expect([...(await picklistValues(object, field))]).toEqual(model.field(object, field)?.picklistValues);
  });
});
