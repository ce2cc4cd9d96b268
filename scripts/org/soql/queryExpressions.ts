import { fromSql, type SqlValue } from '../database/storage';
import { Decimal } from '../interpret/values/numbers';
import { ApexDate } from '../interpret/values/temporal';
import type { FieldDescribe } from '../schema/describe';
import { valueClassOf, type ValueClass } from './filterValues';
import { queryError } from './queryErrors';
import type { ObjectScope } from './queryScope';
import type { AggregateCall, DateCall, ValueExpression } from './soqlAst';

/**
 * A field, date function or aggregate of a query as a SQL expression over the scope's tables,
 * with how it compares (its value class, and NOCASE for text: SOQL compares and sorts text
 * case-insensitively except in case-sensitive unique fields), and how its SQL value reads back
 * as an Apex value.
 */
export interface Operand {
  sql: string;
  valueClass: ValueClass;
  /** The name the platform's messages use for it. */
  name: string;
  /** ' COLLATE NOCASE' for case-insensitive text, else ''. */
  collate: string;
  field?: FieldDescribe;
  read(value: SqlValue): unknown;
}

/** Where an expression is used: the platform allows fewer field types in each. */
export type Usage = 'select' | 'filter' | 'order' | 'group';

export function operandOf(
  expression: ValueExpression,
  scope: ObjectScope,
  usage: Usage,
  aggregates: boolean
): Operand {
  switch (expression.kind) {
    case 'field':
      return fieldOperand(scope, expression.path, usage);
    case 'date':
      return dateOperand(expression, scope, usage);
    case 'aggregate':
      if (!aggregates) throw queryError(`Aggregate function ${expression.fn} is not allowed here`);
      return aggregateOperand(expression, scope);
  }
}

function fieldOperand(scope: ObjectScope, path: string[], usage: Usage): Operand {
  const { field, column } = scope.resolve({ kind: 'field', path }, { selected: usage === 'select' });
  checkUsage(field, usage);
  const valueClass = valueClassOf(field);
  const textual = valueClass === 'text' || valueClass === 'multipicklist';
  return {
    // A checkbox is never null in an org; a missing value reads as false.
    sql: valueClass === 'boolean' && usage !== 'select' ? `IFNULL(${column}, 0)` : column,
    valueClass,
    name: field.name,
    collate: textual && !field.caseSensitive ? ' COLLATE NOCASE' : '',
    field,
    read: (value) => fromSql(field, value)
  };
}

function checkUsage(field: FieldDescribe, usage: Usage): void {
  const longText = field.type === 'textarea' && field.length > 255;
  if (usage === 'filter' && longText)
    throw queryError(`field '${field.name}' can not be filtered in query call`);
  if (usage === 'order' && (longText || field.type === 'multipicklist'))
    throw queryError(`field '${field.name}' can not be sorted in a query call`);
  const ungroupable = ['double', 'currency', 'percent', 'datetime', 'multipicklist'].includes(field.type);
  if (usage === 'group' && (longText || ungroupable))
    throw queryError(`field '${field.name}' can not be grouped in a query call`);
}

/**
 * Date functions over the stored text ('YYYY-MM-DD' or ISO 8601 in GMT). The fiscal ones use
 * the org's fiscal start month, an integer checked here and written into the SQL as a number.
 */
