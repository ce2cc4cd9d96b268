import { createElement } from 'lwc';
import AccountPlanGoals from 'c/accountPlanGoals';
import type { PlanAttainment } from 'c/psmsEngine';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const plan = (index: number, fields: Partial<PlanAttainment> = {}): PlanAttainment => ({
  planId: `a04${index}`,
  partnerId: `001P${index}`,
  fiscalYear: 'FY2026',
  status: 'Active',
  objectives: 'Grow co-sell',
  revenueGoal: 2000,
  coSellGoal: 4,
  revenue: 700,
  coSellWins: 2,
  revenueAttainment: 0.35,
  coSellAttainment: 0.5,
  satisfaction: 8,
  lastReviewedOn: null,
  ...fields
});

async function goals(plans: PlanAttainment[]): Promise<HTMLElement> {
  const element = createElement('c-account-plan-goals', { is: AccountPlanGoals }) as HTMLElement & {
    plans: PlanAttainment[];
    names: Record<string, string>;
  };
  element.plans = plans;
  element.names = Object.fromEntries(
    plans.map((p, i) => [p.partnerId, `Partner ${String(i).padStart(2, '0')}`])
  );
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-account-plan-goals (SPEC §12: every plan, goals against attainment)', () => {
  afterEach(resetDom);

  it('lists each plan linked by partner name, with revenue and co-sell against the goals, satisfaction and objectives', async () => {
    const element = await goals([
      plan(1),
      plan(2, { revenueAttainment: null, revenueGoal: null, satisfaction: null })
    ]);
    const rows = root(element).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    const link = rows[0].querySelector('c-page-link') as Element & { recordId: string; label: string };
    expect([link.recordId, link.label]).toEqual(['a041', 'Partner 00']);
    expect(rows[0].textContent).toContain('35%');
    expect(rows[0].textContent).toContain('50%');
    expect(rows[0].textContent).toContain('Grow co-sell');
    expect(rows[1].textContent).toContain('c.PSMS_Format_Not_Available');
  });

  it('pages a long list', async () => {
    const element = await goals(Array.from({ length: 20 }, (_unused, i) => plan(i)));
    expect(root(element).querySelectorAll('tbody tr')).toHaveLength(15);
    (root(element).querySelector('lightning-button') as HTMLElement).click();
    await flushPromises();
    expect(root(element).querySelectorAll('tbody tr')).toHaveLength(20);
  });

  it('says when there is no plan', async () => {
    expect(root(await goals([])).textContent).toContain('c.PSMS_PlanGoals_None');
  });

  it('is accessible', async () => {
    await expect(await goals([plan(1)])).toBeAccessible();
  });
});
