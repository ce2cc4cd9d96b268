import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, type BrowserSession } from '../browserSession';
import { startWorkbench, type Workbench } from '../startWorkbench';

/**
 * Each role in the Partner Sales app, signed in through the workbench's "Signed in as" switcher:
 * the app shows exactly the page tabs that role's permission set makes visible (README, Tabs),
 * every one of them opens without an error or a console error when the package's Apex runs as
 * that user, and a tab the role does not see says so instead of failing inside its components.
 */

jest.setTimeout(300_000);

const root = join(__dirname, '..', '..', '..');
let dir: string;
let workbench: Workbench;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'psms-roles-e2e-'));
  workbench = await startWorkbench({ root, port: 0, seed: 42, databasePath: join(dir, 'demo.db') });
  browser = await openBrowser();
  await browser.page.setViewportSize({ width: 1280, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ROLE_NAMES = {
  rep: 'Partner rep',
  manager: 'Partner manager',
  leadership: 'Leadership',
  admin: 'PSMS admin'
};
type Role = keyof typeof ROLE_NAMES;

/** The tabs each role works in, in the app's order (README, Tabs); every role has the Opportunity page. */
const TABS: Record<Role, string[]> = {
  rep: ['Opportunity', 'Review Cadence', 'Partner Forecast', 'Registration Desk', 'Pipeline Hygiene'],
  manager: [
    'Opportunity',
    'Review Cadence',
    'Partner Forecast',
    'Registration Desk',
    'Pipeline Hygiene',
    'Partner KPIs',
    'Partner Programme'
  ],
  leadership: [
    'Opportunity',
    'Review Cadence',
    'Partner Forecast',
    'Pipeline Hygiene',
    'Partner KPIs',
    'Partner Programme'
  ],
  admin: [
    'Opportunity',
    'Review Cadence',
    'Partner Forecast',
    'Registration Desk',
    'Pipeline Hygiene',
    'Partner KPIs',
    'Partner Programme',
    'PSMS Setup'
  ]
};

/** Loaded: no spinner for a second (a page's title shows before its data, and data loads in steps). */
async function settled(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (let quiet = 0; quiet < 5 && Date.now() < deadline;) {
    quiet = (await browser.page.locator('lightning-spinner').count()) === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Signs in the way a person does: the switcher's select, which reloads the app as that user. */
async function signInAs(role: Role): Promise<void> {
  const user = workbench.org.users.find((u) => u.role === role);
  if (!user) throw new Error(`the workbench offers no ${role}`);
  const select = browser.page.locator('wb-user-switcher select');
  await select.waitFor({ timeout: 30_000 });
  await Promise.all([
    browser.page.waitForEvent('load'),
    select.selectOption({ label: `${user.name} · ${ROLE_NAMES[role]}` })
  ]);
  await browser.page.locator('nav[aria-label="Pages"] a').first().waitFor({ timeout: 30_000 });
}

async function tabLabels(): Promise<string[]> {
  return (await browser.page.locator('nav[aria-label="Pages"] a').allTextContents()).map((t) => t.trim());
}

describe.each(Object.keys(TABS) as Role[])('signed in as the %s', (role) => {
  it('sees exactly the tabs of their permission set, and each opens without an error', async () => {
    await browser.page.goto(workbench.url);
    await signInAs(role);
    expect(await browser.page.locator('wb-user-switcher select').inputValue()).toBe(
      workbench.org.users.find((u) => u.role === role)?.id
    );
    expect(await tabLabels()).toEqual(TABS[role]);
    const hrefs = await browser.page
      .locator('nav[aria-label="Pages"] a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const failed: string[] = [];
    browser.page.on('requestfinished', (request) => {
      void request.response().then(async (response) => {
        if (response && response.status() >= 400)
          failed.push(
            `${response.status()} ${new URL(request.url()).pathname} ${request.postData() ?? ''} ${await response.text()}`
          );
      });
    });
    for (const href of hrefs.filter((h) => h !== '#/opportunity')) {
      browser.consoleErrors.length = 0;
      failed.length = 0;
      await browser.page.goto(`${workbench.url}${href}`);
      await browser.page.waitForLoadState('networkidle');
      await settled();
      const problems = {
        page: href,
        errorPanels: await browser.page.locator('main c-error-panel').count(),
        hiddenTab: await browser.page.locator('[data-id="hidden-tab"]').count(),
        // A failed request is reported below with its URL and answer, not as the browser's one-liner.
        consoleErrors: browser.consoleErrors.filter((m) => !m.startsWith('Failed to load resource')),
        // Only a record's name the user may not read (another partner's registration): the org
        // refuses that lookup too, and the link shows the object's label as text.
        failedRequests: failed.filter((f) => !f.startsWith('404 /api/ui/getRecord '))
      };
      expect(problems).toEqual({
        page: href,
        errorPanels: 0,
        hiddenTab: 0,
        consoleErrors: [],
        failedRequests: []
      });
    }
  });
});

describe.each(Object.keys(TABS) as Role[])('record pages, signed in as the %s', (role) => {
  it('an opportunity and a registration the role may read open with their panels and no error', async () => {
    const user = workbench.org.users.find((u) => u.role === role);
    const sql = workbench.org.runtime.database.sql;
    // The rep's own registration (they are Private); any for the others, who read them all or decide them.
    const registration = sql
      .prepare(
        `SELECT Id FROM "Deal_Registration__c" ${role === 'rep' ? 'WHERE OwnerId = ?' : ''} ORDER BY Id LIMIT 1`
      )
      .get(...(role === 'rep' && user ? [user.id] : [])) as { Id: string };
    const opportunity = sql
      .prepare(`SELECT Id FROM "Opportunity" WHERE IsClosed = 0 ORDER BY Id LIMIT 1`)
      .get() as {
      Id: string;
    };
    await browser.page.goto(workbench.url);
    await signInAs(role);
    for (const hash of [`#/record/${registration.Id}`, `#/opportunity/${opportunity.Id}`]) {
      browser.consoleErrors.length = 0;
      await browser.page.goto(`${workbench.url}${hash}`);
      await browser.page
        .getByText(/details/i)
        .first()
        .waitFor({ timeout: 30_000 });
      await browser.page.waitForLoadState('networkidle');
      await settled();
      expect({
        hash,
        errorPanels: await browser.page.locator('main c-error-panel').count(),
        consoleErrors: browser.consoleErrors.filter((m) => !m.startsWith('Failed to load resource'))
      }).toEqual({ hash, errorPanels: 0, consoleErrors: [] });
    }
  });
});

describe('a tab the role does not see', () => {
  it('says it is not available to a rep, and runs none of its Apex', async () => {
    await browser.page.goto(workbench.url);
    await signInAs('rep');
    const calls: string[] = [];
    browser.page.on('request', (request) => {
      if (request.url().includes('/api/PartnerKpiController')) calls.push(request.url());
    });
    await browser.page.goto(`${workbench.url}#/partner-kpis`);
    await browser.page.locator('[data-id="hidden-tab"]').waitFor({ timeout: 30_000 });
    expect(await browser.page.locator('[data-id="hidden-tab"]').textContent()).toMatch(
      /The Partner KPIs tab is not available to you/
    );
    expect(await browser.page.locator('main [data-component]').count()).toBe(0);
    expect(calls).toEqual([]);
  });

  it('the admin alone reaches PSMS Setup, which reads the health of the install', async () => {
    await browser.page.goto(workbench.url);
    await signInAs('admin');
    await browser.page.goto(`${workbench.url}#/psms-setup`);
    const setup = browser.page.locator('[data-component="psmsSetup"]');
    await setup.locator('[data-id="summary"]').waitFor({ timeout: 30_000 });
    // Every PSMS permission set, the temporary data-load one included.
    expect(await setup.locator('tr[data-set]').count()).toBe(5);
    await signInAs('leadership');
    await browser.page.goto(`${workbench.url}#/psms-setup`);
    await browser.page.locator('[data-id="hidden-tab"]').waitFor({ timeout: 30_000 });
    expect(await browser.page.locator('main [data-component]').count()).toBe(0);
  });
});
