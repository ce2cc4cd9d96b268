import { createElement } from 'lwc';
import ReviewCadence from 'c/reviewCadence';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import getCadenceInputs from '@salesforce/apex/ReviewCadenceController.getCadenceInputs';
import validateDeal from '@salesforce/apex/ReviewCadenceController.validateDeal';
import acceptCall from '@salesforce/apex/ReviewCadenceController.acceptCall';
import addReviewAction from '@salesforce/apex/ReviewCadenceController.addReviewAction';
import completeReviewAction from '@salesforce/apex/ReviewCadenceController.completeReviewAction';
import setHelpNeeded from '@salesforce/apex/ReviewCadenceController.setHelpNeeded';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, mockOf, resetDom, wireOf } from '../../../../../test/jest/apexMocks';
import cadence from './data/cadence.json';

jest.mock(
  '@salesforce/apex/PsmsSettingsController.getSettings',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ReviewCadenceController.getCadenceInputs',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ReviewCadenceController.validateDeal',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ReviewCadenceController.acceptCall',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ReviewCadenceController.addReviewAction',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ReviewCadenceController.completeReviewAction',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ReviewCadenceController.setHelpNeeded',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const agendaOf = (element: Element): ShadowRoot =>
  root(root(element).querySelector('c-meeting-agenda') as Element);

async function loaded(inputs: unknown = cadence): Promise<HTMLElement> {
  const element = createElement('c-review-cadence', { is: ReviewCadence });
  document.body.appendChild(element);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  wireOf(getCadenceInputs).emit(inputs);
  await flushPromises();
  return element;
}

async function openMeeting(element: Element, name: string): Promise<void> {
  (root(element).querySelector(`lightning-button[data-name="${name}"]`) as HTMLElement).click();
  await flushPromises();
}

describe('c-review-cadence (SPEC §1, §10–12)', () => {
  afterEach(resetDom);

  it('asks for today’s quarter and the viewer’s own scope', async () => {
    await loaded();
    expect(wireOf(getCadenceInputs).getLastConfig()).toEqual({ period: null, scope: null });
  });

  it('shows the 13 weeks of the quarter with today’s week open on its meetings', async () => {
    const element = await loaded();
    expect(root(element).querySelector('[data-id="period"]')?.textContent).toBe('FY2026-Q4');
    const calendar = root(element).querySelector('c-cadence-calendar') as Element & {
      weeks: { week: number; current: boolean }[];
      selectedWeek: number;
    };
    expect(calendar.weeks).toHaveLength(13);
    expect(calendar.weeks.filter((week) => week.current).map((week) => week.week)).toEqual([1]);
    expect(calendar.selectedWeek).toBe(1);
    const names = Array.from(
      root(element).querySelectorAll('[data-id="week-meetings"] lightning-button')
    ).map((button) => (button as Element & { label: string }).label);
    expect(names).toEqual([
      'Weekly Partner Team Call',
      'Partner Forecast & Acquisition 1:1',
      'CEO/CFO Forecast Roll-Up'
    ]);
  });

  it('the weekly call lists the help-needed deal', async () => {
    const element = await loaded();
    const helpList = agendaOf(element).querySelector('[data-list="helpNeeded"]') as Element;
    expect(helpList.textContent).toContain('Legal review of the partner terms');
    const link = helpList.querySelector('c-page-link') as Element & { recordId: string; label: string };
    expect([link.recordId, link.label]).toEqual(['006A1', 'Acme renewal']);
  });

  it('another week opens its own meetings', async () => {
    const element = await loaded();
    root(element)
      .querySelector('c-cadence-calendar')
      ?.dispatchEvent(new CustomEvent('weekselect', { detail: { week: 3 } }));
    await flushPromises();
    expect(root(element).querySelector('[data-meeting]')?.getAttribute('data-meeting')).toBe(
      'Weekly Partner Team Call'
    );
    await openMeeting(element, 'Partner Pipeline & Account Planning 1:1');
    expect(agendaOf(element).querySelector('[data-list="nextQuarterRollUp"]')).not.toBeNull();
  });

  it('validates a deal in the week-1 1:1 and re-reads the inputs', async () => {
    mockOf(validateDeal).mockResolvedValue({ Id: '006A1', Name: 'Acme renewal' });
    const element = await loaded();
    await openMeeting(element, 'Partner Forecast & Acquisition 1:1');
    (agendaOf(element).querySelector('[data-action="validate"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(validateDeal)).toHaveBeenCalledWith({ opportunityId: '006A1' });
  });

  it('adds an action for a rep with the meeting and the period', async () => {
    mockOf(addReviewAction).mockResolvedValue({ Subject__c: 'Call legal', Owner__c: '005R1' });
    const element = await loaded();
    await openMeeting(element, 'Partner Forecast & Acquisition 1:1');
    const agenda = agendaOf(element);
    agenda
      .querySelector('[data-id="action-rep"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: '005R1' } }));
    agenda
      .querySelector('[data-id="action-subject"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Call legal' } }));
    await flushPromises();
    (agenda.querySelector('[data-id="add-action"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(addReviewAction)).toHaveBeenCalledWith({
      ownerId: '005R1',
      subject: 'Call legal',
      dueOn: '2026-10-09',
      opportunityId: null,
      meeting: 'Partner Forecast & Acquisition 1:1',
      period: 'FY2026-Q4',
      partnerAccountId: null
    });
  });

  it('completes an action and saves help needed', async () => {
    mockOf(completeReviewAction).mockResolvedValue({ Subject__c: 'Get a legal contact' });
    mockOf(setHelpNeeded).mockResolvedValue({ Id: '006A1', Name: 'Acme renewal' });
    const element = await loaded();
    await openMeeting(element, 'Partner Forecast & Acquisition 1:1');
    (agendaOf(element).querySelector('[data-action="complete"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(completeReviewAction)).toHaveBeenCalledWith({ actionId: 'a08A1' });
    await openMeeting(element, 'Weekly Partner Team Call');
    const agenda = agendaOf(element);
    (agenda.querySelector('[data-list="helpNeeded"] [data-action="help"]') as HTMLElement).click();
    await flushPromises();
    agenda
      .querySelector('[data-id="help-editor"] lightning-input')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: '  ' } }));
    (agenda.querySelector('[data-action="save-help"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(setHelpNeeded)).toHaveBeenCalledWith({ opportunityId: '006A1', helpNeeded: null });
  });

  it('shows a refused write in place', async () => {
    mockOf(acceptCall).mockRejectedValue({ body: { message: 'Only leaders can accept a call.' } });
    const element = await loaded({ ...cadence, viewer: { ...cadence.viewer, canAcceptCalls: true } });
    await openMeeting(element, 'CEO/CFO Forecast Roll-Up');
    (agendaOf(element).querySelector('[data-action="accept"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(acceptCall)).toHaveBeenCalledWith({ submissionId: 'a06T1' });
    const panel = root(element).querySelector('[data-meeting] c-error-panel') as Element;
    expect(root(panel).textContent).toContain('Only leaders can accept a call.');
  });

  it('moves to the next quarter and changes the scope through the wire', async () => {
    const element = await loaded();
    (root(element).querySelector('[data-id="next-quarter"]') as HTMLElement).click();
    await flushPromises();
    expect(wireOf(getCadenceInputs).getLastConfig()).toEqual({ period: 'FY2027-Q1', scope: null });
    root(element)
      .querySelector('[data-id="scope"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'all' } }));
    await flushPromises();
    expect(wireOf(getCadenceInputs).getLastConfig()).toEqual({ period: 'FY2027-Q1', scope: 'all' });
  });

  it('shows the scorecards, plans against their goals, the funnel and the maturity trend', async () => {
    const element = await loaded();
    const scorecards = root(element).querySelector('c-rep-scorecards') as Element & {
      scorecards: { repId: string }[];
    };
    // Raj's only deal closed last quarter: the reps of this quarter are Rita.
    expect(scorecards.scorecards.map((card) => card.repId)).toEqual(['005R1']);
    const plans = root(element).querySelector('c-account-plan-goals') as Element & {
      plans: { planId: string; satisfaction: number }[];
    };
    expect(plans.plans).toEqual([expect.objectContaining({ planId: 'a04L1', satisfaction: 8 })]);
    const funnel = root(element).querySelector('c-recruitment-funnel') as Element & {
      funnel: { byStatus: object };
    };
    expect(funnel.funnel.byStatus).toMatchObject({ Active: 1, Onboarding: 1 });
    const trend = root(element).querySelector('c-maturity-trend') as Element & {
      points: { period: string }[];
    };
    expect(trend.points.map((point) => point.period)).toEqual(['FY2026-Q2', 'FY2026-Q3']);
  });

  it('shows a load error in the shared error panel', async () => {
    const element = createElement('c-review-cadence', { is: ReviewCadence });
    document.body.appendChild(element);
    wireOf(getCadenceInputs).error({ message: 'Cadence unavailable' });
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'Cadence unavailable'
    );
  });

  it('is accessible', async () => {
    await expect(await loaded()).toBeAccessible();
  });
});
