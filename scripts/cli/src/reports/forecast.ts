import {
  addPrimaryDeal,
  ForecastRollUp,
  type Account,
  type ForecastRow,
  type Opportunity,
  type Partner_Deal__c,
  type Partner_Target__c,
  type User
} from '../engine';
import { IdMap } from '../data/idMap';
import { amount, multiple, ratio, text, type Cell } from '../output/reportOutput';
import { each, load, periodFlag, requireSource, type ReportCommand } from './reportCommand';

/** `psms forecast --period P --by partner|owner|manager|region`: the roll-up of SPEC §3. */

const GROUPINGS = ['partner', 'owner', 'manager', 'region'] as const;

/** The first column's heading per grouping. */
const GROUP_HEADINGS = { partner: 'Partner', owner: 'Owner', manager: 'Manager', region: 'Region' } as const;

/** SPEC §9's keys, in its order (the engine's row carries no more, but the JSON is pinned here). */
function jsonRow(row: ForecastRow) {
  const {
    key,
    label,
    closed,
    commit,
    bestCase,
    pipeline,
    omitted,
    commitForecast,
    bestCaseForecast,
    openPipeline,
    quota,
    attainment,
    coverage,
    gapToQuota
  } = row;
  return {
    key,
    label,
    closed,
    commit,
    bestCase,
    pipeline,
    omitted,
    commitForecast,
    bestCaseForecast,
    openPipeline,
    quota,
    attainment,
    coverage,
    gapToQuota
  };
}

function tableRow(row: ForecastRow): Cell[] {
  return [
    row.label,
    row.closed,
    row.commit,
    row.bestCase,
    row.pipeline,
    row.omitted,
    row.commitForecast,
    row.bestCaseForecast,
    row.openPipeline,
    row.quota,
    row.attainment,
    row.coverage,
    row.gapToQuota
  ];
}

export const forecastReport: ReportCommand = {
  name: 'forecast',
  summary: 'the partner forecast roll-up of a period',
  usage:
    'psms forecast (--org <alias> | --data <dir>) [--period FY2026-Q4] [--by partner|owner|manager|region] [--include-direct]',
  flags: [
    {
      name: 'period',
      kind: 'value',
      valueName: 'FYyyyy-Qn',
      description: 'the fiscal quarter (default: the one containing --today)'
    },
    {
      name: 'by',
      kind: 'value',
      valueName: 'partner|owner|manager|region',
      description:
        "group by primary partner (default), opportunity owner, the owner's manager or the primary partner's region"
    },
    {
      name: 'include-direct',
      kind: 'switch',
      description: 'add the direct (non-partner) opportunities as one group keyed "direct"'
    }
  ],
  needsData: true,
  async run(context) {
    const source = requireSource(context);
    const period = periodFlag(context);
    const by = context.flags.oneOf('by', GROUPINGS) ?? 'partner';
    // Only the primary deal decides a roll-up group (SPEC §2).
    // Ids to deals in a table made for a million entries (a Map costs ~0.6 s more here).
    const primaries = new IdMap<Partner_Deal__c>();
    await each<Partner_Deal__c>(
      source,
      {
        object: 'Partner_Deal__c',
        fields: ['Id', 'Opportunity__c', 'Partner_Account__c', 'Is_Primary__c'],
        where: [{ field: 'Is_Primary__c', op: 'is', value: true }]
      },
      (deal) => addPrimaryDeal(primaries, deal)
    );
    const targets = await load<Partner_Target__c>(source, {
      object: 'Partner_Target__c',
      fields: ['Period__c', 'Partner_Account__c', 'Manager__c', 'Revenue_Target__c'],
      where: [{ field: 'Period__c', op: 'in', values: [period.label] }]
    });
    // Names only label the groups (without them the ids are shown); the region and the manager
    // decide them, so those groupings need the accounts' regions and the users' managers.
    const accounts =
      by === 'partner' || by === 'region'
        ? await load<Account>(source, {
            object: 'Account',
            fields: by === 'region' ? ['Id', 'Partner_Region__c'] : ['Id', 'Name'],
            where: [{ field: 'Partner_Status__c', op: 'notBlank' }],
            optional: by === 'partner'
          })
        : [];
    const users =
      by === 'owner' || by === 'manager'
        ? await load<User>(source, {
            object: 'User',
            fields: by === 'manager' ? ['Id', 'Name', 'ManagerId'] : ['Id', 'Name'],
            optional: by === 'owner'
          })
        : [];
    const rollUp = new ForecastRollUp({
      period: period.label,
      by,
      targets,
      accounts,
      users,
      includeDirect: context.flags.has('include-direct'),
      fiscalYearStartMonth: context.settings.fiscalYearStartMonth
    });
    // Opportunities are folded in as they are read: a million of them are never held at once.
    await each<Opportunity>(
      source,
      {
        object: 'Opportunity',
        // The owner only groups by owner or manager: every column read costs a string per row.
        fields: [
          'Id',
          'Amount',
          'CloseDate',
          'ForecastCategoryName',
          'IsClosed',
          'IsWon',
          ...(by === 'owner' || by === 'manager' ? ['OwnerId'] : [])
        ],
        where: [{ field: 'CloseDate', op: 'between', from: period.start, to: period.end }],
        kept: false
      },
      // By the id's digits when the reader has them: no text of a million ids compared.
      (opp, key) =>
        rollUp.add(
          opp,
          (key === undefined ? primaries.get(opp.Id) : primaries.byDigits(key[0], key[1])) ?? null
        )
    );
    const report = rollUp.report();
    return {
      json: { period: report.period, groups: report.groups.map(jsonRow), total: jsonRow(report.total) },
      summary: [
        { label: 'Period', value: `${period.label} (${period.start} to ${period.end})`, kind: 'text' },
        { label: 'Grouped by', value: by, kind: 'text' }
      ],
      tables: [
        {
          title: `Forecast ${report.period} by ${by}`,
          columns: [
            text(GROUP_HEADINGS[by]),
            amount('Closed'),
            amount('Commit'),
            amount('Best Case'),
            amount('Pipeline'),
            amount('Omitted'),
            amount('Commit fcst'),
            amount('Best Case fcst'),
            amount('Open pipeline'),
            amount('Quota'),
            ratio('Attainment'),
            multiple('Coverage'),
            amount('Gap to quota')
          ],
          rows: [...report.groups.map(tableRow), tableRow(report.total)]
        }
      ],
      csvTable: 0
    };
  }
};
