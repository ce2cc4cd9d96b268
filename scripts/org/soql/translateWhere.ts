import type { SqlValue } from '../database/storage';
import { UnsupportedError } from '../platformError';
import { filterValue, type FilterTarget, type FilterValue, type ValueSource } from './filterValues';
import { operandOf, type Operand } from './queryExpressions';
import { queryError } from './queryErrors';
import { ObjectScope } from './queryScope';
import type {
  Condition,
  ComparisonOperator,
  Literal,
  OrderItem,
  SoqlQuery,
  ValueExpression
} from './soqlAst';
import { allOf, anyOf, sql, type SqlFragment } from './sqlStatements';

/**
 * WHERE and HAVING conditions → SQL with SOQL's two-valued logic. SOQL has no unknown: a
 * comparison with a null field is simply false, so `Stage != 'Won'` keeps records without a
 * stage and `NOT (Amount > 5)` keeps those without an amount. SQL's NULL would drop both, so NOT
 * is pushed down to the comparisons, and each comparison has a positive and a negated form that
 * say explicitly what happens to nulls.
 */
export interface ConditionContext {
  scope: ObjectScope;
  values: ValueSource;
  /** HAVING compares aggregates. */
  aggregates: boolean;
  /** Inside a semi-join's WHERE: the platform does not nest them. */
  inSemiJoin: boolean;
  /**
   * The WHERE names records by id or lookup (`=`, `IN`) beside a date range: keep SQLite on the
   * id's index (see keyFilterOf). The answer is the same either way; only the plan differs.
   */
  byKey?: boolean;
  /**
   * The query is a keyset page (`ORDER BY Id LIMIT n`): a lookup's IN list of several values is
   * kept off its index (see idPageOf). Again only the plan differs.
   */
  idPage?: boolean;
}

/** An IN list this long, on a keyset page, is read in id order rather than through its index. */
const PAGE_LIST_OFF_INDEX = 8;

/**
 * Whether a query is a keyset page: ordered by Id alone, ascending, with a LIMIT. Through a
 * lookup's index, `OwnerId IN :team` (a manager's 49 reps at a million opportunities) reads and
 * sorts every open deal of the team (245,000 rows, 450 ms) for a page of 200; walking the id
 * index stops at the 200th match (1 ms). SQLite's planner does not weigh the LIMIT so, hence the
 * hint. Its worst case, few rows matching, is one pass over the table in id order.
 */
export function idPageOf(query: { orderBy: readonly OrderItem[]; limit?: unknown }): boolean {
  if (query.limit === undefined || query.orderBy.length !== 1) return false;
  const [item] = query.orderBy;
  return (
    !item.descending &&
    item.expression.kind === 'field' &&
    item.expression.path.length === 1 &&
    item.expression.path[0].toLowerCase() === 'id'
  );
}

/**
 * Whether a WHERE, in one of its top-level AND terms, picks records by their id or a lookup
 * (`Id = :x`, `OwnerId IN :owners`): those name few rows, where a date range may cover most of
 * the table. SQLite cannot tell without range statistics (its build has none), and on a million
 * opportunities it read the whole close-date range of thirteen quarters for four owners; so the
 * date ranges of such a WHERE are written so as not to use their index.
 */
export function keyFilterOf(where: Condition | undefined, scope: ObjectScope): boolean {
  if (!where) return false;
  const terms = where.kind === 'and' ? where.operands : [where];
  return terms.some((term) => {
    const left =
      (term.kind === 'comparison' && term.operator === '=') ||
      (term.kind === 'in' && !term.negated && term.values.kind !== 'subquery')
        ? term.left
        : null;
    if (left?.kind !== 'field' || left.path.length !== 1) return false;
    const type = scope.object.field(left.path[0])?.type;
    return type === 'reference' || type === 'id';
  });
}

