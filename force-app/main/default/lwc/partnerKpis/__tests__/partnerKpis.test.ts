import { createElement } from 'lwc';
import PartnerKpis from 'c/partnerKpis';
import getKpiInputs from '@salesforce/apex/PartnerKpiController.getKpiInputs';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, resetDom, wireOf } from '../../../../../test/jest/apexMocks';
import pipeline from '../../partnerForecast/__tests__/data/pipeline.json';

jest.mock(
  '@salesforce/apex/PartnerKpiController.getKpiInputs',
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

async function loaded(): Promise<HTMLElement> {
  jest.useFakeTimers({
    now: new Date('2026-11-20T12:00:00Z'),
    doNotFake: ['setTimeout', 'nextTick', 'setImmediate']
  });
  const element = createElement('c-partner-kpis', { is: PartnerKpis });
  document.body.appendChild(element);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  await flushPromises();
  wireOf(getKpiInputs).emit({ ...pipeline, partners: pipeline.partners });
  await flushPromises();
  return element;
}

describe('c-partner-kpis', () => {
  afterEach(() => {
    resetDom();
    jest.useRealTimers();
  });

  it('asks for this quarter and offers the four before it', async () => {
    const element = await loaded();
    expect(wireOf(getKpiInputs).getLastConfig()).toEqual({ period: 'FY2026-Q4' });
    const period = root(element).querySelector('[data-id="period"]') as Element & {
      options: { value: string }[];
    };
    expect(period.options.map((option) => option.value)).toEqual([
      'FY2026-Q4',
      'FY2026-Q3',
      'FY2026-Q2',
      'FY2026-Q1',
      'FY2025-Q4'
    ]);
    period.dispatchEvent(new CustomEvent('change', { detail: { value: 'FY2026-Q3' } }));
    await flushPromises();
    expect(wireOf(getKpiInputs).getLastConfig()).toEqual({ period: 'FY2026-Q3' });
  });

  it('shows the KPIs of SPEC §7, partner channel beside direct', async () => {
    const element = await loaded();
    const cells = (kpi: string) =>
      Array.from((root(element).querySelector(`[data-kpi="${kpi}"]`) as Element).querySelectorAll('td')).map(
        (cell) => cell.textContent
      );
    // One partner deal won (50,000), nothing lost: win rate 100 % for the channel, n/a direct.
    expect(cells('winCount')).toEqual(['100%', 'c.PSMS_Format_Not_Available']);
    expect(cells('dealSize')[0]).toBe('50,000');
    // Closed 50,000 of the 200,000 partner quota.
    expect(cells('attainment')[0]).toBe('25%');
    // FY2026-Q4 has not ended on 2026-11-20: accuracy and bias are in progress, never 0 %.
    expect(cells('accuracy')[0]).toBe('c.PSMS_AccuracyTable_In_Progress');
    expect(cells('bias')[0]).toBe('c.PSMS_AccuracyTable_In_Progress');
    expect(root(element).querySelectorAll('tbody tr')).toHaveLength(17);
  });

  it('shows a load error in the shared error panel', async () => {
    const element = createElement('c-partner-kpis', { is: PartnerKpis });
    document.body.appendChild(element);
    wireOf(getSettings).error({ message: 'No settings' });
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'No settings'
    );
  });

  it('is accessible', async () => {
    await expect(await loaded()).toBeAccessible();
  });
});
