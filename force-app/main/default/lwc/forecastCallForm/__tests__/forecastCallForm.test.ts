import { createElement } from 'lwc';
import ForecastCallForm from 'c/forecastCallForm';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

function mount(): HTMLElement & { reset(): void; disabled: boolean } {
  const element = createElement('c-forecast-call-form', { is: ForecastCallForm }) as HTMLElement & {
    reset(): void;
    disabled: boolean;
  };
  Object.assign(element, { partnerOptions: [{ label: 'Acme', value: '001A' }] });
  document.body.appendChild(element);
  return element;
}
const shadow = (element: Element) => element.shadowRoot as ShadowRoot;
function type(element: Element, field: string, value: string): void {
  const input = shadow(element).querySelector(`[data-field="${field}"]`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new CustomEvent('change'));
}
const submit = (element: Element) =>
  shadow(element).querySelector('[data-id="submit"]') as HTMLElement & { disabled: boolean };

describe('c-forecast-call-form', () => {
  afterEach(resetDom);

  it('submits a call only with both amounts, and only once while its container works', async () => {
    const element = mount();
    const calls = jest.fn();
    element.addEventListener('submitcall', calls);
    await flushPromises();
    expect(submit(element).disabled).toBe(true);
    type(element, 'commit', '1000');
    type(element, 'bestCase', '1500');
    await flushPromises();
    expect(submit(element).disabled).toBe(false);
    submit(element).click();
    expect(calls.mock.calls[0][0].detail).toEqual({
      partnerAccountId: null,
      commitCall: 1000,
      bestCaseCall: 1500,
      note: null
    });
    element.disabled = true;
    await flushPromises();
    expect(submit(element).disabled).toBe(true);
    submit(element).click();
    expect(calls).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('is emptied by reset() once the call is kept, so it cannot be sent twice', async () => {
    const element = mount();
    await flushPromises();
    type(element, 'commit', '1000');
    type(element, 'bestCase', '1500');
    await flushPromises();
    element.reset();
    await flushPromises();
    expect((shadow(element).querySelector('[data-field="commit"]') as HTMLInputElement).value).toBeNull();
    expect(submit(element).disabled).toBe(true);
  });
});
