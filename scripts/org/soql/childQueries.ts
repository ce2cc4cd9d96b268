import type { DatabaseSync } from '../database/orgDatabase';
import { quote } from '../database/orgDatabase';
import type { SObject } from '../interpret/values/sobject';
import type { ObjectDescribe } from '../schema/describe';
import type { ValueSource } from './filterValues';
import { countOf } from './limitOffset';
import { orderClause, orderTerms } from './orderBy';
import { queryError, unknownRelationship } from './queryErrors';
import { ObjectScope } from './queryScope';
import { recordShape } from './recordShape';
import type { SoqlQuery } from './soqlAst';
import { allOf, joinSql, selectRows, sql } from './sqlStatements';
import { translateCondition } from './translateWhere';

/**
 * A parent-to-child subquery, `(SELECT ... FROM Children__r WHERE ... ORDER BY ... LIMIT n)`,
 * run as one SQL statement for all the parents of the outer query at once. Its LIMIT and OFFSET
 * apply per parent, as in SOQL, through ROW_NUMBER() partitioned by the parent.
 */
export interface ChildQuery {
  /** The relationship name as declared (`Opportunities`, `Partner_Deals__r`). */
  relationshipName: string;
  object: ObjectDescribe;
  /** The children of each parent id, in the subquery's order. */
  run(database: DatabaseSync, parentIds: readonly string[]): Map<string, SObject[]>;
}

export function planChildQuery(query: SoqlQuery, parent: ObjectScope, values: ValueSource): ChildQuery {
  const context = parent.context;
  const relationship = parent.object.childRelationships.get(query.from.name.toLowerCase());
  if (!relationship) throw unknownRelationship(query.from.name, 'FROM part of query call');
  const object = context.env.schema.object(relationship.childObject);
  const parentField = object?.field(relationship.field);
  if (!object || !parentField) throw unknownRelationship(query.from.name, 'FROM part of query call');
  if (query.security) throw queryError(`WITH ${query.security} is not allowed in a subquery`);
  if (query.groupBy.length > 0 || query.having)
    throw queryError('GROUP BY and HAVING are not allowed in a subquery');
  for (const item of query.select) {
    if (item.kind === 'subquery') throw queryError('Nesting of parent-to-child subqueries is not supported');
    if (item.kind === 'expression' && item.expression.kind !== 'field')
      throw queryError('Aggregate and date functions are not allowed in a parent-to-child subquery');
  }

  const scope = new ObjectScope(context, object, context.nextAlias(), query.from.alias);
  context.references.field(object, parentField, true);
  const shape = recordShape(query.select, scope);
  const conditions = { scope, values, aggregates: false, inSemiJoin: false };
  const where = query.where ? [translateCondition(query.where, conditions)] : [];
  const terms = [...orderTerms(query.orderBy, scope, false), sql(`${scope.alias}.rowid`)];
  const limit = countOf(query.limit, values.bind, 'LIMIT');
  const offset = countOf(query.offset, values.bind, 'OFFSET') ?? 0;
  const paged = limit !== undefined || offset > 0;
  const parentColumn = `${scope.alias}.${quote(parentField.name)}`;

  const parentIndex = shape.columns.length;
  const columns = [...shape.columns, sql(`${parentColumn} AS parent_id`)];
  if (paged) {
    const window = joinSql(terms, ', ');
    columns.push(
      sql(
        `ROW_NUMBER() OVER (PARTITION BY ${parentColumn} ORDER BY ${window.sql}) AS child_rank`,
        window.params
      )
    );
  }
  const select = joinSql(columns, ', ');
  const from = scope.from();

  return {
    relationshipName: relationship.relationshipName,
    object,
    run(database, parentIds) {
      const filters = allOf([
        sql(`${parentColumn} IN (SELECT value FROM json_each(?))`, [JSON.stringify(parentIds)]),
        ...where,
        ...scope.rowFilters(query.allRows)
      ]);
      const inner = joinSql(
        [
          sql(`SELECT ${select.sql}`, select.params),
          sql(`FROM ${from.sql}`, from.params),
          sql(`WHERE ${filters.sql}`, filters.params)
        ],
        ' '
      );
      const statement = paged
        ? joinSql(
            [
              sql(`SELECT * FROM (${inner.sql})`, inner.params),
              sql('WHERE child_rank > ? AND child_rank <= ? ORDER BY parent_id, child_rank', [
                offset,
                offset + (limit ?? Number.MAX_SAFE_INTEGER)
              ])
            ],
            ' '
          )
        : joinSql([inner, orderClause(terms)], '');
      const children = new Map<string, SObject[]>();
      for (const row of selectRows(database, statement)) {
        const parentId = row[parentIndex] as string;
        const list = children.get(parentId) ?? [];
        list.push(shape.read(row));
        children.set(parentId, list);
      }
      return children;
    }
  };
}
