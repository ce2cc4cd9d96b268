// Container component: the review cadence page (SPEC §1, §10–12) — the quarter's 13 weeks, each week's meetings opening on their live agenda with in-place actions, the reps' scorecards, account plans against their goals, the recruitment funnel and maturity over time.
import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import getCadenceInputs from '@salesforce/apex/ReviewCadenceController.getCadenceInputs';
import validateDeal from '@salesforce/apex/ReviewCadenceController.validateDeal';
import acceptCall from '@salesforce/apex/ReviewCadenceController.acceptCall';
import addReviewAction from '@salesforce/apex/ReviewCadenceController.addReviewAction';
import completeReviewAction from '@salesforce/apex/ReviewCadenceController.completeReviewAction';
import setHelpNeeded from '@salesforce/apex/ReviewCadenceController.setHelpNeeded';
import {
  isOneOnOne,
  maturityTrend,
  meetingAgenda,
  nextPeriod,
  parsePeriod,
  partnerIndexOf,
  planAttainment,
  previousPeriod,
  quarterCalendar,
  recruitmentFunnel,
  repScorecards,
  type AgendaInput,
  type CalendarMeeting,
  type CalendarWeek,
  type FunnelReport,
  type MaturityTrendPoint,
  type MeetingAgenda,
  type PlanAttainment,
  type RepScorecard
} from 'c/psmsEngine';
import { formatLabel } from 'c/displayFormat';
import LABEL_TITLE from '@salesforce/label/c.PSMS_ReviewCadence_Title';
import LABEL_WEEK from '@salesforce/label/c.PSMS_Label_Week';
import LABEL_AUDIENCE from '@salesforce/label/c.PSMS_ReviewCadence_Audience';
import LABEL_NONE from '@salesforce/label/c.PSMS_ReviewCadence_None';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';
import LABEL_PREVIOUS from '@salesforce/label/c.PSMS_ReviewCadence_Previous_Quarter';
import LABEL_NEXT from '@salesforce/label/c.PSMS_ReviewCadence_Next_Quarter';
import LABEL_MEETINGS from '@salesforce/label/c.PSMS_ReviewCadence_Meetings_Of_Week';
import LABEL_REP from '@salesforce/label/c.PSMS_ReviewCadence_Rep';
import LABEL_ALL_REPS from '@salesforce/label/c.PSMS_ReviewCadence_All_Reps';
import LABEL_SCORECARDS from '@salesforce/label/c.PSMS_ReviewCadence_Scorecards';
import LABEL_PLANS from '@salesforce/label/c.PSMS_ReviewCadence_Plans';
import LABEL_FUNNEL from '@salesforce/label/c.PSMS_ReviewCadence_Funnel';
import LABEL_MATURITY from '@salesforce/label/c.PSMS_ReviewCadence_Maturity';
import LABEL_VALIDATED from '@salesforce/label/c.PSMS_ReviewCadence_Validated';
import LABEL_ACCEPTED from '@salesforce/label/c.PSMS_ReviewCadence_Accepted';
import LABEL_ACTION_ADDED from '@salesforce/label/c.PSMS_ReviewCadence_Action_Added';
import LABEL_ACTION_DONE from '@salesforce/label/c.PSMS_ReviewCadence_Action_Done';
import LABEL_HELP_SAVED from '@salesforce/label/c.PSMS_ReviewCadence_Help_Saved';
import LABEL_SCOPE from '@salesforce/label/c.PSMS_Scope_Label';
import LABEL_SCOPE_MINE from '@salesforce/label/c.PSMS_Scope_Mine';
import LABEL_SCOPE_TEAM from '@salesforce/label/c.PSMS_Scope_Team';
import LABEL_SCOPE_ALL from '@salesforce/label/c.PSMS_Scope_All';

const ALL_REPS = '';

export default class ReviewCadence extends LightningElement {
  settings: Psms.SettingsResponse | undefined;
  inputs: Psms.CadenceResponse | undefined;
  error: unknown;
  actionError: unknown;
  busy = false;

  /** Null until the user picks one: the server chooses today's quarter and the viewer's scope. */
  period: string | null = null;
  scope: Psms.Scope | null = null;
  selectedWeek: number | null = null;
  selectedMeeting: string | null = null;
  selectedRep: string | null = null;

  weeks: CalendarWeek[] = [];
  agenda: MeetingAgenda | undefined;
  scorecards: RepScorecard[] = [];
  plans: PlanAttainment[] = [];
  funnel: FunnelReport | undefined;
  trend: MaturityTrendPoint[] = [];
  names: Record<string, string> = {};

  private inputsResult: Psms.Wired<Psms.CadenceResponse> | undefined;

