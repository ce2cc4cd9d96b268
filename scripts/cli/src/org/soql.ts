import type { Condition } from '../data/loadRequest';
import { fieldType, type ObjectName } from '../data/schema';

/** A load request's scope as SOQL, so the org sends only the rows the report reads. */

function literal(object: ObjectName, field: string, value: string): string {
  const type = fieldType(object, field);
  // Date literals are unquoted in SOQL; text is quoted with \ and ' escaped.
  return type === 'date' || type === 'datetime' || type === 'number'
    ? value
    : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function clause(object: ObjectName, condition: Condition): string {
  const field = condition.field;
  switch (condition.op) {
    case 'between':
      return `${field} >= ${condition.from} AND ${field} <= ${condition.to}`;
    case 'in':
      return `${field} IN (${condition.values.map((v) => literal(object, field, v)).join(', ')})`;
    case 'is':
      return `${field} = ${condition.value}`;
    case 'notBlank':
      return `${field} != null`;
  }
}

export function buildSoql(
  object: ObjectName,
  fields: readonly string[],
  where: readonly Condition[] = []
): string {
  const filter = where.length === 0 ? '' : ` WHERE ${where.map((c) => clause(object, c)).join(' AND ')}`;
  return `SELECT ${fields.join(', ')} FROM ${object}${filter}`;
}

export function buildCount(object: ObjectName, where: readonly Condition[] = []): string {
  const filter = where.length === 0 ? '' : ` WHERE ${where.map((c) => clause(object, c)).join(' AND ')}`;
  return `SELECT COUNT() FROM ${object}${filter}`;
}
