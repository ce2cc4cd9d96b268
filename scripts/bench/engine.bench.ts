import { DatabaseSync } from 'node:sqlite';
import { loadavg } from 'node:os';
import {
  auditRegistrations,
  DEFAULT_SETTINGS,
  alignPartners,
  diffSnapshots,
  evaluateHygiene,
  indexPartnerDeals,
  parsePeriod,
  registrationKey,
  rollUpForecast,
  type Deal_Registration__c
} from '../../force-app/main/default/lwc/psmsEngine/psmsEngine';
import {
  BENCH_PERIOD,
  BENCH_TODAY,
  generateOpportunities,
  generateRegistrations,
  generateSnapshots,
  type BenchData
} from './generateOpportunities';

/**
 * Engine bench (`npm run bench`): roll-up, hygiene, snapshot diff and registration conflicts at
 * 100,000 and 1,000,000 rows, with the same roll-up and duplicate-key detection in SQLite
 * (node:sqlite, in memory, indexed as a user would) over the same rows as the peer.
 */

const { start, end } = parsePeriod(BENCH_PERIOD);

/**
 * Warm timings of `work` (one untimed warm-up first), in ms. The machine is shared: the minimum
 * of several runs is the figure least disturbed by other processes, the median shows the spread,
 * and the 1-minute load average taken with it says how busy the machine was.
 */
interface Timing {
  min: number;
  median: number;
  load: number;
}

const RUNS = 7;

function time(work: () => unknown): Timing {
  work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    work();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor(times.length / 2)], load: loadavg()[0] };
}

function loadOpportunities(db: DatabaseSync, data: BenchData): void {
  db.exec(`CREATE TABLE Opportunity (Id TEXT PRIMARY KEY, CloseDate TEXT, Amount REAL, ForecastCategoryName TEXT, IsClosed INTEGER, IsWon INTEGER);
           CREATE TABLE Partner_Deal__c (Id TEXT PRIMARY KEY, Opportunity__c TEXT, Partner_Account__c TEXT, Is_Primary__c INTEGER);`);
  const insertOpp = db.prepare('INSERT INTO Opportunity VALUES (?, ?, ?, ?, ?, ?)');
  const insertDeal = db.prepare('INSERT INTO Partner_Deal__c VALUES (?, ?, ?, ?)');
  db.exec('BEGIN');
  for (const o of data.opportunities) {
    insertOpp.run(
      o.Id,
      o.CloseDate,
      o.Amount ?? null,
      o.ForecastCategoryName ?? null,
      o.IsClosed ? 1 : 0,
      o.IsWon ? 1 : 0
    );
  }
  for (const d of data.partnerDeals) {
    insertDeal.run(d.Id ?? null, d.Opportunity__c, d.Partner_Account__c, d.Is_Primary__c ? 1 : 0);
  }
  db.exec('COMMIT');
  db.exec(`CREATE INDEX opp_close ON Opportunity (CloseDate);
           CREATE INDEX deal_primary ON Partner_Deal__c (Opportunity__c, Is_Primary__c, Partner_Account__c);`);
}

const ROLL_UP_SQL = `
  SELECT d.Partner_Account__c AS partner,
    SUM(CASE WHEN o.IsWon = 1 THEN COALESCE(o.Amount, 0) ELSE 0 END) AS closed,
    SUM(CASE WHEN o.IsClosed = 0 AND o.ForecastCategoryName = 'Commit' THEN COALESCE(o.Amount, 0) ELSE 0 END) AS commitAmount,
    SUM(CASE WHEN o.IsClosed = 0 AND o.ForecastCategoryName = 'Best Case' THEN COALESCE(o.Amount, 0) ELSE 0 END) AS bestCase,
    SUM(CASE WHEN o.IsClosed = 0 AND o.ForecastCategoryName = 'Pipeline' THEN COALESCE(o.Amount, 0) ELSE 0 END) AS pipeline,
    SUM(CASE WHEN o.IsWon = 0 AND o.ForecastCategoryName = 'Omitted' THEN COALESCE(o.Amount, 0) ELSE 0 END) AS omitted
  FROM Opportunity o JOIN Partner_Deal__c d ON d.Opportunity__c = o.Id AND d.Is_Primary__c = 1
  WHERE o.CloseDate BETWEEN ? AND ?
  GROUP BY d.Partner_Account__c`;

function loadRegistrations(db: DatabaseSync, registrations: Deal_Registration__c[]): void {
  db.exec(
    `CREATE TABLE Deal_Registration__c (Id TEXT PRIMARY KEY, Partner_Account__c TEXT, Status__c TEXT, Submitted_On__c TEXT, Normalized_Key__c TEXT)`
  );
  const insert = db.prepare('INSERT INTO Deal_Registration__c VALUES (?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  for (const r of registrations) {
    insert.run(
      r.Id ?? null,
      r.Partner_Account__c,
      r.Status__c,
      r.Submitted_On__c ?? null,
      r.Normalized_Key__c ?? null
    );
  }
  db.exec('COMMIT');
  db.exec('CREATE INDEX reg_key ON Deal_Registration__c (Normalized_Key__c, Status__c, Submitted_On__c)');
}

