import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './test-app';

// Screenshots land here (gitignored), for a person to look at the Vietnamese as rendered.
export const SCREENSHOTS = join(process.cwd(), 'test-output');

/** The console's build: the browser tests drive what `npm run build` made, as the API serves it. */
export function assertConsoleBuilt(): void {
  if (!existsSync(join(process.cwd(), 'dist', 'console', 'index.html'))) {
    throw new Error('the console is not built (dist/console/index.html): run npm run build first');
  }
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Every answer of 400 or more the page received, and every error the page logged: a journey ends with none unless it expects them. */
  failures: string[];
}

/** A fresh browser context (no cookies, no storage) on the console's login page. */
export async function openConsole(browser: Browser, baseUrl: string, query = 'poll=300', width = 1366): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  await page.goto(`${baseUrl}/?${query}`);
  await page.locator('input[name="username"]').waitFor();
  return { context, page, failures };
}

/** Logs in through the login form, as a person would. */
export async function logIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.locator('#app-view').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
