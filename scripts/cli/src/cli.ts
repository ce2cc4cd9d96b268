import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Connection } from 'jsforce';
import { Flags, HELP_FLAGS, parseCommandLine, type CommandSpec, type FlagSpec } from './args';
import { withDataLoadPermission } from './commands/dataLoadPermission';
import { exportOrg } from './commands/exportOrg';
import { planSeedLoads } from './commands/seedPlan';
import { readState, runSeed } from './commands/seedOrg';
import { parseAssignments, setupOrg } from './commands/setupOrg';
import type { DataSource } from './data/loadRequest';
import { CliError, EXIT, OutputError, UsageError } from './errors';
import type { ChunkSizes } from './export/fileChunks';
import { ExportThreads, type ParallelOptions } from './export/exportThreads';
import { exportFolderSource, PARALLEL_DEFAULTS } from './export/readExport';
import { FORCE_APP_DIR } from './forceAppDir';
import { connectToOrg } from './org/connect';
import { OrgClient, type OrgClientOptions } from './org/orgClient';
import { orgSource, type OrgSourceOptions } from './org/orgSource';
import { renderChunks, writeChunks, type OutputFormat, type OutputStream } from './output/writeOutput';
import { count, text, type ReportOutput } from './output/reportOutput';
import { noProfiler, stderrProfiler, type Profiler } from './profile';
import { reportSettings } from './settings';
import { silentProgress, stderrProgress, type Progress } from './progress';
import { accuracyReport } from './reports/accuracy';
import { agendaReport } from './reports/agenda';
import { cadenceReport } from './reports/cadence';
import { changesReport } from './reports/changes';
import { forecastReport } from './reports/forecast';
import { funnelReport } from './reports/funnel';
import { hygieneReport } from './reports/hygiene';
import { kpisReport } from './reports/kpis';
import { registrationsReport } from './reports/registrations';
import type { ReportCommand } from './reports/reportCommand';

/** The command table and dispatch; main.ts wires it to the process, tests call runCli directly. */

export { FORCE_APP_DIR };

export interface CliIo {
  stdout: OutputStream;
  stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** The real date; tests pin it. */
  now?: () => Date;
  cwd?: string;
}

export interface CliDeps {
  /** Alias or username → jsforce Connection (default: the sf CLI's stored login). */
  connect?: (aliasOrUsername: string) => Promise<Connection>;
  client?: OrgClientOptions;
  org?: OrgSourceOptions;
  /** The size of each read of an export file (tests vary it; default 64 KiB). */
  exportChunkBytes?: ChunkSizes;
  /** The parallel reader's threads, threshold and range size, or a pool to share (tests make small files use it). */
  exportParallel?: Partial<ParallelOptions> | ExportThreads;
}

const REPORTS: readonly ReportCommand[] = [
  cadenceReport,
  forecastReport,
  hygieneReport,
  registrationsReport,
  changesReport,
  kpisReport,
  accuracyReport,
  agendaReport,
  funnelReport
];

const SOURCE_FLAGS: FlagSpec[] = [
  {
    name: 'org',
    kind: 'value',
    valueName: 'alias|username',
    description: 'read from an org the sf CLI is logged in to'
  },
  {
    name: 'data',
    kind: 'value',
    valueName: 'dir',
    description: 'read from an export folder (one <Object>.csv per object)'
  }
];
const OUTPUT_FLAGS: FlagSpec[] = [
  { name: 'json', kind: 'switch', description: 'one JSON object on stdout (SPEC §9)' },
  { name: 'csv', kind: 'switch', description: "the report's main table as CSV" },
  { name: 'md', kind: 'switch', description: 'Markdown tables to paste into a review deck' }
];
const REPORT_FLAGS: FlagSpec[] = [
  ...SOURCE_FLAGS,
  {
    name: 'today',
    kind: 'value',
    valueName: 'YYYY-MM-DD',
    description: 'the date the report is as of (default: the real date)'
  },
  {
    name: 'fiscal-start-month',
    kind: 'value',
    valueName: '1-12',
    description: "first month of the fiscal year (default: the org's, else 1)"
  },
  ...OUTPUT_FLAGS
];

const ORG_FLAG: FlagSpec = {
  name: 'org',
  kind: 'value',
  valueName: 'alias|username',
  description: 'the org (an sf CLI alias or username)'
};

