import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';

/**
 * The forecast roll-up of SPEC §3 (grouped by primary partner) as one DuckDB query over the
 * export's CSV files, for the bench's side-by-side with `psms forecast`. Every run reads the
 * files again with read_csv (no table is kept between runs), as an analyst would query an
 * export. It computes what psms prints: per partner the five sums, the quota and the label,
 * and the total; `sameRollUp` checks the two answers are equal before any time is compared.
 */

export interface DuckForecastGroup {
  key: string;
  label: string;
  closed: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  omitted: number;
  quota: number | null;
}

/** How DuckDB reads the CSV files: sniffing the types itself, or told the schema (no sniffing). */
export type DuckCsvMode = 'sniffed' | 'typed';

const OPPORTUNITY_COLUMNS: Record<string, string> = {
  Id: 'VARCHAR',
  Name: 'VARCHAR',
  AccountId: 'VARCHAR',
  OwnerId: 'VARCHAR',
  Amount: 'DECIMAL(18,2)',
  CloseDate: 'DATE',
  StageName: 'VARCHAR',
  Probability: 'DOUBLE',
  ForecastCategoryName: 'VARCHAR',
  IsClosed: 'BOOLEAN',
  IsWon: 'BOOLEAN',
  NextStep: 'VARCHAR',
  LastActivityDate: 'DATE',
  PushCount: 'DOUBLE',
  LastStageChangeDate: 'VARCHAR',
  CreatedDate: 'VARCHAR',
  LeadSource: 'VARCHAR',
  Product_Line__c: 'VARCHAR'
};

const DEAL_COLUMNS: Record<string, string> = {
  Id: 'VARCHAR',
  Opportunity__c: 'VARCHAR',
  Partner_Account__c: 'VARCHAR',
  Role__c: 'VARCHAR',
  Co_Sell__c: 'BOOLEAN',
  Is_Primary__c: 'BOOLEAN',
  Deal_Registration__c: 'VARCHAR'
};

function readCsv(dir: string, file: string, mode: DuckCsvMode, columns: Record<string, string>): string {
  const path = `'${join(dir, file).replace(/'/g, "''")}'`;
  if (mode === 'sniffed') return `read_csv(${path})`;
  const schema = Object.entries(columns)
    .map(([name, type]) => `'${name}': '${type}'`)
    .join(', ');
  return `read_csv(${path}, header = true, auto_detect = false, columns = {${schema}})`;
}

/** The roll-up query: the primary deal (the lowest id of an opportunity's primaries), the period, the columns. */
export function forecastSql(
  dir: string,
  start: string,
  end: string,
  period: string,
  mode: DuckCsvMode
): string {
  const money = mode === 'typed' ? 'Amount' : 'CAST(Amount AS DECIMAL(18,2))';
  return `
    WITH primaries AS (
      SELECT Opportunity__c AS opportunity, arg_min(Partner_Account__c, Id) AS partner
      FROM ${readCsv(dir, 'Partner_Deal__c.csv', mode, DEAL_COLUMNS)}
      WHERE Is_Primary__c
      GROUP BY Opportunity__c
    ),
    opportunities AS (
      SELECT Id, coalesce(${money}, 0) AS amount, IsWon, IsClosed, ForecastCategoryName AS category
      FROM ${readCsv(dir, 'Opportunity.csv', mode, OPPORTUNITY_COLUMNS)}
      WHERE CloseDate BETWEEN DATE '${start}' AND DATE '${end}'
    ),
    sums AS (
      SELECT p.partner AS key,
        coalesce(sum(amount) FILTER (WHERE IsWon), 0) AS closed,
        coalesce(sum(amount) FILTER (WHERE NOT IsWon AND NOT IsClosed AND category = 'Commit'), 0) AS commit,
        coalesce(sum(amount) FILTER (WHERE NOT IsWon AND NOT IsClosed AND category = 'Best Case'), 0) AS best_case,
        coalesce(sum(amount) FILTER (WHERE NOT IsWon AND NOT IsClosed AND category = 'Pipeline'), 0) AS pipeline,
        coalesce(sum(amount) FILTER (WHERE NOT IsWon AND category = 'Omitted'), 0) AS omitted
      FROM opportunities o JOIN primaries p ON o.Id = p.opportunity
      GROUP BY p.partner
    ),
    quotas AS (
      SELECT Partner_Account__c AS key, sum(CAST(Revenue_Target__c AS DECIMAL(18,2))) AS quota
      FROM read_csv('${join(dir, 'Partner_Target__c.csv').replace(/'/g, "''")}', all_varchar = true)
      WHERE Period__c = '${period}' AND Partner_Account__c IS NOT NULL AND Revenue_Target__c IS NOT NULL
      GROUP BY Partner_Account__c
    ),
    names AS (
      SELECT Id AS key, Name AS label
      FROM read_csv('${join(dir, 'Account.csv').replace(/'/g, "''")}', all_varchar = true)
      WHERE Partner_Status__c IS NOT NULL
    )
    SELECT s.key, coalesce(n.label, s.key) AS label, s.closed, s.commit, s.best_case, s.pipeline, s.omitted, q.quota
    FROM sums s LEFT JOIN quotas q USING (key) LEFT JOIN names n USING (key)
    ORDER BY s.key`;
}

export async function duckConnection(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

export async function duckForecast(connection: DuckDBConnection, sql: string): Promise<DuckForecastGroup[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRows().map((row) => {
    const [key, label, closed, commit, bestCase, pipeline, omitted, quota] = row;
    return {
      key: String(key),
      label: String(label),
      closed: Number(String(closed)),
      commit: Number(String(commit)),
      bestCase: Number(String(bestCase)),
      pipeline: Number(String(pipeline)),
      omitted: Number(String(omitted)),
      quota: quota === null ? null : Number(String(quota))
    };
  });
}

const SUMS = ['closed', 'commit', 'bestCase', 'pipeline', 'omitted'] as const;

/** The differences between psms's `--json` forecast and DuckDB's groups (empty: the same answer). */
export function rollUpDifferences(
  psms: { groups: (DuckForecastGroup & Record<string, unknown>)[]; total: Record<string, unknown> },
  duck: readonly DuckForecastGroup[]
): string[] {
  const problems: string[] = [];
  const byKey = new Map(duck.map((group) => [group.key, group]));
  if (psms.groups.length !== duck.length)
    problems.push(`psms has ${psms.groups.length} groups, DuckDB ${duck.length}`);
  for (const group of psms.groups) {
    const other = byKey.get(group.key);
    if (other === undefined) {
      problems.push(`group ${group.key} is missing from DuckDB's answer`);
      continue;
    }
    for (const field of [...SUMS, 'quota', 'label'] as const) {
      if (group[field] !== other[field])
        problems.push(`${group.key} ${field}: psms ${group[field]}, DuckDB ${other[field]}`);
    }
  }
  for (const field of SUMS) {
    // Cents, as both sum: a total of exact cents compares exactly.
    const cents = Math.round(duck.reduce((sum, group) => sum + Math.round(group[field] * 100), 0));
    if (Math.round(Number(psms.total[field]) * 100) !== cents)
      problems.push(`total ${field}: psms ${String(psms.total[field])}, DuckDB ${cents / 100}`);
  }
  return problems.slice(0, 10);
}
