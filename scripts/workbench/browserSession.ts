import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's chromium driven by playwright-core, with the flags the machine needs (no sandbox in
 * containers, no GPU, nothing phoning home) and a fresh profile, for the e2e tests and the
 * bench. Console errors and uncaught page errors are collected so a test can require none.
 */

export const CHROMIUM_PATH = process.env.PSMS_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];

export interface BrowserSession {
  page: Page;
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'psms-chromium-'));
  let context: BrowserContext | undefined;
  let browser: Browser | null = null;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: FLAGS,
      headless: true,
      viewport: { width: 1400, height: 900 }
    });
    browser = context.browser();
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  // Outside Playwright's test runner actions wait forever by default: a missing element should fail instead.
  page.setDefaultTimeout(20_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    page,
    consoleErrors,
    close: async () => {
      await context?.close();
      await browser?.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
}