  readonly labels = {
    title: LABEL_TITLE,
    none: LABEL_NONE,
    loading: LABEL_LOADING,
    previous: LABEL_PREVIOUS,
    next: LABEL_NEXT,
    rep: LABEL_REP,
    scorecards: LABEL_SCORECARDS,
    plans: LABEL_PLANS,
    funnel: LABEL_FUNNEL,
    maturity: LABEL_MATURITY,
    scope: LABEL_SCOPE
  };
  readonly scopeOptions = [
    { label: LABEL_SCOPE_MINE, value: 'mine' },
    { label: LABEL_SCOPE_TEAM, value: 'team' },
    { label: LABEL_SCOPE_ALL, value: 'all' }
  ];

  @wire(getSettings)
  wiredSettings({ data, error }: Psms.Wired<Psms.SettingsResponse>): void {
    this.settings = data;
    this.error = error ?? this.error;
    this.recompute();
  }

  @wire(getCadenceInputs, { period: '$period', scope: '$scope' })
  wiredInputs(result: Psms.Wired<Psms.CadenceResponse>): void {
    this.inputsResult = result;
    this.inputs = result.data;
    this.error = result.error;
    this.recompute();
  }

  get isLoading(): boolean {
    return (this.inputs === undefined || this.settings === undefined) && this.error === undefined;
  }

  get ready(): boolean {
    return this.inputs !== undefined && this.settings !== undefined;
  }

  get periodLabel(): string {
    return this.inputs?.period ?? '';
  }

  get scopeValue(): string {
    return this.inputs?.scope ?? this.scope ?? 'team';
  }

  get week(): number {
    return this.selectedWeek ?? this.weeks.find((week) => week.current)?.week ?? 1;
  }

  get weekMeetings(): CalendarMeeting[] {
    return this.weeks.find((week) => week.week === this.week)?.meetings ?? [];
  }

  get meetingsHeading(): string {
    return formatLabel(LABEL_MEETINGS, formatLabel(LABEL_WEEK, this.week), this.periodLabel);
  }

  get hasMeetings(): boolean {
    return this.weekMeetings.length > 0;
  }

  private get meeting(): CalendarMeeting | undefined {
    const meetings = this.weekMeetings;
    return meetings.find((meeting) => meeting.name === this.selectedMeeting) ?? meetings[0];
  }

  get meetingButtons() {
    const current = this.meeting?.name;
    return this.weekMeetings.map((meeting) => ({
      key: meeting.name,
      name: meeting.name,
      variant: meeting.name === current ? 'brand' : 'neutral',
      pressed: meeting.name === current ? 'true' : 'false'
    }));
  }

  get meetingName(): string {
    return this.meeting?.name ?? '';
  }

  get meetingAudience(): string {
    return this.meeting ? formatLabel(LABEL_AUDIENCE, this.meeting.audience) : '';
  }

  get meetingAgendaText(): string {
    return this.meeting?.agenda ?? '';
  }

  get isOneOnOne(): boolean {
    return isOneOnOne(this.meeting?.kind ?? null);
  }

