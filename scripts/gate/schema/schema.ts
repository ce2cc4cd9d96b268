/**
 * The SObject schema the SOQL check resolves names against: the project's own objects and
 * fields (from force-app) over the platform's standard objects (from apex-ls's type jar).
 * Names are case-insensitive, as in SOQL.
 */
export interface SObjectSchema {
  /** Canonical object name, e.g. "Opportunity" or "Deal_Registration__c". */
  name: string;
  /** Lower-case field name → the object it references (for lookups), or null for a plain field. */
  fields: Map<string, string | null>;
  /** Lower-case relationship name (e.g. "owner", "partner_account__r") → target object. */
  parents: Map<string, string>;
  /** Lower-case child relationship name (e.g. "partner_deals__r") → child object. */
  children: Map<string, string>;
}

export interface Schema {
  object(name: string): SObjectSchema | undefined;
}

export function emptyObject(name: string): SObjectSchema {
  return { name, fields: new Map(), parents: new Map(), children: new Map() };
}

/** Later schemas add to (and win over) earlier ones, object by object. */
export function mergeSchemas(...schemas: Map<string, SObjectSchema>[]): Schema {
  const merged = new Map<string, SObjectSchema>();
  for (const schema of schemas) {
    for (const [key, object] of schema) {
      const existing = merged.get(key) ?? emptyObject(object.name);
      for (const [k, v] of object.fields) existing.fields.set(k, v);
      for (const [k, v] of object.parents) existing.parents.set(k, v);
      for (const [k, v] of object.children) existing.children.set(k, v);
      merged.set(key, existing);
    }
  }
  return { object: (name) => merged.get(name.toLowerCase()) };
}
