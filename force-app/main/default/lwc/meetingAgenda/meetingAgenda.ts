// Presentation component: one meeting's live agenda (SPEC §10) — its figures and lists, each row linked to its record, with the in-place actions the meeting needs (validate, accept a call, add or complete an action, help needed); emits one event per action.
import { LightningElement, api } from 'lwc';
import type { ChangeType, HygieneRuleId, MeetingAgenda } from 'c/psmsEngine';
import { formatDate, formatLabel, formatMoney, formatNumber, formatPercent } from 'c/displayFormat';
import { RULE_LABELS } from 'c/hygieneLabels';
import { FIGURES, LISTS, type ColumnDef, type RowAction } from './agendaLayout';
import LABEL_NO_AGENDA from '@salesforce/label/c.PSMS_Agenda_No_Live_Agenda';
import LABEL_EMPTY from '@salesforce/label/c.PSMS_Agenda_Empty_List';
import LABEL_VALIDATE from '@salesforce/label/c.PSMS_Agenda_Validate';
import LABEL_VALIDATE_DEAL from '@salesforce/label/c.PSMS_Agenda_Validate_Deal';
import LABEL_ACCEPT from '@salesforce/label/c.PSMS_Agenda_Accept_Call';
import LABEL_ACCEPT_CALL from '@salesforce/label/c.PSMS_Agenda_Accept_Call_Of';
import LABEL_ACCEPTED from '@salesforce/label/c.PSMS_Agenda_Accepted';
import LABEL_DONE from '@salesforce/label/c.PSMS_Agenda_Mark_Done';
import LABEL_DONE_OF from '@salesforce/label/c.PSMS_Agenda_Mark_Done_Of';
import LABEL_OVERDUE from '@salesforce/label/c.PSMS_Agenda_Overdue';
import LABEL_HELP from '@salesforce/label/c.PSMS_Agenda_Edit_Help';
import LABEL_HELP_OF from '@salesforce/label/c.PSMS_Agenda_Edit_Help_Of';
import LABEL_SAVE from '@salesforce/label/c.PSMS_Agenda_Save';
import LABEL_CANCEL from '@salesforce/label/c.PSMS_Agenda_Cancel';
import LABEL_HELP_INPUT from '@salesforce/label/c.PSMS_Agenda_Help_Input';
import LABEL_YES from '@salesforce/label/c.PSMS_Agenda_Yes';
import LABEL_NO from '@salesforce/label/c.PSMS_Agenda_No';
import LABEL_ACTIONS_COL from '@salesforce/label/c.PSMS_Agenda_Col_Actions';
import LABEL_MORE from '@salesforce/label/c.PSMS_Agenda_Show_More';
import LABEL_NEW_ACTION from '@salesforce/label/c.PSMS_Agenda_New_Action';
import LABEL_ACTION_REP from '@salesforce/label/c.PSMS_Agenda_Action_Rep';
import LABEL_ACTION_SUBJECT from '@salesforce/label/c.PSMS_Agenda_Action_Subject';
import LABEL_ACTION_DUE from '@salesforce/label/c.PSMS_Agenda_Action_Due';
import LABEL_ACTION_DEAL from '@salesforce/label/c.PSMS_Agenda_Action_Deal';
import LABEL_ACTION_NO_DEAL from '@salesforce/label/c.PSMS_Agenda_Action_No_Deal';
import LABEL_ACTION_ADD from '@salesforce/label/c.PSMS_Agenda_Action_Add';
import LABEL_NO_MANAGER from '@salesforce/label/c.PSMS_Agenda_No_Manager';
import LABEL_UNSPECIFIED from '@salesforce/label/c.PSMS_Agenda_Unspecified_Role';
import LABEL_AGREED_TEAMS from '@salesforce/label/c.PSMS_Agenda_Agreed_Teams_Of';
import LABEL_WON from '@salesforce/label/c.PSMS_Change_Won';
import LABEL_LOST from '@salesforce/label/c.PSMS_Change_Lost';
import LABEL_NEW from '@salesforce/label/c.PSMS_Change_New';
import LABEL_REMOVED from '@salesforce/label/c.PSMS_Change_Removed';
import LABEL_PUSHED from '@salesforce/label/c.PSMS_Change_Pushed_Out';
import LABEL_PULLED from '@salesforce/label/c.PSMS_Change_Pulled_In';
import LABEL_CATEGORY_UP from '@salesforce/label/c.PSMS_Change_Category_Up';
import LABEL_CATEGORY_DOWN from '@salesforce/label/c.PSMS_Change_Category_Down';
import LABEL_AMOUNT_UP from '@salesforce/label/c.PSMS_Change_Amount_Up';
import LABEL_AMOUNT_DOWN from '@salesforce/label/c.PSMS_Change_Amount_Down';