function dateOperand(call: DateCall, scope: ObjectScope, usage: Usage): Operand {
  const { field, column } = scope.resolve(call.arg, { selected: usage === 'select' });
  const onDatetime = field.type === 'datetime';
  if (
    (field.type !== 'date' && !onDatetime) ||
    (!onDatetime && (call.fn === 'DAY_ONLY' || call.fn === 'HOUR_IN_DAY'))
  )
    throw queryError(`field ${field.name} does not support date function ${call.fn}`);
  if (usage === 'order' || usage === 'group') checkUsage({ ...field, type: 'date' }, usage);
  const start = scope.context.env.fiscalYearStartMonth;
  if (!Number.isInteger(start) || start < 1 || start > 12)
    throw new Error(`fiscal year start month ${start} is not 1-12`);
  const part = (format: string): string => `CAST(strftime('${format}', ${column}) AS INTEGER)`;
  const month = part('%m');
  const fiscalMonth = `((${month} - ${start} + 12) % 12)`;
  const expressions: Record<DateCall['fn'], string> = {
    CALENDAR_YEAR: part('%Y'),
    CALENDAR_MONTH: month,
    CALENDAR_QUARTER: `((${month} + 2) / 3)`,
    DAY_IN_MONTH: part('%d'),
    DAY_IN_WEEK: `(${part('%w')} + 1)`,
    DAY_IN_YEAR: part('%j'),
    WEEK_IN_YEAR: `((${part('%j')} - 1) / 7 + 1)`,
    WEEK_IN_MONTH: `((${part('%d')} - 1) / 7 + 1)`,
    HOUR_IN_DAY: part('%H'),
    DAY_ONLY: `date(${column})`,
    FISCAL_MONTH: `(${fiscalMonth} + 1)`,
    FISCAL_QUARTER: `(${fiscalMonth} / 3 + 1)`,
    // Named by the calendar year the fiscal year ends in.
    FISCAL_YEAR: `(${part('%Y')} + (CASE WHEN ${start} > 1 AND ${month} >= ${start} THEN 1 ELSE 0 END))`
  };
  const dayOnly = call.fn === 'DAY_ONLY';
  return {
    sql: expressions[call.fn],
    valueClass: dayOnly ? 'date' : 'number',
    name: `${call.fn}(${field.name})`,
    collate: '',
    read: (value) => (value === null ? null : dayOnly ? ApexDate.parse(String(value)) : Number(value))
  };
}

function aggregateOperand(call: AggregateCall, scope: ObjectScope): Operand {
  if (!call.arg) {
    return { sql: 'COUNT(*)', valueClass: 'number', name: 'COUNT()', collate: '', read: (v) => Number(v) };
  }
  const inner = fieldOperand(scope, call.arg.path, 'select');
  const field = inner.field as FieldDescribe;
  const name = `${call.fn}(${field.name})`;
  const numeric = inner.valueClass === 'number';
  switch (call.fn) {
    case 'COUNT':
      return {
        ...inner,
        sql: `COUNT(${inner.sql})`,
        valueClass: 'number',
        name,
        collate: '',
        read: (v) => Number(v)
      };
    case 'COUNT_DISTINCT':
      return {
        ...inner,
        sql: `COUNT(DISTINCT ${inner.sql}${inner.collate})`,
        valueClass: 'number',
        name,
        collate: '',
        read: (v) => Number(v)
      };
    case 'SUM':
    case 'AVG':
      if (!numeric) throw queryError(`field ${field.name} does not support aggregate operator ${call.fn}`);
      return {
        ...inner,
        sql: `${call.fn}(${inner.sql})`,
        name,
        read: (v) => (v === null ? null : new Decimal(Number(v)))
      };
    case 'MIN':
    case 'MAX':
      if (inner.valueClass === 'boolean' || inner.valueClass === 'multipicklist')
        throw queryError(`field ${field.name} does not support aggregate operator ${call.fn}`);
      return { ...inner, sql: `${call.fn}(${inner.sql}${inner.collate})`, name };
  }
}

/** A key for "the same expression", to match a selected field with its GROUP BY entry. */
export function expressionKey(expression: ValueExpression, scope: ObjectScope): string {
  switch (expression.kind) {
    case 'field':
      return `field:${scope.resolve(expression).column}`;
    case 'date':
      return `date:${expression.fn}:${scope.resolve(expression.arg).column}`;
    case 'aggregate':
      return `aggregate:${expression.fn}:${expression.arg ? scope.resolve(expression.arg).column : '*'}`;
  }
}
