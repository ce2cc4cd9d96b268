import { createElement } from 'lwc';
import PsmsSetup from 'c/psmsSetup';
import getHealth from '@salesforce/apex/PsmsSetupController.getHealth';
import scheduleJobs from '@salesforce/apex/PsmsSetupController.scheduleJobs';
import takeSnapshot from '@salesforce/apex/PsmsSetupController.takeSnapshot';
import { flushPromises, mockOf, resetDom } from '../../../../../test/jest/apexMocks';
import health from './data/health.json';
import healthy from './data/healthy.json';

jest.mock(
  '@salesforce/apex/PsmsSetupController.getHealth',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/PsmsSetupController.scheduleJobs',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/PsmsSetupController.takeSnapshot',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);

// The labels whose placeholders carry figures get text, so the figures can be read.
jest.mock('@salesforce/label/c.PSMS_Setup_Jobs_Missing', () => ({ default: '{0} of {1} jobs missing' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Setup_Jobs_Ok', () => ({ default: 'All {0} jobs scheduled' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Setup_Job_Next_Run', () => ({ default: 'next run {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Setup_Job_Runs_As', () => ({ default: 'runs as {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Setup_Snapshot_Latest', () => ({ default: 'Latest: {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.PSMS_Setup_Summary_Checked',
  () => ({ default: 'Checked {0}: {1} rows, {2} corrected' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.PSMS_Setup_Needs_Attention', () => ({ default: '{0} need attention' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Setup_Permission_Holders', () => ({ default: '{0} users:' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Setup_Permission_More', () => ({ default: 'and {0} more' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Setup_Open_Permission_Set', () => ({ default: 'Open {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Setup_Fiscal_Org', () => ({ default: 'Org starts in {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Setup_Fiscal_Override', () => ({ default: 'PSMS uses {0}' }), {
  virtual: true
});

// Navigation: record where the page sends the admin.
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = Object.assign(
    (Base: new () => object) =>
      class extends Base {
        [Navigate](pageReference: unknown): void {
          mockNavigate(pageReference);
        }
        [GenerateUrl](): Promise<string> {
          return Promise.resolve('/lightning/r/User/view');
        }
      },
    { Navigate, GenerateUrl }
  );
  return { NavigationMixin };
});

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const check = (element: Element, name: string): Element =>
  root(element).querySelector(`[data-check="${name}"]`) as Element;
const texts = (scope: Element, selector: string): string[] =>
  Array.from(scope.querySelectorAll(selector)).map((node) => (node.textContent ?? '').trim());
const statusOf = (element: Element, name: string): string =>
  (check(element, name).querySelector('[data-id="status"]')?.textContent ?? '').trim();
const button = (element: Element, action: string): HTMLButtonElement =>
  root(element).querySelector(`[data-action="${action}"]`) as HTMLButtonElement;

async function loaded(data: unknown = health): Promise<HTMLElement> {
  mockOf(getHealth).mockResolvedValue(data);
  const element = createElement('c-psms-setup', { is: PsmsSetup });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-psms-setup', () => {
  afterEach(() => {
    resetDom();
    mockNavigate.mockReset();
  });

  it('reads the health live when it opens and says how many checks need attention', async () => {
    const element = await loaded();
    expect(mockOf(getHealth)).toHaveBeenCalledWith({});
    // jobs, snapshots, settings and the permission sets nobody holds; the fiscal year is information.
    expect(root(element).querySelector('[data-id="summary"]')?.textContent).toBe('4 need attention');
    expect((await loaded(healthy)).shadowRoot?.querySelector('[data-id="summary"]')?.textContent).toBe(
      'c.PSMS_Setup_All_Ok'
    );
  });

  describe('the pipeline summary', () => {
    it('says the nightly check has not run yet, and how to run it after a data load', async () => {
      const element = await loaded();
      expect(statusOf(element, 'summary')).toBe('c.PSMS_Setup_Status_Ok');
      expect(texts(check(element, 'summary'), '[data-id="detail"]')).toEqual(['c.PSMS_Setup_Summary_None']);
    });

    it('shows the latest check, what it corrected and where, without asking for attention', async () => {
      const element = await loaded(healthy);
      expect(texts(check(element, 'summary'), '[data-id="detail"]')).toEqual([
        expect.stringMatching(/^Checked .+: 48,210 rows, 0 corrected$/),
        'c.PSMS_Setup_Summary_Clean'
      ]);
      expect(texts(check(element, 'summary'), '[data-id="drift"]')).toEqual([]);
      const drifted = await loaded({
        ...healthy,
        summary: {
          ...healthy.summary,
          correctedRows: 7,
          detail: 'P|FY2026-Q4|005000000000001AAA: 4\nH|005000000000002AAA: 3\n'
        }
      });
      expect(texts(check(drifted, 'summary'), '[data-id="detail"]')).toEqual([
        expect.stringMatching(/: 48,210 rows, 7 corrected$/),
        'c.PSMS_Setup_Summary_Drift'
      ]);
      expect(texts(check(drifted, 'summary'), '[data-id="drift"]')).toEqual([
        'P|FY2026-Q4|005000000000001AAA: 4',
        'H|005000000000002AAA: 3'
      ]);
      // Information: the check corrects what it finds.
      expect(drifted.shadowRoot?.querySelector('[data-id="summary"]')?.textContent).toBe(
        'c.PSMS_Setup_All_Ok'
      );
    });
  });

  describe('scheduled jobs', () => {
    it('names the jobs that are not scheduled and offers to schedule them', async () => {
      const element = await loaded();
      expect(statusOf(element, 'jobs')).toBe('c.PSMS_Setup_Status_Attention');
      expect(texts(check(element, 'jobs'), '[data-id="detail"]')).toEqual(['4 of 4 jobs missing']);
      expect(texts(check(element, 'jobs'), '[data-job]')).toEqual([
        'c.PSMS_Setup_Job_Expiry: c.PSMS_Setup_Job_Not_Scheduled',
        'c.PSMS_Setup_Job_Snapshot: c.PSMS_Setup_Job_Not_Scheduled',
        'c.PSMS_Setup_Job_Retention: c.PSMS_Setup_Job_Not_Scheduled',
        'c.PSMS_Setup_Job_Summary: c.PSMS_Setup_Job_Not_Scheduled'
      ]);
      expect(check(element, 'jobs').querySelector('[data-id="runs-as"]')).toBeNull();
      expect(button(element, 'schedule') as unknown as { label: string; variant: string }).toMatchObject({
        label: 'c.PSMS_Setup_Schedule_Button',
        variant: 'brand'
      });
    });

    it('shows each scheduled job with its next run in the user locale', async () => {
      const element = await loaded(healthy);
      expect(statusOf(element, 'jobs')).toBe('c.PSMS_Setup_Status_Ok');
      expect(texts(check(element, 'jobs'), '[data-id="detail"]')).toEqual(['All 4 jobs scheduled']);
      const expiry = texts(check(element, 'jobs'), '[data-job]')[0];
      expect(expiry).toMatch(/^c\.PSMS_Setup_Job_Expiry: next run Mar 3, 2026, \d{1,2}:00/);
      // Salesforce runs a scheduled job as whoever scheduled it: the admin sees who that is.
      expect(texts(check(element, 'jobs'), '[data-id="runs-as"]')).toEqual(
        Array(4).fill('· runs as psms.jobs@example.com')
      );
      expect(button(element, 'schedule') as unknown as { label: string; variant: string }).toMatchObject({
        label: 'c.PSMS_Setup_Reschedule_Button',
        variant: 'neutral'
      });
    });

    it('schedules the jobs with one button and shows the health the server returns', async () => {
      mockOf(scheduleJobs).mockResolvedValue({ ...health, jobs: healthy.jobs });
      const element = await loaded();
      const toast = jest.fn();
      element.addEventListener('lightning__showtoast', toast);
      button(element, 'schedule').click();
      await flushPromises();
      expect(mockOf(scheduleJobs)).toHaveBeenCalledWith({});
      expect(statusOf(element, 'jobs')).toBe('c.PSMS_Setup_Status_Ok');
      expect(toast).toHaveBeenCalledTimes(1);
      expect((toast.mock.calls[0][0] as CustomEvent<{ title: string }>).detail.title).toBe(
        'c.PSMS_Setup_Jobs_Scheduled'
      );
    });
  });

  describe('first snapshot', () => {
    it('says no snapshot exists yet', async () => {
      const element = await loaded();
      expect(statusOf(element, 'snapshots')).toBe('c.PSMS_Setup_Status_Attention');
      expect(texts(check(element, 'snapshots'), '[data-id="detail"]')).toEqual([
        'c.PSMS_Setup_Snapshot_None'
      ]);
      expect(button(element, 'snapshot').disabled).toBe(false);
    });

    it('shows the latest snapshot date as a date, not an ISO string', async () => {
      const element = await loaded(healthy);
      expect(statusOf(element, 'snapshots')).toBe('c.PSMS_Setup_Status_Ok');
      expect(texts(check(element, 'snapshots'), '[data-id="detail"]')).toEqual(['Latest: Mar 2, 2026']);
    });

    it('takes a snapshot now with one button, then waits for it', async () => {
      mockOf(takeSnapshot).mockResolvedValue({ ...health, snapshots: { taken: false, running: true } });
      const element = await loaded();
      const toast = jest.fn();
      element.addEventListener('lightning__showtoast', toast);
      button(element, 'snapshot').click();
      await flushPromises();
      expect(mockOf(takeSnapshot)).toHaveBeenCalledWith({});
      expect(texts(check(element, 'snapshots'), '[data-id="detail"]')).toEqual([
        'c.PSMS_Setup_Snapshot_None',
        'c.PSMS_Setup_Snapshot_Running'
      ]);
      expect(button(element, 'snapshot').disabled).toBe(true);
      expect((toast.mock.calls[0][0] as CustomEvent<{ title: string }>).detail.title).toBe(
        'c.PSMS_Setup_Snapshot_Started'
      );
    });

    it('shows why the server refused a snapshot', async () => {
      mockOf(takeSnapshot).mockRejectedValue({ body: { message: 'A snapshot is already being taken.' } });
      const element = await loaded();
      button(element, 'snapshot').click();
      await flushPromises();
      const panel = root(element).querySelector('c-error-panel') as Element;
      expect(root(panel).textContent).toContain('A snapshot is already being taken.');
    });
  });

  describe('settings', () => {
    it('lists each setting out of range and where to fix it', async () => {
      const element = await loaded();
      expect(statusOf(element, 'settings')).toBe('c.PSMS_Setup_Status_Attention');
      expect(texts(check(element, 'settings'), '[data-id="detail"]')).toEqual([
        'c.PSMS_Setup_Settings_How_To_Fix'
      ]);
      expect(texts(check(element, 'settings'), '[data-id="problem"]')).toEqual([
        'Retention Quarters is 0; it must be from 1 to 999.'
      ]);
    });

    it('says when the Default record is valid', async () => {
      const element = await loaded(healthy);
      expect(statusOf(element, 'settings')).toBe('c.PSMS_Setup_Status_Ok');
      expect(texts(check(element, 'settings'), '[data-id="problem"]')).toEqual([]);
    });
  });

  describe('permission sets', () => {
    it('shows who holds each set, counts the rest, and flags sets nobody holds or the org lacks', async () => {
      const element = await loaded();
      const rows = Array.from(check(element, 'permissions').querySelectorAll('tr[data-set]'));
      expect(rows.map((row) => (row as HTMLElement).dataset.set)).toEqual([
        'PSMS_Partner_Rep',
        'PSMS_Partner_Manager',
        'PSMS_Leadership',
        'PSMS_Admin',
        'PSMS_Data_Load'
      ]);
      const rep = rows[0];
      expect(texts(rep, 'th')).toEqual(['PSMS Partner Rep']);
      expect(
        Array.from(rep.querySelectorAll('c-page-link')).map(
          (link) => (link as Element & { label: string }).label
        )
      ).toEqual(['Ada Rep', 'Bo Rep']);
      expect(rep.querySelector('[data-id="holders"]')?.textContent).toContain('12 users:');
      expect(rep.querySelector('[data-id="holders"]')?.textContent).toContain('and 10 more');
      expect(texts(rep, '[data-id="status"]')).toEqual(['c.PSMS_Setup_Status_Ok']);
      expect(texts(rows[1], '[data-id="holders"]')[0]).toContain('c.PSMS_Setup_Permission_Nobody');
      expect(texts(rows[1], '[data-id="status"]')).toEqual(['c.PSMS_Setup_Status_Attention']);
      expect(texts(rows[2], '[data-id="holders"]')[0]).toContain('c.PSMS_Setup_Permission_Not_Installed');
      expect(rows[2].querySelector('[data-action="open-permission-set"]')).toBeNull();
      expect(texts(rows[3], '[data-id="holders"]')[0]).toContain('c.PSMS_Setup_Permission_Holder_One');
      expect(texts(rows[3], '[data-id="holders"]')[0]).not.toContain('more');
    });

    it('wants nobody to hold the temporary data-load set, and says to remove it from whoever does', async () => {
      const held = (await loaded()).shadowRoot as ShadowRoot;
      const loadRow = (scope: ShadowRoot) => scope.querySelector('tr[data-set="PSMS_Data_Load"]') as Element;
      expect(texts(loadRow(held), '[data-id="status"]')).toEqual(['c.PSMS_Setup_Status_Attention']);
      expect(texts(loadRow(held), '[data-id="note"]')).toEqual([
        'c.PSMS_Setup_Permission_Temporary c.PSMS_Setup_Permission_Temporary_Held'
      ]);
      expect(
        Array.from(loadRow(held).querySelectorAll('c-page-link')).map(
          (link) => (link as Element & { label: string }).label
        )
      ).toEqual(['Lee Loader']);
      const clear = (await loaded(healthy)).shadowRoot as ShadowRoot;
      expect(texts(loadRow(clear), '[data-id="status"]')).toEqual(['c.PSMS_Setup_Status_Ok']);
      expect(texts(loadRow(clear), '[data-id="note"]')).toEqual(['c.PSMS_Setup_Permission_Temporary']);
      expect(texts(loadRow(clear), '[data-id="holders"]')[0]).toContain('c.PSMS_Setup_Permission_Nobody');
      // The role sets carry no such note.
      expect(clear.querySelectorAll('[data-id="note"]')).toHaveLength(1);
    });

    it('opens the permission set in Setup with one button', async () => {
      const element = await loaded();
      const open = check(element, 'permissions').querySelector(
        'tr[data-set="PSMS_Partner_Manager"] [data-action="open-permission-set"]'
      ) as HTMLElement & { alternativeText: string };
      // An icon button named for its set: a word-wrapped 'Open PSMS Partner Manager' button doubled the row.
      expect(open.alternativeText).toBe('Open PSMS Partner Manager');
      open.click();
      expect(mockNavigate).toHaveBeenCalledWith({
        type: 'standard__webPage',
        attributes: { url: '/lightning/setup/PermSets/page?address=%2F0PS000000000002AAA' }
      });
    });
  });

  describe('fiscal year start', () => {
    it('shows the org start and that PSMS follows it', async () => {
      const element = await loaded();
      expect(statusOf(element, 'fiscal')).toBe('c.PSMS_Setup_Status_Ok');
      expect(texts(check(element, 'fiscal'), '[data-id="detail"]')).toEqual([
        'Org starts in January',
        'c.PSMS_Setup_Fiscal_Same'
      ]);
    });

    it('shows the override PSMS uses instead', async () => {
      const element = await loaded(healthy);
      expect(texts(check(element, 'fiscal'), '[data-id="detail"]')).toEqual([
        'Org starts in January',
        'PSMS uses February'
      ]);
    });
  });

  it('refreshes with one button', async () => {
    const element = await loaded();
    mockOf(getHealth).mockResolvedValue(healthy);
    button(element, 'refresh').click();
    await flushPromises();
    expect(mockOf(getHealth)).toHaveBeenCalledTimes(2);
    expect(statusOf(element, 'jobs')).toBe('c.PSMS_Setup_Status_Ok');
  });

  it('shows a load error in the shared error panel', async () => {
    mockOf(getHealth).mockRejectedValue({ body: { message: 'Insufficient privileges' } });
    const element = createElement('c-psms-setup', { is: PsmsSetup });
    document.body.appendChild(element);
    await flushPromises();
    const panel = root(element).querySelector('c-error-panel') as Element;
    expect(root(panel).textContent).toContain('Insufficient privileges');
  });

  it('is accessible', async () => {
    await expect(await loaded()).toBeAccessible();
    resetDom();
    await expect(await loaded(healthy)).toBeAccessible();
  });
});
