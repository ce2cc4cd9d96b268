import { createElement } from 'lwc';
import PartnerForecast from 'c/partnerForecast';
import getPipeline from '@salesforce/apex/PartnerForecastController.getPipeline';
import getSnapshots from '@salesforce/apex/PartnerForecastController.getSnapshots';
import submitForecastCall from '@salesforce/apex/PartnerForecastController.submitForecastCall';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import getCalibrationInputs from '@salesforce/apex/ForecastCalibrationController.getCalibrationInputs';
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
  '@salesforce/apex/ForecastCalibrationController.getCalibrationInputs',
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

  const cellsOf = (row: Element) =>
    Object.fromEntries(
      Array.from(row.querySelectorAll('td[data-column]')).map((cell) => [
        (cell as HTMLElement).dataset.column,
        cell.textContent
      ])
    );
  const groupLabels = (element: Element) =>
    Array.from(table(element).querySelectorAll('tbody th button.drill')).map((button) =>
      button.textContent?.trim()
    );
  const group = (element: Element, by: string) =>
    root(element)
      .querySelector('[data-id="grouping"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: by } }));
  const chartOf = (element: Element) =>
    root(element).querySelector('c-waterfall-chart') as Element & {
      steps: { key: string; label: string; kind: string; value: number }[];
    };

  describe('roll-up by primary partner (SPEC §3)', () => {
    it('shows the roll-up with quota, attainment and gap, and the call beside it', async () => {
      const element = await loaded();
      const rows = table(element).querySelectorAll('tbody tr');
      expect(rows).toHaveLength(2);
      // Acme: Closed 50,000; Commit 100,000; Commit forecast 150,000; quota 200,000; attainment
      // 25 %; gap 50,000; the call 140,000 / 180,000 beside. Coverage folds into the details.
      expect(groupLabels(element)).toEqual(['Acme Partners', 'Globex Resell']);
      expect(cellsOf(rows[0])).toEqual({
        closed: '50,000',
        commitForecast: '150,000',
        bestCaseForecast: '150,000',
        openPipeline: '100,000',
        quota: '200,000',
        attainment: '25%',
        gapToQuota: '50,000',
        commitCall: '140,000',
        bestCaseCall: '180,000'
      });
      expect(cellsOf(rows[1]).quota).toBe('c.PSMS_Format_Not_Available');
      // The total's call: the leadership total of the calls, always shown beside the roll-up.
      expect(cellsOf(table(element).querySelector('tfoot tr') as Element).commitCall).toBe('140,000');
    });

    it('drills into a group and lists its opportunities, each linked; again closes it', async () => {
      const element = await loaded();
      (table(element).querySelector('tbody button.drill') as HTMLElement).click();
      await flushPromises();
      const drill = root(element).querySelector('[data-id="drill"]') as HTMLElement;
      const links = drill.querySelectorAll('c-page-link');
      expect(links).toHaveLength(2);
      expect((links[0] as Element & { label: string }).label).toBe('Acme big deal');
      (table(element).querySelector('tbody button.drill') as HTMLElement).click();
      await flushPromises();
      expect(root(element).querySelector('[data-id="drill"]')).toBeNull();
    });
  });

  it('shows a rep, who reads no calls, the pipeline without call columns, and asks for no calibration', async () => {
    const element = await loaded();
    expect(table(element).querySelectorAll('thead th.call').length).toBeGreaterThan(0);
    expect(wireOf(getCalibrationInputs).getLastConfig()).toEqual({ period: 'FY2026-Q4' });
    (getPipeline as unknown as { emit(v: unknown, f: (c: unknown) => boolean): void }).emit(
      { ...pipeline, calls: [], readsCalls: false },
      byPeriod('FY2026-Q4')
    );
    await flushPromises();
    expect(table(element).querySelectorAll('thead th.call')).toHaveLength(0);
    expect(wireOf(getCalibrationInputs).getLastConfig()).toEqual({ period: undefined });
  });

  it('groups by owner without the call columns', async () => {
    const element = await loaded();
    group(element, 'owner');
    await flushPromises();
    expect(groupLabels(element)).toEqual(['Rita Rep', 'Olaf Owner']);
    expect(table(element).querySelectorAll('thead th.call')).toHaveLength(0);
    (table(element).querySelectorAll('tbody button.drill')[1] as HTMLElement).click();
    await flushPromises();
    expect(root(element).querySelectorAll('[data-id="drill"] c-page-link')).toHaveLength(1);
  });

  it('groups by manager: the owner\'s manager by name, an owner without one under "No manager"', async () => {
    const element = await loaded();
    group(element, 'manager');
    await flushPromises();
    expect(groupLabels(element)).toEqual(['Mia Manager', 'c.PSMS_PartnerForecast_No_Manager']);
    expect(table(element).querySelector('thead th')?.textContent).toContain(
      'c.PSMS_PartnerForecast_By_Manager'
    );
  });

  it('groups by region: the primary partner\'s region, a partner without one under "No region"', async () => {
    const element = await loaded();
    group(element, 'region');
    await flushPromises();
    expect(groupLabels(element)).toEqual(['EMEA', 'c.PSMS_PartnerForecast_No_Region']);
    expect(cellsOf(table(element).querySelector('tbody tr') as Element).commitForecast).toBe('150,000');
  });

  it('marks the groups with co-sell deals and can show the co-sell deals only', async () => {
    const element = await loaded();
    const rows = table(element).querySelectorAll('tbody tr');
    expect(rows[0].querySelector('[data-id="co-sell"]')).toBeNull();
    expect(rows[1].querySelector('[data-id="co-sell"]')?.textContent).toContain('1');
    const toggle = root(element).querySelector('[data-id="co-sell"]') as HTMLInputElement;
    toggle.checked = true;
    toggle.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(groupLabels(element)).toEqual(['Globex Resell']);
    (table(element).querySelector('tbody button.drill') as HTMLElement).click();
    await flushPromises();
    expect(root(element).querySelectorAll('[data-id="drill"] [data-id="co-sell-badge"]')).toHaveLength(1);
    // The waterfall follows: only the co-sell deal, 80,000 in Commit on 11-09, pushed out since.
    expect(chartOf(element).steps.map((step) => [step.key, step.value])).toEqual([
      ['from', 80000],
      ['Pushed out', -80000],
      ['to', 0]
    ]);
  });

  it('asks for no scope until one is picked and shows the one the server answered', async () => {
    const element = createElement('c-partner-forecast', { is: PartnerForecast });
    document.body.appendChild(element);
    wireOf(getSettings).emit(DEFAULT_SETTINGS);
    await flushPromises();
    // Both the quarter's and the accuracy quarter's read ask for none.
    expect(wireOf(getPipeline).getLastConfig()).toEqual({ period: 'FY2026-Q3', scope: null });
    // Leadership opens on the whole channel.
    (getPipeline as unknown as { emit(v: unknown, f: (c: unknown) => boolean): void }).emit(
      { ...pipeline, scope: 'all' },
      byPeriod('FY2026-Q4')
    );
    await flushPromises();
    expect((root(element).querySelector('[data-id="scope"]') as Element & { value: string }).value).toBe(
      'all'
    );
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

  describe('calibrated forecast (SPEC §11)', () => {
    const acme = '001A00000000000001';
    // Acme's one history point: FY2026-Q3, week-1 call 120,000 against 100,000 won (bias 0.2).
    const history = {
      period: 'FY2026-Q4',
      today: '2026-11-20',
      calls: [
        { Id: 'h1', Period__c: 'FY2026-Q3', Partner_Account__c: acme, Week__c: 1, Commit_Call__c: 120000 },
        { Id: 'c1', Period__c: 'FY2026-Q4', Partner_Account__c: acme, Week__c: 1, Commit_Call__c: 140000 }
      ],
      opportunities: [{ Id: 'w1', Amount: 100000, CloseDate: '2026-08-10', IsClosed: true, IsWon: true }],
      partnerDeals: [{ Id: 'd1', Opportunity__c: 'w1', Partner_Account__c: acme, Is_Primary__c: true }]
    };
    const tableRows = (element: Element) =>
      root(element).querySelector('c-forecast-table') as Element & {
        rows: { key: string; calibratedCall?: number | null }[];
        total: { calibratedCall?: number | null };
      };

    it('shows beside each partner’s call that call divided by 1 + the partner’s shrunk past bias', async () => {
      const element = await loaded();
      expect(tableRows(element).rows[0].calibratedCall).toBeNull();
      wireOf(getCalibrationInputs).emit(history);
      await flushPromises();
      // One point of bias 0.2: b_all = 0.2, b = (1·0.2 + 2·0.2) ÷ 3 = 0.2; 140,000 ÷ 1.2.
      const rows = tableRows(element);
      expect(rows.rows.find((row) => row.key === acme)?.calibratedCall).toBeCloseTo(116666.67, 2);
      expect(rows.rows.find((row) => row.key !== acme)?.calibratedCall).toBeNull();
      expect(rows.total.calibratedCall).toBeCloseTo(116666.67, 2);
      expect(
        table(element).querySelector('[data-column="commitCall"] [data-id="calibrated"]')
      ).not.toBeNull();
    });

    it('the accuracy view says how calibration would have done on the closed quarters', async () => {
      const element = await loaded();
      wireOf(getCalibrationInputs).emit(history);
      await flushPromises();
      expect(root(element).querySelector('[data-id="backtest"]')?.textContent).toBe(
        'c.PSMS_PartnerForecast_Backtest'
      );
      wireOf(getCalibrationInputs).emit({ ...history, calls: [], opportunities: [], partnerDeals: [] });
      await flushPromises();
      expect(root(element).querySelector('[data-id="backtest"]')?.textContent).toBe(
        'c.PSMS_PartnerForecast_Backtest_None'
      );
    });
  });

  describe('forecast accuracy and bias (SPEC §4)', () => {
    const accuracyCells = (element: Element) =>
      Array.from(
        root(root(element).querySelector('c-accuracy-table') as Element).querySelectorAll('tbody td')
      ).map((cell) => cell.textContent);

    it('of the last quarter that has ended, per partner by name, against its week-1 call', async () => {
      const element = await loaded();
      const accuracy = root(root(element).querySelector('c-accuracy-table') as Element);
      expect(accuracy.querySelector('tbody th')?.textContent).toBe('Acme Partners');
      // Call 100,000, actual 90,000: accuracy 1 − 10/90 = 89 %, bias +11 %.
      expect(accuracyCells(element)).toEqual(['100,000', '90,000', '89%', '+11%']);
    });

    it('per manager, named', async () => {
      const element = await loaded();
      root(element)
        .querySelector('[data-id="accuracy-by"]')
        ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'manager' } }));
      await flushPromises();
      const accuracy = root(root(element).querySelector('c-accuracy-table') as Element);
      expect(accuracy.querySelector('tbody th')?.textContent).toBe('Rita Rep');
    });

    it('a quarter that has not ended is in progress, never 0 %', async () => {
      const element = await loaded();
      root(element)
        .querySelector('[data-id="accuracy-period"]')
        ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'FY2026-Q4' } }));
      await flushPromises();
      (getPipeline as unknown as { emit(v: unknown, f: (c: unknown) => boolean): void }).emit(
        pipeline,
        byPeriod('FY2026-Q4')
      );
      await flushPromises();
      // Week-1 call 140,000; won so far 50,000.
      expect(accuracyCells(element)).toEqual([
        '140,000',
        '50,000',
        'c.PSMS_AccuracyTable_In_Progress',
        'c.PSMS_AccuracyTable_In_Progress'
      ]);
      expect(root(element).querySelector('[data-id="in-progress"]')?.textContent).toContain(
        'c.PSMS_AccuracyTable_In_Progress_Note'
      );
    });
  });

  describe("week-over-week waterfall over exactly the table's scope (SPEC §4)", () => {
    it('runs from a week before the latest snapshot to it, without the direct deals, and ends on the table', async () => {
      const element = await loaded();
      const chart = chartOf(element);
      // 11-09: Acme's win-to-be 50,000 in Commit + Globex 80,000 in Commit; the direct deal is not in the table.
      expect(chart.steps.map((step) => [step.key, step.kind, step.value])).toEqual([
        ['from', 'total', 130000],
        ['Pushed out', 'delta', -80000],
        ['Category up', 'delta', 100000],
        ['to', 'total', 150000]
      ]);
      // The end equals the table's Commit forecast of the same scope.
      const total = table(element).querySelector('tfoot td[data-column="commitForecast"]')?.textContent;
      expect(total).toBe('150,000');
      expect(root(element).querySelector('[data-id="waterfall-scope"]')?.textContent).toContain(
        'c.PSMS_PartnerForecast_Waterfall_Scope'
      );
    });

    it("follows the selected group: its start and end are that group's Commit forecast", async () => {
      const element = await loaded();
      (table(element).querySelectorAll('tbody button.drill')[1] as HTMLElement).click();
      await flushPromises();
      expect(chartOf(element).steps.map((step) => [step.key, step.value])).toEqual([
        ['from', 80000],
        ['Pushed out', -80000],
        ['to', 0]
      ]);
      (root(element).querySelector('[data-id="clear-group"]') as HTMLElement).click();
      await flushPromises();
      expect(chartOf(element).steps[0].value).toBe(130000);
    });

    it('lists the deals behind a bar when it is selected', async () => {
      const element = await loaded();
      chartOf(element).dispatchEvent(new CustomEvent('select', { detail: { key: 'Category up' } }));
      await flushPromises();
      const deals = root(element).querySelector('[data-id="step-deals"]') as HTMLElement;
      const links = Array.from(deals.querySelectorAll('c-page-link')) as (Element & { label: string })[];
      expect(links.map((link) => link.label)).toEqual(['Acme big deal']);
      expect(deals.querySelector('td')?.textContent).toBe('+100,000');
      chartOf(element).dispatchEvent(new CustomEvent('select', { detail: { key: 'from' } }));
      await flushPromises();
      // The starting total's deals: the win-to-be 50,000 and Deal 3's 80,000, largest first.
      expect(Array.from(deals.querySelectorAll('td')).map((cell) => cell.textContent)).toEqual([
        '80,000',
        '50,000'
      ]);
    });

    it('says so when a snapshot taken today does not end on the table: some snapshots are not visible to the user', async () => {
      const element = await loaded();
      expect(root(element).querySelector('[data-id="waterfall-partial"]')).toBeNull();
      // Today's snapshot holds only Globex's deal: Acme's snapshots are not visible.
      wireOf(getSnapshots).emit({
        ...snapshots,
        dates: ['2026-11-09', '2026-11-20'],
        snapshots: [
          ...snapshots.snapshots.filter((row) => row.Snapshot_Date__c === '2026-11-09'),
          ...snapshots.snapshots
            .filter(
              (row) =>
                row.Snapshot_Date__c === '2026-11-16' && row.Opportunity_Key__c === '006A00000000000003'
            )
            .map((row) => ({ ...row, Snapshot_Date__c: '2026-11-20' }))
        ]
      });
      await flushPromises();
      expect(root(element).querySelector('[data-id="waterfall-partial"]')?.textContent).toContain(
        'c.PSMS_PartnerForecast_Waterfall_Partial'
      );
    });

    it('needs two snapshots of the period', async () => {
      const element = await loaded();
      wireOf(getSnapshots).emit({ ...snapshots, dates: ['2026-11-16'] });
      await flushPromises();
      expect(root(element).querySelector('c-waterfall-chart')).toBeNull();
      expect(root(element).querySelector('[data-id="waterfall"]')?.textContent).toContain(
        'c.PSMS_PartnerForecast_No_Snapshots'
      );
    });

    it('compares with an earlier snapshot when one is chosen', async () => {
      const element = await loaded();
      const since = root(element).querySelector('[data-id="since"]') as Element & {
        options: { value: string }[];
      };
      expect(since.options.map((option) => option.value)).toEqual(['2026-11-09']);
    });
  });

  it('submits the forecast call and re-reads the roll-up', async () => {
    mockOf(submitForecastCall).mockResolvedValue({
      Period__c: 'FY2026-Q4',
      Partner_Account__c: '001A00000000000001',
      Commit_Call__c: 150000,
      Best_Case_Call__c: 190000
    });
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
    // The form is cleared for the next call once the server kept this one.
    expect((form.querySelector('[data-field="commit"]') as HTMLInputElement).value).toBeNull();
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
    // Nothing is drawn from data that did not arrive.
    expect(root(element).querySelector('c-waterfall-chart')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await loaded();
    (table(element).querySelector('tbody button') as HTMLElement).click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
