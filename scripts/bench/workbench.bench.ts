import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openBrowser } from '../workbench/browserSession';
import { startWorkbench } from '../workbench/startWorkbench';

/**
 * The workbench in a real browser: time from navigation to rendered data for the Partner
 * Forecast over every partner, and for the Hygiene Board over all open opportunities of the
 * 4,000 in the demo org. Each figure is the median of five fresh page loads.
 */

const RUNS = 5;

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'psms-bench-'));
  const started = Date.now();
  const workbench = await startWorkbench({ root, port: 0, seed: 42, databasePath: join(dir, 'demo.db') });
  console.log(
    `workbench up in ${((Date.now() - started) / 1000).toFixed(1)} s (build ${workbench.timings.buildCached ? 'cached' : 'compiled'})`
  );
  const browser = await openBrowser();
  const { page } = browser;
  try {
    const forecast: number[] = [];
    const hygiene: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank');
      let t = Date.now();
      await page.goto(`${workbench.url}#/partner-forecast`);
      // Rendered data: the roll-up's Total row.
      await page
        .locator('tr')
        .filter({ hasText: /^\s*total/i })
        .last()
        .waitFor({ timeout: 60_000 });
      forecast.push(Date.now() - t);

      await page.goto('about:blank');
      await page.goto(`${workbench.url}#/pipeline-hygiene-board`);
      await page
        .getByText(/pipeline hygiene:/i)
        .first()
        .waitFor({ timeout: 60_000 });
      t = Date.now();
      // "All" scope: every open opportunity, not only the partner team's.
      await page.locator('lightning-combobox button').first().click();
      await page.getByRole('option', { name: /all/i }).click();
      await page.waitForLoadState('networkidle');
      await page
        .getByText(/pipeline hygiene:/i)
        .first()
        .waitFor({ timeout: 60_000 });
      hygiene.push(Date.now() - t);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const open = (
      workbench.org.runtime.database.sql
        .prepare('SELECT COUNT(*) AS n FROM "Opportunity" WHERE IsClosed = 0')
        .get() as {
        n: number;
      }
    ).n;
    console.log(
      `Partner Forecast, all partners (navigation → Total row): median ${median(forecast)} ms of ${forecast.join(', ')}`
    );
    console.log(
      `Hygiene Board, all ${open} open of 4,000 opportunities (scope change → score): median ${median(hygiene)} ms of ${hygiene.join(', ')}`
    );
  } finally {
    await browser.close();
    await workbench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
