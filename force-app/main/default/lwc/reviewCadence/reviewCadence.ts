// Container component: this week's review meetings (SPEC §1 cadence, from settings), each with an agenda of live links into PSMS.
import { LightningElement, wire } from 'lwc';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { cadenceFor, type CadenceReport } from 'c/psmsEngine';
import { formatLabel, todayIso } from 'c/displayFormat';
import LABEL_TITLE from '@salesforce/label/c.PSMS_ReviewCadence_Title';
import LABEL_WEEK from '@salesforce/label/c.PSMS_Label_Week';
import LABEL_AUDIENCE from '@salesforce/label/c.PSMS_ReviewCadence_Audience';
import LABEL_NONE from '@salesforce/label/c.PSMS_ReviewCadence_None';
import LABEL_FORECAST from '@salesforce/label/c.PSMS_ReviewCadence_Link_Forecast';
import LABEL_VALIDATE from '@salesforce/label/c.PSMS_ReviewCadence_Link_Validate';
import LABEL_NEXT_PIPELINE from '@salesforce/label/c.PSMS_ReviewCadence_Link_Next_Pipeline';
import LABEL_PLANS from '@salesforce/label/c.PSMS_ReviewCadence_Link_Plans';
import LABEL_REGISTRATIONS from '@salesforce/label/c.PSMS_ReviewCadence_Link_Registrations';
import LABEL_KPIS from '@salesforce/label/c.PSMS_ReviewCadence_Link_Kpis';
import LABEL_MATURITY from '@salesforce/label/c.PSMS_ReviewCadence_Link_Maturity';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';

interface AgendaLink {
  key: string;
  label: string;
  pageName: string;
}

/**
 * The cadence is data (Review_Meeting__mdt), so links follow what an agenda talks about rather
 * than a meeting's name: an admin who renames or adds a meeting still gets the right links.
 */
const TOPICS: readonly [RegExp, AgendaLink][] = [
  [
    /current-quarter forecast|forecast|commits/i,
    { key: 'forecast', label: LABEL_FORECAST, pageName: 'Partner_Forecast' }
  ],
  [
    /validation|risks|bookings/i,
    { key: 'validate', label: LABEL_VALIDATE, pageName: 'Pipeline_Hygiene_Board' }
  ],
  [
    /next-quarter pipeline/i,
    { key: 'nextPipeline', label: LABEL_NEXT_PIPELINE, pageName: 'Partner_Forecast' }
  ],
  [/account plans|co-selling/i, { key: 'plans', label: LABEL_PLANS, pageName: 'Partner_Programme' }],
  [
    /acquisition|help needed/i,
    { key: 'registrations', label: LABEL_REGISTRATIONS, pageName: 'Registration_Desk' }
  ],
  [/roi|attribution|satisfaction|growth/i, { key: 'kpis', label: LABEL_KPIS, pageName: 'Partner_KPIs' }],
  [/annual goals|market-share/i, { key: 'maturity', label: LABEL_MATURITY, pageName: 'Partner_Programme' }]
];

export default class ReviewCadence extends LightningElement {
  cadence: CadenceReport | undefined;
  error: unknown;

  readonly labels = { title: LABEL_TITLE, none: LABEL_NONE, loading: LABEL_LOADING };

  @wire(getSettings)
  wiredSettings({ data, error }: Psms.Wired<Psms.SettingsResponse>): void {
    this.cadence = data ? cadenceFor(todayIso(), data) : undefined;
    this.error = error;
  }

  get isLoading(): boolean {
    return this.cadence === undefined && this.error === undefined;
  }

  get heading(): string {
    return this.cadence ? `${this.cadence.period} · ${formatLabel(LABEL_WEEK, this.cadence.week)}` : '';
  }

  get hasMeetings(): boolean {
    return (this.cadence?.meetings.length ?? 0) > 0;
  }

  get meetings() {
    return (this.cadence?.meetings ?? []).map((meeting) => ({
      key: meeting.name,
      name: meeting.name,
      audience: formatLabel(LABEL_AUDIENCE, meeting.audience),
      agenda: meeting.agenda,
      links: TOPICS.filter(([pattern]) => pattern.test(meeting.agenda)).map(([, link]) => ({
        ...link,
        key: `${meeting.name}-${link.key}`
      }))
    }));
  }
}
