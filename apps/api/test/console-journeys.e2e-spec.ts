import { type Locator, type Page } from 'playwright-core';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { seedSubscribers, simulatedAccount, simulatedCarrier } from '../../dispatcher/test/campaign-harness';
import { type ConsolePage, type ConsoleServer, screenshot, startConsole } from './console-browser';
import { type TestApi } from './test-app';

// MobiFone (090…): the test number the admin registered for the drafter, and 60 subscribers in each of two provinces.
const TEST_NUMBER = '0901234567';
const PER_PROVINCE = 60;
const FIRST_SUBSCRIBER = 84_900_100_000;
const TEMPLATE_NAME = 'Cảnh báo lừa đảo OTP';
const CAMPAIGN_NAME = 'Cảnh báo lừa đảo OTP — Sơn La và Cần Thơ';
const CAMPAIGN_REJECTION = 'Cần ghi rõ thời gian gửi trong tên chiến dịch';
const SHORT_BODY = 'Công an {{province.name}}: không đưa mã OTP cho ai.';
// Long enough for a second part: the preview's parts change while the drafter types it.
const LONG_TAIL = ' Cán bộ công an không bao giờ gọi điện yêu cầu chuyển tiền, cung cấp mã OTP hay cài ứng dụng lạ; gặp cuộc gọi như vậy hãy báo ngay.';
const FIX = ' Gọi {{province.hotline}}.';

