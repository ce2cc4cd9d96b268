import { createElement } from 'lwc';
import RegistrationDesk from 'c/registrationDesk';
import getDeskQueue from '@salesforce/apex/RegistrationDeskController.getDeskQueue';
import decideRegistration from '@salesforce/apex/RegistrationDeskController.decideRegistration';
import extendRegistration from '@salesforce/apex/RegistrationDeskController.extendRegistration';
import resolveDispute from '@salesforce/apex/RegistrationDeskController.resolveDispute';
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

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

async function loaded(): Promise<HTMLElement> {
  const element = createElement('c-registration-desk', { is: RegistrationDesk });
  document.body.appendChild(element);
  wireOf(getDeskQueue).emit(desk);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  await flushPromises();
  return element;
}

const queue = (element: Element): ShadowRoot =>
  root(root(element).querySelector('c-registration-queue') as Element);
const disputes = (element: Element): ShadowRoot =>
  root(root(element).querySelector('c-dispute-list') as Element);

describe('c-registration-desk', () => {
  afterEach(resetDom);

  describe('approval SLA (SPEC §6)', () => {
    it('lists overdue submissions first, then the rest oldest first', async () => {
      const element = await loaded();
      const rows = Array.from(queue(element).querySelectorAll('tbody tr')).map(
        (row) => (row as HTMLElement).dataset.row
      );
      expect(rows).toEqual(['a02D00000000000002', 'a02D00000000000003', 'a02D00000000000001']);
      const sla = Array.from(queue(element).querySelectorAll('[data-id="sla"]')).map(
        (cell) => cell.textContent
      );
      expect(sla).toEqual([
        'c.PSMS_Label_Overdue',
        'c.PSMS_Label_Expiring_Soon',
        'c.PSMS_RegistrationDesk_Within_Sla'
      ]);
    });
  });

  it('links a conflict to the conflicting record', async () => {
    const element = await loaded();
    const link = queue(element).querySelector('tbody tr td c-page-link') as Element & {
      recordId: string;
      objectApiName: string;
    };
    expect(link.recordId).toBe('006D00000000000009');
    expect(link.objectApiName).toBe('Opportunity');
  });

  it('approves a registration and re-reads the queue', async () => {
    mockOf(decideRegistration).mockResolvedValue({});
    const element = await loaded();
    (queue(element).querySelector('[data-action="approve"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(decideRegistration)).toHaveBeenCalledWith({
      registrationId: 'a02D00000000000002',
      decision: 'Approve',
      rejectionReason: null
    });
  });

  it('rejects only with a reason', async () => {
    mockOf(decideRegistration).mockResolvedValue({});
    const element = await loaded();
    const reject = queue(element).querySelector('[data-action="reject"]') as HTMLButtonElement;
    expect(reject.disabled).toBe(true);
    queue(element)
      .querySelector('lightning-combobox[data-id="a02D00000000000002"]')
      ?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Direct sales engaged' } }));
    await flushPromises();
    expect((queue(element).querySelector('[data-action="reject"]') as HTMLButtonElement).disabled).toBe(
      false
    );
    (queue(element).querySelector('[data-action="reject"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(decideRegistration)).toHaveBeenCalledWith({
      registrationId: 'a02D00000000000002',
      decision: 'Reject',
      rejectionReason: 'Direct sales engaged'
    });
  });

  it('extends an approved registration', async () => {
    mockOf(extendRegistration).mockResolvedValue({});
    const element = await loaded();
    (queue(element).querySelector('[data-action="extend"]') as HTMLElement).click();
    await flushPromises();
    expect(mockOf(extendRegistration)).toHaveBeenCalledWith({ registrationId: 'a02D00000000000003' });
  });

  it('shows a refused decision in the error panel', async () => {
    mockOf(extendRegistration).mockRejectedValue({ body: { message: 'c.PSMS_Error_Extension_Limit' } });
    const element = await loaded();
    (queue(element).querySelector('[data-action="extend"]') as HTMLElement).click();
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'c.PSMS_Error_Extension_Limit'
    );
  });

  describe('disputes', () => {
    it('shows a resolved dispute with its resolution and note', async () => {
      const element = await loaded();
      expect(disputes(element).querySelector('[data-id="resolved"]')?.textContent).toBe(
        'c.PSMS_DisputeList_Resolved'
      );
    });

    it('resolves an open dispute only with a note', async () => {
      mockOf(resolveDispute).mockResolvedValue({});
      const element = await loaded();
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
    });
  });

  it('says so when the queue is empty', async () => {
    const element = createElement('c-registration-desk', { is: RegistrationDesk });
    document.body.appendChild(element);
    wireOf(getDeskQueue).emit({ today: '2026-11-20', registrations: [], disputes: [], opportunities: [] });
    await flushPromises();
    expect(queue(element).textContent).toContain('c.PSMS_Label_No_Records');
    expect(disputes(element).textContent).toContain('c.PSMS_Label_No_Records');
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
    await expect(element).toBeAccessible();
  });
});
