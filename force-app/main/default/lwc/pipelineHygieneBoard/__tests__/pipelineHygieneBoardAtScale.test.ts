import { createElement } from 'lwc';
import PipelineHygieneBoard from 'c/pipelineHygieneBoard';
import getHygieneInputs from '@salesforce/apex/PipelineHygieneController.getHygieneInputs';
import getHygienePage from '@salesforce/apex/PipelineHygieneController.getHygienePage';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, mockOf, resetDom, wireOf } from '../../../../../test/jest/apexMocks';

jest.mock(
  '@salesforce/apex/PipelineHygieneController.getHygieneInputs',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock('@salesforce/apex/PipelineHygieneController.getHygienePage', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/PsmsSettingsController.getSettings',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);

/**
 * The board at scale (docs/scale.md): a whole channel of 1,000 open deals arrives as summary rows
 * (per partner, per owner, the whole channel), the figures come from them, and the deals a page at
 * a time for the findings list.
 */
const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const RITA = '005A00000000000001';
const OSCAR = '005A00000000000002';
const ACME = '001A00000000000001';
const row = (
  owner: string | null,
  partner: string | null,
  findings: string | null,
  count: number,
  channel = partner !== null
) => ({
  Owner__c: owner,
  Primary_Partner__c: partner,
  Partner_Channel__c: channel,
  Partner_Involved__c: true,
  Findings__c: findings,
  Opportunity_Count__c: count,
  As_Of__c: '2026-11-20'
});
const inputs = {
  today: '2026-11-20',
  aggregated: true,
  opportunities: [],
  partnerDeals: [],
  registrations: [],
  partners: [{ Id: ACME, Name: 'Acme Partners', Partner_Status__c: 'Active', Partner_Tier__c: 'Silver' }],
  plans: [],
  users: [
    { Id: RITA, Name: 'Rita Rep' },
    { Id: OSCAR, Name: 'Oscar Owner' }
  ],
  summaries: [row(null, ACME, null, 700), row(null, ACME, 'NO_NEXT_STEP', 100)],
  ownerSummaries: [
    row(RITA, null, null, 600),
    row(RITA, null, 'NO_NEXT_STEP', 100),
    row(OSCAR, null, null, 100),
    row(OSCAR, null, 'PAST_CLOSE_DATE', 200)
  ],
  channelSummaries: [
    row(null, null, null, 700, true),
    row(null, null, 'NO_NEXT_STEP', 100, true),
    row(null, null, 'PAST_CLOSE_DATE', 200, false)
  ]
};
const deal = (id: string, owner: string) => ({
  Id: id,
  Name: `Deal ${id}`,
  OwnerId: owner,
  Amount: 100,
  CloseDate: '2026-12-15',
  IsClosed: false,
  IsWon: false,
  NextStep: null,
  LastActivityDate: '2026-11-18',
  LastStageChangeDate: '2026-11-10',
  CreatedDate: '2026-11-01T00:00:00.000Z',
  Probability: 60,
  ForecastCategoryName: 'Best Case',
  LeadSource: 'Partner'
});
const page = (ids: string[], summaries: unknown[] | null = null) => ({
  today: '2026-11-20',
  aggregated: true,
  opportunities: ids.map((id) => deal(id, RITA)),
  partnerDeals: ids.map((id) => ({
    Id: `a01${id}`,
    Opportunity__c: id,
    Partner_Account__c: ACME,
    Is_Primary__c: true
  })),
  registrations: [],
  partners: [],
  plans: [],
  users: [],
  summaries
});

async function loaded(): Promise<HTMLElement> {
  mockOf(getHygienePage)
    .mockReset()
    .mockResolvedValueOnce(page(['006A00000000000001', '006A00000000000002']))
    .mockResolvedValueOnce(page(['006A00000000000003']))
    .mockResolvedValue(page([]));
  const element = createElement('c-pipeline-hygiene-board', { is: PipelineHygieneBoard });
  document.body.appendChild(element);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  wireOf(getHygieneInputs).emit(inputs);
  await flushPromises();
  await flushPromises();
  return element;
}

describe('c-pipeline-hygiene-board at scale', () => {
  afterEach(resetDom);

  it('shows the whole channel and each owner and partner from the summary, exactly', async () => {
    const element = await loaded();
    expect(root(element).querySelector('[data-id="overall"]')?.textContent).toBe(
      'c.PSMS_PipelineHygieneBoard_Overall'
    );
    const rows = (table: string) =>
      Array.from(root(element).querySelectorAll(`[data-table="${table}"] tbody tr`)).map(
        (tr) => tr.textContent
      );
    expect(rows('owner').find((text) => text?.startsWith('Rita Rep'))).toContain('700600');
    expect(rows('owner').find((text) => text?.startsWith('Oscar Owner'))).toContain('300100');
    expect(rows('partner').find((text) => text?.startsWith('Acme Partners'))).toContain('800700');
    // The channel's direct deals (1,000 − 800) are the partner table's "No partner".
    expect(rows('partner').some((text) => text?.includes('200'))).toBe(true);
  });

  it('counts every finding from the summary and lists the deals a page at a time', async () => {
    const element = await loaded();
    expect(mockOf(getHygienePage)).toHaveBeenCalledWith({
      scope: 'team',
      ownerId: null,
      partnerId: null,
      afterId: null
    });
    const list = () =>
      root(element).querySelector('c-finding-list') as Element & { findings: { recordId: string }[] };
    expect(list().findings.map((finding) => finding.recordId)).toEqual([
      '006A00000000000001',
      '006A00000000000002'
    ]);
    expect(root(element).querySelector('[data-id="finding-count"]')?.textContent).toContain(
      'c.PSMS_PipelineHygieneBoard_Listed'
    );
    (root(element).querySelector('[data-id="load-more"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(getHygienePage)).toHaveBeenLastCalledWith({
      scope: 'team',
      ownerId: null,
      partnerId: null,
      afterId: '006A00000000000002'
    });
    expect(list().findings).toHaveLength(3);
  });

  it('reads the pages again for an owner, and counts an owner and a partner from that owner’s rows', async () => {
    const element = await loaded();
    mockOf(getHygienePage).mockResolvedValue(
      page(['006A00000000000001'], [row(RITA, ACME, 'NO_NEXT_STEP', 40)])
    );
    const filter = (name: string, value: string) =>
      root(element)
        .querySelector(`[data-filter="${name}"]`)
        ?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    filter('owner', RITA);
    await flushPromises();
    expect(mockOf(getHygienePage)).toHaveBeenLastCalledWith({
      scope: 'team',
      ownerId: RITA,
      partnerId: null,
      afterId: null
    });
    filter('partner', ACME);
    await flushPromises();
    expect(root(element).querySelector('[data-id="finding-count"]')?.textContent).toContain(
      'c.PSMS_PipelineHygieneBoard_Finding_Count'
    );
  });

  it('is accessible', async () => {
    await expect(await loaded()).toBeAccessible();
  });
});
