import { createElement } from 'lwc';
import DealHygienePanel from 'c/dealHygienePanel';
import getDealPartners from '@salesforce/apex/PartnerDealsController.getDealPartners';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, resetDom, wireOf } from '../../../../../test/jest/apexMocks';
import deal from './data/deal.json';

jest.mock(
  '@salesforce/apex/PartnerDealsController.getDealPartners',
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

function render(): HTMLElement {
  const element = createElement('c-deal-hygiene-panel', { is: DealHygienePanel });
  element.recordId = deal.opportunity.Id;
  document.body.appendChild(element);
  return element;
}

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

describe('c-deal-hygiene-panel', () => {
  afterEach(resetDom);

  it('shows the findings of this deal with severity, reason and fix, highest first', async () => {
    const element = render();
    wireOf(getDealPartners).emit(deal);
    wireOf(getSettings).emit(DEFAULT_SETTINGS);
    await flushPromises();
    const list = root(element).querySelector('c-finding-list') as Element;
    const rows = root(list).querySelectorAll('li');
    // Past close date (high, 30) and no next step (medium, 15); the Gold partner has no plan (medium).
    const text = Array.from(rows).map((row) => row.textContent ?? '');
    expect(text[0]).toContain('c.PSMS_Hygiene_Rule_PastCloseDate');
    expect(text[0]).toContain('c.PSMS_Hygiene_Severity_High');
    // Reason and fix read from custom labels, in full (a list in a narrow panel: nothing is cut).
    expect(rows[0].querySelector('[data-id="reason"]')?.textContent).toBe(
      'c.PSMS_Hygiene_Reason_PastCloseDate'
    );
    expect(rows[0].querySelector('[data-id="fix"]')?.textContent).toContain(
      'c.PSMS_Hygiene_Fix_PastCloseDate'
    );
    expect(text.some((row) => row.includes('c.PSMS_Hygiene_Rule_NoNextStep'))).toBe(true);
    // This deal's own findings need no link to it; the partner's plan finding names the partner.
    expect(rows[0].querySelector('c-page-link')).toBeNull();
    const plan = Array.from(rows).find((row) =>
      row.textContent?.includes('c.PSMS_Hygiene_Rule_PlanOutdated')
    ) as Element;
    expect((plan.querySelector('c-page-link') as Element & { label: string }).label).toBe('Acme Partners');
    await expect(element).toBeAccessible();
  });

  it('shows the hygiene score of the deal', async () => {
    const element = render();
    wireOf(getDealPartners).emit(deal);
    await flushPromises();
    expect(root(element).querySelector('[data-id="score"]')?.textContent).toBe(
      'c.PSMS_DealHygienePanel_Score'
    );
  });

  it('says a clean deal is clean', async () => {
    const element = render();
    wireOf(getDealPartners).emit({
      ...deal,
      partners: [],
      partnerDeals: deal.partnerDeals.map((partnerDeal) => ({ ...partnerDeal, Role__c: 'Influenced' })),
      opportunity: { ...deal.opportunity, CloseDate: '2026-12-20', NextStep: 'Send proposal' }
    });
    await flushPromises();
    const list = root(element).querySelector('c-finding-list') as Element;
    expect(root(list).textContent).toContain('c.PSMS_FindingList_Clean');
  });

  it('judges no closed deal', async () => {
    const element = render();
    wireOf(getDealPartners).emit({
      ...deal,
      opportunity: { ...deal.opportunity, IsClosed: true, IsWon: true }
    });
    await flushPromises();
    expect(root(element).querySelector('c-finding-list')).toBeNull();
    expect(root(element).textContent).toContain('c.PSMS_DealHygienePanel_Closed');
  });

  it('shows a load error in the shared error panel', async () => {
    const element = render();
    wireOf(getDealPartners).error({ message: 'No access to Opportunity' });
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'No access to Opportunity'
    );
  });

  it('is accessible', async () => {
    const element = render();
    wireOf(getDealPartners).emit(deal);
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