/** Every pair of active registrations sharing a key: the later one conflicts with the earlier. */
const DUPLICATES_SQL = `
  SELECT later.Id, earlier.Id AS withId,
    CASE WHEN later.Partner_Account__c = earlier.Partner_Account__c THEN 'Already registered' ELSE 'Duplicate' END AS type
  FROM Deal_Registration__c later JOIN Deal_Registration__c earlier
    ON earlier.Normalized_Key__c = later.Normalized_Key__c
   AND (earlier.Submitted_On__c < later.Submitted_On__c OR (earlier.Submitted_On__c = later.Submitted_On__c AND earlier.Id < later.Id))
  WHERE later.Status__c IN ('Submitted', 'Needs Review', 'Approved') AND earlier.Status__c IN ('Submitted', 'Needs Review', 'Approved')`;

interface Row extends Timing {
  operation: string;
  rows: number;
  check: string;
}

function measure(size: number): Row[] {
  const data = generateOpportunities(size);
  const results: Row[] = [];
  const index = indexPartnerDeals(data.partnerDeals);
  results.push({
    operation: 'partner-deal index build',
    rows: data.partnerDeals.length,
    ...time(() => indexPartnerDeals(data.partnerDeals)),
    check: `${index.size} opps`
  });
  results.push({
    operation: 'partner column build (align to opportunities)',
    rows: size,
    ...time(() => alignPartners(data.opportunities, index)),
    check: ''
  });
  const column = alignPartners(data.opportunities, index);
  const rollUp = () =>
    rollUpForecast({
      period: BENCH_PERIOD,
      by: 'partner',
      opportunities: data.opportunities,
      partners: column
    });
  results.push({
    operation: 'roll-up by partner (engine)',
    rows: size,
    ...time(rollUp),
    check: `commit forecast ${rollUp().total.commitForecast.toFixed(2)}`
  });

  const db = new DatabaseSync(':memory:');
  loadOpportunities(db, data);
  const query = db.prepare(ROLL_UP_SQL);
  const sqlCommit = (query.all(start, end) as { closed: number; commitAmount: number }[]).reduce(
    (s, r) => s + r.closed + r.commitAmount,
    0
  );
  results.push({
    operation: 'roll-up by partner (SQLite GROUP BY)',
    rows: size,
    ...time(() => query.all(start, end)),
    check: `commit forecast ${sqlCommit.toFixed(2)}`
  });
  db.close();

  const hygiene = () =>
    evaluateHygiene({
      today: BENCH_TODAY,
      opportunities: data.opportunities,
      partners: column,
      settings: DEFAULT_SETTINGS
    });
  const report = hygiene();
  results.push({
    operation: 'hygiene evaluation',
    rows: size,
    ...time(hygiene),
    check: `${report.findings.length} findings, ${((report.hygienePercent ?? 0) * 100).toFixed(1)} % clean`
  });

  const snapshots = generateSnapshots(data);
  const diff = () => diffSnapshots({ from: snapshots.from, to: snapshots.to, period: { start, end } });
  const changes = diff();
  const waterfall =
    changes.changes.reduce((s, c) => s + Math.round(c.commitDelta * 100), 0) ===
    Math.round((changes.commitTo - changes.commitFrom) * 100);
  results.push({
    operation: 'snapshot diff, sorted by key (merge join)',
    rows: snapshots.from.length + snapshots.to.length,
    ...time(diff),
    check: `waterfall adds up: ${waterfall}`
  });
  const shuffledTo = [...snapshots.to].reverse();
  const hashed = () => diffSnapshots({ from: snapshots.from, to: shuffledTo, period: { start, end } });
  results.push({
    operation: 'snapshot diff, any order (hash join)',
    rows: snapshots.from.length + snapshots.to.length,
    ...time(hashed),
    check: `${hashed().changes.length} changes`
  });
  return results;
}

function measureRegistrations(size: number): Row[] {
  const registrations = generateRegistrations(size).map((r) => ({
    ...r,
    Normalized_Key__c: registrationKey(r)
  }));
  const existing = { registrations, opportunities: [], partnerDeals: [] };
  const audit = () => auditRegistrations(existing, BENCH_TODAY, DEFAULT_SETTINGS);
  const keyConflicts = audit().conflicts.filter((c) => c.type !== 'Direct').length;
  const db = new DatabaseSync(':memory:');
  loadRegistrations(db, registrations);
  const query = db.prepare(DUPLICATES_SQL);
  const sqlConflicts = query.all().length;
  const rows = [
    {
      operation: 'registration audit (engine, keys recomputed)',
      rows: size,
      ...time(audit),
      check: `${keyConflicts} key conflicts`
    },
    {
      operation: 'duplicate keys (SQLite self-join, stored keys)',
      rows: size,
      ...time(() => query.all()),
      check: `${sqlConflicts} key conflicts`
    }
  ];
  db.close();
  return rows;
}

