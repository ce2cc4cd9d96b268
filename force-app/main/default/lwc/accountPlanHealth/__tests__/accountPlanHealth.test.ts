import { createElement } from 'lwc';
import AccountPlanHealth from 'c/accountPlanHealth';
import getPlanHealth from '@salesforce/apex/AccountPlanController.getPlanHealth';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, resetDom, wireOf } from '../../../../../test/jest/apexMocks';

jest.mock(
  '@salesforce/apex/AccountPlanController.getPlanHealth',
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
const health = {
  today: '2026-11-20',
  partners: [
    { Id: '001P01', Name: 'No Plan Gold', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
    { Id: '001P02', Name: 'Stale Platinum', Partner_Status__c: 'Active', Partner_Tier__c: 'Platinum' },
    { Id: '001P03', Name: 'Review Due Gold', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
    { Id: '001P04', Name: 'Healthy Gold', Partner_Status__c: 'Active', Partner_Tier__c: 'Gold' },
    { Id: '001P05', Name: 'Small Silver', Partner_Status__c: 'Active', Partner_Tier__c: 'Silver' }
  ],
  plans: [
    { Id: 'a04P02', Partner_Account__c: '001P02', Status__c: 'Active', Last_Reviewed_On__c: '2026-03-01' },
    {
      Id: 'a04P03',
      Partner_Account__c: '001P03',
      Status__c: 'Active',
      Last_Reviewed_On__c: '2026-11-01',
      Next_Review_On__c: '2026-11-10'
    },
    {
      Id: 'a04P04',
      Partner_Account__c: '001P04',
      Status__c: 'Active',
      Last_Reviewed_On__c: '2026-11-01',
      Next_Review_On__c: '2027-02-01'
    }
  ]
};

async function loaded(data: unknown = health): Promise<HTMLElement> {
  const element = createElement('c-account-plan-health', { is: AccountPlanHealth });
  document.body.appendChild(element);
  wireOf(getSettings).emit(DEFAULT_SETTINGS);
  wireOf(getPlanHealth).emit(data);
  await flushPromises();
  return element;
}

describe('c-account-plan-health', () => {
  afterEach(resetDom);

  it('lists key partners with no active plan or an overdue review, each linked', async () => {
    const element = await loaded();
    const partners = Array.from(root(element).querySelectorAll('tbody th c-page-link')).map(
      (link) => (link as Element & { label: string }).label
    );
    expect(partners).toEqual(['No Plan Gold', 'Stale Platinum', 'Review Due Gold']);
    const problems = Array.from(root(element).querySelectorAll('tbody td.slds-cell-wrap')).map(
      (cell) => cell.textContent
    );
    expect(problems[2]).toBe('c.PSMS_AccountPlanHealth_Review_Due');
  });

  it('says when every key partner is healthy', async () => {
    const element = await loaded({ ...health, partners: [health.partners[3]] });
    expect(root(element).textContent).toContain('c.PSMS_AccountPlanHealth_All_Healthy');
  });

  it('shows a load error in the shared error panel', async () => {
    const element = createElement('c-account-plan-health', { is: AccountPlanHealth });
    document.body.appendChild(element);
    wireOf(getPlanHealth).error({ message: 'No plan access' });
    await flushPromises();
    expect(root(root(element).querySelector('c-error-panel') as Element).textContent).toContain(
      'No plan access'
    );
  });

  it('is accessible', async () => {
    await expect(await loaded()).toBeAccessible();
  });
});
