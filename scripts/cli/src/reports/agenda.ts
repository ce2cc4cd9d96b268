import {
  agendaKindOf,
  fiscalPeriodOf,
  fiscalYearDates,
  meetingAgenda,
  nextPeriod,
  previousPeriod,
  weekOfQuarter,
  type Account,
  type AgendaData,
  type AgendaKind,
  type Deal_Registration__c,
  type Forecast_Submission__c,
  type Opportunity,
  type Opportunity_Snapshot__c,
  type Partner_Account_Plan__c,
  type Partner_Deal__c,
  type Partner_Target__c,
  type Review_Action__c,
  type User
} from '../engine';
import { UsageError } from '../errors';
import type { Cell, ColumnKind, Table } from '../output/reportOutput';
import { load, requireSource, type ReportCommand } from './reportCommand';

/**
 * `psms agenda --date D --meeting M`: a cadence meeting's live agenda (SPEC §10) for the week of
 * D, from the export folder or the org. The lists are the engine's (`meetingAgenda`); this only
 * loads the records and lays the lists out.
 */

/** Short names a terminal user may type instead of a meeting's full name. */
const ALIASES: Readonly<Record<string, AgendaKind>> = {
  team: 'teamCall',
  'team-call': 'teamCall',
  forecast: 'forecastOneOnOne',
  pipeline: 'pipelineOneOnOne',
  rollup: 'rollUp',
  'roll-up': 'rollUp',
  mbr: 'businessReview',
  qbr: 'businessReview',
  elt: 'elt'
};

type Row = Record<string, unknown>;
type ColumnSpec = [header: string, kind: ColumnKind, value: (row: Row) => Cell];

const cell =
  (key: string) =>
  (row: Row): Cell => {
    const value = row[key];
    if (Array.isArray(value)) return value.join(', ');
    return value === undefined || (typeof value === 'object' && value !== null) ? null : (value as Cell);
  };
const col = (header: string, kind: ColumnKind, key: string): ColumnSpec => [header, kind, cell(key)];

const DEAL: ColumnSpec[] = [
  col('Opportunity', 'text', 'opportunityId'),
  col('Name', 'text', 'name'),
  col('Owner', 'text', 'ownerId'),
  col('Partner', 'text', 'partnerId'),
  col('Amount', 'amount', 'amount'),
  col('Close date', 'text', 'closeDate'),
  col('Category', 'text', 'category')
];
const ROLL_UP: ColumnSpec[] = [
  col('Key', 'text', 'key'),
  col('Group', 'text', 'label'),
  col('Closed', 'amount', 'closed'),
  col('Commit', 'amount', 'commit'),
  col('Best Case', 'amount', 'bestCase'),
  col('Pipeline', 'amount', 'pipeline'),
  col('Commit forecast', 'amount', 'commitForecast')
];

