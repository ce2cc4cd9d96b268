import type { DatabaseSync } from '../database/orgDatabase';
import { SObject } from '../interpret/values/sobject';
import { UnsupportedError } from '../platformError';
import { describeObject } from '../schema/packageObjects';
import type { ValueSource } from './filterValues';
import { countOf } from './limitOffset';
import { orderClause, orderTerms } from './orderBy';
import { expressionKey, operandOf, type Operand } from './queryExpressions';
import { queryError } from './queryErrors';
import type { ObjectScope } from './queryScope';
import type { SoqlQuery } from './soqlAst';
import { allOf, joinSql, selectRows, sql, type SqlFragment } from './sqlStatements';
import { translateCondition } from './translateWhere';

/**
 * Aggregate queries (aggregate functions, GROUP BY, date functions) and COUNT(). Each result row
 * is an AggregateResult whose values are read by alias: the alias written, else the field name
 * for a grouped field, else `expr0`, `expr1` ... numbered over the unaliased functions only, as
 * the platform numbers them. The governor counts every row an aggregate reads, so the plan also
 * counts the filtered input.
 */
export const AGGREGATE_RESULT = describeObject({
  name: 'AggregateResult',
  label: 'Aggregate Result',
  labelPlural: 'Aggregate Results',
  keyPrefix: '',
  custom: false,
  customMetadata: false,
  setup: false,
  queryable: false,
  createable: false,
  updateable: false,
  deletable: false,
  sharingModel: 'ReadWrite',
  sharingReasons: [],
  fields: [],
  validationRules: []
});

export interface AggregatePlan {
  /** How many rows the aggregation reads (what the query-rows limit counts). */
  aggregatedRows(database: DatabaseSync): number;
  rows(database: DatabaseSync): SObject[];
}

interface OutputColumn {
  key: string;
  operand: Operand;
}

export function planAggregate(query: SoqlQuery, scope: ObjectScope, values: ValueSource): AggregatePlan {
  const groups = query.groupBy.map((expression) => ({
    key: expressionKey(expression, scope),
    operand: operandOf(expression, scope, 'group', false)
  }));
  const grouped = new Map(groups.map((g) => [g.key, g.operand]));
  const outputs: OutputColumn[] = [];
  const aliases = new Set<string>();
  let unnamed = 0;
  for (const item of query.select) {
    if (item.kind === 'subquery')
      throw queryError('Parent-to-child subqueries are not allowed in an aggregate query');
    if (item.kind === 'toLabel') throw new UnsupportedError('SOQL toLabel() in an aggregate query');
    const expression = item.expression;
    let operand: Operand;
    if (expression.kind === 'aggregate') operand = operandOf(expression, scope, 'select', true);
    else {
      const group = grouped.get(expressionKey(expression, scope));
      const own = operandOf(expression, scope, 'select', false);
      if (!group) throw queryError(`Field must be grouped or aggregated: ${own.name}`);
      // Text grouped case-insensitively reads back as one of its spellings; MIN makes it always
      // the same one. A checkbox's missing value reads as false.
      operand = { ...own, sql: group.collate ? `MIN(${group.sql})` : group.sql };
    }
    const key = item.alias ?? (expression.kind === 'field' ? operand.name : `expr${unnamed++}`);
    if (aliases.has(key.toLowerCase())) throw queryError(`duplicate alias: ${key}`);
    aliases.add(key.toLowerCase());
    outputs.push({ key, operand });
  }
  const filters = [
    ...(query.where
      ? [translateCondition(query.where, { scope, values, aggregates: false, inSemiJoin: false })]
      : []),
    ...scope.rowFilters(query.allRows)
  ];
  const having = query.having
    ? translateCondition(query.having, { scope, values, aggregates: true, inSemiJoin: false })
    : undefined;
  const terms = orderTerms(query.orderBy, scope, true);
  const limit = countOf(query.limit, values.bind, 'LIMIT');
  const offset = countOf(query.offset, values.bind, 'OFFSET');
  const from = scope.from();
  const where = allOf(filters);
  const input = joinSql([sql(`FROM ${from.sql}`, from.params), sql(`WHERE ${where.sql}`, where.params)], ' ');

  return {
    aggregatedRows: (database) =>
      Number(selectRows(database, sql(`SELECT COUNT(*) AS n ${input.sql}`, input.params))[0][0]),
    rows(database) {
      const parts: SqlFragment[] = [
        sql(`SELECT ${outputs.map((o, i) => `${o.operand.sql} AS c${i}`).join(', ')}`),
        input
      ];
      if (groups.length > 0)
        parts.push(sql(`GROUP BY ${groups.map((g) => `${g.operand.sql}${g.operand.collate}`).join(', ')}`));
      if (having) parts.push(sql(`HAVING ${having.sql}`, having.params));
      parts.push(orderClause(terms), pageClause(limit, offset));
      return selectRows(database, joinSql(parts, ' ')).map((row) => {
        const result = new SObject(AGGREGATE_RESULT);
        result.retrieved = true;
        outputs.forEach((output, i) => result.set(output.key, output.operand.read(row[i])));
        return result;
      });
    }
  };
}

/** SELECT COUNT() ...: the number of matching records, at most LIMIT (after OFFSET). */
export function planCount(
  query: SoqlQuery,
  scope: ObjectScope,
  values: ValueSource
): (database: DatabaseSync) => number {
  if (query.select.length !== 1) throw queryError('COUNT() must be the only element in the SELECT list');
  if (query.groupBy.length > 0)
    throw queryError('COUNT() cannot be used with GROUP BY; use COUNT(fieldName)');
  if (query.having) throw queryError('COUNT() cannot be used with HAVING; use COUNT(fieldName)');
  const filters = [
    ...(query.where
      ? [translateCondition(query.where, { scope, values, aggregates: false, inSemiJoin: false })]
      : []),
    ...scope.rowFilters(query.allRows)
  ];
  const limit = countOf(query.limit, values.bind, 'LIMIT');
  const offset = countOf(query.offset, values.bind, 'OFFSET');
  const from = scope.from();
  const where = allOf(filters);
  const matching = joinSql(
    [
      sql(`SELECT 1 FROM ${from.sql}`, from.params),
      sql(`WHERE ${where.sql}`, where.params),
      pageClause(limit, offset)
    ],
    ' '
  );
  const statement = sql(`SELECT COUNT(*) AS n FROM (${matching.sql})`, matching.params);
  return (database) => Number(selectRows(database, statement)[0][0]);
}

export function pageClause(limit: number | undefined, offset: number | undefined): SqlFragment {
  if (limit === undefined && offset === undefined) return sql('');
  return sql('LIMIT ? OFFSET ?', [limit ?? -1, offset ?? 0]);
}
