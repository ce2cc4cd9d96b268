import { createElement } from 'lwc';
import MaturityAssessment from 'c/maturityAssessment';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import getMaturityInputs from '@salesforce/apex/MaturityController.getMaturityInputs';
import saveMaturityAssessment from '@salesforce/apex/ReviewCadenceController.saveMaturityAssessment';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, mockOf, resetDom, wireOf } from '../../../../../test/jest/apexMocks';
import pipeline from '../../partnerForecast/__tests__/data/pipeline.json';

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
  '@salesforce/apex/ReviewCadenceController.saveMaturityAssessment',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/MaturityController.getMaturityInputs',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const partners = pipeline.partners.map((partner) => ({
  ...partner,
  Partner_Status__c: 'Active',
  Partner_Tier__c: 'Gold'
}));
const inputs = {
  today: '2026-11-20',
  hygiene: {
    today: '2026-11-20',
    opportunities: pipeline.opportunities,
    partnerDeals: pipeline.partnerDeals,
    registrations: [],
    partners,
    plans: [],
    users: []
  },
  registrations: [
    {
      Partner_Account__c: 'x',
      Status__c: 'Approved',
      Submitted_On__c: '2026-11-01T00:00:00.000Z',
      Decided_On__c: '2026-11-02T00:00:00.000Z'
    },
    {
      Partner_Account__c: 'x',
      Status__c: 'Rejected',
      Submitted_On__c: '2026-11-01T00:00:00.000Z',
      Decided_On__c: '2026-11-09T00:00:00.000Z'
    }
  ],
  calls: pipeline.calls,
  kpi: {
    ...pipeline,
    partners,
    targets: [...pipeline.targets, { Period__c: 'FY2026-Q4', Revenue_Target__c: 500000 }]
  }
};

async function loaded(): Promise<HTMLElement> {
  const element = createElement('c-maturity-assessment', { is: MaturityAssessment });
  document.body.appendChild(element);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  wireOf(getMaturityInputs).emit(inputs);
  await flushPromises();
  return element;
}

describe('c-maturity-assessment (SPEC §8)', () => {
  afterEach(resetDom);

  it('asks the ten questions, each with the four levels', async () => {
    const element = await loaded();
    const groups = root(element).querySelectorAll('lightning-radio-group');
    expect(groups).toHaveLength(10);
    expect((groups[0] as Element & { options: unknown[] }).options).toHaveLength(4);
  });

  it('scores the answers: mean, rounded-down level and a recommendation per practice below Managed', async () => {
    const element = await loaded();
    const groups = Array.from(root(element).querySelectorAll('lightning-radio-group'));
    groups.forEach((group, index) =>
      group.dispatchEvent(new CustomEvent('change', { detail: { value: index < 2 ? '2' : '4' } }))
    );
    await flushPromises();
    (root(element).querySelector('[data-id="submit"]') as HTMLElement).click();
    await flushPromises();
    const result = root(element).querySelector('[data-id="result"]') as HTMLElement;
    expect(result.textContent).toContain('c.PSMS_MaturityAssessment_Score');
    expect(result.querySelectorAll('li')).toHaveLength(2);
    const self = (root(element).querySelector('[data-practice="dataHygiene"]') as Element).querySelectorAll(
      'td'
    )[0].textContent;
    expect(self).toBe('Defined');
  });

  it('saves the scored answers with the measured score, once, for the maturity trend (SPEC §12)', async () => {
    mockOf(saveMaturityAssessment).mockResolvedValue({ Period__c: 'FY2026-Q4' });
    const element = await loaded();
    Array.from(root(element).querySelectorAll('lightning-radio-group')).forEach((group) =>
      group.dispatchEvent(new CustomEvent('change', { detail: { value: '3' } }))
    );
    (root(element).querySelector('[data-id="submit"]') as HTMLElement).click();
    await flushPromises();
    (root(element).querySelector('[data-id="save"]') as HTMLElement).click();
    await flushPromises();
    const request = mockOf(saveMaturityAssessment).mock.calls[0][0] as {
      answers: Record<string, number>;
      measuredScore: number | null;
    };
    expect(Object.values(request.answers)).toEqual(Array(10).fill(3));
    expect(typeof request.measuredScore).toBe('number');
    expect((root(element).querySelector('[data-id="save"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a refused save in place', async () => {
    mockOf(saveMaturityAssessment).mockRejectedValue({ body: { message: 'Not allowed to save.' } });
    const element = await loaded();
    Array.from(root(element).querySelectorAll('lightning-radio-group')).forEach((group) =>
      group.dispatchEvent(new CustomEvent('change', { detail: { value: '2' } }))
    );
    (root(element).querySelector('[data-id="submit"]') as HTMLElement).click();
    await flushPromises();
    (root(element).querySelector('[data-id="save"]') as HTMLElement).click();
    await flushPromises();
    expect(
      root(root(element).querySelector('[data-id="result"] c-error-panel') as Element).textContent
    ).toContain('Not allowed to save.');
  });

  it('refuses an incomplete assessment through the error panel', async () => {
    const element = await loaded();
    (root(element).querySelector('[data-id="submit"]') as HTMLElement).click();
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'How clean is the partner pipeline'
    );
  });

  it('shows the maturity measured from the data beside it', async () => {
    const element = await loaded();
    expect(root(element).querySelector('[data-id="measured-score"]')?.textContent).toBe(
      'c.PSMS_MaturityAssessment_Measured_Score'
    );
    const registration = (
      root(element).querySelector('[data-practice="dealRegistration"]') as Element
    ).querySelectorAll('td');
    // One of two decisions within 48 hours: 50 %, level Defined.
    expect(registration[1].textContent).toBe('Defined');
    expect(registration[2].textContent).toBe('50%');
  });

  it('shows a load error in the shared error panel', async () => {
    const element = createElement('c-maturity-assessment', { is: MaturityAssessment });
    document.body.appendChild(element);
    wireOf(getMaturityInputs).error({ message: 'Maturity inputs failed' });
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'Maturity inputs failed'
    );
  });

  it('is accessible', async () => {
    await expect(await loaded()).toBeAccessible();
  });
});