/** How each list of every agenda is shown as a table. */
const LIST_COLUMNS: Readonly<Record<string, ColumnSpec[]>> = {
  lastWeekBookings: DEAL,
  thisWeekCommits: DEAL,
  forecastChanges: [
    col('Opportunity', 'text', 'opportunityId'),
    col('Change', 'text', 'type'),
    col('Commit Δ', 'amount', 'commitDelta'),
    col('Pipeline Δ', 'amount', 'pipelineDelta')
  ],
  risks: [...DEAL, col('Findings', 'text', 'rules')],
  helpNeeded: [...DEAL, col('Help needed', 'text', 'helpNeeded')],
  validation: [...DEAL, col('Validated', 'text', 'validated'), col('Validated on', 'text', 'validatedOn')],
  partnerRollUp: [
    ...ROLL_UP,
    col('Commit call', 'amount', 'commitCall'),
    col('Best Case call', 'amount', 'bestCaseCall')
  ],
  recruitedPartners: [
    col('Partner', 'text', 'partnerId'),
    col('Name', 'text', 'name'),
    col('Recruited on', 'text', 'recruitedOn'),
    col('Status', 'text', 'status')
  ],
  openActions: [
    col('Action', 'text', 'actionId'),
    col('Subject', 'text', 'subject'),
    col('Owner', 'text', 'ownerId'),
    col('Due', 'text', 'dueOn'),
    col('Overdue', 'text', 'overdue'),
    col('Meeting', 'text', 'meeting')
  ],
  nextQuarterRollUp: [
    ...ROLL_UP,
    col('Open pipeline', 'amount', 'openPipeline'),
    col('Quota', 'amount', 'quota')
  ],
  accountPlans: [
    col('Plan', 'text', 'planId'),
    col('Partner', 'text', 'partnerId'),
    col('Fiscal year', 'text', 'fiscalYear'),
    col('Status', 'text', 'status'),
    col('Revenue', 'amount', 'revenue'),
    col('Revenue goal', 'amount', 'revenueGoal'),
    col('Revenue attainment', 'ratio', 'revenueAttainment'),
    col('Co-sell wins', 'count', 'coSellWins'),
    col('Co-sell goal', 'count', 'coSellGoal'),
    col('Co-sell attainment', 'ratio', 'coSellAttainment'),
    col('Satisfaction', 'count', 'satisfaction')
  ],
  coSellOpportunities: [...DEAL, col('Co-sell partners', 'text', 'coSellPartners')],
  byManager: [
    ...ROLL_UP,
    col('Call (commit)', 'amount', 'commitCall'),
    col('Call (best case)', 'amount', 'bestCaseCall'),
    ['Agreed (commit)', 'amount', (row) => ((row.agreed as Row | null)?.commitCall as Cell) ?? null],
    ['Accepted on', 'text', (row) => ((row.agreed as Row | null)?.acceptedOn as Cell) ?? null]
  ],
  attribution: [
    col('Role', 'text', 'role'),
    col('Amount', 'amount', 'amount'),
    col('Deals', 'count', 'count'),
    col('Share', 'ratio', 'share')
  ],
  satisfaction: [
    col('Partner', 'text', 'partnerId'),
    col('Plan', 'text', 'planId'),
    col('Score', 'count', 'score')
  ],
  activatedPartners: [
    col('Partner', 'text', 'partnerId'),
    col('Name', 'text', 'name'),
    col('Activated on', 'text', 'activatedOn')
  ]
};

/** The number format of each figure an agenda reports. */
function figureKind(key: string): ColumnKind {
  if (/rate|share|attainment|roi/i.test(key)) return 'ratio';
  if (/count|teams|activated$|recruited$|target$|mean$/i.test(key)) return 'count';
  if (/period|year|snapshot|from$|to$/i.test(key) && !/commit/i.test(key)) return 'text';
  return 'amount';
}

function resolveMeeting(requested: string, cadence: readonly { name: string }[]) {
  const exact = cadence.find((m) => m.name.toLowerCase() === requested.trim().toLowerCase());
  const alias = ALIASES[requested.trim().toLowerCase()];
  const meeting = exact ?? cadence.find((m) => alias !== undefined && agendaKindOf(m.name) === alias);
  if (!meeting) {
    throw new UsageError(
      `agenda: --meeting must name a cadence meeting (${cadence.map((m) => `"${m.name}"`).join(', ')}) or one of ${Object.keys(ALIASES).join(', ')}; not "${requested}"`
    );
  }
  return meeting;
}

