import { type AddressInfo } from 'node:net';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '@loa/testing';
import { assertConsoleBuilt, type ConsolePage, logIn, openConsole, screenshot } from './console-browser';
import { createTestApi, type TestApi } from './test-app';

const CAMPAIGN_NAME = 'Cảnh báo giả danh công an';

/** Logout and the idle timeout leave nothing of the last user on screen; an error stays until dismissed. */
describe("the console's session and errors in a real browser", () => {
  let api: TestApi;
  let browser: Browser;
  let baseUrl: string;
  const opened: ConsolePage[] = [];

  beforeAll(async () => {
    assertConsoleBuilt();
    api = await createTestApi({ subscribers: 50 });
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    await pendingCampaign(api);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  afterEach(async () => {
    for (const console of opened.splice(0)) await console.context.close();
  });

  it('shows no logout button and no data before login, and nothing of the user after logout', async () => {
    const { page } = await open();
    expect(await page.locator('#logout').count()).toBe(0);
    expect(await page.locator('#app-view').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('tải lại trang hoặc không thao tác 30 phút sẽ đăng xuất');

    await logIn(page, 'demo-approver');
    await page.click('a[data-screen="cho-duyet"]');
    await page.locator('#pending-campaigns tbody tr', { hasText: CAMPAIGN_NAME }).click();
    await page.locator('[data-review-campaign] [data-plan]').waitFor();
    expect(await page.locator('body').innerText()).toContain(CAMPAIGN_NAME);

    await page.click('#logout');
    await page.locator('input[name="username"]').waitFor();
    expect(await page.locator('[data-logout-reason]').innerText()).toBe('Bạn đã đăng xuất.');
    await expectNothingOfTheUser(page, 'demo-approver');
    await screenshot(page, 'console-after-logout');
  });

  it('logs out after the idle timeout and leaves nothing of the user', async () => {
    // Two seconds of inactivity here instead of 30 minutes.
    const { page } = await open('poll=300&idle=2');
    await logIn(page, 'demo-operator');
    await page.locator(`#campaigns tbody tr`, { hasText: CAMPAIGN_NAME }).waitFor();

    await page.locator('[data-logout-reason]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-logout-reason]').innerText()).toBe('Bạn đã được đăng xuất vì không thao tác trong 30 phút.');
    await expectNothingOfTheUser(page, 'demo-operator');
  });

  it('keeps an error on screen across polls until it is dismissed, in Vietnamese with the English as a detail', async () => {
    const { page, failures } = await open();
    await logIn(page, 'demo-operator');
    await page.click('a[data-screen="tra-cuu"]');
    await page.fill('input[name="lookup-msisdn"]', '12ab');
    await page.click('button[data-action="lookup"]');
    const notice = page.locator('.notice[role="alert"]');
    await notice.waitFor();
    expect(await notice.locator('.notice-text').innerText()).toBe('Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại các trường đã nhập.');
    expect(await notice.locator('.notice-detail span').textContent()).toMatch(/^msisdn: /);
    expect(failures).toContainEqual(expect.stringMatching(/^400 GET \/subscribers\/12ab\/messages$/));

    // Today's view polls every 300 ms: ten polls later the error is still there.
    await page.click('a[data-screen="hom-nay"]');
    await page.locator('#campaigns tbody tr').first().waitFor();
    await page.waitForTimeout(3000);
    expect(await notice.count()).toBe(1);
    await screenshot(page, 'console-error-kept');

    await notice.locator('button.notice-dismiss').click();
    expect(await notice.count()).toBe(0);
  });

  async function open(query = 'poll=300'): Promise<ConsolePage> {
    const console = await openConsole(browser, baseUrl, query);
    opened.push(console);
    return console;
  }
});

/** The login page alone: no name, no campaign, no menu, and no password field holding a value. */
async function expectNothingOfTheUser(page: Page, username: string): Promise<void> {
  const html = await page.content();
  expect(html).not.toContain(username);
  expect(html).not.toContain(CAMPAIGN_NAME);
  expect(await page.locator('#app-view, nav.menu, #logout, dialog').count()).toBe(0);
  const passwords = await page.locator('input[type="password"]').evaluateAll((inputs) => inputs.map((input) => (input as { value: string }).value));
  expect(passwords).toEqual(['']);
  expect(await page.locator('input[name="username"]').inputValue()).toBe('');
}

async function pendingCampaign(api: TestApi): Promise<void> {
  const drafter = await api.login('demo-drafter');
  const approver = await api.login('demo-approver');
  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const template = await post('/templates', drafter, { name: 'Cảnh báo', body: 'Công an {{province.name}}: cảnh giác cuộc gọi giả danh.' }).expect(201);
  await post(`/templates/${template.body.id}/submit`, drafter).expect(200);
  await post(`/templates/${template.body.id}/approve`, approver).expect(200);
  const campaign = await post('/campaigns', drafter, {
    name: CAMPAIGN_NAME,
    templateId: template.body.id,
    provinces: ['01'],
    startAt: new Date(Date.now() + 86_400_000).toISOString(),
  }).expect(201);
  await post(`/campaigns/${campaign.body.id}/submit`, drafter).expect(200);
}
