import { createElement } from 'lwc';
import RegistrationDisputePanel from 'c/registrationDisputePanel';
import getRegistrationDisputes from '@salesforce/apex/PartnerDealsController.getRegistrationDisputes';
import raiseDispute from '@salesforce/apex/RegistrationDeskController.raiseDispute';
import * as uiRecordApi from 'lightning/uiRecordApi';
import { flushPromises, mockOf, resetDom, wireOf } from '../../../../../test/jest/apexMocks';

jest.mock(
  '@salesforce/apex/PartnerDealsController.getRegistrationDisputes',
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

const field = (value: unknown) => ({ value, displayValue: null });
const REGISTRATION = {
  apiName: 'Deal_Registration__c',
  id: 'a02R00000000000001',
  fields: {
    Name: field('REG-00454'),
    Status__c: field('Rejected'),
    Partner_Account__c: field('001P00000000000001'),
    Partner_Account__r: field({
      apiName: 'Account',
      id: '001P00000000000001',
      fields: { Name: field('Acme') }
    }),
    Rejection_Reason__c: field('Duplicate'),
    Conflict_Type__c: field('Duplicate'),
    Conflicting_Registration__c: field('a02R00000000000009'),
    Conflicting_Registration__r: field({
      apiName: 'Deal_Registration__c',
      id: 'a02R00000000000009',
      fields: { Name: field('REG-00401') }
    })
  }
};
const RESOLVED = {
  Id: 'a03D00000000000001',
  Name: 'DSP-00007',
  Deal_Registration__c: 'a02R00000000000001',
  Status__c: 'Resolved',
  Resolution__c: 'Direct',
  Resolution_Note__c: 'Direct met them first',
  Resolved_On__c: '2026-11-02T10:00:00.000Z',
  CreatedDate: '2026-10-30T10:00:00.000Z',
  Deal_Registration__r: { Name: 'REG-00454', Partner_Account__c: '001P00000000000001', Status__c: 'Rejected' }
};

async function loaded(disputes: unknown[] = [RESOLVED]): Promise<HTMLElement> {
  const element = createElement('c-registration-dispute-panel', { is: RegistrationDisputePanel });
  Object.assign(element, { recordId: REGISTRATION.id });
  document.body.appendChild(element);
  wireOf(uiRecordApi.getRecord).emit(REGISTRATION);
  wireOf(getRegistrationDisputes).emit(disputes);
  await flushPromises();
  return element;
}
const shadow = (element: Element) => element.shadowRoot as ShadowRoot;

describe('c-registration-dispute-panel (a rep raises a dispute from the registration)', () => {
  afterEach(resetDom);

  it('reads the registration through LDS and its disputes through Apex', async () => {
    const element = await loaded();
    expect(wireOf(getRegistrationDisputes).getLastConfig()).toEqual({ registrationId: REGISTRATION.id });
    const list = shadow(element).querySelector('c-registration-list') as Element & {
      registrations: Psms.Registration[];
      disputes: Psms.Dispute[];
    };
    expect(list.registrations).toEqual([
      expect.objectContaining({
        Id: REGISTRATION.id,
        Name: 'REG-00454',
        Status__c: 'Rejected',
        Partner_Account__r: { Name: 'Acme' },
        Conflicting_Registration__r: { Name: 'REG-00401' }
      })
    ]);
    expect(list.disputes).toHaveLength(1);
    // The resolved one is kept in the registration's history.
    const history = shadow(element).querySelector('c-dispute-history') as Element & { disputes: unknown[] };
    expect(history.disputes).toEqual([RESOLVED]);
    await expect(element).toBeAccessible();
  });

  it('raises a dispute, says so, and reads the registration and its disputes again', async () => {
    mockOf(raiseDispute).mockResolvedValue({ Id: 'a03D00000000000002', Name: 'DSP-00008' });
    const notify = jest.spyOn(uiRecordApi, 'notifyRecordUpdateAvailable');
    const element = await loaded([]);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    const list = shadow(element).querySelector('c-registration-list') as Element;
    list.dispatchEvent(
      new CustomEvent('raisedispute', {
        detail: { registrationId: REGISTRATION.id, reason: 'We brought them in' }
      })
    );
    await flushPromises();
    expect(mockOf(raiseDispute)).toHaveBeenCalledWith({
      registrationId: REGISTRATION.id,
      reason: 'We brought them in'
    });
    expect(toast.mock.calls[0][0].detail.message).toBe('c.PSMS_RegistrationList_Dispute_Raised');
    expect(notify).toHaveBeenCalledWith([{ recordId: REGISTRATION.id }]);
    expect(shadow(element).querySelector('c-dispute-history')).toBeNull();
  });

  it('shows a refused dispute in the error panel', async () => {
    mockOf(raiseDispute).mockRejectedValue({
      body: { message: 'A Withdrawn registration cannot be disputed.' }
    });
    const element = await loaded([]);
    (shadow(element).querySelector('c-registration-list') as Element).dispatchEvent(
      new CustomEvent('raisedispute', { detail: { registrationId: REGISTRATION.id, reason: 'x' } })
    );
    await flushPromises();
    expect(shadow(shadow(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'cannot be disputed'
    );
  });
});