const SETUP: CommandSpec = {
  name: 'setup',
  summary: 'assign PSMS permission sets, schedule the jobs, check the settings (idempotent)',
  usage: 'psms setup --org <alias> [--assign PSMS_Partner_Manager=user@x.com,...]... [--job-user jobs@x.com]',
  flags: [
    ORG_FLAG,
    {
      name: 'assign',
      kind: 'value',
      valueName: 'PermSet=user[,user...]',
      description: 'assign a permission set to users (repeatable)',
      repeatable: true
    },
    {
      name: 'job-user',
      kind: 'value',
      valueName: 'username',
      description:
        "schedule the jobs as this dedicated user (they run as whoever schedules them), through that user's own sf login"
    },
    { name: 'json', kind: 'switch', description: 'print the outcome as JSON' }
  ]
};
const SEED: CommandSpec = {
  name: 'seed',
  summary:
    "load the workbench's demo partner business into a (scratch) org with Bulk API 2.0 (idempotent, resumable)",
  usage: 'psms seed --org <alias> [--seed N] [--today YYYY-MM-DD] [--state-file path] [--restart]',
  flags: [
    ORG_FLAG,
    { name: 'seed', kind: 'value', valueName: 'N', description: 'generator seed (default 1)' },
    {
      name: 'today',
      kind: 'value',
      valueName: 'YYYY-MM-DD',
      description: "the demo's today (default: the real date)"
    },
    {
      name: 'state-file',
      kind: 'value',
      valueName: 'path',
      description: 'where completed loads are remembered (default .psms/seed-<org>.json)'
    },
    { name: 'restart', kind: 'switch', description: 'forget completed loads and upsert everything again' },
    { name: 'json', kind: 'switch', description: 'print the outcome as JSON' }
  ]
};
const EXPORT: CommandSpec = {
  name: 'export',
  summary: 'export the objects the reports read into a folder of CSV files (SPEC §9)',
  usage: 'psms export --org <alias> --out <dir>',
  flags: [
    ORG_FLAG,
    { name: 'out', kind: 'value', valueName: 'dir', description: 'the folder to write (created if needed)' },
    { name: 'json', kind: 'switch', description: 'print the outcome as JSON' }
  ]
};

const HELP_SPEC = (name: string): FlagSpec => ({ name, kind: 'switch', description: 'show this help' });

export const COMMANDS: readonly CommandSpec[] = [
  SETUP,
  SEED,
  EXPORT,
  ...REPORTS.map((report) => ({
    name: report.name,
    summary: report.summary,
    usage: report.usage,
    flags: [...report.flags, ...REPORT_FLAGS]
  }))
].map((command) => ({ ...command, flags: [...command.flags, HELP_SPEC('help')] }));

