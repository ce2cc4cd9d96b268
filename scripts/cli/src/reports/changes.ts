import { diffSnapshots, fromCents, toCents, type Opportunity_Snapshot__c } from '../engine';
import { DataError, UsageError } from '../errors';
import { amount, count, text, type Cell } from '../output/reportOutput';
import { load, periodFlag, requireSource, type ReportCommand } from './reportCommand';

/** `psms changes --from D1 --to D2 [--period P]`: week-over-week changes and their waterfall (SPEC §4). */
export const changesReport: ReportCommand = {
  name: 'changes',
  summary: 'changes between two snapshots and the forecast waterfall',
  usage:
    'psms changes (--org <alias> | --data <dir>) --from YYYY-MM-DD --to YYYY-MM-DD [--period FY2026-Q4] [--omit-unchanged]',
  flags: [
    { name: 'from', kind: 'value', valueName: 'YYYY-MM-DD', description: 'the earlier snapshot date (A)' },
    { name: 'to', kind: 'value', valueName: 'YYYY-MM-DD', description: 'the later snapshot date (B)' },
    {
      name: 'period',
      kind: 'value',
      valueName: 'FYyyyy-Qn',
      description: 'the quarter whose forecast the waterfall explains (default: the one containing --to)'
    },
    { name: 'omit-unchanged', kind: 'switch', description: 'leave Unchanged opportunities out of the list' }
  ],
  needsData: true,
  async run(context) {
    const from = context.flags.date('from');
    const to = context.flags.date('to');
    if (from === undefined || to === undefined)
      throw new UsageError('changes: --from and --to (snapshot dates YYYY-MM-DD) are required');
    if (from >= to) throw new UsageError(`changes: --from (${from}) must be before --to (${to})`);
    const period = periodFlag(context, 'period', to);
    const source = requireSource(context);
    const rows = await load<Opportunity_Snapshot__c>(source, {
      object: 'Opportunity_Snapshot__c',
      fields: [
        'Snapshot_Date__c',
        'Opportunity_Key__c',
        'Amount__c',
        'Forecast_Category__c',
        'Close_Date__c',
        'Is_Closed__c',
        'Is_Won__c'
      ],
      where: [{ field: 'Snapshot_Date__c', op: 'in', values: [from, to] }]
    });
    const a = rows.filter((row) => row.Snapshot_Date__c === from);
    const b = rows.filter((row) => row.Snapshot_Date__c === to);
    // Every opportunity would read as New or Removed against a snapshot that was never taken.
    for (const [date, list] of [
      [from, a],
      [to, b]
    ] as const) {
      if (list.length === 0)
        throw new DataError(
          `Opportunity_Snapshot__c: no snapshot rows dated ${date} in ${source.description}`
        );
    }
    const report = diffSnapshots({
      from: a,
      to: b,
      period,
      omitUnchanged: context.flags.has('omit-unchanged')
    });
    // The waterfall per change type: sums of the engine's per-opportunity deltas, in cents.
    const byType = new Map<string, { n: number; commit: number; pipeline: number }>();
    for (const change of report.changes) {
      const entry = byType.get(change.type) ?? { n: 0, commit: 0, pipeline: 0 };
      entry.n++;
      entry.commit += toCents(change.commitDelta);
      entry.pipeline += toCents(change.pipelineDelta);
      byType.set(change.type, entry);
    }
    const waterfall: Cell[][] = [
      ['Start (A)', null, report.commitFrom, report.pipelineFrom],
      ...[...byType.entries()].map(([type, e]): Cell[] => [
        type,
        e.n,
        fromCents(e.commit),
        fromCents(e.pipeline)
      ]),
      ['End (B)', null, report.commitTo, report.pipelineTo]
    ];
    return {
      json: {
        changes: report.changes,
        commitFrom: report.commitFrom,
        commitTo: report.commitTo,
        pipelineFrom: report.pipelineFrom,
        pipelineTo: report.pipelineTo
      },
      summary: [
        { label: 'Period', value: period.label, kind: 'text' },
        { label: 'Snapshots', value: `${from} → ${to}`, kind: 'text' }
      ],
      tables: [
        {
          title: 'Waterfall',
          columns: [text('Step'), count('Opportunities'), amount('Commit forecast'), amount('Open pipeline')],
          rows: waterfall
        },
        {
          title: 'Changes',
          columns: [text('Opportunity'), text('Change'), amount('Commit Δ'), amount('Pipeline Δ')],
          rows: report.changes.map((c) => [c.opportunityId, c.type, c.commitDelta, c.pipelineDelta])
        }
      ],
      csvTable: 1
    };
  }
};
