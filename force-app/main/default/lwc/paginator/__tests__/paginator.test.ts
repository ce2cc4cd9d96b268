import { createElement } from 'lwc';
import Paginator, { pageOf } from 'c/paginator';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

// The labels' own text, so the test reads what a user reads.
jest.mock('@salesforce/label/c.PSMS_Paginator_Range', () => ({ default: '{0}–{1} of {2}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.PSMS_Paginator_Label', () => ({ default: 'Pages of {0}' }), { virtual: true });

function mount(props: { total: number; pageSize?: number; page?: number }): HTMLElement {
  const element = createElement('c-paginator', { is: Paginator });
  Object.assign(element, { listLabel: 'findings', ...props });
  document.body.appendChild(element);
  return element;
}
const shadow = (element: Element) => element.shadowRoot as ShadowRoot;

describe('c-paginator (every long list is paged)', () => {
  afterEach(resetDom);

  it('shows which rows are on screen out of how many, with previous and next', async () => {
    const element = mount({ total: 1548, pageSize: 25, page: 1 });
    await flushPromises();
    expect(shadow(element).querySelector('[data-id="range"]')?.textContent).toBe('26–50 of 1,548');
    expect(shadow(element).querySelector('nav')?.getAttribute('aria-label')).toBe('Pages of findings');
    await expect(element).toBeAccessible();
  });

  it('asks for the next and the previous page, and cannot go past either end', async () => {
    const element = mount({ total: 60, pageSize: 25, page: 0 });
    const pages: number[] = [];
    element.addEventListener('pagechange', (event) =>
      pages.push((event as CustomEvent<{ page: number }>).detail.page)
    );
    await flushPromises();
    const previous = shadow(element).querySelector('[data-id="previous"]') as HTMLElement & {
      disabled: boolean;
    };
    const next = shadow(element).querySelector('[data-id="next"]') as HTMLElement & { disabled: boolean };
    expect(previous.disabled).toBe(true);
    next.click();
    expect(pages).toEqual([1]);
    Object.assign(element, { page: 2 });
    await flushPromises();
    expect(next.disabled).toBe(true);
    expect(shadow(element).querySelector('[data-id="range"]')?.textContent).toBe('51–60 of 60');
    previous.click();
    expect(pages).toEqual([1, 1]);
  });

  it('shows nothing for a list that fits on one page', async () => {
    const element = mount({ total: 25, pageSize: 25 });
    await flushPromises();
    expect(shadow(element).querySelector('nav')).toBeNull();
  });

  it('pageOf keeps the page within a list that got shorter', () => {
    const rows = Array.from({ length: 30 }, (_, i) => i);
    expect(pageOf(rows, 1, 25)).toEqual({ rows: [25, 26, 27, 28, 29], page: 1 });
    expect(pageOf(rows.slice(0, 10), 3, 25)).toEqual({ rows: rows.slice(0, 10), page: 0 });
    expect(pageOf([], 2, 25)).toEqual({ rows: [], page: 0 });
  });
});
