import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fiscalPeriodOf, nextPeriod } from '../../../force-app/main/default/lwc/psmsEngine/calendar';
import { rollUpForecast } from '../../../force-app/main/default/lwc/psmsEngine/forecast';
import { indexPartnerDeals } from '../../../force-app/main/default/lwc/psmsEngine/partnerDeals';
import { callAura } from '../../org/aura/auraCall';
import type {
  Opportunity,
  Partner_Deal__c,
  Partner_Target__c,
  User
} from '../../../force-app/main/default/lwc/psmsEngine/records';
import { openBrowser, type BrowserSession } from '../browserSession';
import { startWorkbench, type Workbench } from '../startWorkbench';

/**
 * The workbench in a real browser (SPEC §3, §6 user flows): Debian's chromium, the compiled
 * LWCs, the local adapter over a fresh demo database. Screenshots go to .psms/screenshots/
 * (docs/screenshots/ with `npm run screenshots`).
 */

jest.setTimeout(240_000);

const root = join(__dirname, '..', '..', '..');
// `npm run screenshots` points this at docs/screenshots (the README's); test runs keep theirs out of the tree.
const shots = resolve(root, process.env.PSMS_SCREENSHOTS ?? '.psms/screenshots');
let dir: string;
let workbench: Workbench;
let browser: BrowserSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'psms-e2e-'));
  mkdirSync(shots, { recursive: true });
  workbench = await startWorkbench({ root, port: 0, seed: 42, databasePath: join(dir, 'demo.db') });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await workbench?.close();
  rmSync(dir, { recursive: true, force: true });
});

function query<T>(sql: string, ...params: string[]): T[] {
  return workbench.org.runtime.database.sql.prepare(sql).all(...params) as T[];
}

async function open(hash: string, readyText: RegExp): Promise<void> {
  await browser.page.goto(`${workbench.url}${hash}`);
  await browser.page.getByText(readyText).first().waitFor({ timeout: 30_000 });
}

/** Loaded: no spinner for a second (a page's title shows before its data, and data loads in steps). */
async function settled(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (let quiet = 0; quiet < 5 && Date.now() < deadline;) {
    quiet = (await browser.page.locator('lightning-spinner').count()) === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Polls until `read()` gives `want` (the UI writes through the adapter asynchronously). */
async function eventually<T>(read: () => T | Promise<T>, want: T, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(want) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  expect(last).toEqual(want);
}

const amount = (text: string) => Number(text.replace(/[^0-9.-]/g, '') || 'NaN');

describe('every page', () => {
  it.each([
    ['forecast', /forecast/i],
    ['registrations', /disputes/i],
    ['hygiene', /hygiene/i],
    ['kpis', /./],
    ['cadence', /./],
    ['plans', /./],
    ['maturity', /./],
    ['opportunity', /open an opportunity/i]
  ])('%s renders with no console errors', async (page, ready) => {
    browser.consoleErrors.length = 0;
    await open(`#/${page}`, ready);
    await browser.page.waitForLoadState('networkidle');
    await settled();
    await browser.page.screenshot({ path: join(shots, `${page}.png`), fullPage: false });
    expect(browser.consoleErrors).toEqual([]);
  });
});

describe('opportunity record page (SPEC §6: first to register wins)', () => {
  it('flags co-sell, registers the deal (Submitted); a second partner for the same customer and product line is a Duplicate linked to the first', async () => {
    // An open deal with two partners, whose customer and product line nobody has registered and no direct deal conflicts with.
    const [deal] = query<{ Id: string; primaryDeal: string; second: string; secondName: string }>(`
      SELECT o.Id, p.Id AS primaryDeal, s.Partner_Account__c AS second, a.Name AS secondName FROM Opportunity o
      JOIN Partner_Deal__c p ON p.Opportunity__c = o.Id AND p.Is_Primary__c = 1 AND p.Co_Sell__c = 0
      JOIN Partner_Deal__c s ON s.Opportunity__c = o.Id AND s.Is_Primary__c = 0
      JOIN Account a ON a.Id = s.Partner_Account__c
      WHERE o.IsClosed = 0 AND NOT EXISTS (SELECT 1 FROM Deal_Registration__c r WHERE r.End_Customer_Account__c = o.AccountId AND r.Product_Line__c = o.Product_Line__c)
      ORDER BY o.Id LIMIT 1`);
    expect(deal).toBeDefined();
    const page = browser.page;
    await open(`#/opportunity/${deal.Id}`, /partners on this/i);

    await page.locator(`lightning-input[data-id="${deal.primaryDeal}"] .slds-checkbox_faux`).click();
    await eventually(
      () =>
        query<{ c: number }>('SELECT Co_Sell__c AS c FROM Partner_Deal__c WHERE Id = ?', deal.primaryDeal)[0]
          .c,
      1
    );

    await page.locator('[data-id="submit"] button').click();
    await eventually(
      () =>
        query(
          'SELECT Id FROM Deal_Registration__c WHERE Opportunity__c = ? AND Status__c = ?',
          deal.Id,
          'Submitted'
        ).length,
      1
    );
    await page
      .locator('[data-id="verdict"]')
      .getByText(/submitted/i)
      .waitFor();
    await page.screenshot({ path: join(shots, 'opportunity-registered.png') });

    await page.locator('lightning-combobox[data-field="Partner_Account__c"] button').click();
    await page.getByRole('option', { name: deal.secondName }).click();
    await page.locator('[data-id="submit"] button').click();
    const [first] = query<{ Id: string }>(
      'SELECT Id FROM Deal_Registration__c WHERE Opportunity__c = ? AND Status__c = ?',
      deal.Id,
      'Submitted'
    );
    await eventually(
      () =>
        query(
          'SELECT Id FROM Deal_Registration__c WHERE Partner_Account__c = ? AND Conflict_Type__c = ? AND Conflicting_Registration__c = ?',
          deal.second,
          'Duplicate',
          first.Id
        ).length,
      1
    );
    const verdict = page.locator('[data-id="verdict"]');
    await verdict.getByText(/duplicate/i).waitFor();
    expect(await verdict.locator('a').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'opportunity-duplicate.png') });
  });
});