export const agendaReport: ReportCommand = {
  name: 'agenda',
  summary: "a review meeting's live agenda for the week of a date (SPEC §10)",
  usage:
    'psms agenda (--org <alias> | --data <dir>) --meeting <name|team|forecast|pipeline|rollup|mbr|qbr|elt> [--date YYYY-MM-DD] [--rep <user id>]',
  flags: [
    {
      name: 'meeting',
      kind: 'value',
      valueName: 'name',
      description:
        'the cadence meeting, by name or short name (team, forecast, pipeline, rollup, mbr, qbr, elt)'
    },
    {
      name: 'date',
      kind: 'value',
      valueName: 'YYYY-MM-DD',
      description: 'the date of the meeting (default: --today)'
    },
    { name: 'rep', kind: 'value', valueName: 'user id', description: "a 1:1's rep (default: the whole team)" }
  ],
  needsData: true,
  async run(context) {
    const source = requireSource(context);
    const date = context.flags.date('date') ?? context.today;
    const requested = context.flags.string('meeting');
    if (requested === undefined) throw new UsageError('agenda: give --meeting <name>');
    const meeting = resolveMeeting(requested, context.settings.cadence);
    const kind = agendaKindOf(meeting.name);
    const startMonth = context.settings.fiscalYearStartMonth;
    const period = fiscalPeriodOf(date, startMonth);
    const week = weekOfQuarter(date, startMonth);
    const previous = previousPeriod(period, startMonth);
    const next = nextPeriod(period, startMonth);
    const lastYear = fiscalYearDates(period.fiscalYear - 1, startMonth);
    const data = await loadAgendaData(source, {
      from: previous.start,
      to: next.end,
      wonFrom: lastYear.start,
      date,
      quarterStart: period.start,
      periods: [
        previous.label,
        period.label,
        next.label,
        ...[1, 2, 3, 4].map((q) => `FY${period.fiscalYear}-Q${q}`)
      ]
    });
    const rep = context.flags.recordId('rep') ?? null;
    const agenda =
      kind === null ? null : meetingAgenda(kind, { today: date, settings: context.settings, data, rep });
    const lists = (agenda?.lists ?? {}) as Record<string, Row[]>;
    const figures = (agenda?.figures ?? {}) as Record<string, unknown>;
    const tables: Table[] = Object.entries(lists).map(([name, rows]) => {
      const columns = LIST_COLUMNS[name] ?? [];
      return {
        title: `${meeting.name} · ${name} (${rows.length})`,
        columns: columns.map(([header, columnKind]) => ({ header, kind: columnKind })),
        rows: rows.map((row) => columns.map(([, , value]) => value(row)))
      };
    });
    return {
      json: { meeting: meeting.name, period: period.label, week, lists, figures },
      summary: [
        { label: 'Meeting', value: meeting.name, kind: 'text' },
        { label: 'Period', value: `${period.label}, week ${week}`, kind: 'text' },
        {
          label: 'Due this week',
          value: context.settings.cadence.some((m) => m.name === meeting.name && m.weeks.includes(week))
            ? 'yes'
            : 'no',
          kind: 'text'
        },
        ...(kind === null
          ? [{ label: 'Agenda', value: 'this meeting has no live agenda', kind: 'text' as const }]
          : []),
        ...Object.entries(figures)
          .filter(([, value]) => value === null || typeof value !== 'object')
          .map(([key, value]) => ({ label: key, value: value as Cell, kind: figureKind(key) }))
      ],
      tables:
        tables.length > 0
          ? tables
          : [{ title: meeting.name, columns: [{ header: 'Agenda', kind: 'text' }], rows: [] }],
      csvTable: 0
    };
  }
};

interface AgendaScope {
  /** Opportunities closing in the previous, this and the next quarter. */
  from: string;
  to: string;
  /** Won opportunities from the previous fiscal year's start to the date (programme figures). */
  wonFrom: string;
  date: string;
  quarterStart: string;
  /** Periods whose targets and calls are read. */
  periods: string[];
}

