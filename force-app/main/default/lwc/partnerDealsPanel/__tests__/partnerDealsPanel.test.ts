import { createElement } from 'lwc';
import PartnerDealsPanel from 'c/partnerDealsPanel';
import getDealPartners from '@salesforce/apex/PartnerDealsController.getDealPartners';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import searchPartners from '@salesforce/apex/PartnerDealsController.searchPartners';
import addPartnerDeal from '@salesforce/apex/PartnerDealsController.addPartnerDeal';
import setCoSell from '@salesforce/apex/PartnerDealsController.setCoSell';
import getConflictCandidates from '@salesforce/apex/PartnerDealsController.getConflictCandidates';
import submitRegistration from '@salesforce/apex/PartnerDealsController.submitRegistration';
import raiseDispute from '@salesforce/apex/RegistrationDeskController.raiseDispute';
import * as objectInfoApi from 'lightning/uiObjectInfoApi';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, mockOf, resetDom, wireOf } from '../../../../../test/jest/apexMocks';
import deal from './data/deal.json';
import candidatesHeld from './data/candidatesHeld.json';

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
jest.mock(
  '@salesforce/apex/PartnerDealsController.searchPartners',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/PartnerDealsController.addPartnerDeal',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/PartnerDealsController.setCoSell',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/PartnerDealsController.getConflictCandidates',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/PartnerDealsController.submitRegistration',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);

jest.mock(
  '@salesforce/apex/RegistrationDeskController.raiseDispute',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);

function render(): HTMLElement & { recordId?: string } {
  const element = createElement('c-partner-deals-panel', { is: PartnerDealsPanel });
  element.recordId = deal.opportunity.Id;
  document.body.appendChild(element);
  return element;
}

function shadow(element: Element): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

/** The record, object and label of the conflict link inside a preview or verdict box. */
function linkIn(box: HTMLElement): string[] {
  const link = box.querySelector('c-page-link') as Element & Record<string, string>;
  return [link.recordId, link.objectApiName, link.label];
}

async function loaded(): Promise<HTMLElement> {
  const element = render();
  wireOf(getDealPartners).emit(deal);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  await flushPromises();
  return element;
}

