import { createElement } from 'lwc';
import PartnerForecast from 'c/partnerForecast';
import getPipeline from '@salesforce/apex/PartnerForecastController.getPipeline';
import getSnapshots from '@salesforce/apex/PartnerForecastController.getSnapshots';
import submitForecastCall from '@salesforce/apex/PartnerForecastController.submitForecastCall';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, mockOf, resetDom, wireOf } from '../../../../../test/jest/apexMocks';
import pipeline from './data/pipeline.json';
import pastPipeline from './data/pastPipeline.json';
import snapshots from './data/snapshots.json';

jest.mock(
  '@salesforce/apex/PartnerForecastController.getPipeline',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/PartnerForecastController.getSnapshots',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/PartnerForecastController.submitForecastCall',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
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
const byPeriod = (period: string) => (config: unknown) => (config as { period?: string }).period === period;

async function loaded(): Promise<HTMLElement> {
  jest.useFakeTimers({
    now: new Date('2026-11-20T12:00:00Z'),
    doNotFake: ['setTimeout', 'nextTick', 'setImmediate']
  });
  const element = createElement('c-partner-forecast', { is: PartnerForecast });
  document.body.appendChild(element);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  await flushPromises();
  (getPipeline as unknown as { emit(v: unknown, f: (c: unknown) => boolean): void }).emit(
    pipeline,
    byPeriod('FY2026-Q4')
  );
  (getPipeline as unknown as { emit(v: unknown, f: (c: unknown) => boolean): void }).emit(
    pastPipeline,
    byPeriod('FY2026-Q3')
  );
  wireOf(getSnapshots).emit(snapshots);
  await flushPromises();
  return element;
}

function table(element: Element): ShadowRoot {
  return root(root(element).querySelector('c-forecast-table') as Element);
}

describe('c-partner-forecast', () => {
  afterEach(() => {
    resetDom();
    jest.useRealTimers();
  });

  it('offers past quarters, this quarter and the next, and asks for this quarter first', async () => {
    const element = await loaded();
    const period = root(element).querySelector('[data-id="period"]') as Element & {
      options: { value: string }[];
      value: string;
    };
    expect(period.options.map((option) => option.value)).toEqual([
      'FY2025-Q4',
      'FY2026-Q1',
      'FY2026-Q2',
      'FY2026-Q3',
      'FY2026-Q4',
      'FY2027-Q1'
    ]);
    expect(period.value).toBe('FY2026-Q4');
    expect(wireOf(getSnapshots).getLastConfig()).toEqual({ period: 'FY2026-Q4' });
  });

  describe('roll-up by primary partner (SPEC §3)', () => {
    it('shows the columns with quota, attainment, coverage and gap, and the call beside', async () => {
      const element = await loaded();
      const rows = table(element).querySelectorAll('tbody tr');
      expect(rows).toHaveLength(2);
      const acme = Array.from(rows[0].querySelectorAll('td')).map((cell) => cell.textContent);
      // Closed 50,000; Commit 100,000; Commit forecast 150,000; quota 200,000; attainment 25 %;
      // coverage 100,000 ÷ 150,000; gap 50,000; the call 140,000 / 180,000 beside.
      expect(rows[0].querySelector('button')?.textContent).toBe('Acme Partners');
      expect(acme[0]).toBe('50,000');
      expect(acme[5]).toBe('150,000');
      expect(acme[8]).toBe('200,000');
      expect(acme[9]).toBe('25%');
      expect(acme[10]).toBe('0.7×');
      expect(acme[11]).toBe('50,000');
      expect(acme[12]).toBe('140,000');
      expect(acme[14]).toBe('Big deal slips risk');
      const globex = Array.from(rows[1].querySelectorAll('td')).map((cell) => cell.textContent);
      expect(globex[8]).toBe('c.PSMS_Format_Not_Available');
    });

    it('drills into a group and lists its opportunities, each linked', async () => {
      const element = await loaded();
      (table(element).querySelector('tbody button') as HTMLElement).click();
      await flushPromises();
      const drill = root(element).querySelector('[data-id="drill"]') as HTMLElement;
      const links = drill.querySelectorAll('c-page-link');
      expect(links).toHaveLength(2);
      expect((links[0] as Element & { label: string }).label).toBe('Acme big deal');
      (table(element).querySelector('tbody button') as HTMLElement).click();
      await flushPromises();
      expect(root(element).querySelector('[data-id="drill"]')).toBeNull();
    });
  });

  it('groups by owner without the call columns', async () => {
    const element = await loaded();
    const grouping = root(element).querySelector('[data-id="grouping"]') as Element;
    grouping.dispatchEvent(new CustomEvent('change', { detail: { value: 'owner' } }));
    await flushPromises();
    const labels = Array.from(table(element).querySelectorAll('tbody th button')).map(
      (button) => button.textContent
    );
    expect(labels).toEqual(['Rita Rep', 'Olaf Owner']);
    expect(table(element).querySelectorAll('thead th')).toHaveLength(13);
    (table(element).querySelectorAll('tbody button')[1] as HTMLElement).click();
    await flushPromises();
    expect(root(element).querySelectorAll('[data-id="drill"] c-page-link')).toHaveLength(1);
  });

  it('re-reads when the period or scope changes', async () => {
    const element = await loaded();
    root(element)
      .querySelector('[data-id="scope"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'all' } }));
    root(element)
      .querySelector('[data-id="period"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'FY2027-Q1' } }));
    await flushPromises();
    expect(wireOf(getPipeline).getLastConfig()).toEqual({ period: 'FY2027-Q1', scope: 'all' });
    expect(wireOf(getSnapshots).getLastConfig()).toEqual({ period: 'FY2027-Q1' });
  });

  it('measures accuracy on the selected period once it has ended', async () => {
    const element = await loaded();
    root(element)
      .querySelector('[data-id="period"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'FY2026-Q2' } }));
    await flushPromises();
    expect(wireOf(getPipeline).getLastConfig()).toEqual({ period: 'FY2026-Q2', scope: 'team' });
  });

  it('shows accuracy and bias of the last quarter against its week-1 call (SPEC §4)', async () => {
    const element = await loaded();
    const accuracy = root(root(element).querySelector('c-accuracy-table') as Element);
    const cells = Array.from(accuracy.querySelectorAll('tbody td')).map((cell) => cell.textContent);
    // Call 100,000, actual 90,000: accuracy 1 − 10/90 = 89 %, bias +11 %.
    expect(cells).toEqual(['100,000', '90,000', '89%', '+11%']);
  });

  it('draws the week-over-week waterfall of the Commit forecast from the last two snapshots', async () => {
    const element = await loaded();
    const chart = root(element).querySelector('c-waterfall-chart') as Element & {
      steps: { label: string; value: number }[];
    };
    // 2026-11-09: Commit 50,000 + 80,000. A win already in Commit moves nothing, so it has no bar.
    expect(chart.steps[0]).toMatchObject({ kind: 'total', value: 130000 });
    expect(chart.steps.map((step) => step.label)).toEqual([
      'c.PSMS_Waterfall_From',
      'c.PSMS_Change_New',
      'c.PSMS_Change_Pushed_Out',
      'c.PSMS_Change_Category_Up',
      'c.PSMS_Waterfall_To'
    ]);
    expect(chart.steps[chart.steps.length - 1].value).toBe(180000);
    const svg = root(chart).querySelector('svg') as SVGElement;
    expect(svg.querySelector('title')?.textContent).toBe('c.PSMS_PartnerForecast_Waterfall_Title');
    expect(root(chart).querySelectorAll('rect')).toHaveLength(5);
    expect(root(chart).querySelectorAll('rect.bar-down')).toHaveLength(1);
  });

  it('submits the forecast call and re-reads the roll-up', async () => {
    mockOf(submitForecastCall).mockResolvedValue({});
    const element = await loaded();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    const form = root(root(element).querySelector('c-forecast-call-form') as Element);
    form
      .querySelector('[data-id="partner"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: '001A00000000000001' } }));
    const commit = form.querySelector('[data-field="commit"]') as HTMLInputElement;
    commit.value = '150000';
    commit.dispatchEvent(new CustomEvent('change'));
    const bestCase = form.querySelector('[data-field="bestCase"]') as HTMLInputElement;
    bestCase.value = '190000';
    bestCase.dispatchEvent(new CustomEvent('change'));
    const note = form.querySelector('[data-id="note"]') as HTMLTextAreaElement;
    note.value = ' Upside from Globex ';
    note.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    (form.querySelector('[data-id="submit"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(submitForecastCall)).toHaveBeenCalledWith({
      period: 'FY2026-Q4',
      partnerAccountId: '001A00000000000001',
      commitCall: 150000,
      bestCaseCall: 190000,
      note: 'Upside from Globex'
    });
    expect(toast).toHaveBeenCalled();
  });

  it('shows a rejected call in the error panel', async () => {
    mockOf(submitForecastCall).mockRejectedValue({
      body: { message: 'Calls are submitted in weeks 1, 5 and 9' }
    });
    const element = await loaded();
    const form = root(root(element).querySelector('c-forecast-call-form') as Element);
    for (const field of ['commit', 'bestCase']) {
      const input = form.querySelector(`[data-field="${field}"]`) as HTMLInputElement;
      input.value = '1';
      input.dispatchEvent(new CustomEvent('change'));
    }
    await flushPromises();
    (form.querySelector('[data-id="submit"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(submitForecastCall)).toHaveBeenCalledWith(
      expect.objectContaining({ partnerAccountId: null, note: null })
    );
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'weeks 1, 5 and 9'
    );
  });

  it('shows a load error in the shared error panel', async () => {
    const element = createElement('c-partner-forecast', { is: PartnerForecast });
    document.body.appendChild(element);
    wireOf(getSettings).emit(DEFAULT_SETTINGS);
    await flushPromises();
    wireOf(getPipeline).error({ message: 'Query timed out' });
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'Query timed out'
    );
    expect(root(element).textContent).toContain('c.PSMS_PartnerForecast_No_Snapshots');
  });

  it('is accessible', async () => {
    const element = await loaded();
    (table(element).querySelector('tbody button') as HTMLElement).click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
