import { createElement } from 'lwc';
import RegistrationDesk from 'c/registrationDesk';
import getDeskQueue from '@salesforce/apex/RegistrationDeskController.getDeskQueue';
import decideRegistration from '@salesforce/apex/RegistrationDeskController.decideRegistration';
import extendRegistration from '@salesforce/apex/RegistrationDeskController.extendRegistration';
import resolveDispute from '@salesforce/apex/RegistrationDeskController.resolveDispute';
import raiseDispute from '@salesforce/apex/RegistrationDeskController.raiseDispute';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, mockOf, resetDom, wireOf } from '../../../../../test/jest/apexMocks';
import desk from './data/desk.json';

jest.mock(
  '@salesforce/apex/RegistrationDeskController.getDeskQueue',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/RegistrationDeskController.decideRegistration',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/RegistrationDeskController.extendRegistration',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/RegistrationDeskController.resolveDispute',
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
  '@salesforce/apex/RegistrationDeskController.raiseDispute',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);
// The labels' own text where the test reads what a toast or a cell says.
jest.mock(
  '@salesforce/label/c.PSMS_RegistrationDesk_Approved',
  () => ({ default: '{0} approved until {1}.' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.PSMS_RegistrationDesk_Rejected', () => ({ default: '{0} rejected: {1}.' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.PSMS_RegistrationDesk_Extended',
  () => ({ default: '{0} extended until {1}.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.PSMS_RegistrationDesk_Resolved',
  () => ({ default: '{0} resolved for {1}: {2} is now {3}.' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.PSMS_RegistrationQueue_Expires_On', () => ({ default: 'Expires {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_DisputeList_Raised', () => ({ default: 'Raised by {0} on {1}' }), {
  virtual: true
});

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

async function loaded(data: unknown = desk): Promise<HTMLElement> {
  const element = createElement('c-registration-desk', { is: RegistrationDesk });
  document.body.appendChild(element);
  wireOf(getDeskQueue).emit(data);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  await flushPromises();
  return element;
}

const part = (element: Element, selector: string): ShadowRoot =>
  root(root(element).querySelector(selector) as Element);
const queue = (element: Element) => part(element, 'c-registration-queue');
const disputes = (element: Element) => part(element, 'c-dispute-list');
const history = (element: Element) => part(element, 'c-dispute-history');
const row = (element: Element, id: string) =>
  queue(element).querySelector(`tr[data-row="${id}"]`) as HTMLElement;
const toastsOf = (element: Element) => {
  const toasts: { title: string; message: string }[] = [];
  element.addEventListener('lightning__showtoast', (event) =>
    toasts.push((event as CustomEvent<{ title: string; message: string }>).detail)
  );
  return toasts;
};

describe('c-registration-desk', () => {
  afterEach(resetDom);

  describe('approval SLA and expiry (SPEC §6)', () => {
    it('lists overdue submissions first, then the rest oldest first; an expiring one shows its date', async () => {
      const element = await loaded();
      const rows = Array.from(queue(element).querySelectorAll('tbody tr')).map(
        (tr) => (tr as HTMLElement).dataset.row
      );
      expect(rows).toEqual(['a02D00000000000002', 'a02D00000000000003', 'a02D00000000000001']);
      const sla = Array.from(queue(element).querySelectorAll('[data-id="sla"]')).map(
        (cell) => cell.textContent
      );
      expect(sla).toEqual([
        'c.PSMS_Label_Overdue',
        'Expires 2026-11-26',
        'c.PSMS_RegistrationDesk_Within_Sla'
      ]);
    });
  });

  it('links a conflict to the conflicting record', async () => {
    const element = await loaded();
    const link = row(element, 'a02D00000000000002').querySelector('td c-page-link') as Element & {
      recordId: string;
      objectApiName: string;
    };
    expect([link.recordId, link.objectApiName]).toEqual(['006D00000000000009', 'Opportunity']);
  });

  describe('only the actions the state allows', () => {
    it('a disputed registration offers no decision: its dispute decides it', async () => {
      const element = await loaded();
      const disputed = row(element, 'a02D00000000000002');
      expect(disputed.querySelector('[data-action="approve"]')).toBeNull();
      expect(disputed.querySelector('[data-action="reject"]')).toBeNull();
      expect(disputed.querySelector('[data-id="disputed"]')?.textContent).toBe(
        'c.PSMS_RegistrationQueue_Disputed'
      );
    });

    it('a submission can be approved or rejected; an approved one only extended', async () => {
      const element = await loaded();
      const submitted = row(element, 'a02D00000000000001');
      expect(submitted.querySelector('[data-action="approve"]')).not.toBeNull();
      expect(submitted.querySelector('[data-action="extend"]')).toBeNull();
      const approved = row(element, 'a02D00000000000003');
      expect(approved.querySelector('[data-action="approve"]')).toBeNull();
      expect(approved.querySelector('[data-action="extend"]')).not.toBeNull();
    });
  });

  it('approves and says until when it is protected', async () => {
    mockOf(decideRegistration).mockResolvedValue({
      Name: 'REG-0101',
      Status__c: 'Approved',
      Expires_On__c: '2027-02-18'
    });
    const element = await loaded();
    const toasts = toastsOf(element);
    (row(element, 'a02D00000000000001').querySelector('[data-action="approve"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(decideRegistration)).toHaveBeenCalledWith({
      registrationId: 'a02D00000000000001',
      decision: 'Approve',
      rejectionReason: null
    });
    expect(toasts[0].message).toBe('REG-0101 approved until 2027-02-18.');
  });

  it('rejects only once a reason is chosen, and says why', async () => {
    mockOf(decideRegistration).mockResolvedValue({
      Name: 'REG-0101',
      Status__c: 'Rejected',
      Rejection_Reason__c: 'Too early'
    });
    const element = await loaded();
    const toasts = toastsOf(element);
    (row(element, 'a02D00000000000001').querySelector('[data-action="reject"]') as HTMLElement).click();
    await flushPromises();
    const confirm = queue(element).querySelector('[data-action="confirm-reject"]') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    queue(element)
      .querySelector('[data-reject="a02D00000000000001"] [data-id="reason"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Too early' } }));
    await flushPromises();
    expect(confirm.disabled).toBe(false);
    confirm.click();
    await flushPromises();
    expect(mockOf(decideRegistration)).toHaveBeenCalledWith({
      registrationId: 'a02D00000000000001',
      decision: 'Reject',
      rejectionReason: 'Too early'
    });
    expect(toasts[0].message).toBe('REG-0101 rejected: Too early.');
    expect(queue(element).querySelector('[data-reject]')).toBeNull();
  });

  it('extends an approved registration and says until when', async () => {
    mockOf(extendRegistration).mockResolvedValue({ Name: 'REG-0090', Expires_On__c: '2026-12-26' });
    const element = await loaded();
    const toasts = toastsOf(element);
    (row(element, 'a02D00000000000003').querySelector('[data-action="extend"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(extendRegistration)).toHaveBeenCalledWith({ registrationId: 'a02D00000000000003' });
    expect(toasts[0].message).toBe('REG-0090 extended until 2026-12-26.');
  });

  it('shows a refused decision in the error panel', async () => {
    mockOf(extendRegistration).mockRejectedValue({ body: { message: 'c.PSMS_Error_Extension_Limit' } });
    const element = await loaded();
    (row(element, 'a02D00000000000003').querySelector('[data-action="extend"]') as HTMLElement).click();
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'c.PSMS_Error_Extension_Limit'
    );
  });

  describe('disputes', () => {
    it('shows who raised an open dispute and when, the customer, the amount at stake and the reason', async () => {
      const element = await loaded();
      const item = disputes(element).querySelector('li') as HTMLElement;
      expect(item.textContent).toContain('DSP-0001');
      expect(item.querySelector('[data-id="raised"]')?.textContent).toBe('Raised by Rita Rep on 2026-11-12');
      expect(item.querySelector('[data-id="amount"]')?.textContent).toBe('45,000');
      expect(item.textContent).toContain('Initech');
      expect(item.querySelector('[data-id="reason"]')?.textContent).toBe(
        'We introduced the customer months ago'
      );
    });

    it('resolves an open dispute only with a note, and says how it ended', async () => {
      mockOf(resolveDispute).mockResolvedValue({
        Name: 'DSP-0001',
        Deal_Registration__c: 'a02D00000000000002',
        Resolution__c: 'Co-Sell',
        Deal_Registration__r: { Name: 'REG-0102', Status__c: 'Approved' }
      });
      const element = await loaded();
      const toasts = toastsOf(element);
      const button = disputes(element).querySelector('lightning-button') as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      button.click();
      disputes(element)
        .querySelector('lightning-combobox')
        ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Co-Sell' } }));
      const note = disputes(element).querySelector('lightning-textarea') as HTMLTextAreaElement;
      note.value = '  Both sides worked the deal ';
      note.dispatchEvent(new CustomEvent('change'));
      await flushPromises();
      (disputes(element).querySelector('lightning-button') as HTMLElement).click();
      await flushPromises();
      expect(mockOf(resolveDispute)).toHaveBeenCalledTimes(1);
      expect(mockOf(resolveDispute)).toHaveBeenCalledWith({
        disputeId: 'a03D00000000000001',
        resolution: 'Co-Sell',
        note: 'Both sides worked the deal'
      });
      expect(toasts[0].message).toBe('DSP-0001 resolved for Co-Sell: REG-0102 is now Approved.');
    });

    it('keeps the resolved ones in a history: how, the note, who resolved it and when', async () => {
      const element = await loaded();
      const resolved = history(element).querySelector('tbody tr') as HTMLElement;
      expect(resolved.querySelector('[data-id="resolution"]')?.textContent).toBe('Co-Sell');
      expect(resolved.querySelector('[data-id="resolved-by"]')?.textContent).toBe('Mia Manager');
      expect(resolved.textContent).toContain('Both keep a stake');
      expect(resolved.textContent).toContain('2026-10-03');
    });
  });

  it("lists the user's own registrations, and raises a dispute on a refused one", async () => {
    mockOf(raiseDispute).mockResolvedValue({
      Id: 'a03D00000000000005',
      Name: 'DSP-0005',
      Deal_Registration__c: 'a02D00000000000007'
    });
    const element = await loaded();
    const toasts = toastsOf(element);
    const mine = part(element, 'c-registration-list');
    expect(mine.querySelectorAll('li')).toHaveLength(2);
    (mine.querySelector('li[data-id="a02D00000000000007"] [data-action="raise"]') as HTMLElement).click();
    await flushPromises();
    const reason = mine.querySelector('[data-id="reason"]') as HTMLTextAreaElement;
    reason.value = 'Hooli asked to buy through us';
    reason.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    (mine.querySelector('[data-id="send"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(raiseDispute)).toHaveBeenCalledWith({
      registrationId: 'a02D00000000000007',
      reason: 'Hooli asked to buy through us'
    });
    expect(toasts[0].title).toBe('c.PSMS_RegistrationList_Dispute_Raised_Title');
  });

  it('says so when there is nothing to decide', async () => {
    const element = await loaded({ today: '2026-11-20', registrations: [], disputes: [], opportunities: [] });
    expect(queue(element).textContent).toContain('c.PSMS_Label_No_Records');
    expect(disputes(element).textContent).toContain('c.PSMS_Label_No_Records');
    expect(history(element).textContent).toContain('c.PSMS_Label_No_Records');
  });

  it('shows a load error in the shared error panel', async () => {
    const element = createElement('c-registration-desk', { is: RegistrationDesk });
    document.body.appendChild(element);
    wireOf(getDeskQueue).error({ message: 'You cannot decide registrations' });
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'You cannot decide registrations'
    );
  });

  it('is accessible', async () => {
    const element = await loaded();
    (row(element, 'a02D00000000000001').querySelector('[data-action="reject"]') as HTMLElement).click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
