import { createElement } from 'lwc';
import AccuracyTable from 'c/accuracyTable';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

const view = (key: string, label: string, accuracy = '90%') => ({
  key,
  label,
  call: '100',
  actual: '110',
  accuracy,
  bias: '-9%'
});

function mount(props: Record<string, unknown>): HTMLElement {
  const element = createElement('c-accuracy-table', { is: AccuracyTable });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}
const shadow = (element: Element) => element.shadowRoot as ShadowRoot;

describe('c-accuracy-table', () => {
  afterEach(resetDom);

  it('names each group under the heading it is given (Partner or Manager), with the total', async () => {
    const element = mount({
      rows: [view('005M1', 'Mia Manager')],
      total: view('total', 'Whole team'),
      groupLabel: 'Manager'
    });
    await flushPromises();
    expect(shadow(element).querySelector('thead th')?.textContent).toBe('Manager');
    expect(shadow(element).querySelector('tbody th')?.textContent).toBe('Mia Manager');
    expect(shadow(element).querySelector('tfoot th')?.textContent).toBe('Whole team');
    await expect(element).toBeAccessible();
  });

  it('pages a long list', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => view(`p${i}`, `Partner ${i}`));
    const element = mount({ rows, total: null });
    await flushPromises();
    expect(shadow(element).querySelectorAll('tbody tr')).toHaveLength(25);
    shadow(element)
      .querySelector('c-paginator')
      ?.dispatchEvent(new CustomEvent('pagechange', { detail: { page: 1 } }));
    await flushPromises();
    expect(Array.from(shadow(element).querySelectorAll('tbody th')).map((th) => th.textContent)).toEqual([
      'Partner 25',
      'Partner 26',
      'Partner 27',
      'Partner 28',
      'Partner 29'
    ]);
  });

  it('says when no week-1 call was made', async () => {
    const element = mount({ rows: [], total: null });
    await flushPromises();
    expect(shadow(element).textContent).toContain('c.PSMS_AccuracyTable_Empty');
  });
});
