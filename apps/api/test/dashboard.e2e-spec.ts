import { readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { Client } from 'pg';
import { type Browser, type Page } from 'playwright-core';
import { AuthService } from '@loa/auth';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { createTestDatabase, launchChromium, pollUntil } from '@loa/testing';
import { approvedCampaign, seedSubscribers, simulatedAccount, simulatedCarrier } from '../../dispatcher/test/campaign-harness';
import { assertConsoleBuilt, type ConsolePage, logIn, openConsole, screenshot } from './console-browser';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

const BODY = 'Công an {{province.name}} cảnh báo: không đưa mã OTP cho ai.';
const CAMPAIGN_NAME = 'Cảnh báo lừa đảo';
const SUBSCRIBERS = 200;
// 25 submits a second: the campaign takes 8 s, long enough to watch it move and pause it on the way.
const TPS = 25;
// The running campaign's report is due in 10 days: it is in the console's 30-day deadlines list.
const REPORT_DEADLINE = new Date(Date.now() + 10 * 86_400_000).toISOString();

describe("the console's today view in a real browser", () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let browser: Browser;
  let baseUrl: string;
  let runningId: number;
  let pendingId: number;
  const opened: ConsolePage[] = [];

  beforeAll(async () => {
    assertConsoleBuilt();
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

  afterEach(async () => {
    for (const console of opened.splice(0)) await console.context.close();
  });

  it('lets an operator watch a running campaign move, pause it after confirming (the carrier stops receiving) and resume it', async () => {
    const { page, failures } = await loggedIn('demo-operator');
    const row = page.locator(`tr[data-campaign="${runningId}"]`);
    await row.locator('[data-state="running"]').waitFor();
    const first = await ended(page, runningId);
    await pollUntil(
      () => ended(page, runningId),
      (count) => count > first && count < SUBSCRIBERS,
      { timeoutMs: 15_000, intervalMs: 200, what: 'the progress to move' },
    );
    expect(await row.locator('button[data-action="review"]').count()).toBe(0);
    // The actual send time: the first submit, as the report counts it.
    expect(await row.locator('[data-first-sent]').innerText()).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

    // The row opens from the keyboard: Tab reaches it, Enter opens its report.
    await row.focus();
    await page.keyboard.press('Enter');
    // The selected campaign's estimated finish, from GET /campaigns/:id.
    await page.locator('#detail-estimate [data-estimated-finish]').waitFor();
    expect(await page.locator('#detail-estimate').innerText()).toMatch(/^Dự kiến gửi xong lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} · kịp hạn báo cáo\.$/);

    await row.locator('button[data-action="pause"]').click();
    const dialog = page.locator('dialog.confirm');
    expect(await dialog.innerText()).toContain('Tạm dừng chiến dịch này?');
    await dialog.locator('button[data-confirm]').click();

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

    await page.locator('#detail #rows tbody tr').first().waitFor();
    await page.locator('#timeline svg path[data-series="delivered"]').waitFor();
    await page.locator('#carriers tr[data-carrier="mobifone"]').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain(CAMPAIGN_NAME);
    expect(text).toContain('Tạm dừng');
    expect(text).toContain('Tiến độ gửi theo thời gian');
    expect(await page.locator('#rows tbody tr').first().innerText()).toContain('Tỉnh Sơn La');
    expect(await page.evaluate('document.characterSet')).toBe('UTF-8');
    // One progress figure everywhere: the list's and the report's say the same.
    await pollUntil(
      async () => [await ended(page, runningId), Number(await page.locator('#detail .progress').first().getAttribute('data-ended'))],
      ([list, detail]) => list === detail,
      { what: 'the list and the report to agree' },
    );

    // The report deadlines due within 30 days, by their Vietnamese name.
    const due = page.locator(`#deadlines li[data-kind="campaign"][data-id="${runningId}"]`);
    await due.waitFor();
    expect(await due.innerText()).toContain(CAMPAIGN_NAME);
    expect(await due.innerText()).toMatch(/hạn \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    // The CSV export downloads a file that opens in Excel as UTF-8: it starts with the byte order mark.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.exports button[data-format="csv"]').click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-chien-dich-${runningId}.csv`);
    const csv = readFileSync(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(CAMPAIGN_NAME);
    await screenshot(page, 'console-operator-paused');

    await row.locator('button[data-action="resume"]').click();
    expect(await dialog.innerText()).toContain('Tiếp tục gửi chiến dịch này?');
    await dialog.locator('button[data-confirm]').click();
    await row.locator('[data-state="running"], [data-state="completed"]').first().waitFor();
    await pollUntil(
      () => ended(page, runningId),
      (count) => count > settled,
      { timeoutMs: 20_000, what: 'sending to go on after resume' },
    );
    // No favicon 404, nothing refused, no script error.
    expect(failures).toEqual([]);
  });

  it('shows a viewer the campaigns and their figures without a single button to act, and fits an 800 px tablet', async () => {
    const { page, failures } = await loggedIn('demo-viewer');
    await page.locator(`tr[data-campaign="${runningId}"] .campaign-progress [data-targeted="${SUBSCRIBERS}"]`).waitFor();
    await page.locator(`tr[data-campaign="${pendingId}"]`).waitFor();

    expect(await page.locator('button[data-action]').count()).toBe(0);
    expect(await page.locator(`tr[data-campaign="${runningId}"] .progress-label`).innerText()).toMatch(/^[\d.]+ \/ 200 tin xong \(\d+,\d%\) · đã nhận [\d.]+$/);
    await page.setViewportSize({ width: 800, height: 1180 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(800);
    await screenshot(page, 'console-viewer-tablet');
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
    // The carrier table shows all its columns at 1366 px: its right edge is inside its card.
    const fits = await page.evaluate(`(() => {
      const table = document.querySelector('#carriers').getBoundingClientRect();
      const card = document.querySelector('#carriers').closest('.card').getBoundingClientRect();
      return table.right <= card.right + 1;
    })()`);
    expect(fits).toBe(true);
    expect(failures).toEqual([]);
  });

  it('offers an approver to review what waits for approval', async () => {
    const { page } = await loggedIn('demo-approver');

    await page.locator(`tr[data-campaign="${pendingId}"] button[data-action="review"]`).waitFor();
    expect(await page.locator(`tr[data-campaign="${pendingId}"]`).innerText()).toContain('Chờ duyệt');
    expect(await page.locator(`tr[data-campaign="${runningId}"] button[data-action="review"]`).count()).toBe(0);

    // The send window of a campaign not finished yet: narrower needs no reason, lifted does.
    await page.locator(`tr[data-campaign="${pendingId}"]`).click();
    const limits = page.locator('#detail form.send-limits');
    expect(await limits.locator('[data-send-window]').innerText()).toBe('07:00 – 21:00 hằng ngày');
    await limits.locator('input[name="limits-start"]').fill('08:00');
    await limits.locator('input[name="limits-end"]').fill('20:00');
    await limits.locator('button[data-action="send-limits"]').click();
    await limits.locator('[data-send-window]', { hasText: '08:00 – 20:00 hằng ngày' }).waitFor();
    await limits.locator('input[name="limits-window-lifted"]').check();
    await limits.locator('textarea[name="limits-reason"]').fill('Bão đổ bộ trong đêm: cảnh báo khẩn');
    await limits.locator('button[data-action="send-limits"]').click();
    await limits.locator('[data-send-window]', { hasText: 'cả ngày đêm (ngoại lệ)' }).waitFor();
    const [override] = await api.dataSource.query(`SELECT details FROM audit_log WHERE action = 'campaign.override' AND object_id = $1`, [String(pendingId)]);
    expect(override.details.reason).toBe('Bão đổ bộ trong đêm: cảnh báo khẩn');
  });

  it("shows a province-scoped user only their province's campaigns", async () => {
    const { page } = await loggedIn('viewer-can-tho');
    await page.locator(`tr[data-campaign="${pendingId}"]`).waitFor();

    const shown = await page.locator('#campaigns tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-campaign')));
    expect(shown).toEqual([String(pendingId)]);
    expect(await page.locator('#who-name').innerText()).toContain('1 tỉnh');
  });

  async function loggedIn(username: string): Promise<ConsolePage> {
    const console = await openConsole(browser, baseUrl);
    opened.push(console);
    await logIn(console.page, username);
    return console;
  }

  async function sendingCount(campaignId: number): Promise<number> {
    const [row] = await api.dataSource.query(`SELECT count(*)::int AS count FROM messages WHERE campaign_id = $1 AND state = 'sending'`, [campaignId]);
    return row.count;
  }
});

/** Messages of the campaign ended so far (delivered or failed), as the console shows them. */
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
