import { createElement } from 'lwc';
import RepScorecards from 'c/repScorecards';
import type { RepScorecard } from 'c/psmsEngine';
import { flushPromises, resetDom } from '../../../../../test/jest/apexMocks';

const root = (element: Element): ShadowRoot => element.shadowRoot as ShadowRoot;
const card = (fields: Partial<RepScorecard>): RepScorecard => ({
  repId: '005R1',
  actionsDue: 4,
  actionsDoneOnTime: 2,
  actionsOnTime: 0.5,
  commitAmount: 1800,
  validatedCommitAmount: 1000,
  validatedShare: 1000 / 1800,
  hygieneOpen: 4,
  hygienePercent: 0.75,
  previousPeriod: 'FY2026-Q1',
  accuracy: 0.9,
  bias: -0.1,
  ...fields
});

async function scorecards(cards: RepScorecard[]): Promise<HTMLElement> {
  const element = createElement('c-rep-scorecards', { is: RepScorecards }) as HTMLElement & {
    scorecards: RepScorecard[];
    names: Record<string, string>;
  };
  element.scorecards = cards;
  element.names = { '005R1': 'Rita Rep', '005R2': 'Raj Rep' };
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe("c-rep-scorecards (SPEC §10: a rep's scorecard for the quarter)", () => {
  afterEach(resetDom);

  it('one row per rep by name: actions on time, validated Commit, hygiene, last quarter’s accuracy', async () => {
    const element = await scorecards([
      card({}),
      card({ repId: '005R2', actionsOnTime: null, actionsDue: 0, accuracy: null })
    ]);
    const rows = Array.from(root(element).querySelectorAll('tbody tr'));
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Raj Rep', 'Rita Rep']);
    const rita = rows[1].textContent ?? '';
    expect(rita).toContain('50%');
    expect(rita).toContain('56%');
    expect(rita).toContain('75%');
    expect(rita).toContain('90%');
    expect(rows[0].textContent).toContain('c.PSMS_Format_Not_Available');
  });

  it('pages a whole channel of reps', async () => {
    const element = await scorecards(
      Array.from({ length: 18 }, (_unused, i) => card({ repId: `005X${String(i).padStart(2, '0')}` }))
    );
    expect(root(element).querySelectorAll('tbody tr')).toHaveLength(15);
    (root(element).querySelector('lightning-button') as HTMLElement).click();
    await flushPromises();
    expect(root(element).querySelectorAll('tbody tr')).toHaveLength(18);
  });

  it('says when no rep has anything this quarter', async () => {
    const element = await scorecards([]);
    expect(root(element).textContent).toContain('c.PSMS_Scorecard_None');
  });

  it('is accessible', async () => {
    await expect(await scorecards([card({})])).toBeAccessible();
  });
});