describe('Partner Forecast (SPEC §3)', () => {
  it('after changing period and grouping, the totals equal the engine roll-up; a submitted call survives a reload', async () => {
    const page = browser.page;
    await open('#/forecast', /forecast/i);
    const next = nextPeriod(fiscalPeriodOf(workbench.org.runtime.clock.today().toString())).label;
    await page.locator('lightning-combobox[data-id="period"] button').click();
    await page.getByRole('option', { name: new RegExp(next) }).click();
    await page
      .locator('lightning-radio-group[data-id="grouping"] label')
      .filter({ hasText: /owner/i })
      .click();

    const scope = (await page.locator('lightning-combobox[data-id="scope"] button').textContent())?.match(
      /team/i
    )
      ? 'team'
      : 'all';
    // What the page showed comes from the same Apex, as the same (default) user.
    const manager = workbench.org.users.find((u) => u.role === 'manager');
    const outcome = callAura(
      workbench.org.runtime,
      manager?.id ?? '',
      'PartnerForecastController.getPipeline',
      { period: next, scope }
    );
    if (!outcome.ok) throw new Error(outcome.message);
    const data = outcome.value as unknown as {
      opportunities: Opportunity[];
      partnerDeals: Partner_Deal__c[];
      targets: Partner_Target__c[];
      users: User[];
    };
    const expected = rollUpForecast({
      period: next,
      by: 'owner',
      opportunities: data.opportunities,
      partners: indexPartnerDeals(data.partnerDeals),
      targets: data.targets,
      users: data.users
    }).total;
    const totalRow = page
      .locator('tr')
      .filter({ hasText: /^\s*total/i })
      .last();
    await eventually(
      async () => amount((await totalRow.locator('td').nth(5).textContent()) ?? ''),
      expected.commitForecast,
      30_000
    );
    const cells = await totalRow.locator('td').allTextContents();
    expect(cells.slice(0, 8).map(amount)).toEqual([
      expected.closed,
      expected.commit,
      expected.bestCase,
      expected.pipeline,
      expected.omitted,
      expected.commitForecast,
      expected.bestCaseForecast,
      expected.openPipeline
    ]);
    await page.screenshot({ path: join(shots, 'forecast-next-quarter-by-owner.png') });

    await page.locator('lightning-input[data-field="commit"] input').fill('123456');
    await page.locator('lightning-input[data-field="bestCase"] input').fill('234567');
    await page
      .locator('forecast-call-form, c-forecast-call-form')
      .locator('[data-id="submit"] button')
      .click();
    await eventually(
      () => query('SELECT Id FROM Forecast_Submission__c WHERE Commit_Call__c = 123456').length,
      1
    );
    await page.reload();
    await page.locator('lightning-combobox[data-id="period"] button').click();
    await page.getByRole('option', { name: new RegExp(next) }).click();
    await page
      .getByText(/123,456/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(shots, 'forecast-call-after-reload.png') });
  });
});

describe('Registration Desk (SPEC §6 disputes)', () => {
  it('resolves a dispute as Co-Sell and the co-sell partner appears on the opportunity', async () => {
    const [dispute] = query<{ Id: string; registration: string; opportunity: string; partnerName: string }>(`
      SELECT d.Id, r.Id AS registration, r.Conflicting_Opportunity__c AS opportunity, a.Name AS partnerName
      FROM Registration_Dispute__c d JOIN Deal_Registration__c r ON r.Id = d.Deal_Registration__c JOIN Account a ON a.Id = r.Partner_Account__c
      WHERE d.Status__c = 'Open' AND r.Conflicting_Opportunity__c IS NOT NULL ORDER BY d.Name LIMIT 1`);
    expect(dispute).toBeDefined();
    const page = browser.page;
    await open('#/registrations', /dispute/i);
    const row = page.locator(`[data-id="${dispute.Id}"]`).first();
    await row.locator('lightning-combobox button, select').first().click();
    await page.getByRole('option', { name: /co-sell/i }).click();
    await row.locator('textarea, input[type="text"]').first().fill('Both teams keep a stake: co-sell.');
    await row.getByRole('button', { name: /resolve/i }).click();
    await eventually(
      () =>
        query(
          'SELECT Id FROM Registration_Dispute__c WHERE Id = ? AND Resolution__c = ?',
          dispute.Id,
          'Co-Sell'
        ).length,
      1
    );
    await page.screenshot({ path: join(shots, 'registration-desk-resolved.png') });
    await open(`#/opportunity/${dispute.opportunity}`, /partners on this/i);
    await page.getByText(dispute.partnerName).first().waitFor();
    await page.screenshot({ path: join(shots, 'opportunity-co-sell.png') });
  });
});
