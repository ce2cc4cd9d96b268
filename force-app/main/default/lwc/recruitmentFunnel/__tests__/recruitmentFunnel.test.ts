import { createElement } from 'lwc';
import RecruitmentFunnel from 'c/recruitmentFunnel';
import { recruitmentFunnel, type Account, type FunnelReport } from 'c/psmsEngine';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;

async function funnelOf(accounts: Account[]): Promise<HTMLElement> {
  const element = createElement('c-recruitment-funnel', { is: RecruitmentFunnel }) as HTMLElement & {
    funnel: FunnelReport;
    names: Record<string, string>;
  };
  element.funnel = recruitmentFunnel({ period: 'FY2026-Q2', today: '2026-05-15', accounts });
  element.names = Object.fromEntries(accounts.map((a) => [a.Id, a.Name ?? a.Id]));
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const onboarding = (i: number): Account => ({
  Id: `001S${String(i).padStart(2, '0')}`,
  Name: `Stuck ${i}`,
  Partner_Status__c: 'Onboarding',
  Recruited_On__c: '2025-12-01'
});

describe('c-recruitment-funnel (SPEC §12)', () => {
  afterEach(resetDom);

  it('shows the stages reached, the count per status and the partners stuck in onboarding', async () => {
    const element = await funnelOf([
      {
        Id: '001A',
        Name: 'Active one',
        Partner_Status__c: 'Active',
        Recruited_On__c: '2026-04-02',
        Activated_On__c: '2026-04-12'
      },
      onboarding(1)
    ]);
    expect(root(element).querySelector('[data-stage="recruited"]')?.textContent).toContain('1');
    expect(root(element).querySelector('[data-stage="toActivate"]')?.textContent).toContain('10');
    expect(root(element).querySelector('[data-status="Onboarding"]')?.textContent).toContain('1');
    const stuck = root(element).querySelector('[data-partner="001S01"] c-page-link') as Element & {
      label: string;
    };
    expect(stuck.label).toBe('Stuck 1');
  });

  it('pages a long stuck list, and says when none is stuck', async () => {
    const element = await funnelOf(Array.from({ length: 12 }, (_unused, i) => onboarding(i)));
    expect(root(element).querySelectorAll('[data-partner]')).toHaveLength(10);
    (root(element).querySelector('lightning-button') as HTMLElement).click();
    await flushPromises();
    expect(root(element).querySelectorAll('[data-partner]')).toHaveLength(12);
    resetDom();
    expect(root(await funnelOf([])).textContent).toContain('c.PSMS_Funnel_Stuck_None');
  });

  it('is accessible', async () => {
    await expect(await funnelOf([onboarding(1)])).toBeAccessible();
  });
});
