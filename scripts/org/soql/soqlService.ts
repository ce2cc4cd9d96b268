import type { Execution } from '../interpret/execution';
import { ApexList } from '../interpret/values/collections';
import type { SoqlService } from '../orgServices';
import type { PlatformSecurity } from '../security/securityService';
import { AGGREGATE_RESULT } from './aggregateQuery';
import { parseSoql } from './parseSoql';
import type { QueryEnvironment } from './queryEnvironment';
import { runQuery } from './runQuery';
import type { SoqlQuery } from './soqlAst';

/**
 * SOQL as Apex runs it: the query gets the running user's access (user mode from WITH
 * USER_MODE or AccessLevel.USER_MODE, record sharing from the code's sharing mode), the org's
 * fiscal year for date literals, and the transaction's limits; its result comes back as the
 * Apex value the expression has (a List of the queried type, or an Integer for COUNT()).
 */
export class PlatformSoql implements SoqlService {
  private readonly parsed = new Map<string, SoqlQuery>();

  constructor(private readonly security: PlatformSecurity) {}

  parse(text: string): SoqlQuery {
    let query = this.parsed.get(text);
    if (!query) {
      query = parseSoql(text);
      this.parsed.set(text, query);
    }
    return query;
  }

  run(
    ex: Execution,
    query: SoqlQuery,
    bind: (name: string) => unknown,
    accessLevel?: 'user' | 'system',
    options: { locator?: boolean } = {}
  ): ApexList | number {
    const userMode = accessLevel === 'user';
    const env: QueryEnvironment = {
      schema: ex.org.schema,
      database: ex.org.database,
      bind,
      today: ex.org.clock.today(),
      fiscalYearStartMonth: fiscalYearStartMonth(ex),
      userId: ex.userId,
      access: this.security.queryAccess(ex, userMode, userMode || ex.sharing),
      limits: {
        countQuery: () => ex.limits.countQuery(),
        // A query locator may read up to 50 million rows: they do not count against the 50,000.
        countRows: (rows) => {
          if (!options.locator) ex.limits.countQueryRows(rows);
        }
      }
    };
    const result = runQuery(query, env);
    if (result.kind === 'count') return result.count;
    if (result.kind === 'aggregate') {
      const rows = new ApexList({ kind: 'sobject', object: AGGREGATE_RESULT }, result.rows);
      rows.fromSoql = true;
      return rows;
    }
    const list = new ApexList(
      { kind: 'sobject', object: ex.org.schema.object(query.from.name) ?? null },
      result.records
    );
    list.fromSoql = true;
    return list;
  }
}

function fiscalYearStartMonth(ex: Execution): number {
  const row = ex.org.database.sql
    .prepare('SELECT FiscalYearStartMonth AS month FROM "Organization" LIMIT 1')
    .get() as { month: number | null } | undefined;
  return row?.month ?? 1;
}
