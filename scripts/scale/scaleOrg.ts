import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addDays, fiscalPeriodOf } from '../../force-app/main/default/lwc/psmsEngine/psmsEngine';
import type { SqlValue } from '../org/database/storage';
import { noneUsed, type LimitCounts } from '../org/limits/governorLimits';
import type { OrgRuntime } from '../org/orgRuntime';
import type { ObjectDescribe } from '../org/schema/describe';
import { loadedRow, openDemoOrg, type DemoOrg } from '../workbench/db/demoOrg';
import { clockOn } from '../workbench/startWorkbench';

/**
 * An enterprise-size org for the scale benches (issue 17): the demo org plus more reps and
 * PSMS_SCALE_OPPORTUNITIES opportunities (default 1,000,000), PSMS_SCALE_IN_QUARTER of them
 * (default 200,000) closing in the quarter under review, 60 % with a primary partner deal, and
 * last week's snapshot — written straight into SQLite, as a data load with the triggers bypassed
 * would. Then, as an admin would after such a load, the package's own jobs run in the local org
 * runtime: the pipeline summary's reconcile, and this week's snapshot (whose end queues the
 * summarised changes against last week's). Built once into a file and reused while its recipe
 * (sizes, today) is unchanged.
 */
export const SCALE_TODAY = '2026-11-26';
const LAST_WEEK = addDays(SCALE_TODAY, -7);
const SEED = 42;
const RECIPE_VERSION = 2;

export interface ScaleOptions {
  root: string;
  opportunities?: number;
  inQuarter?: number;
  /** Reps added to the demo's team, under its partner managers. */
  extraReps?: number;
  /** Defaults to `.psms/scale-<n>.db`. */
  path?: string;
  log?: (line: string) => void;
}

/** The most any one step of a job used, and how long the job took. */
export interface JobRun {
  name: string;
  ms: number;
  steps: number;
  peak: LimitCounts;
}

export interface ScaleOrg {
  org: DemoOrg;
  path: string;
  created: boolean;
  opportunities: number;
  inQuarter: number;
  /** Set when the org was built in this run: the data load and the jobs that summarised it. */
  build: { loadMs: number; jobs: JobRun[] } | null;
}

export function scaleSizes(): { opportunities: number; inQuarter: number; extraReps: number } {
  return {
    opportunities: Number(process.env.PSMS_SCALE_OPPORTUNITIES ?? 1_000_000),
    inQuarter: Number(process.env.PSMS_SCALE_IN_QUARTER ?? 200_000),
    extraReps: Number(process.env.PSMS_SCALE_REPS ?? 180)
  };
}

export function defaultScalePath(root: string, opportunities: number): string {
  return join(root, '.psms', `scale-${opportunities}.db`);
}

export function openScaleOrg(options: ScaleOptions): ScaleOrg {
  const sizes = scaleSizes();
  const opportunities = options.opportunities ?? sizes.opportunities;
  const inQuarter = Math.min(options.inQuarter ?? sizes.inQuarter, opportunities);
  const extraReps = options.extraReps ?? sizes.extraReps;
  const path = options.path ?? defaultScalePath(options.root, opportunities);
  const log = options.log ?? (() => {});
  const recipe = JSON.stringify({ RECIPE_VERSION, opportunities, inQuarter, extraReps, SCALE_TODAY });
  const open = () =>
    openDemoOrg({ root: options.root, path, seed: SEED, today: SCALE_TODAY, clock: clockOn(SCALE_TODAY) });
  if (existsSync(path)) {
    const org = open();
    if (org.runtime.database.meta('scaleRecipe') === recipe) {
      return { org, path, created: false, opportunities, inQuarter, build: null };
    }
    org.close();
    rmSync(path, { force: true });
  }
  mkdirSync(dirname(path), { recursive: true });
  const org = open();
  const runtime = org.runtime;
  const started = Date.now();
  log(
    `Building the scale org in ${path}: ${opportunities.toLocaleString('en-US')} opportunities, then the package's jobs.`
  );
  runtime.database.transaction(() => load(runtime, { opportunities, inQuarter, extraReps }, log));
  const loadMs = Date.now() - started;
  log(`Loaded ${opportunities.toLocaleString('en-US')} opportunities in ${(loadMs / 1000).toFixed(1)} s.`);
  const jobs = [
    runJob(
      runtime,
      'PipelineSummaryReconcileJob (the nightly reconcile, both runs)',
      'PipelineSummaryReconcileJob.runNow();',
      log
    ),
    runJob(
      runtime,
      "OpportunitySnapshotJob (this week's snapshot; then its summarised changes)",
      'Database.executeBatch(new OpportunitySnapshotJob(), 200);',
      log
    )
  ];
  for (const job of jobs) log(`${job.name}: ${(job.ms / 1000).toFixed(0)} s, ${job.steps} steps.`);
  runtime.database.setMeta('scaleRecipe', recipe);
  runtime.database.setMeta('scaleJobs', JSON.stringify({ loadMs, jobs }));
  return { org, path, created: true, opportunities, inQuarter, build: { loadMs, jobs } };
}

