import { createElement } from 'lwc';
import PageLink from 'c/pageLink';
import * as uiRecordApi from 'lightning/uiRecordApi';
import * as objectInfoApi from 'lightning/uiObjectInfoApi';
import { flushPromises, resetDom, wireOf } from '../../../../../test/jest/apexMocks';

function mount(props: Record<string, unknown>): HTMLElement {
  const element = createElement('c-page-link', { is: PageLink });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}
const link = (element: Element) => (element.shadowRoot as ShadowRoot).querySelector('a');

describe('c-page-link: a record is named, never shown by its id', () => {
  afterEach(resetDom);

  it('shows the label it is given, and asks for nothing', async () => {
    const element = mount({ recordId: '006A', objectApiName: 'Opportunity', label: 'Delta expansion' });
    await flushPromises();
    expect(link(element)?.textContent).toBe('Delta expansion');
    expect(wireOf(uiRecordApi.getRecord).getLastConfig()).toMatchObject({ recordId: undefined });
    await expect(element).toBeAccessible();
  });

  it("without a label, reads the record's Name through Lightning Data Service", async () => {
    const element = mount({ recordId: '006A', objectApiName: 'Opportunity' });
    await flushPromises();
    expect(link(element)).toBeNull();
    expect(wireOf(uiRecordApi.getRecord).getLastConfig()).toEqual({
      recordId: '006A',
      optionalFields: ['Opportunity.Name']
    });
    wireOf(uiRecordApi.getRecord).emit({
      apiName: 'Opportunity',
      id: '006A',
      fields: { Name: { value: 'Pushed deal' } }
    });
    await flushPromises();
    expect(link(element)?.textContent).toBe('Pushed deal');
  });

  it('without a name either, says what the record is', async () => {
    const element = mount({ recordId: 'a02A', objectApiName: 'Deal_Registration__c' });
    await flushPromises();
    wireOf(uiRecordApi.getRecord).emit({
      apiName: 'Deal_Registration__c',
      id: 'a02A',
      fields: { Name: { value: null } }
    });
    await flushPromises();
    expect(wireOf(objectInfoApi.getObjectInfo).getLastConfig()).toEqual({
      objectApiName: 'Deal_Registration__c'
    });
    wireOf(objectInfoApi.getObjectInfo).emit({ label: 'Deal Registration' });
    await flushPromises();
    expect(link(element)?.textContent).toBe('Deal Registration');
    expect(link(element)?.textContent).not.toContain('a02A');
  });

  it('a record the user may not open is named by its object, as text, not as a link', async () => {
    const element = mount({ recordId: 'a02B', objectApiName: 'Deal_Registration__c' });
    await flushPromises();
    wireOf(uiRecordApi.getRecord).error({
      status: 404,
      body: { message: 'The requested resource does not exist' }
    });
    await flushPromises();
    wireOf(objectInfoApi.getObjectInfo).emit({ label: 'Deal Registration' });
    await flushPromises();
    expect(link(element)).toBeNull();
    const text = (element.shadowRoot as ShadowRoot).querySelector('[data-id="unreadable"]');
    expect(text?.textContent).toBe('Deal Registration');
  });
});
