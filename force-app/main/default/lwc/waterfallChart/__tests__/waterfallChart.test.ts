import { createElement } from 'lwc';
import WaterfallChart from 'c/waterfallChart';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

const STEPS = [
  { key: 'from', label: 'Commit forecast 2026-11-09', kind: 'total' as const, value: 130000 },
  { key: 'Pushed out', label: 'Pushed out', kind: 'delta' as const, value: -80000 },
  { key: 'Category up', label: 'Category up', kind: 'delta' as const, value: 100000 },
  { key: 'to', label: 'Commit forecast 2026-11-16', kind: 'total' as const, value: 150000 }
];

function mount(selectedKey: string | null = null): HTMLElement {
  const element = createElement('c-waterfall-chart', { is: WaterfallChart });
  Object.assign(element, { steps: STEPS, chartTitle: 'Week-over-week change', selectedKey });
  document.body.appendChild(element);
  return element;
}
const shadow = (element: Element) => element.shadowRoot as ShadowRoot;

describe('c-waterfall-chart', () => {
  afterEach(resetDom);

  it('reads in full: one row per step with its label and its signed amount', async () => {
    const element = mount();
    await flushPromises();
    const rows = Array.from(shadow(element).querySelectorAll('li'));
    expect(rows.map((row) => row.querySelector('.step-label')?.textContent)).toEqual(
      STEPS.map((s) => s.label)
    );
    expect(rows.map((row) => row.querySelector('[data-id="value"]')?.textContent)).toEqual([
      '130,000',
      '-80,000',
      '+100,000',
      '150,000'
    ]);
    expect(shadow(element).querySelector('ol')?.getAttribute('aria-label')).toBe('Week-over-week change');
    await expect(element).toBeAccessible();
  });

  it('draws each delta from where the last step left the forecast, in the colour of its direction', async () => {
    const element = mount();
    await flushPromises();
    const bars = Array.from(shadow(element).querySelectorAll('.bar')) as HTMLElement[];
    expect(bars.map((bar) => bar.className)).toEqual(['bar total', 'bar down', 'bar up', 'bar total']);
    // Scale 0 … 150,000: Pushed out spans 50,000 → 130,000, Category up 50,000 → 150,000.
    expect(bars[1].getAttribute('style')).toContain('left: 33.33%');
    expect(bars[1].getAttribute('style')).toContain('width: 53.33%');
    expect(bars[2].getAttribute('style')).toContain('left: 33.33%');
    expect(bars[2].getAttribute('style')).toContain('width: 66.67%');
  });

  it('each bar is a button that asks for the deals behind it; the chosen one is pressed', async () => {
    const element = mount('Category up');
    const select = jest.fn();
    element.addEventListener('select', select);
    await flushPromises();
    const buttons = Array.from(shadow(element).querySelectorAll('button')) as HTMLElement[];
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).toEqual([
      'false',
      'false',
      'true',
      'false'
    ]);
    buttons[1].click();
    expect(select.mock.calls[0][0].detail).toEqual({ key: 'Pushed out' });
  });
});
