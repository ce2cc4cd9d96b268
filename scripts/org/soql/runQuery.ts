import { ApexList } from '../interpret/values/collections';
import type { SObject } from '../interpret/values/sobject';
import { AGGREGATE_RESULT, pageClause, planAggregate, planCount } from './aggregateQuery';
import { planChildQuery, type ChildQuery } from './childQueries';
import type { ValueSource } from './filterValues';
import { countOf } from './limitOffset';
import { orderClause, orderTerms } from './orderBy';
import { ReferencedFields, type Enforcement } from './queryAccess';
import type { QueryEnvironment } from './queryEnvironment';
import { queryError, unknownObject } from './queryErrors';
import { ObjectScope, type PlanContext } from './queryScope';
import { recordShape } from './recordShape';
import type { SoqlQuery } from './soqlAst';
import { allOf, joinSql, selectRows, sql } from './sqlStatements';
import { idPageOf, keyFilterOf, translateCondition } from './translateWhere';

export { AGGREGATE_RESULT };

export type QueryResult =
  | { kind: 'records'; records: SObject[] }
  | { kind: 'aggregate'; rows: SObject[] }
  | { kind: 'count'; count: number };

/**
 * Runs a parsed SOQL query against the org's SQLite data as the platform would: the whole query
 * is planned first (names resolved, binds read, every object and field it touches collected),
 * user-mode permissions are enforced on all of it before anything is read, then one SQL
 * statement runs for the query and one per parent-to-child subquery. The query counts once
 * against the SOQL limit and its rows (children included; for an aggregate, every row it reads;
 * for COUNT(), one) against the query-rows limit.
 *
 * The query's WITH clause can only add to what the environment enforces: WITH USER_MODE turns on
 * permissions (everywhere in the query) and sharing, WITH SECURITY_ENFORCED permissions on what
 * the SELECT and FROM clauses name; WITH SYSTEM_MODE leaves the environment's (the class's
 * sharing keyword) as it is.
 */
export function runQuery(query: SoqlQuery, env: QueryEnvironment): QueryResult {
  env.limits.countQuery();
  const object = env.schema.object(query.from.name);
  if (!object || !object.queryable) throw unknownObject(query.from.name);
  const enforcement: Enforcement | null =
    env.access.userMode || query.security === 'USER_MODE'
      ? 'everything'
      : query.security === 'SECURITY_ENFORCED'
        ? 'selected'
        : null;
  const enforce = (): void => {
    if (enforcement) context.references.enforce(env.access, enforcement);
  };
  let aliases = 0;
  const context: PlanContext = {
    env,
    references: new ReferencedFields(),
    sharing: env.access.sharing || query.security === 'USER_MODE',
    nextAlias: () => `t${aliases++}`
  };
  const scope = new ObjectScope(context, object, context.nextAlias(), query.from.alias);
  const values: ValueSource = {
    bind: (expression) => env.bind(expression),
    calendar: { today: env.today, fiscalYearStartMonth: env.fiscalYearStartMonth }
  };
  const database = env.database.sql;

  const expressions = query.select.flatMap((item) => (item.kind === 'expression' ? [item.expression] : []));
  const countOnly = expressions.some((e) => e.kind === 'aggregate' && e.fn === 'COUNT' && e.arg === null);
  if (countOnly) {
    const count = planCount(query, scope, values);
    enforce();
    env.limits.countRows(1);
    return { kind: 'count', count: count(database) };
  }
  if (query.groupBy.length > 0 || expressions.some((e) => e.kind !== 'field')) {
    const plan = planAggregate(query, scope, values);
    enforce();
    env.limits.countRows(plan.aggregatedRows(database));
    return { kind: 'aggregate', rows: plan.rows(database) };
  }

  if (query.having)
    throw queryError(
      'HAVING can only be used in an aggregate query (with GROUP BY or an aggregate function)'
    );
  const shape = recordShape(query.select, scope);
  const children: ChildQuery[] = query.select.flatMap((item) =>
    item.kind === 'subquery' ? [planChildQuery(item.query, scope, values)] : []
  );
  const conditions = query.where
    ? [
        translateCondition(query.where, {
          scope,
          values,
          aggregates: false,
          inSemiJoin: false,
          byKey: keyFilterOf(query.where, scope),
          idPage: idPageOf(query)
        })
      ]
    : [];
  // Without ORDER BY, or between equal keys, records come in the order they were created.
  const terms = [...orderTerms(query.orderBy, scope, false), sql(`${scope.alias}.rowid`)];
  const limit = countOf(query.limit, values.bind, 'LIMIT');
  const offset = countOf(query.offset, values.bind, 'OFFSET');
  enforce();

  const from = scope.from();
  const where = allOf([...conditions, ...scope.rowFilters(query.allRows)]);
  const columns = joinSql(shape.columns, ', ');
  const statement = joinSql(
    [
      sql(`SELECT ${columns.sql}`, columns.params),
      sql(`FROM ${from.sql}`, from.params),
      sql(`WHERE ${where.sql}`, where.params),
      orderClause(terms),
      pageClause(limit, offset)
    ],
    ' '
  );
  const rows = selectRows(database, statement);
  env.limits.countRows(rows.length);
  const records = rows.map((row) => shape.read(row));
  for (const child of children) attachChildren(child, records, env);
  return { kind: 'records', records };
}

/** Every parent gets the list, empty when it has no children (never null, as in Apex). */
function attachChildren(child: ChildQuery, parents: SObject[], env: QueryEnvironment): void {
  const byParent =
    parents.length > 0
      ? child.run(
          env.database.sql,
          parents.map((p) => p.id as string)
        )
      : new Map<string, SObject[]>();
  let count = 0;
  for (const list of byParent.values()) count += list.length;
  env.limits.countRows(count);
  for (const parent of parents) {
    const list = new ApexList(
      { kind: 'sobject', object: child.object },
      byParent.get(parent.id as string) ?? []
    );
    parent.set(child.relationshipName, list);
  }
}