/** The build's job runs, as recorded when the file was made. */
export function recordedBuild(org: DemoOrg): { loadMs: number; jobs: JobRun[] } | null {
  const stored = org.runtime.database.meta('scaleJobs');
  return stored ? (JSON.parse(stored) as { loadMs: number; jobs: JobRun[] }) : null;
}

/**
 * Runs anonymous Apex that starts a job and, through the runtime, everything it queues; records
 * the most any async step (a transaction with the async limits) used of each limit, as the
 * runtime reports each step's use when it ends.
 */
function runJob(runtime: OrgRuntime, name: string, apex: string, log: (line: string) => void): JobRun {
  const peak = noneUsed();
  let steps = 0;
  const started = Date.now();
  let lastReport = started;
  runtime.onAsyncStep = (used) => {
    steps++;
    for (const key of Object.keys(peak) as (keyof LimitCounts)[]) peak[key] = Math.max(peak[key], used[key]);
    // A job of several minutes says how far it has got, every 15 seconds.
    if (Date.now() - lastReport >= 15_000) {
      lastReport = Date.now();
      log(`  ${name}: ${steps} steps, ${((lastReport - started) / 1000).toFixed(0)} s so far`);
    }
  };
  try {
    runtime.executeAnonymous(apex, runtime.adminUserId);
  } finally {
    runtime.onAsyncStep = null;
  }
  return { name, ms: Date.now() - started, steps, peak };
}

interface Sizes {
  opportunities: number;
  inQuarter: number;
  extraReps: number;
}

const OPEN_STAGES: [string, string, number][] = [
  ['Prospecting', 'Pipeline', 10],
  ['Value Proposition', 'Pipeline', 50],
  ['Proposal/Price Quote', 'Best Case', 75],
  ['Negotiation/Review', 'Commit', 90]
];
const ROLES = ['Sourced', 'Influenced', 'Resell', 'Co-Sell', 'Referral'];
const PARTNERS_PER_REP = 8;

