import { cadenceFor } from '../engine';
import { text } from '../output/reportOutput';
import type { ReportCommand } from './reportCommand';

/** `psms cadence --date D`: the review meetings due in D's week of the fiscal quarter (SPEC §1). */
export const cadenceReport: ReportCommand = {
  name: 'cadence',
  summary: 'the review meetings due in the week of a date',
  usage: 'psms cadence [--date YYYY-MM-DD]',
  flags: [
    {
      name: 'date',
      kind: 'value',
      valueName: 'YYYY-MM-DD',
      description: 'the date to look up (default: --today)'
    }
  ],
  needsData: false,
  async run(context) {
    const date = context.flags.date('date') ?? context.today;
    const cadence = cadenceFor(date, context.settings);
    return {
      json: {
        period: cadence.period,
        week: cadence.week,
        meetings: cadence.meetings.map(({ name, audience }) => ({ name, audience }))
      },
      summary: [
        { label: 'Date', value: date, kind: 'text' },
        { label: 'Period', value: cadence.period, kind: 'text' },
        { label: 'Week', value: cadence.week, kind: 'count' }
      ],
      tables: [
        {
          title: 'Meetings due this week',
          columns: [text('Meeting'), text('Audience'), text('Reviews')],
          rows: cadence.meetings.map((m) => [m.name, m.audience, m.agenda])
        }
      ],
      csvTable: 0
    };
  }
};
