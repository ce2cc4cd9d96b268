import { createElement } from 'lwc';
import ReviewCadence from 'c/reviewCadence';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, resetDom, wireOf } from '../../../../../test/jest/apexMocks';

jest.mock(
  '@salesforce/apex/PsmsSettingsController.getSettings',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

async function on(date: string): Promise<HTMLElement> {
  jest.useFakeTimers({
    now: new Date(`${date}T12:00:00Z`),
    doNotFake: ['setTimeout', 'nextTick', 'setImmediate']
  });
  const element = createElement('c-review-cadence', { is: ReviewCadence });
  document.body.appendChild(element);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  await flushPromises();
  return element;
}

const links = (element: Element, meeting: string): string[] =>
  Array.from(
    (root(element).querySelector(`[data-meeting="${meeting}"]`) as Element).querySelectorAll('c-page-link')
  ).map((link) => (link as Element & { pageName: string }).pageName);

describe('c-review-cadence (SPEC §1)', () => {
  afterEach(() => {
    resetDom();
    jest.useRealTimers();
  });

  it('week 1: the forecast 1:1 with the forecast by partner and the deals to validate', async () => {
    const element = await on('2026-10-02');
    expect(root(element).querySelector('[data-id="week"]')?.textContent).toContain('FY2026-Q4');
    const names = Array.from(root(element).querySelectorAll('h3')).map((h) => h.textContent);
    expect(names).toEqual([
      'Weekly Partner Team Call',
      'Partner Forecast & Acquisition 1:1',
      'CEO/CFO Forecast Roll-Up'
    ]);
    expect(links(element, 'Partner Forecast & Acquisition 1:1')).toEqual(
      expect.arrayContaining(['Partner_Forecast', 'Pipeline_Hygiene_Board'])
    );
  });

  it("week 3: next quarter's pipeline and the plans due for review", async () => {
    const element = await on('2026-10-15');
    expect(links(element, 'Partner Pipeline & Account Planning 1:1')).toEqual(
      expect.arrayContaining(['Partner_Forecast', 'Partner_Programme'])
    );
  });

  it('says when no meeting is due', async () => {
    jest.useFakeTimers({
      now: new Date('2026-10-15T12:00:00Z'),
      doNotFake: ['setTimeout', 'nextTick', 'setImmediate']
    });
    const element = createElement('c-review-cadence', { is: ReviewCadence });
    document.body.appendChild(element);
    wireOf(getSettings).emit({ ...DEFAULT_SETTINGS, cadence: [] });
    await flushPromises();
    expect(root(element).textContent).toContain('c.PSMS_ReviewCadence_None');
  });

  it('shows a load error in the shared error panel', async () => {
    const element = createElement('c-review-cadence', { is: ReviewCadence });
    document.body.appendChild(element);
    wireOf(getSettings).error({ message: 'Settings unavailable' });
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'Settings unavailable'
    );
  });

  it('is accessible', async () => {
    await expect(await on('2026-10-02')).toBeAccessible();
  });
});
