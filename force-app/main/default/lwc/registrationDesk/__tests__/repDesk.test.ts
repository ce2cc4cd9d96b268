import { createElement } from 'lwc';
import RegistrationDesk from 'c/registrationDesk';
import getDeskQueue from '@salesforce/apex/RegistrationDeskController.getDeskQueue';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS } from 'c/psmsEngine';
import { flushPromises, resetDom, wireOf } from '../../../../../test/jest/apexMocks';
import desk from './data/desk.json';

/** The desk as a partner rep sees it: no PSMS_Decide_Registrations, no PSMS_Resolve_Disputes. */

jest.mock('@salesforce/customPermission/PSMS_Decide_Registrations', () => ({ default: false }), {
  virtual: true
});
jest.mock('@salesforce/customPermission/PSMS_Resolve_Disputes', () => ({ default: false }), {
  virtual: true
});
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
  '@salesforce/apex/PsmsSettingsController.getSettings',
  () => ({
    default: jest
      .requireActual<ApexMockModule>('@salesforce/sfdx-lwc-jest')
      .createApexTestWireAdapter(jest.fn())
  }),
  { virtual: true }
);

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

describe('c-registration-desk for a rep', () => {
  afterEach(resetDom);

  it('shows their own registrations first, and no decision or resolution they may not make', async () => {
    const element = createElement('c-registration-desk', { is: RegistrationDesk });
    document.body.appendChild(element);
    wireOf(getDeskQueue).emit(desk);
    wireOf(getSettings).emit(DEFAULT_SETTINGS);
    await flushPromises();
    const sections = Array.from(root(element).querySelectorAll('section')).map(
      (s) => (s as HTMLElement).dataset.id
    );
    expect(sections).toEqual(['mine', 'queue', 'disputes', 'history']);
    const queue = root(root(element).querySelector('c-registration-queue') as Element);
    expect(queue.querySelectorAll('[data-action]')).toHaveLength(0);
    const disputes = root(root(element).querySelector('c-dispute-list') as Element);
    expect(disputes.querySelector('lightning-textarea')).toBeNull();
    expect(disputes.textContent).toContain('We introduced the customer months ago');
    await expect(element).toBeAccessible();
  });
});