const perSecond = (rows: number, ms: number): string =>
  `${Math.round((rows / ms) * 1000).toLocaleString('en-US')}/s`;

function format(rows: Row[], previous: Row[] | null): void {
  const lines = rows.map((row, i) => {
    const before = previous?.[i];
    const growth = before
      ? `${(row.min / before.min).toFixed(1)}× for ${(row.rows / before.rows).toFixed(0)}× rows`
      : '';
    return [
      row.operation.padEnd(48),
      row.rows.toLocaleString('en-US').padStart(10),
      `${row.min.toFixed(1)} ms`.padStart(11),
      `${row.median.toFixed(1)} ms`.padStart(11),
      perSecond(row.rows, row.min).padStart(14),
      row.load.toFixed(2).padStart(6),
      growth.padStart(21),
      `  ${row.check}`
    ].join(' ');
  });
  console.log(lines.join('\n'));
}

function find(rows: Row[], prefix: string): Row {
  const row = rows.find((r) => r.operation.startsWith(prefix));
  if (!row) {
    throw new Error(`No bench row "${prefix}".`);
  }
  return row;
}

function ratioLine(rows: Row[], engine: string, peer: string): void {
  const e = find(rows, engine);
  const p = find(rows, peer);
  console.log(
    `  ${engine}: engine ${perSecond(e.rows, e.min)} (${e.min.toFixed(1)} ms) vs SQLite ${perSecond(p.rows, p.min)} (${p.min.toFixed(1)} ms): engine ÷ SQLite time = ${(e.min / p.min).toFixed(3)}, engine ${(p.min / e.min).toFixed(1)}× faster`
  );
}

/** The performance targets, checked on the minimum at 1M rows (growth from 100k). */
function targets(large: Row[], small: Row[]): void {
  const check = (what: string, pass: boolean, detail: string) =>
    console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${what.padEnd(44)} ${detail}`);
  const rollUp = find(large, 'roll-up by partner (engine)');
  const sqlite = find(large, 'roll-up by partner (SQLite');
  check(
    'roll-up by partner ≤ 100 ms',
    rollUp.min <= 100,
    `${rollUp.min.toFixed(1)} ms (load ${rollUp.load.toFixed(2)})`
  );
  check(
    'roll-up ≥ 10× faster than SQLite GROUP BY',
    sqlite.min / rollUp.min >= 10,
    `${(sqlite.min / rollUp.min).toFixed(1)}×`
  );
  const hygiene = find(large, 'hygiene evaluation');
  check(
    'hygiene ≤ 500 ms',
    hygiene.min <= 500,
    `${hygiene.min.toFixed(1)} ms (load ${hygiene.load.toFixed(2)})`
  );
  const diff = find(large, 'snapshot diff, sorted');
  check(
    'snapshot diff 2 × 1M ≤ 500 ms',
    diff.min <= 500,
    `${diff.min.toFixed(1)} ms (load ${diff.load.toFixed(2)})`
  );
  for (const operation of ['roll-up by partner (engine)', 'hygiene evaluation', 'snapshot diff, sorted']) {
    const growth = find(large, operation).min / find(small, operation).min;
    check(`${operation}: 10× rows ≤ 12× time`, growth <= 12, `${growth.toFixed(1)}×`);
  }
}

function main(): void {
  console.log(
    `Engine bench: ${RUNS} warm runs after one warm-up; min and median in ms; rows/s from the min; load = 1-minute load average after the runs. Node ${process.version}`
  );
  console.log(
    `${'operation'.padEnd(48)} ${'rows'.padStart(10)} ${'min'.padStart(11)} ${'median'.padStart(11)} ${'rows/s'.padStart(14)} ${'load'.padStart(6)} ${'growth from 100k'.padStart(21)}`
  );
  const small = [...measure(100_000), ...measureRegistrations(20_000)];
  format(small, null);
  const large = [...measure(1_000_000), ...measureRegistrations(200_000)];
  format(large, small);
  console.log('Engine vs SQLite at 1M opportunities / 200k registrations (min times):');
  ratioLine(large, 'roll-up by partner (engine)', 'roll-up by partner (SQLite');
  ratioLine(large, 'registration audit', 'duplicate keys (SQLite');
  const rollUpIndex = large[0].min + large[1].min + large[2].min;
  console.log(`  roll-up including the index and column builds: ${rollUpIndex.toFixed(1)} ms`);
  console.log('Targets (1M opportunities, warm, min of the runs):');
  targets(large, small);
}

main();