/** The journeys of issue 22, each from the login page, through the console only, in one Chromium. */
describe('the console, role by role, in a real browser', () => {
  let server: ConsoleServer;
  let api: TestApi;
  let simulator: SmscSimulator;

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('mobifone', simulator.port, { tps: 20, window: 5 })];
    server = await startConsole({
      carriers: ['mobifone'],
      imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50, batchSize: 10, statusIntervalMs: 300 } })],
    });
    api = server.api;
    await seedSubscribers(api, 'mobifone', '14', FIRST_SUBSCRIBER, PER_PROVINCE);
    await seedSubscribers(api, 'mobifone', '92', FIRST_SUBSCRIBER + PER_PROVINCE, PER_PROVINCE);
    // The admin's part (users, test numbers) is another screen's: done here through the API.
    const admin = await api.login('demo-admin');
    const [drafter] = await api.dataSource.query(`SELECT id FROM users WHERE username = 'demo-drafter'`);
    await api
      .http()
      .post('/test-numbers')
      .auth(admin, { type: 'bearer' })
      .send({ msisdn: TEST_NUMBER, userId: Number(drafter.id), carrier: 'mobifone' })
      .expect((response) => {
        if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      });
  });

  afterAll(async () => {
    await server?.close();
    await simulator?.stop();
  });

  afterEach(() => server.closePages());

  it('drafter: types a Vietnamese template and sees the preview per carrier change while typing, then submits it', async () => {
    const { page, failures } = await loggedIn('demo-drafter');
    await page.click('a[data-screen="mau-tin"]');
    await page.fill('input[name="template-name"]', TEMPLATE_NAME);
    await page.selectOption('select[name="preview-provinces"]', ['14', '92']);
    const body = page.locator('textarea[name="template-body"]');
    await typeTemplateText(body, SHORT_BODY);

    const sonLa = page.locator('.province-preview[data-province="14"]');
    await pollUntil(
      () => sonLa.locator('.sms').innerText(),
      (text) => text === 'Công an Tỉnh Sơn La: không đưa mã OTP cho ai.',
      { what: 'the preview of the typed text' },
    );
    const mobifone = sonLa.locator('tr[data-carrier="mobifone"]');
    expect(await mobifone.getAttribute('data-segments')).toBe('1');
    expect(await mobifone.innerText()).toContain('UCS-2 (có dấu)');
    expect(await page.locator('.province-preview[data-province="92"] .sms').innerText()).toBe('Công an Thành phố Cần Thơ: không đưa mã OTP cho ai.');
    await screenshot(page, 'console-drafter-preview-short');

    // Typing on: the parts of each carrier follow the text, and the "không dấu" text is offered where it takes fewer.
    await body.pressSequentially(LONG_TAIL, { delay: 2 });
    await pollUntil(
      () => mobifone.getAttribute('data-segments'),
      (segments) => Number(segments) > 1,
      { what: 'the parts to grow while typing' },
    );
    await sonLa.locator('[data-folded]').waitFor();
    const preview = await sonLa.innerText();
    expect(preview).toContain('Bản không dấu chỉ cần');
    expect(preview).toContain('Cong an Tinh Son La');
    expect(preview).toMatch(/MobiFone\s+UCS-2 \(có dấu\)\s+[2-9] phần/);
    // The lint findings in Vietnamese, one line per kind: the accented letters that make it UCS-2.
    const finding = page.locator('.preview [data-finding="UCS2_CHARACTER"]');
    expect(await finding.count()).toBe(1);
    expect(await finding.innerText()).toMatch(
      /^Lưu ý: Có ký tự ngoài bảng GSM làm tin phải gửi dạng Unicode \(tốn nhiều phần hơn\) \(\d+ chỗ, đầu tiên ở dòng 1, cột 2\)/,
    );
    await screenshot(page, 'console-drafter-preview-long');

    await page.click('button[data-action="save-template"]');
    await page.locator('[data-editor-status="draft"]').waitFor();
    await page.click('button[data-action="submit-template"]');
    await page.locator('[data-editor-status="pending"]').waitFor();
    expect(failures).toEqual([]);
  });

  it('approver: reads the template per province and carrier and rejects it with a reason; the drafter sees why, corrects and resubmits', async () => {
    const approver = await loggedIn('demo-approver');
    await approver.page.click('a[data-screen="cho-duyet"]');
    const row = approver.page.locator('#pending-templates tbody tr').first();
    expect(await row.innerText()).toContain(TEMPLATE_NAME);
    await row.click();
    await approver.page.locator('[data-review-template] .province-preview').first().waitFor();
    await approver.page.click('button[data-action="reject-template"]');
    await approver.page.fill('dialog.confirm textarea[name="reason"]', 'Thiếu số đường dây nóng của Công an tỉnh');
    await approver.page.click('dialog.confirm button[data-confirm]');
    await approver.page.locator('#pending-templates').waitFor({ state: 'detached' });
    expect(await approver.page.locator('body').innerText()).toContain('Không có mẫu tin nào chờ duyệt.');

    const drafter = await loggedIn('demo-drafter');
    await drafter.page.click('a[data-screen="mau-tin"]');
    const rejected = drafter.page.locator('#templates tbody tr', { hasText: TEMPLATE_NAME }).first();
    expect(await rejected.locator('[data-rejection]').innerText()).toBe('Thiếu số đường dây nóng của Công an tỉnh');
    await rejected.click();
    expect(await drafter.page.locator('[data-editor-rejection]').innerText()).toContain('bị từ chối vì: Thiếu số đường dây nóng của Công an tỉnh');
    await drafter.page.locator('textarea[name="template-body"]').press('Control+End');
    await typeTemplateText(drafter.page.locator('textarea[name="template-body"]'), FIX);
    // One more part for the hotline: the limit goes up with it (the preview says the text would exceed 3 parts).
    await drafter.page.fill('input[name="template-max-segments"]', '4');
    await drafter.page.click('button[data-action="save-template"]');
    await drafter.page.locator('[data-editor-status="draft"]').waitFor();
    await drafter.page.click('button[data-action="submit-template"]');
    await drafter.page.locator('[data-editor-status="pending"]').waitFor();
    await screenshot(drafter.page, 'console-drafter-resubmitted');

    await approver.page.click('a[data-screen="hom-nay"]');
    await approver.page.click('a[data-screen="cho-duyet"]');
    await approver.page.locator('#pending-templates tbody tr').first().click();
    await approver.page.click('button[data-action="approve-template"]');
    expect(await approver.page.locator('dialog.confirm').innerText()).toContain('không thể sửa nữa');
    await approver.page.click('dialog.confirm button[data-confirm]');
    await approver.page.locator('#pending-templates').waitFor({ state: 'detached' });
    expect(approver.failures).toEqual([]);
    expect(drafter.failures).toEqual([]);
  });

  it('drafter: makes a campaign for two provinces, sees its plan, sends a test that is delivered, and submits it', async () => {
    const { page, failures } = await loggedIn('demo-drafter');
    await page.click('a[data-screen="chien-dich-moi"]');
    await page.fill('input[name="campaign-name"]', CAMPAIGN_NAME);
    const template = page.locator('select[name="campaign-template"] option', { hasText: TEMPLATE_NAME });
    await template.waitFor({ state: 'attached' });
    await page.selectOption('select[name="campaign-template"]', (await template.getAttribute('value'))!);
    await page.check('input[name="province"][value="14"]');
    await page.check('input[name="province"][value="92"]');
    expect(await page.locator('legend', { hasText: 'Tỉnh, thành phố' }).innerText()).toBe(`Tỉnh, thành phố (${PER_PROVINCE * 2} thuê bao)`);
    await page.fill('input[name="campaign-start"]', vietnamLocal(new Date()));
    await page.fill('input[name="campaign-deadline"]', vietnamLocal(new Date(Date.now() + 5 * 86_400_000)));
    // Whatever the hour in Viet Nam: an urgent warning, sent day and night, with its reason.
    await page.check('input[name="window-lifted"]');
    await page.fill('textarea[name="override-reason"]', 'Thử nghiệm: gửi ngay cả ngoài giờ');

    await page.click('button[data-action="plan"]');
    const plan = page.locator('[data-plan]');
    await plan.waitFor();
    expect(await plan.locator('[data-meets-deadline]').innerText()).toMatch(/^Kịp hạn báo cáo \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\.$/);
    expect(await plan.innerText()).toContain(`${PER_PROVINCE * 2} thuê bao`);
    expect(await plan.locator('tr[data-plan-carrier="mobifone"]').innerText()).toContain('MobiFone');
    await screenshot(page, 'console-drafter-plan');
    await fitsWidth(page, 800, 'console-drafter-plan-tablet');

    await page.click('button[data-action="save-campaign"]');
    const saved = page.locator('[data-saved-campaign]');
    await saved.waitFor();
    expect(await saved.innerText()).toContain('Bản nháp');
    await page.check(`input[name="test-number"][value="84${TEST_NUMBER.slice(1)}"]`);
    await page.click('button[data-action="test-send"]');
    const delivered = page.locator('#test-sends tr[data-delivered="true"]');
    await delivered.first().waitFor({ timeout: 30_000 });
    expect(await delivered.first().innerText()).toContain('Đã nhận (DELIVRD)');
    expect(await delivered.first().innerText()).toContain('Nhà mạng đã nhận');
    await screenshot(page, 'console-drafter-test-send');

    await page.click('button[data-action="submit-campaign"]');
    await saved.locator('[data-state="pending_approval"]').waitFor();
    expect(await saved.innerText()).toContain('Đã gửi duyệt');
    expect(failures).toEqual([]);
  });

  it('approver: sees the exact texts per province and carrier and the plan, rejects once with a reason, and approves the corrected campaign', async () => {
    const { page, failures } = await loggedIn('demo-approver');
    await page.click('a[data-screen="cho-duyet"]');
    await page.locator('#pending-campaigns tbody tr', { hasText: CAMPAIGN_NAME }).click();
    const review = page.locator('[data-review-campaign]');
    await review.locator('[data-plan]').waitFor();
    expect(await review.locator('[data-text-province="14"] .sms').innerText()).toMatch(
      /^Công an Tỉnh Sơn La: không đưa mã OTP cho ai\..+ hãy báo ngay\. Gọi [\d.]+\.$/,
    );
    expect(await review.locator('[data-text-province="92"] .sms').innerText()).toMatch(/^Công an Thành phố Cần Thơ: /);
    expect(await review.locator('[data-text-province="14"]').innerText()).toMatch(/MobiFone: \d phần/);
    expect(await review.locator('[data-meets-deadline]').innerText()).toContain('Kịp hạn báo cáo');
    // The override and its reason, from the audit log.
    expect(await review.locator('[data-overrides]').innerText()).toContain('Gửi cả ngày đêm — lý do: Thử nghiệm: gửi ngay cả ngoài giờ');
    expect(await review.innerText()).toContain('Khung giờ gửi: cả ngày đêm (ngoại lệ)');
    await screenshot(page, 'console-approver-review');
    await fitsWidth(page, 800, 'console-approver-review-tablet');

    // Rejected once, with a reason the drafter reads on the draft; corrected (submitted again) and approved.
    await page.click('button[data-action="reject-campaign"]');
    await page.fill('dialog.confirm textarea[name="reason"]', CAMPAIGN_REJECTION);
    await page.click('dialog.confirm button[data-confirm]');
    await review.locator('[data-state="draft"]').waitFor();
    const drafter = await loggedIn('demo-drafter');
    await drafter.page.click('a[data-screen="chien-dich-moi"]');
    await drafter.page.locator('#drafts tbody tr', { hasText: CAMPAIGN_NAME }).click();
    const draft = drafter.page.locator('[data-saved-campaign]');
    expect(await draft.locator('[data-campaign-rejection]').innerText()).toContain(`vì: ${CAMPAIGN_REJECTION}`);
    await screenshot(drafter.page, 'console-drafter-campaign-rejected');
    await drafter.page.click('button[data-action="submit-campaign"]');
    await draft.locator('[data-state="pending_approval"]').waitFor();
    expect(drafter.failures).toEqual([]);

    await page.click('a[data-screen="cho-duyet"]');
    await page.locator('#pending-campaigns tbody tr', { hasText: CAMPAIGN_NAME }).click();
    await review.locator('[data-plan]').waitFor();
    await page.click('button[data-action="approve-campaign"]');
    expect(await page.locator('dialog.confirm').innerText()).toContain(`tới ${PER_PROVINCE * 2} thuê bao`);
    await page.click('dialog.confirm button[data-confirm]');
    await review.locator('[data-state="scheduled"], [data-state="running"]').first().waitFor();
    expect(failures).toEqual([]);
  });

  it('operator: pauses the running campaign and resumes it; a viewer then looks a number up', async () => {
    const { page, failures } = await loggedIn('demo-operator');
    const row = page.locator('#campaigns tbody tr', { hasText: CAMPAIGN_NAME });
    await row.locator('[data-state="running"]').waitFor({ timeout: 20_000 });
    await row.locator('button[data-action="pause"]').click();
    await page.click('dialog.confirm button[data-confirm]');
    await row.locator('[data-state="paused"]').waitFor();
    await row.locator('button[data-action="resume"]').click();
    await page.click('dialog.confirm button[data-confirm]');
    await row.locator('[data-state="running"], [data-state="completed"]').first().waitFor();
    await row.locator('[data-state="completed"]').waitFor({ timeout: 30_000 });
    expect(await row.locator('.progress-label').innerText()).toBe(`${PER_PROVINCE * 2} / ${PER_PROVINCE * 2} tin xong (100,0%) · đã nhận ${PER_PROVINCE * 2}`);
    await screenshot(page, 'console-operator-journey');
    expect(failures).toEqual([]);

    const viewer = await loggedIn('demo-viewer');
    await viewer.page.click('a[data-screen="tra-cuu"]');
    await viewer.page.fill('input[name="lookup-msisdn"]', `0${String(FIRST_SUBSCRIBER + 1).slice(2)}`);
    await viewer.page.click('button[data-action="lookup"]');
    const result = viewer.page.locator('#lookup-results tbody tr');
    await result.first().waitFor();
    const text = await result.first().innerText();
    expect(text).toContain(CAMPAIGN_NAME);
    expect(text).toContain('Đã nhận');
    expect(text).toContain('DELIVRD');
    expect(text).toContain('Công an Tỉnh Sơn La');
    await screenshot(viewer.page, 'console-viewer-lookup');
    const [audit] = await api.dataSource.query(`SELECT object_id FROM audit_log WHERE action = 'subscriber.lookup' ORDER BY id DESC LIMIT 1`);
    expect(audit.object_id).toBe(String(FIRST_SUBSCRIBER + 1));
    expect(viewer.failures).toEqual([]);
  });

  function loggedIn(username: string): Promise<ConsolePage> {
    return server.loggedIn(username);
  }
});

/** On an 800 px tablet the page scrolls only downwards (wide tables scroll inside their cards); back to 1366 px after. */
async function fitsWidth(page: Page, width: number, name: string): Promise<void> {
  await page.setViewportSize({ width, height: 1100 });
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  await screenshot(page, name);
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** An instant typed as a person in Viet Nam writes it, `HH:mm dd/mm/yyyy`, in Viet Nam's wall clock. */
function vietnamLocal(date: Date): string {
  const [day, time] = new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).split('T');
  return `${time} ${day.split('-').reverse().join('/')}`;
}

/**
 * Types `text` key by key, each `{{…}}` placeholder in one go, as a paste or the editor's autocompletion puts
 * it: a pause of a loaded machine in the middle of a key-by-key placeholder would let the console preview the
 * half-typed text, which the API rightly answers 400 (never closed), and the journeys count every 4xx.
 */
async function typeTemplateText(field: Locator, text: string): Promise<void> {
  for (const piece of text.split(/(\{\{[^}]*\}\})/)) {
    if (piece.startsWith('{{')) await field.page().keyboard.insertText(piece);
    else if (piece !== '') await field.pressSequentially(piece, { delay: 5 });
  }
}