/** Rows shown per list before "Show more": a week's list stays readable, a long one pages. */
const PAGE = 10;

const CHANGE_LABELS: Readonly<Record<string, string>> = {
  Won: LABEL_WON,
  Lost: LABEL_LOST,
  New: LABEL_NEW,
  Removed: LABEL_REMOVED,
  'Pushed out': LABEL_PUSHED,
  'Pulled in': LABEL_PULLED,
  'Category up': LABEL_CATEGORY_UP,
  'Category down': LABEL_CATEGORY_DOWN,
  'Amount up': LABEL_AMOUNT_UP,
  'Amount down': LABEL_AMOUNT_DOWN
} satisfies Partial<Record<ChangeType, string>>;

type Row = Record<string, unknown>;

export interface RepOption {
  label: string;
  value: string;
}

function addDaysIso(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export default class MeetingAgendaView extends LightningElement {
  /** The engine's agenda for the meeting; undefined when the meeting has no live agenda. */
  @api agenda: MeetingAgenda | undefined;
  @api meetingName = '';
  /** What the meeting reviews (the cadence's agenda text), shown when it has no live agenda. */
  @api meetingAgendaText = '';
  /** Record id → name, for the links. */
  @api names: Record<string, string> = {};
  @api viewer: Psms.CadenceViewer | undefined;
  /** Whom the viewer may assign an action to. */
  @api reps: RepOption[] = [];
  @api today = '';
  @api busy = false;

  expanded: Record<string, boolean> = {};
  editingHelp: string | null = null;
  helpDraft = '';
  actionRep = '';
  actionSubject = '';
  actionDue = '';
  actionDeal = '';

  readonly labels = {
    noAgenda: LABEL_NO_AGENDA,
    actions: LABEL_ACTIONS_COL,
    save: LABEL_SAVE,
    cancel: LABEL_CANCEL,
    helpInput: LABEL_HELP_INPUT,
    newAction: LABEL_NEW_ACTION,
    actionRep: LABEL_ACTION_REP,
    actionSubject: LABEL_ACTION_SUBJECT,
    actionDue: LABEL_ACTION_DUE,
    actionDeal: LABEL_ACTION_DEAL,
    actionAdd: LABEL_ACTION_ADD
  };

  get hasAgenda(): boolean {
    return this.agenda !== undefined;
  }

  get figures() {
    const agenda = this.agenda;
    if (!agenda) {
      return [];
    }
    const figures: Record<string, unknown> = { ...agenda.figures };
    if (agenda.kind === 'rollUp') {
      figures.agreedTeamsText = formatLabel(
        LABEL_AGREED_TEAMS,
        agenda.figures.agreedTeams,
        agenda.figures.teams
      );
    }
    return FIGURES[agenda.kind].map((definition, index) => {
      const value = definition.value(figures);
      const number = typeof value === 'number' ? value : null;
      const text =
        definition.type === 'money'
          ? formatMoney(number)
          : definition.type === 'percent'
            ? formatPercent(number)
            : definition.type === 'count'
              ? formatNumber(number, 0)
              : definition.type === 'number'
                ? formatNumber(number, 1)
                : String(value ?? '');
      return { key: String(index), label: definition.label, value: text };
    });
  }

  get lists() {
    const agenda = this.agenda;
    if (!agenda) {
      return [];
    }
    return Object.entries(agenda.lists as unknown as Record<string, Row[]>).map(([name, rows]) => {
      const definition = LISTS[name];
      const all = (name === 'byManager' ? rows.map((row) => this.withAgreed(row)) : rows).map((row, index) =>
        this.row(name, row, index, definition.columns, definition.actions)
      );
      const open = this.expanded[name] === true;
      const shown = open ? all : all.slice(0, PAGE);
      return {
        name,
        key: name,
        title: `${definition.label} (${formatNumber(rows.length, 0)})`,
        headers: definition.columns.map((column, index) => ({ key: String(index), label: column.label })),
        hasActions: definition.actions.some((action) => this.allowed(action)),
        rows: shown,
        hasRows: rows.length > 0,
        empty: LABEL_EMPTY,
        hasMore: !open && all.length > PAGE,
        moreLabel: formatLabel(LABEL_MORE, formatNumber(all.length - PAGE, 0))
      };
    });
  }

  private withAgreed(row: Row): Row {
    const agreed = row.agreed as { commitCall?: number | null } | null;
    return { ...row, agreedCommit: agreed?.commitCall ?? null };
  }

  private allowed(action: RowAction): boolean {
    const viewer = this.viewer;
    switch (action) {
      case 'validate':
        return viewer?.canValidate === true;
      case 'help':
        return viewer?.canEditHelpNeeded === true;
      case 'complete':
        return viewer?.canCompleteActions === true;
      default:
        return viewer?.canAcceptCalls === true;
    }
  }

  private nameOf(id: unknown, fallback = ''): string {
    if (typeof id !== 'string' || id === '') {
      return fallback;
    }
    return this.names[id] ?? fallback;
  }

  private cell(column: ColumnDef, row: Row, index: number) {
    const value = row[column.field];
    const base = {
      key: String(index),
      link: false,
      recordId: '',
      objectApiName: '',
      text: '',
      className: ''
    };
    const link = (recordId: unknown, objectApiName: string, label: string) => {
      const linked = typeof recordId === 'string' && recordId !== '' && recordId !== 'none';
      return linked
        ? { ...base, link: true, recordId, objectApiName, text: label }
        : { ...base, text: label };
    };
    switch (column.type) {
      case 'opportunity':
        return link(value, 'Opportunity', this.nameOf(value));
      case 'partner':
        return link(value, 'Account', this.nameOf(value));
      case 'user':
        return value === 'none' ? { ...base, text: LABEL_NO_MANAGER } : { ...base, text: this.nameOf(value) };
      case 'plan':
        return link(value, 'Partner_Account_Plan__c', this.nameOf(row.partnerId, this.nameOf(value)));
      case 'action':
        return link(value, 'Review_Action__c', String(row.subject ?? ''));
      case 'money':
        return {
          ...base,
          text: formatMoney(typeof value === 'number' ? value : null),
          className: 'slds-text-align_right'
        };
      case 'percent':
        return {
          ...base,
          text: formatPercent(typeof value === 'number' ? value : null),
          className: 'slds-text-align_right'
        };
      case 'count':
        return {
          ...base,
          text: formatNumber(typeof value === 'number' ? value : null, 1),
          className: 'slds-text-align_right'
        };
      case 'date':
        return { ...base, text: formatDate(typeof value === 'string' ? value : null) };
      case 'change':
        return { ...base, text: CHANGE_LABELS[String(value)] ?? String(value ?? '') };
      case 'rules':
        return {
          ...base,
          text: ((value as HygieneRuleId[] | undefined) ?? [])
            .map((rule) => RULE_LABELS[rule] ?? rule)
            .join(', '),
          className: 'slds-cell-wrap'
        };
      case 'yesNo':
        return { ...base, text: value === true ? LABEL_YES : LABEL_NO };
      case 'partners':
        return {
          ...base,
          text: ((value as string[] | undefined) ?? []).map((id) => this.nameOf(id, id)).join(', ')
        };
      default:
        return {
          ...base,
          text: value === 'Unspecified' && column.field === 'role' ? LABEL_UNSPECIFIED : String(value ?? ''),
          className: 'slds-cell-wrap'
        };
    }
  }

  private row(list: string, row: Row, index: number, columns: ColumnDef[], actions: RowAction[]) {
    const cells = columns.map((column, at) => this.cell(column, row, at));
    const [first, ...rest] = cells;
    const opportunityId = typeof row.opportunityId === 'string' ? row.opportunityId : '';
    const dealName = this.nameOf(opportunityId);
    const may = (action: RowAction) => actions.includes(action) && this.allowed(action);
    const canHelp = may('help') && opportunityId !== '';
    return {
      key: `${list}-${String(row.opportunityId ?? row.actionId ?? row.partnerId ?? row.planId ?? row.managerId ?? row.role ?? index)}`,
      first,
      rest,
      overdue: row.overdue === true,
      overdueLabel: LABEL_OVERDUE,
      showValidate: may('validate') && row.validated === false,
      validateLabel: LABEL_VALIDATE,
      validateTitle: formatLabel(LABEL_VALIDATE_DEAL, dealName),
      showAccept: may('accept') && typeof row.teamCallId === 'string' && row.teamCallAccepted !== true,
      acceptLabel: LABEL_ACCEPT,
      acceptTitle: formatLabel(LABEL_ACCEPT_CALL, this.nameOf(row.managerId)),
      showAccepted: row.teamCallAccepted === true,
      acceptedLabel: LABEL_ACCEPTED,
      teamCallId: typeof row.teamCallId === 'string' ? row.teamCallId : '',
      showComplete: may('complete') && typeof row.actionId === 'string',
      completeLabel: LABEL_DONE,
      completeTitle: formatLabel(LABEL_DONE_OF, String(row.subject ?? '')),
      actionId: typeof row.actionId === 'string' ? row.actionId : '',
      showHelp: canHelp && this.editingHelp !== opportunityId,
      helpLabel: LABEL_HELP,
      helpTitle: formatLabel(LABEL_HELP_OF, dealName),
      editingHelp: canHelp && this.editingHelp === opportunityId,
      opportunityId,
      helpNeeded: typeof row.helpNeeded === 'string' ? row.helpNeeded : ''
    };
  }

  get showActionForm(): boolean {
    const kind = this.agenda?.kind;
    return (
      (kind === 'forecastOneOnOne' || kind === 'pipelineOneOnOne') && this.viewer?.canAssignActions === true
    );
  }

  get actionRepValue(): string {
    return (
      this.actionRep ||
      (this.agenda && 'rep' in this.agenda ? (this.agenda.rep ?? '') : '') ||
      (this.reps[0]?.value ?? '')
    );
  }

  get actionDueValue(): string {
    return this.actionDue || (this.today ? addDaysIso(this.today, 7) : '');
  }

  /** The deals the action may be about: the chosen rep's deals on this agenda. */
  get dealOptions(): RepOption[] {
    const agenda = this.agenda;
    const rep = this.actionRepValue;
    const rows =
      agenda?.kind === 'forecastOneOnOne'
        ? agenda.lists.validation
        : agenda?.kind === 'pipelineOneOnOne'
          ? agenda.lists.coSellOpportunities
          : [];
    return [
      { label: LABEL_ACTION_NO_DEAL, value: '' },
      ...rows
        .filter((row) => row.ownerId === rep)
        .map((row) => ({
          label: this.nameOf(row.opportunityId, row.opportunityId),
          value: row.opportunityId
        }))
    ];
  }

  get addDisabled(): boolean {
    return (
      this.busy ||
      this.actionSubject.trim() === '' ||
      this.actionRepValue === '' ||
      this.actionDueValue === ''
    );
  }

  handleMore(event: Event): void {
    const list = (event.currentTarget as HTMLElement).dataset.list ?? '';
    this.expanded = { ...this.expanded, [list]: true };
  }

  handleValidate(event: Event): void {
    this.emit('validate', { opportunityId: (event.currentTarget as HTMLElement).dataset.id ?? '' });
  }

  handleAccept(event: Event): void {
    this.emit('accept', { submissionId: (event.currentTarget as HTMLElement).dataset.id ?? '' });
  }

  handleComplete(event: Event): void {
    this.emit('completeaction', { actionId: (event.currentTarget as HTMLElement).dataset.id ?? '' });
  }

  handleEditHelp(event: Event): void {
    const target = event.currentTarget as HTMLElement;
    this.editingHelp = target.dataset.id ?? null;
    this.helpDraft = target.dataset.help ?? '';
  }

  handleHelpInput(event: CustomEvent<{ value: string }>): void {
    this.helpDraft = event.detail.value ?? '';
  }

  handleHelpCancel(): void {
    this.editingHelp = null;
  }

  handleHelpSave(): void {
    const opportunityId = this.editingHelp;
    if (opportunityId) {
      this.emit('helpneeded', {
        opportunityId,
        helpNeeded: this.helpDraft.trim() === '' ? null : this.helpDraft.trim()
      });
      this.editingHelp = null;
    }
  }

  handleActionRep(event: CustomEvent<{ value: string }>): void {
    this.actionRep = event.detail.value;
    this.actionDeal = '';
  }

  handleActionSubject(event: CustomEvent<{ value: string }>): void {
    this.actionSubject = event.detail.value ?? '';
  }

  handleActionDue(event: CustomEvent<{ value: string }>): void {
    this.actionDue = event.detail.value ?? '';
  }

  handleActionDeal(event: CustomEvent<{ value: string }>): void {
    this.actionDeal = event.detail.value;
  }

  handleAddAction(): void {
    this.emit('addaction', {
      ownerId: this.actionRepValue,
      subject: this.actionSubject.trim(),
      dueOn: this.actionDueValue,
      opportunityId: this.actionDeal === '' ? null : this.actionDeal
    });
  }

  /** Clears the new-action form once the container saved the action. */
  @api
  resetActionForm(): void {
    this.actionSubject = '';
    this.actionDeal = '';
  }

  private emit(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}
