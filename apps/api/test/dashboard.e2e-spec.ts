import { mkdirSync, readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { type Browser, type Page } from 'playwright-core';
import { AuthService } from '@loa/auth';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { createTestDatabase, launchChromium, pollUntil } from '@loa/testing';
import { approvedCampaign, seedSubscribers, simulatedAccount, simulatedCarrier } from '../../dispatcher/test/campaign-harness';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

// Screenshots land here (gitignored), for a person to look at the Vietnamese as rendered.
const SCREENSHOTS = join(process.cwd(), 'test-output');
const BODY = 'Công an {{province.name}} cảnh báo: không đưa mã OTP cho ai.';
const CAMPAIGN_NAME = 'Cảnh báo lừa đảo';
const SUBSCRIBERS = 200;
// 25 submits a second: the campaign takes 8 s, long enough to watch it move and pause it on the way.
const TPS = 25;
// The running campaign's report is due in 10 days: it is in the dashboard's 30-day deadlines list.
const REPORT_DEADLINE = new Date(Date.now() + 10 * 86_400_000).toISOString();

describe('the dashboard in a real browser', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let browser: Browser;
  let baseUrl: string;
  let runningId: number;
  let pendingId: number;

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('mobifone', simulator.port, { tps: TPS, window: 5 })];
    // Counters in one-second buckets: the report's timeline (the delivery chart) has completed buckets within the 8 s run.
    const db = await createTestDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`ALTER DATABASE ${new URL(db.url).pathname.slice(1)} SET loa.stats_bucket_seconds = 1`);
    await client.end();
    api = await createTestApi({
      db,
      carriers: ['mobifone'],
      imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50, batchSize: 10, statusIntervalMs: 300 } })],
    });
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    await api.app.get(AuthService).addUser('viewer-can-tho', TEST_PASSWORD, 'viewer', ['92']);
    await seedSubscribers(api, 'mobifone', '14', 84_900_000_000, SUBSCRIBERS);
    pendingId = await pendingCampaign(api, '92');
    browser = await launchChromium();
    runningId = await approvedCampaign(api, BODY, { name: CAMPAIGN_NAME, provinces: ['14'], reportDeadline: REPORT_DEADLINE });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await simulator?.stop();
  });

  it('lets an operator watch a running campaign move and pause it, and the carrier stops receiving', async () => {
    const page = await loggedIn('demo-operator');
    const row = page.locator(`tr[data-campaign="${runningId}"]`);
    await row.locator('[data-state="running"]').waitFor();
    const first = await ended(page, runningId);
    await pollUntil(
      () => ended(page, runningId),
      (count) => count > first && count < SUBSCRIBERS,
      { timeoutMs: 15_000, intervalMs: 200, what: 'the progress to move' },
    );
    expect(await row.locator('button[data-action="approve"]').count()).toBe(0);

    await row.locator('button[data-action="pause"]').click();

    await row.locator('[data-state="paused"]').waitFor();
    await row.locator('button[data-action="resume"]').waitFor();
    await pollUntil(
      () => sendingCount(runningId),
      (count) => count === 0,
      { what: 'claimed messages sent' },
    );
    const settled = simulator.received.length;
    // Longer than the TPS limiter's one-second bucket: a pause between bursts is not mistaken for this one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(simulator.received.length).toBe(settled);
    expect(settled).toBeLessThan(SUBSCRIBERS);

    await row.click();
    await page.locator('#detail:not([hidden]) #rows tbody tr').first().waitFor();
    await page.locator('#timeline svg path[data-series="delivered"]').waitFor();
    await page.locator('#carriers tr[data-carrier="mobifone"]').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain(CAMPAIGN_NAME);
    expect(text).toContain('Tạm dừng');
    expect(text).toContain('Tiến độ gửi theo thời gian');
    expect(await page.locator('#rows tbody tr').first().innerText()).toContain('Tỉnh Sơn La');
    expect(await page.evaluate('document.characterSet')).toBe('UTF-8');

    // The report deadlines due within 30 days, by their Vietnamese name.
    const due = page.locator(`#deadlines li[data-kind="campaign"][data-id="${runningId}"]`);
    await due.waitFor();
    expect(await due.innerText()).toContain(CAMPAIGN_NAME);
    // The selected campaign's estimated finish, from GET /campaigns/:id (the list has no estimate).
    await row.locator('[data-estimated-finish]').waitFor();
    expect(await page.locator('#detail-estimate').innerText()).toMatch(/^Dự kiến gửi xong lúc .+ · kịp hạn báo cáo\.$/);
    // The CSV export downloads a file that opens in Excel as UTF-8: it starts with the byte order mark.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.exports button[data-format="csv"]').click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-chien-dich-${runningId}.csv`);
    const csv = readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(CAMPAIGN_NAME);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-operator.png'), fullPage: true });
    await page.close();
  });

  it('shows a viewer the campaigns and their figures without a single button to act', async () => {
    const page = await loggedIn('demo-viewer');
    await page.locator(`tr[data-campaign="${runningId}"] .campaign-progress [data-targeted="${SUBSCRIBERS}"]`).waitFor();
    await page.locator(`tr[data-campaign="${pendingId}"]`).waitFor();

    expect(await page.locator('button[data-action]').count()).toBe(0);
    // On a tablet held upright the page fits its width: wide tables scroll inside their cards.
    await page.setViewportSize({ width: 820, height: 1180 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(820);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-viewer-tablet.png'), fullPage: true });
    await page.close();
  });

  it('offers an approver to approve what waits for approval', async () => {
    const page = await loggedIn('demo-approver');

    await page.locator(`tr[data-campaign="${pendingId}"] button[data-action="approve"]`).waitFor();
    expect(await page.locator(`tr[data-campaign="${runningId}"] button[data-action]`).count()).toBe(0);
    await page.close();
  });

  it("shows a province-scoped user only their province's campaigns", async () => {
    const page = await loggedIn('viewer-can-tho');
    await page.locator(`tr[data-campaign="${pendingId}"]`).waitFor();

    const shown = await page.locator('#campaigns tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-campaign')));
    expect(shown).toEqual([String(pendingId)]);
    expect(await page.locator('#who-name').innerText()).toContain('1 tỉnh');
    await page.close();
  });

  async function loggedIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/?poll=300`);
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await page.click('button[type="submit"]');
    await page.locator('#app-view:not([hidden])').waitFor();
    return page;
  }

  async function sendingCount(campaignId: number): Promise<number> {
    const [row] = await api.dataSource.query(`SELECT count(*)::int AS count FROM messages WHERE campaign_id = $1 AND state = 'sending'`, [campaignId]);
    return row.count;
  }
});

/** Messages of the campaign ended so far (delivered or failed), as the dashboard shows them. */
async function ended(page: Page, campaignId: number): Promise<number> {
  const value = await page.locator(`tr[data-campaign="${campaignId}"] .campaign-progress [data-ended]`).getAttribute('data-ended');
  return Number(value);
}

/** A campaign written and submitted, waiting for approval, in one province. */
async function pendingCampaign(api: TestApi, province: string): Promise<number> {
  const drafter = await api.login('demo-drafter');
  const approver = await api.login('demo-approver');
  const template = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'Cảnh báo mưa lũ', body: BODY }).expect(201);
  await api.http().post(`/templates/${template.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
  await api.http().post(`/templates/${template.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
  const created = await api
    .http()
    .post('/campaigns')
    .auth(drafter, { type: 'bearer' })
    .send({ name: 'Cảnh báo mưa lũ', templateId: template.body.id, provinces: [province], startAt: new Date(Date.now() + 86_400_000).toISOString() })
    .expect(201);
  await api.http().post(`/campaigns/${created.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
  return created.body.id;
}
