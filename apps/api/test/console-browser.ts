import { existsSync, mkdirSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '@loa/testing';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

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

/**
 * A fresh browser context (no cookies, no storage) on the console's login page. Its views poll every second (2 s
 * in use): a journey waits on what it expects to see, and each poll of an open page costs the two cores the other
 * test files share.
 */
export async function openConsole(browser: Browser, baseUrl: string, query = 'poll=1000', width = 1366): Promise<ConsolePage> {
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

/** The API listening on loopback with its console, one Chromium, and the pages a journey opened. */
export interface ConsoleServer {
  api: TestApi;
  baseUrl: string;
  browser: Browser;
  /** A fresh page on the login page (`query`: the console's own settings, as openConsole takes them), `width` px wide; closed by closePages(). */
  open(options?: { query?: string; width?: number }): Promise<ConsolePage>;
  /** A fresh page logged in as `username` through the login form; closed by closePages(). */
  loggedIn(username: string): Promise<ConsolePage>;
  /** Closes every page opened since the last call (afterEach). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** What every console journey starts from: the built console, the API as createTestApi makes it (these options), and Chromium. */
export async function startConsole(options: Parameters<typeof createTestApi>[0] = {}): Promise<ConsoleServer> {
  assertConsoleBuilt();
  const api = await createTestApi(options);
  await api.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const opened: ConsolePage[] = [];
  const open = async ({ query, width }: { query?: string; width?: number } = {}) => {
    const console = await openConsole(browser, baseUrl, query, width);
    opened.push(console);
    return console;
  };
  return {
    api,
    baseUrl,
    browser,
    open,
    loggedIn: async (username) => {
      const console = await open();
      await logIn(console.page, username);
      return console;
    },
    closePages: async () => {
      for (const console of opened.splice(0)) await console.context.close();
    },
    close: async () => {
      await browser.close();
      await api.close();
    },
  };
}