export function translateCondition(
  condition: Condition,
  context: ConditionContext,
  negated = false
): SqlFragment {
  switch (condition.kind) {
    case 'and':
    case 'or': {
      const parts = condition.operands.map((c) => translateCondition(c, context, negated));
      return (condition.kind === 'and') !== negated ? allOf(parts) : anyOf(parts);
    }
    case 'not':
      return translateCondition(condition.operand, context, !negated);
    case 'comparison':
      return comparison(condition.left, condition.operator, condition.value, context, negated);
    case 'in':
      if (condition.values.kind === 'subquery')
        return semiJoin(condition.left, condition.values.query, context, condition.negated !== negated);
      return membership(condition.left, condition.values, context, condition.negated !== negated);
    case 'includes':
      return includes(condition.left, condition.values, context, condition.excludes !== negated);
  }
}

function operand(left: ValueExpression, context: ConditionContext): Operand {
  return operandOf(left, context.scope, 'filter', context.aggregates);
}

function target(op: Operand): FilterTarget {
  return { valueClass: op.valueClass, name: op.name, field: op.field };
}

/** A SOQL condition as SQL that is true exactly when SOQL says so, or exactly when it does not. */
function polar(positive: SqlFragment, negative: SqlFragment, negated: boolean): SqlFragment {
  return negated ? negative : positive;
}

function comparison(
  left: ValueExpression,
  operator: ComparisonOperator,
  literal: Literal,
  context: ConditionContext,
  negated: boolean
): SqlFragment {
  const op = operand(left, context);
  if (op.valueClass === 'multipicklist' && operator !== '=' && operator !== '!=')
    throw queryError(`invalid operator on multipicklist field: ${op.name}`);
  if (operator === 'LIKE') return like(op, literal, context, negated);
  const value = filterValue(literal, target(op), context.values);
  if (value.kind === 'list') {
    if (operator !== '=' && operator !== '!=')
      throw queryError(`Invalid bind expression: a collection with operator ${operator}`);
    return listMembership(
      pageListOperand(op, value.values.length, context),
      value.values,
      (operator === '!=') !== negated
    );
  }
  if (operator === '=' || operator === '!=') return equality(op, value, (operator === '!=') !== negated);
  // Unary + keeps the value and its order but leaves the column's index out of the plan.
  const dated = op.valueClass === 'date' || op.valueClass === 'datetime';
  return ordering(context.byKey && dated ? { ...op, sql: `+${op.sql}` } : op, operator, value, negated);
}

function equality(op: Operand, value: FilterValue, negated: boolean): SqlFragment {
  const column = `${op.sql}${op.collate}`;
  switch (value.kind) {
    case 'null':
      return sql(`${op.sql} IS ${negated ? 'NOT ' : ''}NULL`);
    case 'range':
      return polar(
        sql(`${op.sql} >= ? AND ${op.sql} < ?`, [value.from, value.until]),
        sql(`${op.sql} IS NULL OR ${op.sql} < ? OR ${op.sql} >= ?`, [value.from, value.until]),
        negated
      );
    case 'scalar':
      if (op.valueClass === 'multipicklist' && String(value.value).includes(';'))
        throw new UnsupportedError('SOQL = on a multi-select picklist with several values (use INCLUDES)');
      // IS NOT is SQLite's null-safe inequality: true when the field is null.
      return sql(`${column} ${negated ? 'IS NOT' : '='} ?`, [value.value]);
    case 'list':
      return listMembership(op, value.values, negated);
  }
}

function ordering(
  op: Operand,
  operator: '<' | '<=' | '>' | '>=',
  value: FilterValue,
  negated: boolean
): SqlFragment {
  let positive: SqlFragment;
  switch (value.kind) {
    case 'null':
      // Nothing is less or greater than null in SOQL.
      return sql(negated ? '1' : '0');
    case 'range':
      positive =
        operator === '<'
          ? sql(`${op.sql} < ?`, [value.from])
          : operator === '<='
            ? sql(`${op.sql} < ?`, [value.until])
            : operator === '>'
              ? sql(`${op.sql} >= ?`, [value.until])
              : sql(`${op.sql} >= ?`, [value.from]);
      break;
    case 'scalar':
      positive = sql(`${op.sql}${op.collate} ${operator} ?`, [value.value]);
      break;
    case 'list':
      throw queryError(`Invalid bind expression: a collection with operator ${operator}`);
  }
  return polar(positive, sql(`${op.sql} IS NULL OR NOT (${positive.sql})`, positive.params), negated);
}

