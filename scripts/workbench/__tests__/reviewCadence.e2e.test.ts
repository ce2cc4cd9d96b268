import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openBrowser, type BrowserSession } from '../browserSession';
import { startWorkbench, type Workbench } from '../startWorkbench';

/**
 * The review cadence as a team runs it (issue 15's story, SPEC §10), in a real browser over the
 * package's own Apex in the local org runtime: a manager opens week 1, validates two deals and
 * adds an action for a rep; leadership accepts a manager's call; the rep sees the action on their
 * own agenda and asks for help on a deal; the manager's weekly call lists that deal. Each user is
 * signed in through the workbench's session (the user switcher's endpoint), so every call runs
 * with that user's permission set, sharing and custom permissions.
 */

jest.setTimeout(300_000);

const root = join(__dirname, '..', '..', '..');
// As the workbench e2e: .psms/screenshots, or docs/screenshots with `npm run screenshots`.
const shots = resolve(root, process.env.PSMS_SCREENSHOTS ?? '.psms/screenshots');
/** Week 1 of FY2026-Q4: the week-1 1:1 and the CEO/CFO roll-up are due. */
const TODAY = '2026-10-02';
let dir: string;
let workbench: Workbench;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'psms-cadence-e2e-'));
  workbench = await startWorkbench({
    root,
    port: 0,
    seed: 42,
    today: TODAY,
    databasePath: join(dir, 'demo.db')
  });
  browser = await openBrowser();
  // Judged at 1280 px: nothing may need a wider window.
  await browser.page.setViewportSize({ width: 1280, height: 900 });
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
  rmSync(dir, { recursive: true, force: true });
});

function query<T>(sql: string, ...params: string[]): T[] {
  return workbench.org.runtime.database.sql.prepare(sql).all(...params) as T[];
}

/** Polls until `read()` gives `want` (each write goes through the Apex, then the page re-reads). */
async function eventually<T>(read: () => T | Promise<T>, want: T, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(want) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  expect(last).toEqual(want);
}

function user(role: string) {
  const found = workbench.org.users.find((u) => u.role === role);
  if (!found) throw new Error(`the workbench offers no ${role} to sign in as`);
  return found;
}

/** Signs in as a demo user and opens the Review Cadence page on a meeting of this week. */
async function openCadenceAs(userId: string, meeting: string): Promise<void> {
  const page = browser.page;
  await page.goto(`${workbench.url}#/review-cadence`);
  const status = await page.evaluate(async (id) => {
    const response = await fetch('/api/workbench/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: id })
    });
    return response.status;
  }, userId);
  expect(status).toBe(200);
  await page.reload();
  await page.locator(`lightning-button[data-name="${meeting}"] button`).waitFor({ timeout: 60_000 });
  await page.locator(`lightning-button[data-name="${meeting}"] button`).click();
  await page.locator(`[data-meeting="${meeting}"]`).waitFor();
}

const FORECAST_1_1 = 'Partner Forecast & Acquisition 1:1';
const ROLL_UP = 'CEO/CFO Forecast Roll-Up';
const TEAM_CALL = 'Weekly Partner Team Call';
const SUBJECT = 'Bring the partner’s executive sponsor to the next call';

