import { createElement } from 'lwc';
import MeetingAgenda from 'c/meetingAgenda';
import { DEFAULT_SETTINGS, meetingAgenda, type AgendaData, type AgendaKind } from 'c/psmsEngine';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';
import cadence from '../../reviewCadence/__tests__/data/cadence.json';

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const data = cadence as unknown as AgendaData;
const names: Record<string, string> = {
  '006A1': 'Acme renewal',
  '006A2': 'Globex expansion',
  '005R1': 'Rita Rep',
  '005R2': 'Raj Rep',
  '005M1': 'Mia Manager',
  '001P1': 'Alpha Partners'
};
const viewer = {
  userId: '005M1',
  canValidate: true,
  canAcceptCalls: true,
  canAssignActions: true,
  canCompleteActions: true,
  canEditHelpNeeded: true,
  canSaveAssessment: true
};

type AgendaElement = HTMLElement & {
  agenda: unknown;
  meetingName: string;
  meetingAgendaText: string;
  names: Record<string, string>;
  viewer: typeof viewer;
  reps: { label: string; value: string }[];
  today: string;
  resetActionForm: () => void;
};

async function agendaOf(
  kind: AgendaKind | null,
  rights: Partial<typeof viewer> = {}
): Promise<AgendaElement> {
  const element = createElement('c-meeting-agenda', { is: MeetingAgenda }) as AgendaElement;
  element.agenda =
    kind === null
      ? undefined
      : meetingAgenda(kind, { today: '2026-10-02', settings: DEFAULT_SETTINGS, data });
  element.meetingName = 'Meeting';
  element.meetingAgendaText = 'what the meeting reviews';
  element.names = names;
  element.viewer = { ...viewer, ...rights };
  element.reps = [{ label: 'Rita Rep', value: '005R1' }];
  element.today = '2026-10-02';
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function listOf(element: Element, name: string): Element {
  return root(element).querySelector(`[data-list="${name}"]`) as Element;
}

describe('c-meeting-agenda (SPEC §10 live agendas)', () => {
  afterEach(resetDom);

  it('Weekly Partner Team Call: the five lists, each row linked to its deal by name', async () => {
    const element = await agendaOf('teamCall');
    for (const list of ['lastWeekBookings', 'thisWeekCommits', 'forecastChanges', 'risks', 'helpNeeded']) {
      expect(listOf(element, list)).not.toBeNull();
    }
    const commit = listOf(element, 'thisWeekCommits').querySelector('c-page-link') as Element & {
      recordId: string;
      objectApiName: string;
      label: string;
    };
    expect([commit.recordId, commit.objectApiName, commit.label]).toEqual([
      '006A1',
      'Opportunity',
      'Acme renewal'
    ]);
    expect(listOf(element, 'helpNeeded').textContent).toContain('Legal review of the partner terms');
    expect(listOf(element, 'forecastChanges').textContent).toContain('c.PSMS_Agenda_Empty_List');
    expect(root(element).querySelectorAll('[data-id="figures"] dt')).toHaveLength(4);
  });

  it('edits help needed in place and emits it; blank clears it', async () => {
    const element = await agendaOf('teamCall');
    const handler = jest.fn();
    element.addEventListener('helpneeded', handler);
    (listOf(element, 'helpNeeded').querySelector('[data-action="help"]') as HTMLElement).click();
    await flushPromises();
    const input = root(element).querySelector('[data-id="help-editor"] lightning-input') as Element;
    input.dispatchEvent(new CustomEvent('change', { detail: { value: ' Need a legal contact ' } }));
    (root(element).querySelector('[data-action="save-help"]') as HTMLElement).click();
    expect(handler.mock.calls[0][0].detail).toEqual({
      opportunityId: '006A1',
      helpNeeded: 'Need a legal contact'
    });
    await flushPromises();
    expect(root(element).querySelector('[data-id="help-editor"]')).toBeNull();
  });

  it('Forecast & Acquisition 1:1: validates deals not yet validated, and only for a validator', async () => {
    const element = await agendaOf('forecastOneOnOne');
    const validation = listOf(element, 'validation');
    const buttons = validation.querySelectorAll('[data-action="validate"]');
    // Globex was validated on 1 October: only Acme is left to validate.
    expect(Array.from(buttons).map((button) => button.getAttribute('data-id'))).toEqual(['006A1']);
    const handler = jest.fn();
    element.addEventListener('validate', handler);
    (buttons[0] as HTMLElement).click();
    expect(handler.mock.calls[0][0].detail).toEqual({ opportunityId: '006A1' });
    resetDom();
    const rep = await agendaOf('forecastOneOnOne', { canValidate: false });
    expect(listOf(rep, 'validation').querySelector('[data-action="validate"]')).toBeNull();
  });

  it('1:1 actions: overdue ones flagged, completed in place, new ones added for a rep', async () => {
    const element = await agendaOf('forecastOneOnOne');
    const actions = listOf(element, 'openActions');
    expect(actions.querySelector('[data-id="overdue"]')).not.toBeNull();
    const completed = jest.fn();
    element.addEventListener('completeaction', completed);
    (actions.querySelector('[data-action="complete"]') as HTMLElement).click();
    expect(completed.mock.calls[0][0].detail).toEqual({ actionId: 'a08A1' });
    const added = jest.fn();
    element.addEventListener('addaction', added);
    const add = root(element).querySelector('[data-id="add-action"]') as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    root(element)
      .querySelector('[data-id="action-subject"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Call legal' } }));
    root(element)
      .querySelector('[data-id="action-deal"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: '006A1' } }));
    await flushPromises();
    const deals = (
      root(element).querySelector('[data-id="action-deal"]') as Element & { options: { value: string }[] }
    ).options;
    expect(deals.map((option) => option.value)).toEqual(['', '006A1', '006A2']);
    (root(element).querySelector('[data-id="add-action"]') as HTMLElement).click();
    expect(added.mock.calls[0][0].detail).toEqual({
      ownerId: '005R1',
      subject: 'Call legal',
      dueOn: '2026-10-09',
      opportunityId: '006A1'
    });
    element.resetActionForm();
    await flushPromises();
    expect(
      (root(element).querySelector('[data-id="action-subject"]') as Element & { value: string }).value
    ).toBe('');
  });

  it('CEO/CFO Roll-Up: each manager’s team call, accepted in place', async () => {
    const element = await agendaOf('rollUp');
    const handler = jest.fn();
    element.addEventListener('accept', handler);
    (listOf(element, 'byManager').querySelector('[data-action="accept"]') as HTMLElement).click();
    expect(handler.mock.calls[0][0].detail).toEqual({ submissionId: 'a06T1' });
    expect(listOf(element, 'byManager').textContent).toContain('Mia Manager');
  });

  it('an accepted call shows as accepted, without the button', async () => {
    const accepted = {
      ...data,
      calls: [
        { ...(data.calls ?? [])[0], Accepted_On__c: '2026-10-02T09:00:00.000Z', Accepted_By__c: '005L1' }
      ]
    };
    const element = createElement('c-meeting-agenda', { is: MeetingAgenda }) as AgendaElement;
    element.agenda = meetingAgenda('rollUp', {
      today: '2026-10-02',
      settings: DEFAULT_SETTINGS,
      data: accepted
    });
    element.viewer = viewer;
    element.names = names;
    document.body.appendChild(element);
    await flushPromises();
    expect(listOf(element, 'byManager').querySelector('[data-action="accept"]')).toBeNull();
    expect(listOf(element, 'byManager').querySelector('[data-id="accepted"]')).not.toBeNull();
  });

  it.each([
    ['businessReview', 'attribution'],
    ['elt', 'activatedPartners'],
    ['pipelineOneOnOne', 'accountPlans']
  ] as const)('%s shows its list %s and its figures', async (kind, list) => {
    const element = await agendaOf(kind);
    expect(listOf(element, list)).not.toBeNull();
    expect(root(element).querySelectorAll('[data-id="figures"] dt').length).toBeGreaterThan(1);
  });

  it('a meeting without a live agenda says what it reviews', async () => {
    const element = await agendaOf(null);
    expect(root(element).querySelector('[data-id="no-agenda"]')?.textContent).toBe(
      'what the meeting reviews'
    );
  });

  it('pages a long list', async () => {
    const many = Array.from({ length: 12 }, (_unused, i) => ({
      ...data.opportunities[0],
      Id: `006X${String(i).padStart(2, '0')}`,
      Help_Needed__c: `Help ${i}`
    }));
    const element = createElement('c-meeting-agenda', { is: MeetingAgenda }) as AgendaElement;
    element.agenda = meetingAgenda('teamCall', {
      today: '2026-10-02',
      settings: DEFAULT_SETTINGS,
      data: { ...data, opportunities: many }
    });
    element.viewer = viewer;
    element.names = names;
    document.body.appendChild(element);
    await flushPromises();
    expect(listOf(element, 'helpNeeded').querySelectorAll('tbody tr')).toHaveLength(10);
    (
      listOf(element, 'helpNeeded').querySelector('lightning-button[data-list="helpNeeded"]') as HTMLElement
    ).click();
    await flushPromises();
    expect(listOf(element, 'helpNeeded').querySelectorAll('tbody tr')).toHaveLength(12);
  });

  it('is accessible', async () => {
    await expect(await agendaOf('forecastOneOnOne')).toBeAccessible();
  });
});
