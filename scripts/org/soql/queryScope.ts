import { quote } from '../database/orgDatabase';
import { UnsupportedError } from '../platformError';
import type { FieldDescribe, ObjectDescribe } from '../schema/describe';
import type { ReferencedFields } from './queryAccess';
import type { QueryEnvironment } from './queryEnvironment';
import { noSuchColumn, unknownRelationship } from './queryErrors';
import type { FieldPath } from './soqlAst';
import { allOf, joinSql, sql, type SqlFragment } from './sqlStatements';

/**
 * One object a SQL statement reads (the query's FROM object, a child subquery's object, a
 * semi-join's object) under its table alias, and the parents its relationship paths reach.
 * Each parent relationship becomes one LEFT JOIN, shared by every path through it; when sharing
 * applies, the parent's visibility predicate sits in the join's ON clause, so a parent the user
 * cannot see reads as null, as it does in an org.
 */
export interface PlanContext {
  env: QueryEnvironment;
  references: ReferencedFields;
  /** Record visibility applies to every object the statement reads. */
  sharing: boolean;
  nextAlias(): string;
}

export interface ParentJoin {
  /** The relationship path from the scope's object, lower case (`account.owner`). */
  key: string;
  alias: string;
  object: ObjectDescribe;
  /** The relationship name as declared (`Account`, `Partner_Account__r`). */
  relationshipName: string;
  /** The join this one hangs from, when the path is deeper than one relationship. */
  parent?: ParentJoin;
  on: SqlFragment;
}

export interface ResolvedField {
  object: ObjectDescribe;
  field: FieldDescribe;
  /** `t0."Name"`, `j2."Amount"`. */
  column: string;
  /** The last join of the path (none for the scope's own fields). */
  join?: ParentJoin;
  /** The relationship segments before the field, as written (a formula's inputs are relative to them). */
  relationshipPath: string[];
}

export class ObjectScope {
  readonly joins: ParentJoin[] = [];
  private readonly joinsByKey = new Map<string, ParentJoin>();

  constructor(
    readonly context: PlanContext,
    readonly object: ObjectDescribe,
    readonly alias: string,
    /** The FROM clause's alias (`FROM Opportunity o`), which paths may start with. */
    readonly objectAlias?: string,
    /** Named by the SELECT or FROM clause (not a semi-join's object), for WITH SECURITY_ENFORCED. */
    selected = true
  ) {
    context.references.object(object, selected);
  }

  /**
   * The field a path names, joining the parents it walks through. A formula field has no column:
   * only the select list (which evaluates it) asks for one with `formula`. `silent` resolves the
   * inputs of a formula, which field-level security does not check (the platform checks the
   * formula field itself). `selected` marks what the SELECT clause names.
   */
  resolve(
    path: FieldPath,
    options: { formula?: boolean; silent?: boolean; selected?: boolean } = {}
  ): ResolvedField {
    const selected = options.selected ?? false;
    const segments = this.withoutObjectAlias(path.path);
    let object = this.object;
    let alias = this.alias;
    let join: ParentJoin | undefined;
    for (const name of segments.slice(0, -1)) {
      const lookup = parentRelationship(object, name);
      if (!lookup) throw unknownRelationship(name, 'field path');
      if (lookup.referenceTo.length !== 1)
        throw new UnsupportedError(`SOQL polymorphic relationship ${object.name}.${lookup.relationshipName}`);
      const parent = this.context.env.schema.object(lookup.referenceTo[0]);
      if (!parent) throw unknownRelationship(name, 'field path');
      if (!options.silent) {
        this.context.references.field(object, lookup, selected);
        this.context.references.object(parent, selected);
      }
      join = this.join(join, alias, lookup, parent);
      object = parent;
      alias = join.alias;
    }
    const last = segments[segments.length - 1];
    const field = object.field(last);
    if (!field) throw noSuchColumn(last, object.name);
    if (field.calculated && !options.formula)
      throw new UnsupportedError(
        `SOQL filter, order or group on formula field ${object.name}.${field.name} (formula fields are not stored; only the select list evaluates them)`
      );
    if (!options.silent) this.context.references.field(object, field, selected);
    const column = field.calculated ? '' : `${alias}.${quote(field.name)}`;
    return { object, field, column, join, relationshipPath: segments.slice(0, -1) };
  }

  /** `"Opportunity" AS t0 LEFT JOIN "Account" AS j1 ON ...`, with the joins the paths needed. */
  from(): SqlFragment {
    return joinSql([sql(`${quote(this.object.name)} AS ${this.alias}`), ...this.joins.map((j) => j.on)], ' ');
  }

  /** The rows of the scope's object the statement may read: visible ones, not in the recycle bin (unless ALL ROWS). */
  rowFilters(allRows: boolean): SqlFragment[] {
    const filters: SqlFragment[] = [];
    const visibility = this.context.sharing
      ? this.context.env.access.visibility(this.object, this.alias)
      : null;
    if (visibility) filters.push(visibility);
    if (!allRows && this.object.field('IsDeleted')) filters.push(sql(`${this.alias}."IsDeleted" IS NOT 1`));
    return filters;
  }

  private withoutObjectAlias(path: string[]): string[] {
    if (path.length < 2) return path;
    const first = path[0].toLowerCase();
    if (this.objectAlias && first === this.objectAlias.toLowerCase()) return path.slice(1);
    if (parentRelationship(this.object, path[0])) return path;
    return first === this.object.name.toLowerCase() ? path.slice(1) : path;
  }

  private join(
    from: ParentJoin | undefined,
    fromAlias: string,
    lookup: FieldDescribe,
    parent: ObjectDescribe
  ): ParentJoin {
    const key = `${from ? `${from.key}.` : ''}${(lookup.relationshipName ?? '').toLowerCase()}`;
    const existing = this.joinsByKey.get(key);
    if (existing) return existing;
    const alias = this.context.nextAlias();
    const visibility = this.context.sharing ? this.context.env.access.visibility(parent, alias) : null;
    const on = allOf([
      sql(`${alias}."Id" = ${fromAlias}.${quote(lookup.name)}`),
      ...(visibility ? [visibility] : [])
    ]);
    const join: ParentJoin = {
      key,
      alias,
      object: parent,
      relationshipName: lookup.relationshipName ?? lookup.name,
      parent: from,
      on: sql(`LEFT JOIN ${quote(parent.name)} AS ${alias} ON ${on.sql}`, on.params)
    };
    this.joins.push(join);
    this.joinsByKey.set(key, join);
    return join;
  }
}

const relationshipsByObject = new WeakMap<ObjectDescribe, Map<string, FieldDescribe>>();

/** The lookup field whose parent relationship is `name` (`Account` → AccountId), case-insensitively. */
export function parentRelationship(object: ObjectDescribe, name: string): FieldDescribe | undefined {
  let relationships = relationshipsByObject.get(object);
  if (!relationships) {
    relationships = new Map();
    for (const field of object.fields.values())
      if (field.relationshipName) relationships.set(field.relationshipName.toLowerCase(), field);
    relationshipsByObject.set(object, relationships);
  }
  return relationships.get(name.toLowerCase());
}
