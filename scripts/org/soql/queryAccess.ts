import type { FieldDescribe, ObjectDescribe } from '../schema/describe';
import { inaccessible } from './queryErrors';
import type { QueryAccess } from './queryEnvironment';

/**
 * Every object and field a query touches, wherever it appears (select list, filters, grouping,
 * ordering, the lookup fields a relationship path walks through, subqueries), so that a secure
 * query can be refused before it reads anything, naming all the fields at once as
 * `QueryException.getInaccessibleFields()` does. User mode checks all of them; WITH
 * SECURITY_ENFORCED only what the SELECT and FROM clauses name.
 */
export type Enforcement = 'everything' | 'selected';

interface Referenced {
  object: ObjectDescribe;
  selected: boolean;
  fields: Map<string, { field: FieldDescribe; selected: boolean }>;
}

export class ReferencedFields {
  private readonly byObject = new Map<string, Referenced>();

  object(object: ObjectDescribe, selected: boolean): void {
    const known = this.byObject.get(object.name);
    if (known) known.selected ||= selected;
    else this.byObject.set(object.name, { object, selected, fields: new Map() });
  }

  field(object: ObjectDescribe, field: FieldDescribe, selected: boolean): void {
    this.object(object, selected);
    const fields = (this.byObject.get(object.name) as Referenced).fields;
    const known = fields.get(field.name);
    if (known) known.selected ||= selected;
    else fields.set(field.name, { field, selected });
  }

  /** Throws the platform's QueryException when the user may not read one of them. */
  enforce(access: QueryAccess, enforcement: Enforcement): void {
    const refused = new Map<string, Set<string>>();
    for (const { object, selected, fields } of this.byObject.values()) {
      if (enforcement === 'selected' && !selected) continue;
      const objectReadable = access.canReadObject(object);
      const names = new Set<string>();
      for (const { field, selected: fieldSelected } of fields.values()) {
        if (enforcement === 'selected' && !fieldSelected) continue;
        if (!objectReadable || !access.canReadField(object, field.name)) names.add(field.name);
      }
      if (names.size > 0 || !objectReadable) refused.set(object.name, names);
    }
    if (refused.size > 0) throw inaccessible(refused);
  }
}
