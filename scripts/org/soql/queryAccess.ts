import type { FieldDescribe, ObjectDescribe } from '../schema/describe';
import { inaccessible } from './queryErrors';
import type { QueryAccess } from './queryEnvironment';

/**
 * Every object and field a query touches, wherever it appears (select list, filters, grouping,
 * ordering, the lookup fields a relationship path walks through, subqueries), so that a user-
 * mode query can be refused before it reads anything, naming all the fields at once as
 * `QueryException.getInaccessibleFields()` does.
 */
export class ReferencedFields {
  private readonly byObject = new Map<
    string,
    { object: ObjectDescribe; fields: Map<string, FieldDescribe> }
  >();

  object(object: ObjectDescribe): void {
    if (!this.byObject.has(object.name)) this.byObject.set(object.name, { object, fields: new Map() });
  }

  field(object: ObjectDescribe, field: FieldDescribe): void {
    this.object(object);
    this.byObject.get(object.name)?.fields.set(field.name, field);
  }

  /** Throws the platform's QueryException when the user may not read one of them. */
  enforce(access: QueryAccess): void {
    const refused = new Map<string, Set<string>>();
    for (const { object, fields } of this.byObject.values()) {
      const objectReadable = access.canReadObject(object);
      for (const field of fields.values()) {
        if (objectReadable && access.canReadField(object, field.name)) continue;
        const names = refused.get(object.name) ?? new Set<string>();
        names.add(field.name);
        refused.set(object.name, names);
      }
      if (!objectReadable && !refused.has(object.name)) refused.set(object.name, new Set());
    }
    if (refused.size > 0) throw inaccessible(refused);
  }
}