describe('c-partner-deals-panel', () => {
  afterEach(resetDom);

  it('asks for the partners of this opportunity', async () => {
    render();
    await flushPromises();
    expect(wireOf(getDealPartners).getLastConfig()).toEqual({ opportunityId: deal.opportunity.Id });
  });

  it('lists the partners with role, primary and co-sell', async () => {
    const element = await loaded();
    const list = shadow(element).querySelector('c-partner-deal-list') as Element;
    const rows = shadow(list).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Sourced');
    expect(rows[0].textContent).toContain('c.PSMS_Format_Yes');
    const coSell = shadow(list).querySelectorAll('lightning-input');
    expect((coSell[1] as HTMLInputElement).checked).toBe(true);
  });

  it('shows each registration with its status, its protection and its dispute', async () => {
    const element = await loaded();
    const list = shadow(element).querySelector('c-registration-list') as Element & {
      registrations: unknown[];
      disputes: unknown[];
      today: string;
    };
    expect(list.registrations).toHaveLength(2);
    expect(list.today).toBe('2026-11-20');
    expect(list.disputes).toEqual([]);
    const items = shadow(list).querySelectorAll('li');
    expect(items[0].textContent).toContain('Approved');
    expect(items[0].textContent).toContain('c.PSMS_RegistrationList_Protected_Until');
    expect(items[1].textContent).toContain('Rejected');
  });

  it('lets the rep raise a dispute on a refused registration, then shows it open', async () => {
    mockOf(raiseDispute).mockResolvedValue({
      Id: 'a03000000000001AAA',
      Name: 'DSP-00001',
      Deal_Registration__c: 'a02000000000002AAA',
      Status__c: 'Open',
      CreatedDate: '2026-11-20T10:00:00.000Z',
      Raised_By__r: { Name: 'Rita Rep' }
    });
    const element = await loaded();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    const list = shadow(element).querySelector('c-registration-list') as Element;
    // Both carry a decision, approved and refused: either may be disputed (SPEC §6).
    const raise = shadow(list).querySelectorAll('[data-action="raise"]');
    expect(raise).toHaveLength(2);
    (
      shadow(list).querySelector('li[data-id="a02000000000002AAA"] [data-action="raise"]') as HTMLElement
    ).click();
    await flushPromises();
    const reason = shadow(list).querySelector('[data-id="reason"]') as HTMLTextAreaElement;
    reason.value = ' We brought the customer in March. ';
    reason.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    (shadow(list).querySelector('[data-id="send"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(raiseDispute)).toHaveBeenCalledWith({
      registrationId: 'a02000000000002AAA',
      reason: 'We brought the customer in March.'
    });
    expect(toast.mock.calls[0][0].detail.message).toBe('c.PSMS_RegistrationList_Dispute_Raised');
    // The form is closed, and the registration shows its open dispute instead of the button.
    expect(shadow(list).querySelector('[data-id="dispute-form"]')).toBeNull();
    const refused = shadow(list).querySelector('li[data-id="a02000000000002AAA"]') as HTMLElement;
    expect(refused.querySelector('[data-id="dispute"]')?.textContent).toBe(
      'c.PSMS_RegistrationList_Dispute_Open'
    );
    expect(refused.querySelector('[data-action="raise"]')).toBeNull();
  });

  it('shows a refused dispute in the error panel and keeps the reason to correct it', async () => {
    mockOf(raiseDispute).mockRejectedValue({
      body: { message: 'This registration already has an open dispute.' }
    });
    const element = await loaded();
    const list = shadow(element).querySelector('c-registration-list') as Element;
    (
      shadow(list).querySelector('li[data-id="a02000000000002AAA"] [data-action="raise"]') as HTMLElement
    ).click();
    await flushPromises();
    const reason = shadow(list).querySelector('[data-id="reason"]') as HTMLTextAreaElement;
    reason.value = 'Ours';
    reason.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    (shadow(list).querySelector('[data-id="send"]') as HTMLElement).click();
    await flushPromises();
    expect(shadow(shadow(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'already has an open dispute'
    );
    expect(shadow(list).querySelector('[data-id="dispute-form"]')).not.toBeNull();
  });

  it("offers the product line field's picklist values in the registration form", async () => {
    const element = await loaded();
    wireOf(objectInfoApi.getObjectInfo).emit({ defaultRecordTypeId: '012000000000000AAA' });
    await flushPromises();
    expect(wireOf(objectInfoApi.getPicklistValues).getLastConfig()).toEqual({
      recordTypeId: '012000000000000AAA',
      fieldApiName: 'Deal_Registration__c.Product_Line__c'
    });
    wireOf(objectInfoApi.getPicklistValues).emit({
      values: [
        { label: 'Analytics', value: 'Analytics', attributes: null, validFor: [] },
        { label: 'Security', value: 'Security', attributes: null, validFor: [] }
      ]
    });
    await flushPromises();
    const form = shadow(element).querySelector('c-registration-form') as Element;
    const productLine = shadow(form).querySelector('[data-field="Product_Line__c"]') as Element & {
      options: unknown[];
      value: string;
    };
    expect(productLine.options).toEqual([
      { label: 'Analytics', value: 'Analytics' },
      { label: 'Security', value: 'Security' }
    ]);
    expect(productLine.value).toBe('Analytics');
  });

  it('shows a load error in the shared error panel', async () => {
    const element = render();
    wireOf(getDealPartners).error({ message: 'Insufficient access' });
    await flushPromises();
    const panel = shadow(element).querySelector('c-error-panel') as Element;
    expect(panel).not.toBeNull();
    expect(shadow(panel).textContent).toContain('Insufficient access');
  });

  it('flags co-sell and re-reads the deal', async () => {
    mockOf(setCoSell).mockResolvedValue({});
    const element = await loaded();
    const list = shadow(element).querySelector('c-partner-deal-list') as Element;
    const first = shadow(list).querySelector('lightning-input') as HTMLInputElement;
    first.checked = true;
    first.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(mockOf(setCoSell)).toHaveBeenCalledWith({ partnerDealId: 'a01000000000001AAA', coSell: true });
  });

  it('shows a failed write in the error panel', async () => {
    mockOf(setCoSell).mockRejectedValue({ body: { message: 'Record locked' } });
    const element = await loaded();
    const list = shadow(element).querySelector('c-partner-deal-list') as Element;
    const first = shadow(list).querySelector('lightning-input') as HTMLInputElement;
    first.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    const panel = shadow(element).querySelector('c-error-panel') as Element;
    expect(shadow(panel).textContent).toContain('Record locked');
  });

  it('searches partners and adds one to the deal', async () => {
    mockOf(searchPartners).mockResolvedValue([{ Id: '001000000000003AAA', Name: 'Initech' }]);
    mockOf(addPartnerDeal).mockResolvedValue({ Role__c: 'Co-Sell', Partner_Account__r: { Name: 'Initech' } });
    const element = await loaded();
    const handler = jest.fn();
    element.addEventListener('lightning__showtoast', handler);
    const form = shadow(element).querySelector('c-add-partner-form') as Element;
    const search = shadow(form).querySelector('[data-id="search"]') as HTMLInputElement;
    search.value = 'I';
    search.dispatchEvent(new CustomEvent('change'));
    search.value = 'Init';
    search.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(mockOf(searchPartners)).toHaveBeenCalledTimes(1);
    expect(mockOf(searchPartners)).toHaveBeenCalledWith({ term: 'Init' });
    const partner = shadow(form).querySelector('[data-id="partner"]') as Element & { options: unknown[] };
    expect(partner.options).toEqual([{ label: 'Initech', value: '001000000000003AAA' }]);
    partner.dispatchEvent(new CustomEvent('change', { detail: { value: '001000000000003AAA' } }));
    shadow(form)
      .querySelector('[data-id="role"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Co-Sell' } }));
    const coSell = shadow(form).querySelector('[data-id="cosell"]') as HTMLInputElement;
    coSell.checked = true;
    coSell.dispatchEvent(new CustomEvent('change'));
    const primary = shadow(form).querySelector('[data-id="primary"]') as HTMLInputElement;
    primary.checked = false;
    primary.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    (shadow(form).querySelector('[data-id="add"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(addPartnerDeal)).toHaveBeenCalledWith({
      opportunityId: deal.opportunity.Id,
      partnerAccountId: '001000000000003AAA',
      role: 'Co-Sell',
      coSell: true,
      isPrimary: false
    });
    expect(handler).toHaveBeenCalled();
    expect(handler.mock.calls[0][0].detail.message).toBe('c.PSMS_PartnerDealsPanel_Partner_Added_Detail');
    // Emptied once added: the same partner cannot be sent twice.
    expect((shadow(form).querySelector('[data-id="partner"]') as Element & { value: string }).value).toBe('');
    expect((shadow(form).querySelector('[data-id="cosell"]') as HTMLInputElement).checked).toBe(false);
    expect(
      (shadow(form).querySelector('[data-id="add"]') as HTMLElement & { disabled: boolean }).disabled
    ).toBe(true);
  });

  it('shows a failed partner search in the error panel', async () => {
    mockOf(searchPartners).mockRejectedValue(new Error('Search unavailable'));
    const element = await loaded();
    const form = shadow(element).querySelector('c-add-partner-form') as Element;
    const search = shadow(form).querySelector('[data-id="search"]') as HTMLInputElement;
    search.value = 'Initech';
    search.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(shadow(shadow(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'Search unavailable'
    );
  });

  it('prefills the registration from the opportunity and previews a duplicate live', async () => {
    const element = await loaded();
    const form = shadow(element).querySelector('c-registration-form') as Element & {
      registration: Psms.RegistrationRequest['registration'];
    };
    expect(form.registration).toMatchObject({
      Partner_Account__c: '001000000000001AAA',
      End_Customer_Name__c: 'Delta Corp, Inc.',
      Product_Line__c: 'Analytics',
      Estimated_Amount__c: 120000,
      Expected_Close_Date__c: '2026-12-15',
      Opportunity__c: deal.opportunity.Id
    });
    expect(wireOf(getConflictCandidates).getLastConfig()).toEqual({
      normalizedKey: 'delta|analytics',
      endCustomerAccountId: '001000000000009AAA',
      productLine: 'Analytics'
    });
    wireOf(getConflictCandidates).emit(candidatesHeld);
    await flushPromises();
    const preview = shadow(element).querySelector('[data-id="preview"]') as HTMLElement;
    expect(preview.textContent).toContain('c.PSMS_Outcome_Duplicate');
    expect(linkIn(preview)).toEqual(['a02000000000099AAA', 'Deal_Registration__c', 'DR-000099']);
  });

  it('re-keys the preview when a field changes', async () => {
    const element = await loaded();
    const form = shadow(element).querySelector('c-registration-form') as Element;
    const domain = shadow(form).querySelector('[data-field="End_Customer_Domain__c"]') as HTMLInputElement;
    domain.value = 'https://www.delta.example/';
    domain.dispatchEvent(new CustomEvent('change'));
    const amount = shadow(form).querySelector('[data-field="Estimated_Amount__c"]') as HTMLInputElement;
    amount.value = '5000';
    amount.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(wireOf(getConflictCandidates).getLastConfig()).toMatchObject({
      normalizedKey: 'delta.example|analytics'
    });
    wireOf(getConflictCandidates).emit({ registrations: [], opportunities: [], partnerDeals: [] });
    await flushPromises();
    expect((shadow(element).querySelector('[data-id="preview"]') as HTMLElement).textContent).toContain(
      'c.PSMS_Outcome_Submitted'
    );
  });

  it('submits the registration and shows the server verdict', async () => {
    mockOf(submitRegistration).mockResolvedValue({
      Partner_Account__c: '001000000000001AAA',
      Status__c: 'Needs Review',
      Conflict_Type__c: 'Direct',
      Conflicting_Opportunity__c: '006000000000042AAA',
      Conflicting_Opportunity__r: { Name: 'Delta direct renewal' }
    });
    const element = await loaded();
    const form = shadow(element).querySelector('c-registration-form') as Element;
    (shadow(form).querySelector('[data-id="submit"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(submitRegistration)).toHaveBeenCalledWith({
      registration: expect.objectContaining({
        Partner_Account__c: '001000000000001AAA',
        Opportunity__c: deal.opportunity.Id
      })
    });
    const verdict = shadow(element).querySelector('[data-id="verdict"]') as HTMLElement;
    expect(verdict.textContent).toContain('c.PSMS_Outcome_Direct_Conflict');
    expect(linkIn(verdict)).toEqual(['006000000000042AAA', 'Opportunity', 'Delta direct renewal']);
    // Sent once: no partner is chosen any more, so a second click registers nothing.
    expect(
      (shadow(form).querySelector('[data-id="submit"]') as HTMLElement & { disabled: boolean }).disabled
    ).toBe(true);
  });

  it('is accessible', async () => {
    const element = await loaded();
    wireOf(getConflictCandidates).emit(candidatesHeld);
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
