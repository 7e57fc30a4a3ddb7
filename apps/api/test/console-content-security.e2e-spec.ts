import { createHash } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { type Browser } from 'playwright-core';
import { launchChromium } from '@loa/testing';
import { accessFixtures, type AccessFixtures } from './access-fixtures';
import { createTestApi, type TestApi } from './test-app';

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | undefined): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const directive of (policy ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

/** Keeps every policy violation a page raises in globalThis.cspViolations (added through the debugging protocol, so the policy does not block it). */
const RECORD_VIOLATIONS = `
  globalThis.cspViolations = [];
  globalThis.addEventListener('securitypolicyviolation', (event) =>
    globalThis.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
`;

/** What the browser runs scripts under: script-src, else default-src. */
const scriptSources = (policy: Map<string, string[]>) => policy.get('script-src') ?? policy.get('default-src') ?? [];

/**
 * Every HTML page carries a Content-Security-Policy without 'unsafe-inline' for scripts, and loads in a real
 * Chromium without breaking it: the console at /, the API docs at /docs, the campaign and programme reports.
 */
describe('Content-Security-Policy on every HTML page', () => {
  let api: TestApi;
  let f: AccessFixtures;
  let browser: Browser;
  let baseUrl: string;
  let viewer: string;
  let pages: { name: string; path: string }[];

  beforeAll(async () => {
    api = await createTestApi();
    f = await accessFixtures(api);
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    viewer = await api.login('demo-viewer');
    const campaign = await f.campaign('in', 'scheduled');
    const programme = await f.programme('in');
    pages = [
      { name: 'console', path: '/' },
      { name: 'docs', path: '/docs' },
      { name: 'docs (trailing slash)', path: '/docs/' },
      { name: 'campaign report', path: `/campaigns/${campaign}/report?format=html` },
      { name: 'programme report', path: `/programmes/${programme}/report?format=html` },
    ];
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('sends a policy with no inline or eval script on every HTML page, and no script at all on reports', async () => {
    for (const { name, path } of pages) {
      const response = await api.http().get(path).auth(viewer, { type: 'bearer' });
      expect({ name, type: response.headers['content-type'] }).toEqual({ name, type: expect.stringMatching(/^text\/html/) });
      const policy = directives(response.headers['content-security-policy']);
      expect({ name, script: scriptSources(policy) }).toEqual({ name, script: expect.not.arrayContaining(["'unsafe-inline'"]) });
      expect({ name, script: scriptSources(policy) }).toEqual({ name, script: expect.not.arrayContaining(["'unsafe-eval'"]) });
      expect({ name, frames: policy.get('frame-ancestors') }).toEqual({ name, frames: ["'none'"] });
      if (name.endsWith('report')) {
        expect({ name, script: scriptSources(policy) }).toEqual({ name, script: ["'none'"] });
        // The one stylesheet a report carries is allowed by its hash, nothing inline otherwise.
        const [, style] = /<style>([\s\S]*?)<\/style>/.exec(response.text)!;
        const hash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
        expect(policy.get('style-src')).toEqual([hash]);
      }
    }
  });

  it('sets the page policy on JSON answers too', async () => {
    const response = await api.http().get('/campaigns').auth(viewer, { type: 'bearer' }).expect(200);
    expect(scriptSources(directives(response.headers['content-security-policy']))).toEqual(["'self'"]);
  });

  it('loads each page in Chromium with no policy violation', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${viewer}` } });
    try {
      for (const { name, path } of pages) {
        const page = await context.newPage();
        // Chromium reports each blocked script, style, image or connection as a console error naming the policy.
        const errors: string[] = [];
        page.on('console', (message) => message.type() === 'error' && /Content Security Policy/i.test(message.text()) && errors.push(message.text()));
        await page.addInitScript(RECORD_VIOLATIONS);
        await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
        if (name.startsWith('docs')) await page.locator('.swagger-ui .info .title').waitFor();
        if (name.endsWith('report')) expect(await page.locator('h1').innerText()).toBe('BÁO CÁO');
        const violations = await page.evaluate('globalThis.cspViolations');
        expect({ name, violations, errors }).toEqual({ name, violations: [], errors: [] });
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it('blocks what a page did not bring: an injected inline script does not run under the policy', async () => {
    const page = await browser.newPage();
    try {
      const violations: string[] = [];
      page.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
      await page.addInitScript(RECORD_VIOLATIONS);
      await page.goto(`${baseUrl}/docs`, { waitUntil: 'networkidle' });
      const ran = await page.evaluate(`(() => {
        const script = document.createElement('script');
        script.textContent = 'globalThis.injected = true';
        document.body.append(script);
        return globalThis.injected === true;
      })()`);
      expect(ran).toBe(false);
      expect(violations.join('\n')).toMatch(/Content Security Policy/);
      // The recorder the other test relies on sees it too.
      expect(await page.evaluate('globalThis.cspViolations')).toEqual(['script-src-elem inline']);
    } finally {
      await page.close();
    }
  });
});
