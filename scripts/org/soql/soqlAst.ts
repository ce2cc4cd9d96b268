/**
 * A SOQL statement as `parseSoql` reads it: names exactly as written (the schema decides what
 * they mean when the query runs), values as literals or bind expressions. Nothing here knows
 * the org, so a parsed query can be cached and run against any schema.
 */
export interface SoqlQuery {
  select: SelectItem[];
  from: { name: string; alias?: string };
  where?: Condition;
  /** WITH USER_MODE | SYSTEM_MODE | SECURITY_ENFORCED. */
  security?: SecurityClause;
  groupBy: GroupExpression[];
  having?: Condition;
  orderBy: OrderItem[];
  limit?: CountValue;
  offset?: CountValue;
  /** FOR UPDATE / FOR VIEW / FOR REFERENCE. */
  lock?: 'UPDATE' | 'VIEW' | 'REFERENCE';
  allRows: boolean;
  /** Every bind expression in the statement and its subqueries, in order, as written after the colon. */
  binds: string[];
  text: string;
}

export type SecurityClause = 'USER_MODE' | 'SYSTEM_MODE' | 'SECURITY_ENFORCED';

/** `Account.Owner.Name`: the segments as written; the last one names a field. */
export interface FieldPath {
  kind: 'field';
  path: string[];
}

export type AggregateFunction = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

/** `COUNT()` has no argument. */
export interface AggregateCall {
  kind: 'aggregate';
  fn: AggregateFunction;
  arg: FieldPath | null;
}

export type DateFunction =
  | 'CALENDAR_MONTH'
  | 'CALENDAR_QUARTER'
  | 'CALENDAR_YEAR'
  | 'DAY_IN_MONTH'
  | 'DAY_IN_WEEK'
  | 'DAY_IN_YEAR'
  | 'DAY_ONLY'
  | 'FISCAL_MONTH'
  | 'FISCAL_QUARTER'
  | 'FISCAL_YEAR'
  | 'HOUR_IN_DAY'
  | 'WEEK_IN_MONTH'
  | 'WEEK_IN_YEAR';

/** `CALENDAR_YEAR(CloseDate)`; `convertTimezone(...)` around the field is accepted (users work in GMT). */
export interface DateCall {
  kind: 'date';
  fn: DateFunction;
  arg: FieldPath;
}

export type ValueExpression = FieldPath | AggregateCall | DateCall;
export type GroupExpression = FieldPath | DateCall;

export type SelectItem =
  | { kind: 'expression'; expression: ValueExpression; alias?: string }
  | { kind: 'toLabel'; field: FieldPath; alias?: string }
  | { kind: 'subquery'; query: SoqlQuery };

export type Literal =
  /** `likePattern` keeps the backslash escapes LIKE reads (`\%`, `\_`, `\\`); `value` is the text. */
  | { kind: 'string'; value: string; likePattern: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; text: string }
  | { kind: 'datetime'; text: string }
  /** TODAY, LAST_N_DAYS:30, THIS_FISCAL_QUARTER ... (`n` for the `:n` forms). */
  | { kind: 'dateLiteral'; name: string; n?: number }
  | { kind: 'bind'; expression: string };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE';

export type Condition =
  | { kind: 'and'; operands: Condition[] }
  | { kind: 'or'; operands: Condition[] }
  | { kind: 'not'; operand: Condition }
  | { kind: 'comparison'; left: ValueExpression; operator: ComparisonOperator; value: Literal }
  | { kind: 'in'; left: ValueExpression; negated: boolean; values: InValues }
  | { kind: 'includes'; left: ValueExpression; excludes: boolean; values: Literal[] };

export type InValues =
  | { kind: 'list'; values: Literal[] }
  | { kind: 'bind'; expression: string }
  | { kind: 'subquery'; query: SoqlQuery };

export interface OrderItem {
  expression: ValueExpression;
  descending: boolean;
  /** SOQL puts nulls first unless NULLS LAST is written, in either direction. */
  nullsLast: boolean;
}

export type CountValue = { kind: 'number'; value: number } | { kind: 'bind'; expression: string };
