import { operandOf } from './queryExpressions';
import type { ObjectScope } from './queryScope';
import type { OrderItem } from './soqlAst';
import { joinSql, sql, type SqlFragment } from './sqlStatements';

/**
 * ORDER BY terms as SOQL sorts: text case-insensitively, picklists in the order their values are
 * defined (not alphabetically), nulls first unless NULLS LAST is written, in either direction.
 */
export function orderTerms(
  items: readonly OrderItem[],
  scope: ObjectScope,
  aggregates: boolean
): SqlFragment[] {
  return items.map((item) => {
    const op = operandOf(item.expression, scope, 'order', aggregates);
    const direction = `${item.descending ? 'DESC' : 'ASC'} NULLS ${item.nullsLast ? 'LAST' : 'FIRST'}`;
    const values =
      op.field?.type === 'picklist' && item.expression.kind === 'field' ? op.field.picklistValues : [];
    if (values.length === 0) return sql(`${op.sql}${op.collate} ${direction}`);
    // Values outside the definition (inactive ones, data loaded around it) sort after it, by text.
    const rank = `CASE WHEN ${op.sql} IS NULL THEN NULL ${values.map(() => `WHEN ${op.sql}${op.collate} = ? THEN ?`).join(' ')} ELSE ? END`;
    const params = [...values.flatMap((v, i) => [v.value, i]), values.length];
    return sql(`${rank} ${direction}, ${op.sql}${op.collate} ${direction}`, params);
  });
}

export function orderClause(terms: readonly SqlFragment[]): SqlFragment {
  if (terms.length === 0) return sql('');
  const joined = joinSql(terms, ', ');
  return sql(` ORDER BY ${joined.sql}`, joined.params);
}
