import { createElement } from 'lwc';
import MaturityTrend from 'c/maturityTrend';
import type { MaturityTrendPoint } from 'c/psmsEngine';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

async function trend(points: MaturityTrendPoint[]): Promise<HTMLElement> {
  const element = createElement('c-maturity-trend', { is: MaturityTrend }) as HTMLElement & {
    points: MaturityTrendPoint[];
  };
  element.points = points;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-maturity-trend (SPEC §12: maturity over time)', () => {
  afterEach(resetDom);

  it('one row per saved quarter with the self-assessed and the measured score, bars scaled to 4', async () => {
    const element = await trend([
      { period: 'FY2026-Q1', assessmentId: 'a', assessedOn: '2026-02-01', score: 2, measuredScore: 3 },
      { period: 'FY2026-Q2', assessmentId: 'b', assessedOn: '2026-05-01', score: 2.5, measuredScore: null }
    ]);
    const rows = root(element).querySelectorAll('tbody tr');
    expect(rows[0].textContent).toContain('FY2026-Q1');
    expect(rows[0].textContent).toContain('2');
    expect((rows[0].querySelector('.self') as HTMLElement).getAttribute('style')).toContain('width: 50.0%');
    expect((rows[0].querySelector('.measured') as HTMLElement).getAttribute('style')).toContain(
      'width: 75.0%'
    );
    expect(rows[1].textContent).toContain('c.PSMS_Format_Not_Available');
    expect((rows[1].querySelector('.measured') as HTMLElement).getAttribute('style')).toContain(
      'width: 0.0%'
    );
  });

  it('asks for a first assessment when none is saved', async () => {
    expect(root(await trend([])).textContent).toContain('c.PSMS_MaturityTrend_None');
  });

  it('is accessible', async () => {
    await expect(
      await trend([{ period: 'FY2026-Q1', assessmentId: 'a', assessedOn: null, score: 2, measuredScore: 3 }])
    ).toBeAccessible();
  });
});
