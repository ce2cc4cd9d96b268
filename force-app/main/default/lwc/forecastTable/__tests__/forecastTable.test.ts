import { createElement } from 'lwc';
import ForecastTable, { type ForecastTableRow } from 'c/forecastTable';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

const row = (key: string, label: string, figures: Partial<ForecastTableRow> = {}): ForecastTableRow => ({
  key,
  label,
  closed: 0,
  commit: 0,
  bestCase: 0,
  pipeline: 0,
  omitted: 0,
  commitForecast: 0,
  bestCaseForecast: 0,
  openPipeline: 0,
  quota: null,
  attainment: null,
  coverage: null,
  gapToQuota: null,
  ...figures
});
const ROWS = [
  row('b', 'Bolt', {
    commitForecast: 500,
    quota: 1000,
    coverage: 2.25,
    commitCall: 450,
    note: 'Big quarter'
  }),
  row('a', 'Acme', { commitForecast: 900, quota: null, coSellDeals: 2 }),
  row('c', 'Cobalt', { commitForecast: 100, quota: 300 })
];

let observed: ((entries: { contentRect: { width: number } }[]) => void) | undefined;

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const element = createElement('c-forecast-table', { is: ForecastTable });
  Object.assign(element, {
    rows: ROWS,
    total: row('total', 'Total', { commitForecast: 1500 }),
    showCalls: true,
    groupLabel: 'Partner',
    ...props
  });
  document.body.appendChild(element);
  return element;
}
const shadow = (element: Element) => element.shadowRoot as ShadowRoot;
const labels = (element: Element) =>
  Array.from(shadow(element).querySelectorAll('tbody button.drill')).map((b) => b.textContent?.trim());
const headings = (element: Element) =>
  Array.from(shadow(element).querySelectorAll('thead th')).map((th) => th.textContent?.trim());

describe('c-forecast-table', () => {
  afterEach(() => {
    resetDom();
    delete (window as { ResizeObserver?: unknown }).ResizeObserver;
  });

  it('sorts by the Commit forecast, biggest first, and by any column its heading names', async () => {
    const element = mount();
    await flushPromises();
    expect(labels(element)).toEqual(['Acme', 'Bolt', 'Cobalt']);
    const sortBy = (key: string) =>
      (shadow(element).querySelector(`button[data-sort="${key}"]`) as HTMLElement).click();
    sortBy('label');
    await flushPromises();
    expect(labels(element)).toEqual(['Acme', 'Bolt', 'Cobalt']);
    expect(shadow(element).querySelector('th[aria-sort="ascending"]')?.textContent).toContain('Partner');
    sortBy('label');
    await flushPromises();
    expect(labels(element)).toEqual(['Cobalt', 'Bolt', 'Acme']);
    // A quota that is not set sorts after every set one, whichever way.
    sortBy('quota');
    await flushPromises();
    expect(labels(element)).toEqual(['Bolt', 'Cobalt', 'Acme']);
    sortBy('quota');
    await flushPromises();
    expect(labels(element)).toEqual(['Cobalt', 'Bolt', 'Acme']);
    expect(shadow(element).querySelector('tfoot')?.textContent).toContain('c.PSMS_ForecastTable_Total');
  });

  it('fits a 1280-px page: the columns that do not fit fold into the row details, the call always shown', async () => {
    const element = mount();
    await flushPromises();
    expect(headings(element)).toEqual([
      'Partner',
      'c.PSMS_ForecastTable_Closed',
      'c.PSMS_ForecastTable_Commit_Forecast',
      'c.PSMS_ForecastTable_Best_Case_Forecast',
      'c.PSMS_ForecastTable_Open_Pipeline',
      'c.PSMS_ForecastTable_Quota',
      'c.PSMS_ForecastTable_Attainment',
      'c.PSMS_ForecastTable_Gap',
      'c.PSMS_ForecastTable_Commit_Call',
      'c.PSMS_ForecastTable_Best_Case_Call'
    ]);
    const bolt = shadow(element).querySelector('tr[data-key="b"]') as HTMLElement;
    const toggle = bolt.querySelector('button.toggle') as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = Array.from(shadow(element).querySelectorAll('tr.details dt, tr.details dd')).map(
      (cell) => cell.textContent
    );
    expect(details).toEqual([
      'c.PSMS_ForecastTable_Coverage',
      '2.3×',
      'c.PSMS_ForecastTable_Commit',
      '0',
      'c.PSMS_ForecastTable_Best_Case',
      '0',
      'c.PSMS_ForecastTable_Pipeline',
      '0',
      'c.PSMS_ForecastTable_Omitted',
      '0',
      'c.PSMS_ForecastTable_Note',
      'Big quarter'
    ]);
    await expect(element).toBeAccessible();
  });

  it('keeps the Commit forecast and the call on a narrow card, folding the rest', async () => {
    (window as { ResizeObserver?: unknown }).ResizeObserver = class {
      constructor(callback: (entries: { contentRect: { width: number } }[]) => void) {
        observed = callback;
      }
      observe(): void {}
      disconnect(): void {}
    };
    const element = mount();
    await flushPromises();
    observed?.([{ contentRect: { width: 560 } }]);
    await flushPromises();
    // (560 − 208) ÷ 108 = 3 figures: the Commit forecast, the Commit call, then Closed.
    expect(headings(element)).toEqual([
      'Partner',
      'c.PSMS_ForecastTable_Closed',
      'c.PSMS_ForecastTable_Commit_Forecast',
      'c.PSMS_ForecastTable_Commit_Call'
    ]);
  });

  it('without the calls (grouping other than by partner) shows more of the roll-up', async () => {
    const element = mount({ showCalls: false, groupLabel: 'Manager' });
    await flushPromises();
    expect(headings(element)).toContain('c.PSMS_ForecastTable_Coverage');
    expect(headings(element)).not.toContain('c.PSMS_ForecastTable_Commit_Call');
    expect(headings(element)[0]).toBe('Manager');
  });

  it('marks a group with co-sell deals, and emits drill with its key', async () => {
    const element = mount();
    const drill = jest.fn();
    element.addEventListener('drill', drill);
    await flushPromises();
    const acme = shadow(element).querySelector('tr[data-key="a"]') as HTMLElement;
    expect(acme.querySelector('[data-id="co-sell"]')?.textContent).toContain('2');
    expect(shadow(element).querySelector('tr[data-key="b"] [data-id="co-sell"]')).toBeNull();
    (acme.querySelector('button.drill') as HTMLElement).click();
    expect(drill.mock.calls[0][0].detail).toEqual({ key: 'a' });
  });

  it('pages a long list, 25 groups at a time, sorted over all of them', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      row(`k${i}`, `Partner ${String(i).padStart(2, '0')}`, { commitForecast: i })
    );
    const element = mount({ rows: many });
    await flushPromises();
    expect(shadow(element).querySelectorAll('tbody tr')).toHaveLength(25);
    expect(labels(element)[0]).toBe('Partner 29');
    shadow(element)
      .querySelector('c-paginator')
      ?.dispatchEvent(new CustomEvent('pagechange', { detail: { page: 1 } }));
    await flushPromises();
    expect(labels(element)).toEqual(['Partner 04', 'Partner 03', 'Partner 02', 'Partner 01', 'Partner 00']);
  });

  it('says so when no group has a partner opportunity in the period', async () => {
    const element = mount({ rows: [] });
    await flushPromises();
    expect(shadow(element).textContent).toContain('c.PSMS_ForecastTable_Empty');
  });
});
