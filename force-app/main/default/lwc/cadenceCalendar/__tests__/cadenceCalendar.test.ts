import { createElement } from 'lwc';
import CadenceCalendar from 'c/cadenceCalendar';
import { DEFAULT_SETTINGS, quarterCalendar } from 'c/psmsEngine';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

async function calendar(selectedWeek = 4): Promise<HTMLElement> {
  const element = createElement('c-cadence-calendar', { is: CadenceCalendar }) as HTMLElement & {
    weeks: unknown;
    selectedWeek: number;
  };
  element.weeks = quarterCalendar('2026-04-22', DEFAULT_SETTINGS).weeks;
  element.selectedWeek = selectedWeek;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-cadence-calendar (SPEC §1: the 13 weeks of a quarter)', () => {
  afterEach(resetDom);

  it('shows every week with its dates and meetings, today’s week marked', async () => {
    const element = await calendar();
    const weeks = root(element).querySelectorAll('button[data-week]');
    expect(weeks).toHaveLength(13);
    expect(weeks[0].textContent).toContain('Weekly Partner Team Call');
    expect(weeks[0].textContent).toContain('CEO/CFO Forecast Roll-Up');
    expect(weeks[7].textContent).toContain('MBR (Monthly Business Review)');
    const today = root(element).querySelector('[data-id="today"]')?.closest('button');
    expect(today?.getAttribute('data-week')).toBe('4');
  });

  it('marks the open week as pressed and emits weekselect on a click', async () => {
    const element = await calendar(2);
    expect(root(element).querySelector('button[data-week="2"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(root(element).querySelector('button[data-week="4"]')?.getAttribute('aria-pressed')).toBe('false');
    const handler = jest.fn();
    element.addEventListener('weekselect', handler);
    (root(element).querySelector('button[data-week="9"]') as HTMLElement).click();
    expect(handler.mock.calls[0][0].detail).toEqual({ week: 9 });
  });

  it('is accessible', async () => {
    await expect(await calendar()).toBeAccessible();
  });
});