function like(op: Operand, literal: Literal, context: ConditionContext, negated: boolean): SqlFragment {
  if (op.valueClass !== 'text' && op.valueClass !== 'id')
    throw queryError(`invalid operator on field ${op.name}: LIKE`);
  let pattern: string | null;
  if (literal.kind === 'string') pattern = literal.likePattern;
  else if (literal.kind === 'null') pattern = null;
  else if (literal.kind === 'bind') {
    // An Apex string bound to LIKE is the pattern itself, backslash escapes included.
    const value = context.values.bind(literal.expression);
    if (value !== null && value !== undefined && typeof value !== 'string')
      throw queryError(`Invalid bind expression type for LIKE on field ${op.name}`);
    pattern = (value as string | null | undefined) ?? null;
  } else
    throw queryError(
      `value of filter criterion for field '${op.name}' must be of type string and should be enclosed in quotes`
    );
  if (pattern === null) return sql(negated ? '1' : '0');
  const positive = sql(`${op.sql} LIKE ? ESCAPE '\\'`, [pattern]);
  return polar(positive, sql(`${op.sql} IS NULL OR NOT (${positive.sql})`, positive.params), negated);
}

function membership(
  left: ValueExpression,
  values: { kind: 'list'; values: Literal[] } | { kind: 'bind'; expression: string },
  context: ConditionContext,
  negated: boolean
): SqlFragment {
  const op = operand(left, context);
  const filterTarget = target(op);
  const resolved: SqlValue[] = [];
  const literals: Literal[] =
    values.kind === 'bind' ? [{ kind: 'bind', expression: values.expression }] : values.values;
  for (const literal of literals) {
    if (literal.kind === 'dateLiteral') throw new UnsupportedError('SOQL date literal inside IN (...)');
    const value = filterValue(literal, filterTarget, context.values);
    if (value.kind === 'list') resolved.push(...value.values);
    else if (value.kind === 'scalar') resolved.push(value.value);
    else if (value.kind === 'null') resolved.push(null);
  }
  return listMembership(pageListOperand(op, resolved.length, context), resolved, negated);
}

/** Unary + keeps the value but leaves the column's index out of the plan (see idPageOf). */
function pageListOperand(op: Operand, values: number, context: ConditionContext): Operand {
  return context.idPage && values >= PAGE_LIST_OFF_INDEX && op.field?.type === 'reference'
    ? { ...op, sql: `+${op.sql}` }
    : op;
}

// Longer lists go to SQLite as one JSON parameter, which has no limit on its length.
const INLINE_LIST = 200;

/** IN / NOT IN a list of values; a null in the list matches a null field, and NOT IN keeps nulls otherwise. */
function listMembership(op: Operand, values: SqlValue[], negated: boolean): SqlFragment {
  const present = [...new Set(values.filter((v): v is Exclude<SqlValue, null> => v !== null))];
  const hasNull = present.length < values.length;
  const column = `${op.sql}${op.collate}`;
  let inList: SqlFragment;
  if (present.length === 0) inList = sql('0');
  else if (present.length <= INLINE_LIST)
    inList = sql(`${column} IN (${present.map(() => '?').join(', ')})`, present);
  else
    inList = sql(`${column} IN (SELECT value FROM json_each(?))`, [
      JSON.stringify(present.map((v) => (typeof v === 'bigint' ? Number(v) : v)))
    ]);
  if (!negated) return hasNull ? anyOf([inList, sql(`${op.sql} IS NULL`)]) : inList;
  const notIn = sql(`NOT (${inList.sql})`, inList.params);
  return hasNull ? allOf([sql(`${op.sql} IS NOT NULL`), notIn]) : anyOf([sql(`${op.sql} IS NULL`), notIn]);
}