  /** The reps of the scope: owners of its deals, its partners and its actions. */
  get repOptions() {
    const data = this.inputs;
    if (!data) {
      return [];
    }
    const ids = new Set<string>();
    for (const opp of data.opportunities) {
      if (opp.OwnerId) ids.add(opp.OwnerId);
    }
    for (const action of data.actions) {
      if (action.Owner__c) ids.add(action.Owner__c);
    }
    return [...ids]
      .map((id) => ({ label: this.names[id] ?? id, value: id }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  get repFilterOptions() {
    return [{ label: LABEL_ALL_REPS, value: ALL_REPS }, ...this.repOptions];
  }

  get repValue(): string {
    return this.selectedRep ?? ALL_REPS;
  }

  /** Whom the viewer may assign an action to: themselves and the reps who report to them. */
  get assignees() {
    const data = this.inputs;
    if (!data) {
      return [];
    }
    const me = data.viewer.userId;
    return data.users
      .filter((user) => user.Id === me || user.ManagerId === me)
      .map((user) => ({ label: user.Name ?? user.Id, value: user.Id }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  get today(): string {
    return this.inputs?.today ?? '';
  }

  get viewer(): Psms.CadenceViewer | undefined {
    return this.inputs?.viewer;
  }

  /** Everything shown is the engine's, computed once per change of data or selection. */
  private recompute(): void {
    const data = this.inputs;
    const settings = this.settings;
    if (!data || !settings) {
      return;
    }
    const names: Record<string, string> = {};
    for (const record of [...data.users, ...data.partners, ...data.opportunities, ...data.wonOpportunities]) {
      if (record.Name) {
        names[record.Id] = record.Name;
      }
    }
    this.names = names;
    this.weeks = quarterCalendar(data.today, settings, data.period).weeks;
    const rep = data.scope === 'mine' ? data.viewer.userId : this.selectedRep || null;
    const input: AgendaInput = {
      today: data.today,
      period: data.period,
      week: this.week,
      settings,
      data,
      rep
    };
    const kind = this.meeting?.kind ?? null;
    this.agenda =
      kind === null ? undefined : meetingAgenda(kind, isOneOnOne(kind) ? input : { ...input, rep: null });
    this.scorecards = repScorecards({ ...input, rep: data.scope === 'mine' ? data.viewer.userId : null });
    this.plans = planAttainment({
      plans: data.plans,
      opportunities: data.wonOpportunities,
      partners: partnerIndexOf(data.partnerDeals),
      fiscalYearStartMonth: settings.fiscalYearStartMonth
    });
    this.funnel = recruitmentFunnel({
      period: data.period,
      today: data.today,
      accounts: data.partners,
      fiscalYearStartMonth: settings.fiscalYearStartMonth
    });
    this.trend = maturityTrend(data.assessments);
  }

  handleWeek(event: CustomEvent<{ week: number }>): void {
    this.selectedWeek = event.detail.week;
    this.selectedMeeting = null;
    this.recompute();
  }

  handleMeeting(event: Event): void {
    this.selectedMeeting = (event.currentTarget as HTMLElement).dataset.name ?? null;
    this.recompute();
  }

  handleRep(event: CustomEvent<{ value: string }>): void {
    this.selectedRep = event.detail.value || null;
    this.recompute();
  }

  handleScope(event: CustomEvent<{ value: Psms.Scope }>): void {
    this.scope = event.detail.value;
    this.selectedRep = null;
  }

  handlePreviousQuarter(): void {
    this.moveQuarter(-1);
  }

  handleNextQuarter(): void {
    this.moveQuarter(1);
  }

  private moveQuarter(step: number): void {
    const label = this.inputs?.period;
    const startMonth = this.settings?.fiscalYearStartMonth ?? 1;
    if (!label) {
      return;
    }
    const current = parsePeriod(label, startMonth);
    this.period = (step < 0 ? previousPeriod(current, startMonth) : nextPeriod(current, startMonth)).label;
    this.selectedWeek = 1;
    this.selectedMeeting = null;
  }

  async handleValidate(event: CustomEvent<{ opportunityId: string }>): Promise<void> {
    await this.act(async () => {
      const opp = await validateDeal({ opportunityId: event.detail.opportunityId });
      return formatLabel(LABEL_VALIDATED, opp.Name ?? this.names[opp.Id] ?? '');
    });
  }

  async handleAccept(event: CustomEvent<{ submissionId: string }>): Promise<void> {
    await this.act(async () => {
      const call = await acceptCall({ submissionId: event.detail.submissionId });
      return formatLabel(LABEL_ACCEPTED, this.names[call.Submitted_By__c ?? ''] ?? '');
    });
  }

  async handleAddAction(
    event: CustomEvent<{ ownerId: string; subject: string; dueOn: string; opportunityId: string | null }>
  ): Promise<void> {
    await this.act(async () => {
      const action = await addReviewAction({
        ...event.detail,
        meeting: this.meetingName || null,
        period: this.inputs?.period ?? '',
        partnerAccountId: null
      });
      (
        this.template?.querySelector('c-meeting-agenda') as { resetActionForm?: () => void } | null
      )?.resetActionForm?.();
      return formatLabel(
        LABEL_ACTION_ADDED,
        action.Subject__c ?? '',
        this.names[action.Owner__c ?? ''] ?? ''
      );
    });
  }

  async handleCompleteAction(event: CustomEvent<{ actionId: string }>): Promise<void> {
    await this.act(async () => {
      const action = await completeReviewAction({ actionId: event.detail.actionId });
      return formatLabel(LABEL_ACTION_DONE, action.Subject__c ?? '');
    });
  }

  async handleHelpNeeded(
    event: CustomEvent<{ opportunityId: string; helpNeeded: string | null }>
  ): Promise<void> {
    await this.act(async () => {
      const opp = await setHelpNeeded(event.detail);
      return formatLabel(LABEL_HELP_SAVED, opp.Name ?? this.names[opp.Id] ?? '');
    });
  }

  /** One write: the server's answer as a toast, then the agenda reloaded; a refusal shown in place. */
  private async act(write: () => Promise<string>): Promise<void> {
    this.busy = true;
    this.actionError = undefined;
    try {
      const message = await write();
      this.dispatchEvent(new ShowToastEvent({ title: message, variant: 'success' }));
      await refreshApex(this.inputsResult);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }
}