async function loadAgendaData(source: Parameters<typeof load>[0], scope: AgendaScope): Promise<AgendaData> {
  const opportunities = await load<Opportunity>(source, {
    object: 'Opportunity',
    fields: [
      'Id',
      'Name',
      'OwnerId',
      'Amount',
      'CloseDate',
      'Probability',
      'ForecastCategoryName',
      'IsClosed',
      'IsWon',
      'NextStep',
      'LastActivityDate',
      'PushCount',
      'LastStageChangeDate',
      'CreatedDate',
      'LeadSource',
      'Validated_On__c',
      'Validated_By__c',
      'Help_Needed__c'
    ],
    where: [{ field: 'CloseDate', op: 'between', from: scope.from, to: scope.to }]
  });
  const wonOpportunities = await load<Opportunity>(source, {
    object: 'Opportunity',
    fields: ['Id', 'OwnerId', 'Amount', 'CloseDate', 'IsClosed', 'IsWon', 'CreatedDate'],
    where: [
      { field: 'CloseDate', op: 'between', from: scope.wonFrom, to: scope.date },
      { field: 'IsWon', op: 'is', value: true }
    ]
  });
  const partnerDeals = await load<Partner_Deal__c>(source, {
    object: 'Partner_Deal__c',
    fields: [
      'Id',
      'Opportunity__c',
      'Partner_Account__c',
      'Role__c',
      'Co_Sell__c',
      'Is_Primary__c',
      'Deal_Registration__c'
    ]
  });
  const registrations = await load<Deal_Registration__c>(source, {
    object: 'Deal_Registration__c',
    fields: ['Id', 'Partner_Account__c', 'Status__c', 'Approved_On__c', 'Expires_On__c', 'Opportunity__c'],
    optional: true
  });
  const snapshots = await load<Opportunity_Snapshot__c>(source, {
    object: 'Opportunity_Snapshot__c',
    fields: [
      'Snapshot_Date__c',
      'Opportunity_Key__c',
      'Amount__c',
      'Forecast_Category__c',
      'Close_Date__c',
      'Is_Closed__c',
      'Is_Won__c',
      'Primary_Partner__c',
      'Owner__c'
    ],
    where: [{ field: 'Snapshot_Date__c', op: 'between', from: scope.quarterStart, to: scope.date }],
    optional: true
  });
  const partners = await load<Account>(source, {
    object: 'Account',
    fields: [
      'Id',
      'Name',
      'OwnerId',
      'Partner_Status__c',
      'Partner_Tier__c',
      'Recruited_On__c',
      'Activated_On__c',
      'First_Revenue_On__c'
    ],
    where: [{ field: 'Partner_Status__c', op: 'notBlank' }]
  });
  const plans = await load<Partner_Account_Plan__c>(source, {
    object: 'Partner_Account_Plan__c',
    fields: [
      'Id',
      'Partner_Account__c',
      'Fiscal_Year__c',
      'Status__c',
      'Revenue_Goal__c',
      'Co_Sell_Goal__c',
      'Objectives__c',
      'Satisfaction_Score__c',
      'Last_Reviewed_On__c'
    ],
    optional: true
  });
  const users = await load<User>(source, {
    object: 'User',
    fields: ['Id', 'Name', 'ManagerId'],
    optional: true
  });
  const targets = await load<Partner_Target__c>(source, {
    object: 'Partner_Target__c',
    fields: [
      'Period__c',
      'Partner_Account__c',
      'Manager__c',
      'Revenue_Target__c',
      'Recruitment_Target__c',
      'Program_Cost__c'
    ],
    where: [{ field: 'Period__c', op: 'in', values: scope.periods }],
    optional: true
  });
  const calls = await load<Forecast_Submission__c>(source, {
    object: 'Forecast_Submission__c',
    fields: [
      'Id',
      'Period__c',
      'Partner_Account__c',
      'Submitted_By__c',
      'Submitted_On__c',
      'Week__c',
      'Commit_Call__c',
      'Best_Case_Call__c',
      'Accepted_On__c',
      'Accepted_By__c'
    ],
    where: [{ field: 'Period__c', op: 'in', values: scope.periods }],
    optional: true
  });
  const actions = await load<Review_Action__c>(source, {
    object: 'Review_Action__c',
    fields: [
      'Id',
      'Subject__c',
      'Owner__c',
      'Assigned_By__c',
      'Meeting__c',
      'Period__c',
      'Due_On__c',
      'Status__c',
      'Done_On__c',
      'Opportunity__c',
      'Partner_Account__c'
    ],
    optional: true
  });
  return {
    opportunities,
    wonOpportunities,
    partnerDeals,
    registrations,
    snapshots,
    partners,
    plans,
    users,
    targets,
    calls,
    actions
  };
}