function load(runtime: OrgRuntime, sizes: Sizes, log: (line: string) => void): void {
  const { database, schema } = runtime;
  const object = (name: string): ObjectDescribe => {
    const found = schema.object(name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  const sql = database.sql;
  const now = runtime.clock.now().toIso();
  const row = (target: ObjectDescribe, values: Record<string, unknown>): Record<string, SqlValue> =>
    loadedRow(target, values, now);

  // More reps, in roles under the demo's partner managers, each holding PSMS_Partner_Rep.
  const managers = sql
    .prepare(`SELECT Id, UserRoleId FROM "User" WHERE Title = 'Partner Sales Manager' ORDER BY Id`)
    .all() as { Id: string; UserRoleId: string }[];
  const userObject = object('User');
  const roleObject = object('UserRole');
  const assignment = object('PermissionSetAssignment');
  const repIds = database.allocateIds(userObject, sizes.extraReps);
  const roleIds = database.allocateIds(roleObject, sizes.extraReps);
  const profile = sql
    .prepare(`SELECT ProfileId FROM "User" WHERE Title = 'Partner Sales Manager' LIMIT 1`)
    .get() as {
    ProfileId: string;
  };
  database.insert(
    roleObject,
    roleIds.map((id, i) =>
      row(roleObject, {
        Id: id,
        Name: `Partner rep ${i + 1}`,
        DeveloperName: `Scale_Rep_${i + 1}`,
        ParentRoleId: managers[i % managers.length].UserRoleId
      })
    )
  );
  database.insert(
    userObject,
    repIds.map((id, i) =>
      row(userObject, {
        Id: id,
        Username: `scale.rep.${i + 1}@psms.demo`,
        FirstName: 'Scale',
        LastName: `Rep ${i + 1}`,
        Name: `Scale Rep ${i + 1}`,
        Title: 'Partner Account Manager',
        Alias: `sr${i + 1}`,
        Email: `scale.rep.${i + 1}@psms.demo`,
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        LocaleSidKey: 'en_US',
        TimeZoneSidKey: 'GMT',
        ProfileId: profile.ProfileId,
        UserRoleId: roleIds[i],
        ManagerId: managers[i % managers.length].Id,
        IsActive: true,
        UserType: 'Standard'
      })
    )
  );
  const assignmentIds = database.allocateIds(assignment, repIds.length);
  database.insert(
    assignment,
    repIds.map((id, i) => ({
      Id: assignmentIds[i],
      AssigneeId: id,
      PermissionSetId: runtime.permissionSetId('PSMS_Partner_Rep'),
      CreatedDate: now,
      IsDeleted: 0
    }))
  );

  // Sellers: every demo and scale rep and manager (not leadership, not the admin).
  const owners = (
    sql
      .prepare(
        `SELECT Id FROM "User" WHERE Username LIKE '%@psms.demo' AND Title NOT LIKE 'VP%' AND Title NOT LIKE 'Director%' ORDER BY Id`
      )
      .all() as { Id: string }[]
  ).map((r) => r.Id);
  const partners = (
    sql.prepare(`SELECT Id FROM "Account" WHERE Partner_Status__c IS NOT NULL ORDER BY Id`).all() as {
      Id: string;
    }[]
  ).map((r) => r.Id);
  const quarter = fiscalPeriodOf(SCALE_TODAY);
  const opportunity = object('Opportunity');
  const deal = object('Partner_Deal__c');
  const snapshot = object('Opportunity_Snapshot__c');
  const CHUNK = 50_000;
  const day = (iso: string, offset: number): string => addDays(iso, offset);
  for (let from = 0; from < sizes.opportunities; from += CHUNK) {
    const count = Math.min(CHUNK, sizes.opportunities - from);
    const ids = database.allocateIds(opportunity, count);
    const opps: Record<string, SqlValue>[] = [];
    const deals: { opportunity: string; i: number; partner: string; role: string }[] = [];
    const snapshots: Record<string, SqlValue>[] = [];
    for (let k = 0; k < count; k++) {
      const i = from + k;
      const facts = factsOf(i, sizes, quarter.start, quarter.end);
      const partnered = i % 5 < 3;
      // A rep sells with a handful of partners, as reps do: the summary's rows follow the business.
      const owner = i % owners.length;
      const partnerIndex = (owner * 7 + (Math.floor(i / owners.length) % PARTNERS_PER_REP)) % partners.length;
      const partner = partnered ? partners[partnerIndex] : null;
      const created = `${day(facts.closeDate, -(30 + (i % 120)))}T09:00:00.000Z`;
      opps.push(
        row(opportunity, {
          Id: ids[k],
          Name: `Scale deal ${i + 1}`,
          OwnerId: owners[i % owners.length],
          Amount: i % 100 === 7 ? null : 5_000 + (i % 97) * 1_000,
          CloseDate: facts.closeDate,
          StageName: facts.stage,
          ForecastCategoryName: facts.category,
          IsClosed: facts.closed,
          IsWon: facts.won,
          Probability: facts.probability,
          NextStep: i % 3 === 0 ? null : 'Call back',
          LeadSource: i % 5 === 4 ? 'Partner' : 'Web',
          LastActivityDate: facts.closed ? null : day(SCALE_TODAY, -(i % 40)),
          LastStageChangeDate: `${day(SCALE_TODAY, -(i % 60))}T10:00:00.000Z`,
          PushCount: i % 11 === 0 ? 2 : i % 23 === 0 ? 3 : 0,
          CreatedDate: created
        })
      );
      if (partner)
        deals.push({
          opportunity: ids[k],
          i,
          partner,
          role: ROLES[(partnerIndex + (i % 4 === 0 ? 1 : 0)) % ROLES.length]
        });
      // Last week's snapshot: the open deals and those closing this quarter, a few of them since moved.
      if (!facts.closed || (facts.closeDate >= quarter.start && facts.closeDate <= quarter.end)) {
        const moved = i % 13 === 0;
        snapshots.push(
          row(snapshot, {
            Snapshot_Key__c: `${LAST_WEEK}:${ids[k]}`,
            Snapshot_Date__c: LAST_WEEK,
            Opportunity__c: ids[k],
            Opportunity_Key__c: ids[k],
            Period__c: fiscalPeriodOf(facts.closeDate).label,
            Amount__c: (i % 100 === 7 ? 0 : 5_000 + (i % 97) * 1_000) - (moved ? 1_000 : 0),
            Forecast_Category__c:
              moved && !facts.closed ? 'Pipeline' : facts.closed ? 'Commit' : facts.category,
            Stage__c: facts.closed ? 'Negotiation/Review' : facts.stage,
            Close_Date__c: i % 19 === 0 ? day(facts.closeDate, 40) : facts.closeDate,
            Is_Closed__c: false,
            Is_Won__c: false,
            Primary_Partner__c: partner,
            Owner__c: owners[i % owners.length],
            OwnerId: owners[i % owners.length]
          })
        );
      }
    }
    database.insert(opportunity, opps);
    const dealIds = database.allocateIds(deal, deals.length);
    database.insert(
      deal,
      deals.map((d, k) =>
        row(deal, {
          Id: dealIds[k],
          Name: `PD-S${d.i + 1}`,
          Opportunity__c: d.opportunity,
          Partner_Account__c: d.partner,
          Role__c: d.role,
          Is_Primary__c: true,
          Primary_Key__c: d.opportunity,
          Co_Sell__c: d.i % 10 === 0
        })
      )
    );
    const snapshotIds = database.allocateIds(snapshot, snapshots.length);
    snapshots.forEach((s, k) => (s.Id = snapshotIds[k]));
    database.insert(snapshot, snapshots);
    if ((from + count) % 200_000 === 0 || from + count === sizes.opportunities)
      log(
        `  loaded ${(from + count).toLocaleString('en-US')} of ${sizes.opportunities.toLocaleString('en-US')} opportunities`
      );
  }
}

interface Facts {
  closeDate: string;
  stage: string;
  category: string;
  probability: number;
  closed: boolean;
  won: boolean;
}

/**
 * The i-th opportunity: the first `inQuarter` close in the quarter under review (a sixth each in
 * four open stages, won and lost); of the others three quarters close in the eight quarters
 * before it (mostly closed: 40 % won, 55 % lost, 5 % still open past their date) and a quarter in
 * the year after it (open).
 */
function factsOf(i: number, sizes: Sizes, start: string, end: string): Facts {
  const won = { stage: 'Closed Won', category: 'Closed', probability: 100, closed: true, won: true };
  const lost = { stage: 'Closed Lost', category: 'Omitted', probability: 0, closed: true, won: false };
  const open = (n: number) => {
    const [stage, category, probability] = OPEN_STAGES[n % OPEN_STAGES.length];
    return { stage, category, probability, closed: false, won: false };
  };
  if (i < sizes.inQuarter) {
    const span = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
    const closeDate = addDays(start, i % (span + 1));
    const kind = i % 6;
    return { closeDate, ...(kind < 4 ? open(kind) : kind === 4 ? won : lost) };
  }
  const rest = i - sizes.inQuarter;
  const others = sizes.opportunities - sizes.inQuarter;
  if (rest < others * 0.75) {
    const closeDate = addDays(start, -1 - (rest % (8 * 91)));
    const kind = rest % 20;
    return { closeDate, ...(kind < 8 ? won : kind < 19 ? lost : open(rest)) };
  }
  return { closeDate: addDays(end, 1 + (rest % 400)), ...open(rest) };
}
