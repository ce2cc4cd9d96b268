import { createElement } from 'lwc';
import RegistrationList from 'c/registrationList';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

// The labels' own text where the test reads the values filled in.
jest.mock(
  '@salesforce/label/c.PSMS_RegistrationList_Protected_Until',
  () => ({ default: 'Protected until {0} ({1} days left)' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.PSMS_RegistrationList_Dispute_Resolved',
  () => ({ default: 'Dispute {0} resolved on {1}: {2}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.PSMS_RegistrationList_Dispute_Open',
  () => ({ default: 'Dispute {0} open since {1}, raised by {2}' }),
  { virtual: true }
);

const REGISTRATIONS: Psms.Registration[] = [
  {
    Id: 'a02A1',
    Name: 'REG-1',
    Partner_Account__c: '001P1',
    Partner_Account__r: { Name: 'Acme' },
    End_Customer_Name__c: 'Delta',
    Status__c: 'Approved',
    Expires_On__c: '2026-12-30'
  },
  {
    Id: 'a02A2',
    Name: 'REG-2',
    Partner_Account__c: '001P2',
    Status__c: 'Rejected',
    Rejection_Reason__c: 'Duplicate',
    Conflict_Type__c: 'Duplicate',
    Conflicting_Registration__c: 'a02A1',
    Conflicting_Registration__r: { Name: 'REG-1' }
  },
  { Id: 'a02A3', Name: 'REG-3', Partner_Account__c: '001P1', Status__c: 'Submitted' },
  {
    Id: 'a02A4',
    Name: 'REG-4',
    Partner_Account__c: '001P1',
    Status__c: 'Needs Review',
    Conflict_Type__c: 'Direct'
  }
];
const DISPUTES: Psms.Dispute[] = [
  {
    Id: 'a03D1',
    Name: 'DSP-1',
    Deal_Registration__c: 'a02A2',
    Status__c: 'Resolved',
    Resolution__c: 'Co-Sell',
    Resolved_On__c: '2026-11-10T15:30:00.000Z',
    CreatedDate: '2026-11-02T09:00:00.000Z'
  },
  {
    Id: 'a03D2',
    Name: 'DSP-2',
    Deal_Registration__c: 'a02A4',
    Status__c: 'Open',
    CreatedDate: '2026-11-12T09:00:00.000Z',
    Raised_By__r: { Name: 'Rita Rep' }
  }
];

function mount(props: Record<string, unknown> = {}): HTMLElement & { closeForm(): void } {
  const element = createElement('c-registration-list', { is: RegistrationList }) as HTMLElement & {
    closeForm(): void;
  };
  Object.assign(element, {
    registrations: REGISTRATIONS,
    disputes: DISPUTES,
    today: '2026-11-20',
    showPartner: true,
    ...props
  });
  document.body.appendChild(element);
  return element;
}
const shadow = (element: Element) => element.shadowRoot as ShadowRoot;
const item = (element: Element, id: string) =>
  shadow(element).querySelector(`li[data-id="${id}"]`) as HTMLElement;

describe('c-registration-list', () => {
  afterEach(resetDom);

  it('says where each registration stands: protection left, refusal and what it conflicts with, its latest dispute', async () => {
    const element = mount();
    await flushPromises();
    expect(item(element, 'a02A1').querySelector('[data-id="standing"]')?.textContent).toContain(
      'Protected until 2026-12-30 (40 days left)'
    );
    const refused = item(element, 'a02A2');
    expect(refused.querySelector('[data-id="status"]')?.textContent).toBe('Rejected');
    expect(refused.querySelector('[data-id="standing"]')?.textContent).toContain(
      'c.PSMS_RegistrationList_Rejected'
    );
    const conflict = refused.querySelector('[data-id="standing"] c-page-link') as Element &
      Record<string, string>;
    expect([conflict.recordId, conflict.label]).toEqual(['a02A1', 'REG-1']);
    expect(refused.querySelector('[data-id="dispute"]')?.textContent).toBe(
      'Dispute DSP-1 resolved on 2026-11-10: Co-Sell'
    );
    expect(item(element, 'a02A4').querySelector('[data-id="dispute"]')?.textContent).toBe(
      'Dispute DSP-2 open since 2026-11-12, raised by Rita Rep'
    );
    await expect(element).toBeAccessible();
  });

  it('offers a dispute only where one can be raised: a decision or a conflict without an open dispute', async () => {
    const element = mount();
    await flushPromises();
    const offered = ['a02A1', 'a02A2', 'a02A3', 'a02A4'].filter((id) =>
      item(element, id).querySelector('[data-action="raise"]')
    );
    // REG-3 still waits for its decision; REG-4's dispute is open.
    expect(offered).toEqual(['a02A1', 'a02A2']);
  });

  it('sends a dispute with its reason, only once written, and closes when told', async () => {
    const element = mount();
    const raised = jest.fn();
    element.addEventListener('raisedispute', raised);
    await flushPromises();
    (item(element, 'a02A2').querySelector('[data-action="raise"]') as HTMLElement).click();
    await flushPromises();
    const send = shadow(element).querySelector('[data-id="send"]') as HTMLElement & { disabled: boolean };
    expect(send.disabled).toBe(true);
    const reason = shadow(element).querySelector('[data-id="reason"]') as HTMLTextAreaElement;
    reason.value = 'First to register was us';
    reason.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(send.disabled).toBe(false);
    send.click();
    expect(raised.mock.calls[0][0].detail).toEqual({
      registrationId: 'a02A2',
      reason: 'First to register was us'
    });
    element.closeForm();
    await flushPromises();
    expect(shadow(element).querySelector('[data-id="dispute-form"]')).toBeNull();
  });

  it('pages a long list, ten at a time', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      Id: `a02M${i}`,
      Name: `REG-M${i}`,
      Partner_Account__c: '001P1',
      Status__c: 'Submitted'
    }));
    const element = mount({ registrations: many, disputes: [] });
    await flushPromises();
    expect(shadow(element).querySelectorAll('li')).toHaveLength(10);
    shadow(element)
      .querySelector('c-paginator')
      ?.dispatchEvent(new CustomEvent('pagechange', { detail: { page: 1 } }));
    await flushPromises();
    expect(shadow(element).querySelectorAll('li')).toHaveLength(2);
  });

  it('says so when there is none', async () => {
    const element = mount({ registrations: [] });
    await flushPromises();
    expect(shadow(element).textContent).toContain('c.PSMS_Label_No_Records');
  });
});