describe('the review cadence (SPEC §10): validate, assign, accept, see, ask for help', () => {
  it('a manager opens week 1, validates two deals and adds an action for a rep', async () => {
    const manager = user('manager');
    const rep = user('rep');
    const page = browser.page;
    await openCadenceAs(manager.id, FORECAST_1_1);
    // Week 1 is this week, and opens first.
    await page.locator('c-cadence-calendar button[data-week="1"][aria-pressed="true"]').waitFor();

    const validate = page.locator('[data-list="validation"] lightning-button[data-action="validate"] button');
    const validatedBy = () =>
      query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM Opportunity WHERE Validated_By__c = ? AND Validated_On__c = ?',
        manager.id,
        TODAY
      )[0].n;
    const before = validatedBy();
    await validate.first().click();
    await eventually(validatedBy, before + 1);
    await validate.first().click();
    await eventually(validatedBy, before + 2);

    await page.locator('lightning-combobox[data-id="action-rep"] button').click();
    await page
      .locator('lightning-combobox[data-id="action-rep"]')
      .getByRole('option', { name: rep.name, exact: true })
      .click();
    await page.locator('lightning-input[data-id="action-subject"] input').fill(SUBJECT);
    await page.locator('[data-id="add-action"] button').click();
    await page.screenshot({ path: join(shots, 'cadence-week1-forecast-1on1.png'), fullPage: true });
    await eventually(
      () =>
        query<{ Owner__c: string; OwnerId: string; Assigned_By__c: string; Status__c: string }>(
          'SELECT Owner__c, OwnerId, Assigned_By__c, Status__c FROM Review_Action__c WHERE Subject__c = ?',
          SUBJECT
        ),
      [{ Owner__c: rep.id, OwnerId: rep.id, Assigned_By__c: manager.id, Status__c: 'Open' }]
    );
  });

  it('leadership accepts a manager’s call in the CEO/CFO roll-up', async () => {
    const leader = user('leadership');
    const page = browser.page;
    await openCadenceAs(leader.id, ROLL_UP);
    const accepted = () =>
      query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM Forecast_Submission__c WHERE Accepted_By__c = ? AND Accepted_On__c LIKE ?',
        leader.id,
        `${TODAY}%`
      )[0].n;
    const before = accepted();
    await page
      .locator('[data-list="byManager"] lightning-button[data-action="accept"] button')
      .first()
      .click();
    await eventually(accepted, before + 1);
    await page.locator('[data-list="byManager"] [data-id="accepted"]').first().waitFor();
    await page.screenshot({ path: join(shots, 'cadence-roll-up.png'), fullPage: true });
  });

  it('the rep sees the action on their own agenda and asks for help on a deal', async () => {
    const rep = user('rep');
    const page = browser.page;
    await openCadenceAs(rep.id, FORECAST_1_1);
    await page.locator('[data-list="openActions"]').getByText(SUBJECT).waitFor();

    // The first of the rep's deals on the agenda that asks for nothing yet.
    const row = page
      .locator('[data-list="validation"] tbody tr')
      .filter({ has: page.locator('lightning-button[data-action="help"]') })
      .first();
    const name = ((await row.locator('th').textContent()) ?? '').trim();
    await row.locator('lightning-button[data-action="help"] button').click();
    // One editor is open at a time; the row itself no longer offers the button.
    await page.locator('[data-id="help-editor"] input').fill('Legal review of the partner terms');
    await page.locator('lightning-button[data-action="save-help"] button').click();
    await eventually(
      () =>
        query<{ h: string }>(
          'SELECT Help_Needed__c AS h FROM Opportunity WHERE Name = ? AND OwnerId = ?',
          name,
          rep.id
        )[0]?.h,
      'Legal review of the partner terms'
    );
  });

  it('the weekly call lists the help-needed deal', async () => {
    const manager = user('manager');
    const rep = user('rep');
    const [deal] = query<{ Name: string }>(
      'SELECT Name FROM Opportunity WHERE OwnerId = ? AND Help_Needed__c = ?',
      rep.id,
      'Legal review of the partner terms'
    );
    await openCadenceAs(manager.id, TEAM_CALL);
    const helpNeeded = browser.page.locator('[data-list="helpNeeded"]');
    await helpNeeded.getByText('Legal review of the partner terms').waitFor();
    await helpNeeded.getByText(deal.Name).first().waitFor();
    await browser.page.screenshot({ path: join(shots, 'cadence.png'), fullPage: true });
    // Nothing of the page runs off a 1280-px window, and nothing in it scrolls sideways.
    for (const selector of [
      'c-cadence-calendar',
      '[data-id="week-meetings"]',
      '[data-id="scorecards"]',
      '[data-id="plans"]',
      '[data-id="funnel"]',
      '[data-id="maturity"]'
    ]) {
      const box = await browser.page
        .locator(selector)
        .first()
        .evaluate((el) => ({
          right: el.getBoundingClientRect().right,
          sideways: el.scrollWidth > el.clientWidth
        }));
      expect({ selector, fits: box.right <= 1280, sideways: box.sideways }).toEqual({
        selector,
        fits: true,
        sideways: false
      });
    }
    expect(browser.consoleErrors).toEqual([]);
  });
});