function today(io: CliIo): string {
  const now = io.now?.() ?? new Date();
  // The user's own calendar date, not UTC's: "today" is the day on the reader's wall.
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function helpText(command?: CommandSpec): string {
  if (command === undefined) {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return (
      [
        'psms: set up and seed PSMS orgs; partner forecast, hygiene, registration and KPI reports from an org or a CSV export.',
        '',
        'Usage: psms <command> [flags]    (psms <command> --help for its flags)',
        '',
        'Commands:',
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        'Exit codes: 0 ok, 1 runtime failure (org, API, network), 2 usage error, 3 bad input data.',
        'Docs: docs/cli.md'
      ].join('\n') + '\n'
    );
  }
  const flags = command.flags.map((f) => [
    `--${f.name}${f.valueName ? ` <${f.valueName}>` : ''}`,
    f.description
  ]);
  const width = Math.max(...flags.map(([f]) => f.length));
  return (
    [
      `${command.usage}`,
      '',
      command.summary,
      '',
      'Flags:',
      ...flags.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`)
    ].join('\n') + '\n'
  );
}

function outputFormat(flags: Flags): OutputFormat {
  const chosen = (['json', 'csv', 'md'] as const).filter((f) => flags.has(f));
  if (chosen.length > 1) throw new UsageError(`${flags.command}: choose one of --${chosen.join(', --')}`);
  return chosen[0] ?? 'table';
}

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  try {
    if (
      argv.length === 0 ||
      (argv.length === 1 && HELP_FLAGS.includes(argv[0])) ||
      (argv[0] === 'help' && argv.length === 1)
    ) {
      await writeChunks(io.stdout, [helpText()]);
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    if (argv[0] === 'help') {
      const command = parseCommandLine([argv[1]], COMMANDS).command;
      await writeChunks(io.stdout, [helpText(command)]);
      return EXIT.ok;
    }
    if (argv[0] === '--version') {
      await writeChunks(io.stdout, ['psms 0.1.0\n']);
      return EXIT.ok;
    }
    const parsed = parseCommandLine(argv, COMMANDS);
    const flags = new Flags(parsed);
    if (flags.has('help')) {
      await writeChunks(io.stdout, [helpText(parsed.command)]);
      return EXIT.ok;
    }
    const progress: Progress =
      io.stderr.isTTY === true || io.env.PSMS_PROGRESS === '1'
        ? stderrProgress(io.stderr as NodeJS.WriteStream)
        : silentProgress;
    const profiler = io.env.PSMS_PROFILE === '1' ? stderrProfiler(io.stderr) : noProfiler;
    const connect = deps.connect ?? ((alias: string) => connectToOrg(alias));
    const clientFor = async (alias: string) =>
      new OrgClient(await connect(alias), { ...deps.client, orgName: alias });
    const report = REPORTS.find((r) => r.name === parsed.command.name);
    let output: ReportOutput;
    let format: OutputFormat;
    if (report !== undefined) {
      format = outputFormat(flags);
      output = await runReport(
        report,
        flags,
        io,
        progress,
        profiler,
        clientFor,
        deps.org,
        deps.exportChunkBytes,
        deps.exportParallel
      );
    } else {
      format = flags.has('json') ? 'json' : 'table';
      output = await runOrgCommand(flags, io, progress, clientFor, deps.org);
    }
    await profiler.time('output', () =>
      writeChunks(io.stdout, renderChunks(output, format, io.stdout, io.env))
    );
    return EXIT.ok;
  } catch (error) {
    // A reader that stopped reading (psms ... | head) knows what it read: no message (docs/cli.md).
    if (error instanceof OutputError && error.exitCode === EXIT.brokenPipe) return error.exitCode;
    if (error instanceof CliError) {
      io.stderr.write(`psms: ${error.message}\n`);
      return error.exitCode;
    }
    // Anything else is a bug in psms, not the user's mistake: say so, with the stack on request.
    io.stderr.write(
      `psms: internal error: ${(error as Error).message ?? String(error)}${io.env.PSMS_DEBUG ? `\n${(error as Error).stack ?? ''}` : ' (PSMS_DEBUG=1 shows the stack)'}\n`
    );
    return EXIT.runtime;
  }
}

async function runReport(
  report: ReportCommand,
  flags: Flags,
  io: CliIo,
  progress: Progress,
  profiler: Profiler,
  clientFor: (alias: string) => Promise<OrgClient>,
  orgOptions: OrgSourceOptions | undefined,
  exportChunkBytes: ChunkSizes | undefined,
  exportParallel: Partial<ParallelOptions> | ExportThreads | undefined
): Promise<ReportOutput> {
  const org = flags.string('org');
  const data = flags.string('data');
  if (org !== undefined && data !== undefined)
    throw new UsageError(`${report.name}: give --org or --data, not both`);
  if (report.needsData && org === undefined && data === undefined)
    throw new UsageError(`${report.name}: give --org <alias> or --data <export folder>`);
  // Flags are checked before any org is contacted: a typo costs no API call.
  const asOf = flags.date('today') ?? today(io);
  const fiscalFlag = flags.integer('fiscal-start-month', 1, 12);
  let source: DataSource | null = null;
  if (org !== undefined) source = orgSource(await clientFor(org), org, { ...orgOptions, progress });
  if (data !== undefined)
    source = exportFolderSource(
      resolve(io.cwd ?? process.cwd(), data),
      progress,
      exportChunkBytes,
      exportParallel instanceof ExportThreads
        ? exportParallel
        : { threads: parseThreads(io.env), ...PARALLEL_DEFAULTS, ...exportParallel }
    );
  try {
    const orgMonth =
      fiscalFlag === undefined && source !== null ? await source.orgFiscalYearStartMonth() : undefined;
    const settings = await profiler.time('settings', () => reportSettings(source, orgMonth));
    if (fiscalFlag !== undefined) settings.fiscalYearStartMonth = fiscalFlag;
    return await profiler.time(`report ${report.name} (with its loads)`, () =>
      report.run({ flags, today: asOf, settings, source: source && profiler.source(source) })
    );
  } finally {
    await source?.close?.();
  }
}

/** Worker threads reading an export: one per core, or PSMS_THREADS (0: none, the one-thread reader only). */
function parseThreads(env: NodeJS.ProcessEnv): number {
  const asked = Number(env.PSMS_THREADS);
  return env.PSMS_THREADS !== undefined && Number.isInteger(asked) && asked >= 0
    ? asked
    : availableParallelism();
}

async function runOrgCommand(
  flags: Flags,
  io: CliIo,
  progress: Progress,
  clientFor: (alias: string) => Promise<OrgClient>,
  orgOptions: OrgSourceOptions | undefined
): Promise<ReportOutput> {
  const alias = flags.required('org');
  switch (flags.command) {
    case 'export': {
      const out = resolve(io.cwd ?? process.cwd(), flags.required('out'));
      const exported = await exportOrg(await clientFor(alias), out, { ...orgOptions, progress });
      return {
        json: { out, objects: exported.map(({ object, rows }) => ({ object, rows })) },
        summary: [{ label: 'Export folder', value: out, kind: 'text' }],
        tables: [
          {
            title: 'Exported',
            columns: [text('Object'), count('Rows')],
            rows: exported.map((e) => [`${e.object}.csv`, e.rows])
          }
        ],
        csvTable: 0
      };
    }
    case 'setup': {
      const assignments = parseAssignments(flags.all('assign'));
      const jobUserName = flags.string('job-user');
      const result = await setupOrg(
        await clientFor(alias),
        assignments,
        jobUserName === undefined
          ? undefined
          : { username: jobUserName, client: () => clientFor(jobUserName) }
      );
      return {
        json: result,
        summary: [
          {
            label: 'Jobs scheduled',
            value: 'PsmsSetupController.setUpInstall() ran (first snapshot taken if none existed)',
            kind: 'text'
          },
          {
            label: 'Jobs run as',
            value:
              jobUserName === undefined
                ? `${result.jobsRunAs} (the user running setup; --job-user names a dedicated one)`
                : result.jobsRunAs,
            kind: 'text'
          }
        ],
        tables: [
          {
            title: 'Settings',
            columns: [text('Custom metadata'), count('Records')],
            rows: result.settings.map((s) => [s.type, s.records])
          },
          {
            title: 'Permission set assignments',
            columns: [text('Permission set'), text('User'), text('Status')],
            rows: result.assignments.map((a) => [a.permissionSet, a.username, a.status])
          }
        ],
        csvTable: 1
      };
    }
    case 'seed': {
      const seed = flags.integer('seed', 0, 2 ** 31 - 1) ?? 1;
      const day = flags.date('today') ?? today(io);
      const statePath = resolve(
        io.cwd ?? process.cwd(),
        flags.string('state-file') ?? `.psms/seed-${alias.replace(/[^\w.@-]/g, '_')}.json`
      );
      const client = await clientFor(alias);
      // The demo's users are not created (see seedPlan.ts): their records go to the running user.
      const me = await client.json<{ user_id?: string }>('GET', '/services/oauth2/userinfo');
      if (!me.user_id) throw new CliError(`seed: ${alias} did not say who the running user is`);
      const { generateDemoOrg } = await import('../../demo/generateDemoOrg');
      const { loadDataModel } = await import('../../lib/forceAppModel');
      const loads = planSeedLoads(
        generateDemoOrg(seed, day),
        loadDataModel(FORCE_APP_DIR),
        FORCE_APP_DIR,
        me.user_id
      );
      const state = flags.has('restart')
        ? { org: alias, seed, today: day, completed: [] }
        : readState(statePath, alias, seed, day);
      // A data load: the demo's records arrive in their final states, as PSMS_Data_Load lets them, for the load only.
      const outcomes = await withDataLoadPermission(client, me.user_id, () =>
        runSeed(client, loads, statePath, state, progress, orgOptions?.bulk)
      );
      return {
        json: { seed, today: day, stateFile: statePath, loads: outcomes },
        summary: [
          { label: 'Seed', value: `${seed} (today ${day})`, kind: 'text' },
          { label: 'State file', value: statePath, kind: 'text' }
        ],
        tables: [
          {
            title: 'Loads',
            columns: [text('Load'), count('Rows'), text('Status')],
            rows: outcomes.map((o) => [o.name, o.rows, o.status])
          }
        ],
        csvTable: 0
      };
    }
    default:
      throw new UsageError(`unknown command ${flags.command}`);
  }
}
