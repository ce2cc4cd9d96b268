import {
  backtestCalibration,
  calibratedAccuracy,
  forecastAccuracy,
  indexPartnerDeals,
  type Account,
  type AccuracyRow,
  type Forecast_Submission__c,
  type Opportunity,
  type Partner_Deal__c,
  type User
} from '../engine';
import { amount, ratio, text, type Cell } from '../output/reportOutput';
import { load, periodFlag, requireSource, type ReportCommand } from './reportCommand';

/**
 * `psms accuracy --period P [--calibrated]`: forecast accuracy and bias against the week-1 call
 * (SPEC §4); with --calibrated, each group's and the total's calibrated call and the backtest of
 * every closed period (SPEC §11), which read the calls and wins of earlier periods too.
 */

const GROUPINGS = ['partner', 'manager'] as const;

function jsonRow({ key, label, call, actual, accuracy, bias }: AccuracyRow) {
  return { key, label, call, actual, accuracy, bias };
}

function calibratedJsonRow(row: AccuracyRow & { calibrated: number }) {
  return { ...jsonRow(row), calibrated: row.calibrated };
}

export const accuracyReport: ReportCommand = {
  name: 'accuracy',
  summary: 'forecast accuracy and bias of a period against the week-1 call',
  usage:
    'psms accuracy (--org <alias> | --data <dir>) [--period FY2026-Q4] [--by partner|manager] [--calibrated]',
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
      valueName: 'partner|manager',
      description: 'per partner (default) or per submitting manager'
    },
    {
      name: 'calibrated',
      kind: 'switch',
      description: "add each call corrected by the partner's past bias, and the backtest (SPEC §11)"
    }
  ],
  needsData: true,
  async run(context) {
    const source = requireSource(context);
    const period = periodFlag(context);
    const by = context.flags.oneOf('by', GROUPINGS) ?? 'partner';
    const calibrated = context.flags.has('calibrated');
    const submissions = await load<Forecast_Submission__c>(source, {
      object: 'Forecast_Submission__c',
      fields: [
        'Id',
        'Period__c',
        'Partner_Account__c',
        'Submitted_By__c',
        'Submitted_On__c',
        'Week__c',
        'Commit_Call__c'
      ],
      // Calibration reads the calls of the periods before (its window and the backtest's).
      where: calibrated ? [] : [{ field: 'Period__c', op: 'in', values: [period.label] }]
    });
    const opportunities = await load<Opportunity>(source, {
      object: 'Opportunity',
      fields: ['Id', 'Amount', 'CloseDate', 'IsClosed', 'IsWon'],
      where: [
        ...(calibrated
          ? []
          : [{ field: 'CloseDate', op: 'between' as const, from: period.start, to: period.end }]),
        { field: 'IsWon', op: 'is', value: true }
      ]
    });
    const deals = await load<Partner_Deal__c>(source, {
      object: 'Partner_Deal__c',
      fields: ['Id', 'Opportunity__c', 'Partner_Account__c', 'Is_Primary__c'],
      where: [{ field: 'Is_Primary__c', op: 'is', value: true }]
    });
    // Names label the groups (partners by account, managers by user); without them the ids are shown.
    const accounts =
      by === 'partner'
        ? await load<Account>(source, {
            object: 'Account',
            fields: ['Id', 'Name'],
            where: [{ field: 'Partner_Status__c', op: 'notBlank' }],
            optional: true
          })
        : [];
    const users =
      by === 'manager'
        ? await load<User>(source, { object: 'User', fields: ['Id', 'Name'], optional: true })
        : [];
    const partners = indexPartnerDeals(deals);
    const input = {
      period: period.label,
      submissions,
      opportunities,
      partners,
      by,
      today: context.today,
      accounts,
      users,
      fiscalYearStartMonth: context.settings.fiscalYearStartMonth
    };
    if (calibrated) return calibratedOutput(input, period);
    const report = forecastAccuracy(input);
    const tableRow = (row: AccuracyRow): Cell[] => [
      row.key,
      row.label,
      row.call,
      row.actual,
      row.accuracy,
      row.bias
    ];
    return {
      json: {
        period: report.period,
        inProgress: report.inProgress,
        groups: report.groups.map(jsonRow),
        total: jsonRow(report.total)
      },
      summary: [
        { label: 'Period', value: `${period.label} (${period.start} to ${period.end})`, kind: 'text' },
        ...(report.inProgress
          ? [
              {
                label: 'Status',
                value: `in progress until ${period.end}: accuracy and bias are measured when it ends`,
                kind: 'text' as const
              }
            ]
          : [])
      ],
      tables: [
        {
          title: `Forecast accuracy ${period.label} by ${by}`,
          columns: [
            text('Key'),
            text(by === 'partner' ? 'Partner' : 'Manager'),
            amount('Week-1 call'),
            amount('Actual'),
            ratio('Accuracy'),
            ratio('Bias')
          ],
          rows: [...report.groups.map(tableRow), tableRow(report.total)]
        }
      ],
      csvTable: 0
    };
  }
};

function calibratedOutput(
  input: Parameters<typeof calibratedAccuracy>[0] & { today: string },
  period: { label: string; start: string; end: string }
) {
  const report = calibratedAccuracy(input);
  const backtest = backtestCalibration(input);
  const tableRow = (row: AccuracyRow & { calibrated: number }): Cell[] => [
    row.key,
    row.label,
    row.call,
    row.calibrated,
    row.actual,
    row.accuracy,
    row.bias
  ];
  return {
    json: {
      period: report.period,
      inProgress: report.inProgress,
      groups: report.groups.map(calibratedJsonRow),
      total: calibratedJsonRow(report.total),
      backtest
    },
    summary: [
      { label: 'Period', value: `${period.label} (${period.start} to ${period.end})`, kind: 'text' as const },
      {
        label: 'Calibration window',
        value: `${report.calibration.window.join(', ')} (${report.calibration.points} history points)`,
        kind: 'text' as const
      },
      { label: 'Channel bias', value: report.calibration.channelBias, kind: 'ratio' as const },
      { label: 'Backtest partner-periods', value: backtest.n, kind: 'count' as const },
      { label: 'Backtest mean error, raw call', value: backtest.rawError, kind: 'ratio' as const },
      { label: 'Backtest mean error, calibrated', value: backtest.calibratedError, kind: 'ratio' as const }
    ],
    tables: [
      {
        title: `Calibrated forecast ${period.label} by ${input.by ?? 'partner'}`,
        columns: [
          text('Key'),
          text(input.by === 'manager' ? 'Manager' : 'Partner'),
          amount('Week-1 call'),
          amount('Calibrated call'),
          amount('Actual'),
          ratio('Accuracy'),
          ratio('Bias')
        ],
        rows: [...report.groups.map(tableRow), tableRow(report.total)]
      }
    ],
    csvTable: 0
  };
}
