import { type Page } from 'playwright-core';
import { type ConsolePage, type ConsoleServer, logIn, screenshot, startConsole } from './console-browser';
import { type TestApi } from './test-app';

const CAMPAIGN_NAME = 'Cảnh báo giả danh công an';
const LATE_NAME = 'Cảnh báo gửi muộn';

/** Logout and the idle timeout leave nothing of the last user on screen; an error stays until dismissed. */
describe("the console's session and errors in a real browser", () => {
  let server: ConsoleServer;
  let api: TestApi;

  beforeAll(async () => {
    server = await startConsole({ subscribers: 50 });
    api = server.api;
    await pendingCampaign(api);
  });

  afterAll(() => server?.close());
  afterEach(() => server.closePages());

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

  it('shows a missed report deadline in Vietnamese and lets the approver acknowledge it with a reason', async () => {
    const id = await pendingCampaign(api, LATE_NAME, { startAt: tomorrowAt('06:00'), reportDeadline: tomorrowAt('06:30') });
    const { page, failures } = await open();
    await logIn(page, 'demo-approver');
    await page.click('a[data-screen="cho-duyet"]');
    await page.locator('#pending-campaigns tbody tr', { hasText: LATE_NAME }).click();
    const review = page.locator(`[data-review-campaign="${id}"]`);
    expect(await review.locator('[data-meets-deadline="false"]').innerText()).toMatch(/^Không kịp hạn báo cáo \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}: /);

    await page.click('button[data-action="approve-campaign"]');
    await page.click('dialog.confirm button[data-confirm]');
    const notice = page.locator('.notice[data-error-key="CONFLICT.DEADLINE_MISS"]');
    await notice.waitFor();
    expect(await notice.locator('.notice-text').innerText()).toMatch(
      /^Chiến dịch không kịp hạn báo cáo: [\d.]+ \/ [\d.]+ thuê bao chưa nhận được tin khi đến hạn \(dự kiến gửi xong lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\)\./,
    );
    expect(failures).toContainEqual(`409 POST /campaigns/${id}/approve`);

    await page.click('button[data-action="acknowledge-deadline"]');
    await page.fill('dialog.confirm textarea[name="reason"]', 'Cảnh báo khẩn: gửi phần còn lại sau hạn báo cáo');
    await page.click('dialog.confirm button[data-confirm]');
    await review.locator('[data-state="scheduled"]').waitFor();
    // Acting again cleared the earlier error.
    expect(await notice.count()).toBe(0);
    const [entry] = await api.dataSource.query(`SELECT details FROM audit_log WHERE action = 'campaign.scheduled' AND object_id = $1`, [String(id)]);
    expect(entry.details).toMatchObject({ deadlineMissAcknowledged: true, reason: 'Cảnh báo khẩn: gửi phần còn lại sau hạn báo cáo' });
    await screenshot(page, 'console-deadline-acknowledged');
  });

  function open(query = 'poll=300'): Promise<ConsolePage> {
    return server.open({ query });
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

async function pendingCampaign(api: TestApi, name = CAMPAIGN_NAME, times: { startAt?: string; reportDeadline?: string } = {}): Promise<number> {
  const drafter = await api.login('demo-drafter');
  const approver = await api.login('demo-approver');
  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const template = await post('/templates', drafter, { name: 'Cảnh báo', body: 'Công an {{province.name}}: cảnh giác cuộc gọi giả danh.' }).expect(201);
  await post(`/templates/${template.body.id}/submit`, drafter).expect(200);
  await post(`/templates/${template.body.id}/approve`, approver).expect(200);
  const campaign = await post('/campaigns', drafter, {
    name,
    templateId: template.body.id,
    provinces: ['01'],
    startAt: times.startAt ?? new Date(Date.now() + 86_400_000).toISOString(),
    ...(times.reportDeadline ? { reportDeadline: times.reportDeadline } : {}),
  }).expect(201);
  await post(`/campaigns/${campaign.body.id}/submit`, drafter).expect(200);
  return campaign.body.id;
}

/** Tomorrow at this wall-clock time in Viet Nam (06:00 lies before the default 07:00 window opens). */
function tomorrowAt(time: string): string {
  const day = new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  return `${day}T${time}:00+07:00`;
}