/** Multi-select picklists: INCLUDES ('a;b', 'c') holds a and b, or c. Values are stored `a;b;c`. */
function includes(
  left: ValueExpression,
  literals: Literal[],
  context: ConditionContext,
  excludes: boolean
): SqlFragment {
  const op = operand(left, context);
  if (op.valueClass !== 'multipicklist')
    throw queryError(`invalid operator on field ${op.name}: INCLUDES/EXCLUDES`);
  const sets: string[] = [];
  for (const literal of literals) {
    const value = filterValue(literal, target(op), context.values);
    if (value.kind === 'scalar') sets.push(String(value.value));
    else if (value.kind === 'list') sets.push(...value.values.filter((v) => v !== null).map(String));
  }
  const anySet = anyOf(
    sets.map((set) =>
      allOf(
        set
          .split(';')
          .map((v) => v.trim())
          .filter((v) => v !== '')
          .map((v) => sql(`(';' || ${op.sql} || ';') LIKE ? ESCAPE '\\'`, [`%;${escapeLike(v)};%`]))
      )
    )
  );
  return polar(anySet, sql(`${op.sql} IS NULL OR NOT (${anySet.sql})`, anySet.params), excludes);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `Id IN (SELECT Parent__c FROM Child__c WHERE ...)`: a SQL subquery over the inner object,
 * which the user's visibility applies to as well. The subquery's nulls are dropped, since SQL's
 * NOT IN over a list holding a null is never true, while SOQL's anti-join ignores them.
 */
function semiJoin(
  left: ValueExpression,
  query: SoqlQuery,
  context: ConditionContext,
  negated: boolean
): SqlFragment {
  if (context.inSemiJoin) throw queryError('Nesting of semi join sub-selects is not supported');
  const op = operand(left, context);
  if (op.valueClass !== 'id')
    throw queryError(`Invalid semi join: field ${op.name} must be an Id or a reference`);
  const scopeContext = context.scope.context;
  const object = scopeContext.env.schema.object(query.from.name);
  if (!object || !object.queryable) throw queryError(`sObject type '${query.from.name}' is not supported.`);
  const item = query.select[0];
  if (query.select.length !== 1 || item.kind !== 'expression' || item.expression.kind !== 'field')
    throw queryError('The selected field in a semi join sub-select must be a single Id or reference field');
  if (
    query.groupBy.length > 0 ||
    query.having ||
    query.orderBy.length > 0 ||
    query.limit ||
    query.offset ||
    query.security
  )
    throw new UnsupportedError('SOQL GROUP BY, ORDER BY, LIMIT, OFFSET or WITH inside a semi-join');
  const inner = new ObjectScope(scopeContext, object, scopeContext.nextAlias(), query.from.alias, false);
  const selected = operandOf(item.expression, inner, 'filter', false);
  if (selected.valueClass !== 'id')
    throw queryError('The selected field in a semi join sub-select must be a single Id or reference field');
  const innerContext: ConditionContext = { ...context, scope: inner, aggregates: false, inSemiJoin: true };
  const filters = [
    ...(query.where ? [translateCondition(query.where, innerContext)] : []),
    ...inner.rowFilters(query.allRows),
    sql(`${selected.sql} IS NOT NULL`)
  ];
  const where = allOf(filters);
  const from = inner.from();
  const subquery = sql(`SELECT ${selected.sql} FROM ${from.sql} WHERE ${where.sql}`, [
    ...from.params,
    ...where.params
  ]);
  const positive = sql(`${op.sql} IN (${subquery.sql})`, subquery.params);
  return polar(
    positive,
    sql(`${op.sql} IS NULL OR ${op.sql} NOT IN (${subquery.sql})`, subquery.params),
    negated
  );
}
