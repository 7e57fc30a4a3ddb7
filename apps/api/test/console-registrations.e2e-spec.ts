import { readFileSync } from 'node:fs';
import { type DynamicModule } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { type Download } from 'playwright-core';
import { PLANNER_CLOCK } from '@loa/campaigns';
import { ManualClock } from '@loa/common';
import { TemplateRegistrationModule } from '@loa/templates';
import { seedSubscribers } from '../../dispatcher/test/campaign-harness';
import { type ConsoleServer, screenshot, startConsole } from './console-browser';
import { type TestApi } from './test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The planner's clock stands still at the suite's start: "today" and the days left do not move while it runs.
const T0 = Date.now();
const vietnamDay = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);
const dayMonthYear = (day: string) => day.split('-').reverse().join('/');
// Viettel's brandname certificate lapses after the 10th day from today (Viet Nam): inside the 30-day warning.
const VIETTEL_VALID_TO = vietnamDay(T0 + 10 * DAY);
const CERTIFICATES = [
  { carrier: 'viettel', brandname: 'CONGAN', certificate: { number: '001/2025/CNTĐD-BCA', validFrom: '2025-03-01', validTo: VIETTEL_VALID_TO } },
  { carrier: 'vnpt', brandname: 'CONGAN', certificate: { number: '002/2025/CNTĐD-BCA', validFrom: '2025-03-01', validTo: '2030-02-28' } },
  { carrier: 'mobifone', brandname: 'CONGAN', certificate: { number: '003/2025/CNTĐD-BCA', validFrom: '2025-03-01', validTo: '2030-02-28' } },
];
const BODY = 'Công an {{province.unit}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Gọi {{province.hotline}}.';
const CAMPAIGN_NAME = 'Cảnh báo OTP — Sơn La, Viettel và VNPT';
const VIETTEL_REFERENCE = 'VT-CSKH-2026-0142';
const VNPT_REFUSAL = 'Nội dung chứa số điện thoại chưa đăng ký';
const SUBSCRIBERS = 5;
const REGISTRATION_HEADINGS =
  'Nhà mạng;Mã mẫu tin;Phiên bản;Tên mẫu tin;Loại tin;Nội dung mẫu tin;Tham số;Trạng thái;Mã đăng ký của nhà mạng;Lý do từ chối;Gửi đăng ký lúc;Nhà mạng trả lời lúc';

function plannerClock(clock: ManualClock): DynamicModule {
  class PlannerClockModule {}
  return { module: PlannerClockModule, global: true, providers: [{ provide: PLANNER_CLOCK, useValue: clock }], exports: [PLANNER_CLOCK] };
}

/** The text of a downloaded file. */
async function downloaded(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

/**
 * Issue 23 in the console: the brandname certificate warning and the carriers' certificates, a template's
 * registrations per carrier (an admin records the answers and downloads the carriers' form), the carriers a
 * plan says would refuse the text (the approver leaves them out), and CSV downloads for Vietnamese Excel.
 * Viettel and VNPT demand registered templates; MobiFone does not.
 */
describe('the console: brandname certificates and template registrations, in a real browser', () => {
  const clock = new ManualClock(T0);
  let server: ConsoleServer;
  let api: TestApi;
  let templateId: number;
  let campaignId: number;

  beforeAll(async () => {
    server = await startConsole({
      carriers: ['viettel', 'vnpt', 'mobifone'],
      carrierTps: { viettel: 100, vnpt: 100, mobifone: 100 },
      carrierCertificates: CERTIFICATES,
      imports: [plannerClock(clock), TemplateRegistrationModule.forRoot(['viettel', 'vnpt'])],
    });
    api = server.api;
    await seedSubscribers(api, 'viettel', '14', 84_960_000_000, SUBSCRIBERS);
    await seedSubscribers(api, 'vnpt', '14', 84_940_000_000, SUBSCRIBERS);
    const [drafter, approver] = await Promise.all([api.login('demo-drafter'), api.login('demo-approver')]);
    const post = (token: string, path: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
    templateId = (await post(drafter, '/templates', { name: 'Cảnh báo OTP', body: BODY }).expect(201)).body.id;
    await post(drafter, `/templates/${templateId}/submit`).expect(200);
    await post(approver, `/templates/${templateId}/approve`).expect(200);
    const campaign = { name: CAMPAIGN_NAME, templateId, provinces: ['14'], carriers: ['viettel', 'vnpt'], startAt: new Date(T0 + HOUR).toISOString() };
    campaignId = (await post(drafter, '/campaigns', campaign).expect(201)).body.id;
    await post(drafter, `/campaigns/${campaignId}/submit`).expect(200);
  }, 120_000);

  afterAll(() => server?.close());
  afterEach(() => server.closePages());

  it("operator: today's view warns that Viettel's brandname certificate lapses in 10 days, with its date; the carriers screen lists each certificate", async () => {
    const { page, failures } = await server.loggedIn('demo-operator');
    const warning = page.locator('[data-certificate-warning="viettel"]');
    await warning.waitFor();
    expect(await warning.innerText()).toBe(
      `Chứng nhận tên định danh CONGAN của Viettel (số 001/2025/CNTĐD-BCA) hết hiệu lực sau ngày ${dayMonthYear(VIETTEL_VALID_TO)} ` +
        '(còn 10 ngày): cần gia hạn trước ngày đó.',
    );
    expect(await page.locator('[data-certificate-warning]').count()).toBe(1);
    await screenshot(page, 'console-certificate-warning');

    await page.click('button[data-action="certificate-details"]');
    const viettel = page.locator('#certificates tr[data-carrier="viettel"]');
    await viettel.waitFor();
    expect(await page.locator('#certificates tbody tr').count()).toBe(3);
    expect((await viettel.innerText()).split('\t')).toEqual([
      'Viettel',
      'CONGAN',
      '001/2025/CNTĐD-BCA',
      `01/03/2025 – ${dayMonthYear(VIETTEL_VALID_TO)}`,
      'còn 10 ngày',
      'Sắp hết hiệu lực',
    ]);
    expect(await page.locator('#certificates tr[data-carrier="vnpt"]').innerText()).toContain('01/03/2025 – 28/02/2030');
    expect(await page.locator('#certificates tr[data-carrier="vnpt"]').innerText()).toContain('Còn hiệu lực');
    await screenshot(page, 'console-carrier-certificates');
    expect(failures).toEqual([]);
  });

  it("admin: records the carriers' answers on the template's screen and downloads Viettel's registration form as Excel and as a `;` CSV", async () => {
    const { page, failures } = await server.loggedIn('demo-admin');
    await page.click('a[data-screen="mau-tin"]');
    await page.locator(`#templates tr[data-template="${templateId}"]`).click();
    const panel = page.locator(`[data-registrations="${templateId}"]`);
    const viettel = panel.locator('tr[data-carrier="viettel"]');
    await viettel.waitFor();
    expect(await viettel.innerText()).toMatch(/^Viettel\s+Bắt buộc\s+Chưa gửi đăng ký/);
    expect(await panel.locator('tr[data-carrier="mobifone"]').innerText()).toMatch(/^MobiFone\s+Không bắt buộc\s+Chưa gửi đăng ký/);

    // Sent to Viettel: the pattern, fixed text with a bounded slot per variable, and its form to download.
    await page.selectOption('select[name="registration-carrier"]', 'viettel');
    await page.selectOption('select[name="registration-state"]', 'submitted');
    await page.click('button[data-action="record-registration"]');
    await panel.locator('tr[data-carrier="viettel"][data-registration-state="submitted"]').waitFor();
    expect(await viettel.innerText()).toMatch(/Đã gửi đăng ký lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}, chờ nhà mạng trả lời/);
    expect(await viettel.locator('.pattern').innerText()).toMatch(/^Công an \{P1\} cảnh báo: không cung cấp mã OTP cho bất kỳ ai\. Gọi \{P2\}\.$/);

    const [csvFile] = await Promise.all([page.waitForEvent('download'), viettel.locator('button[data-export-pattern="csv"]').click()]);
    expect(csvFile.suggestedFilename()).toBe(`dang-ky-mau-tin-${templateId}-viettel.csv`);
    const [heading, row, ...rest] = (await downloaded(csvFile)).split('\r\n');
    expect(heading).toBe(`\uFEFF${REGISTRATION_HEADINGS}`);
    expect(row).toMatch(/^Viettel;\d+;1;Cảnh báo OTP;Chăm sóc khách hàng;Công an \{P1\} cảnh báo: .*;"\{P1\}: .*; \{P2\}: .*";Đã gửi đăng ký;;;/);
    expect(rest).toEqual(['']);

    const [xlsxFile] = await Promise.all([page.waitForEvent('download'), viettel.locator('button[data-export-pattern="xlsx"]').click()]);
    expect(xlsxFile.suggestedFilename()).toBe(`dang-ky-mau-tin-${templateId}-viettel.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxFile.path())!);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(';')).toBe(REGISTRATION_HEADINGS);
    expect(sheet.getRow(2).getCell(1).value).toBe('Viettel');
    expect(sheet.rowCount).toBe(2);

    // Viettel's answer: registered, with its reference; VNPT's: refused, with its reason.
    await page.selectOption('select[name="registration-state"]', 'registered');
    await page.fill('input[name="registration-reference"]', VIETTEL_REFERENCE);
    await page.click('button[data-action="record-registration"]');
    await panel.locator('tr[data-carrier="viettel"][data-registration-state="registered"]').waitFor();
    expect(await viettel.locator('[data-reference]').innerText()).toMatch(
      new RegExp(`^Đã đăng ký — mã của nhà mạng: ${VIETTEL_REFERENCE} \\(\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}\\)$`),
    );
    await page.selectOption('select[name="registration-carrier"]', 'vnpt');
    await page.selectOption('select[name="registration-state"]', 'refused');
    await page.fill('input[name="registration-reason"]', VNPT_REFUSAL);
    await page.click('button[data-action="record-registration"]');
    const vnpt = panel.locator('tr[data-carrier="vnpt"][data-registration-state="refused"]');
    await vnpt.waitFor();
    expect(await vnpt.locator('[data-refusal]').innerText()).toMatch(new RegExp(`^Bị từ chối — lý do: ${VNPT_REFUSAL} \\(`));
    await screenshot(page, 'console-admin-registrations');

    const admin = await api.login('demo-admin');
    const recorded = (await api.http().get(`/templates/${templateId}/registrations`).auth(admin, { type: 'bearer' }).expect(200)).body;
    expect(recorded.registrations).toEqual([
      expect.objectContaining({ carrier: 'viettel', state: 'registered', reference: VIETTEL_REFERENCE }),
      expect.objectContaining({ carrier: 'vnpt', state: 'refused', reason: VNPT_REFUSAL }),
    ]);
    expect(failures).toEqual([]);
  });

  it("drafter's plan and approver's queue name VNPT, where the text is not registered; the approver approves without it", async () => {
    const drafter = await server.loggedIn('demo-drafter');
    await drafter.page.click('a[data-screen="chien-dich-moi"]');
    await drafter.page.fill('input[name="campaign-name"]', 'Cảnh báo OTP — bản thử kế hoạch');
    const template = drafter.page.locator(`select[name="campaign-template"] option[value="${templateId}"]`);
    await template.waitFor({ state: 'attached' });
    await drafter.page.selectOption('select[name="campaign-template"]', String(templateId));
    await drafter.page.check('input[name="province"][value="14"]');
    await drafter.page.check('input[name="carrier"][value="viettel"]');
    await drafter.page.check('input[name="carrier"][value="vnpt"]');
    // Dates and times as written in Viet Nam (24 h), not Chromium's US pickers: a US-ordered date is refused before the API is asked.
    const start = drafter.page.locator('input[name="campaign-start"]');
    expect(await start.inputValue()).toMatch(/^08:00 \d{2}\/\d{2}\/\d{4}$/);
    expect(await drafter.page.inputValue('input[name="window-end"]')).toBe('21:00');
    const tomorrow = vietnamDay(T0 + DAY);
    await start.fill('12/31/2027 09:30');
    await drafter.page.click('button[data-action="plan"]');
    expect(await start.evaluate((input) => (input as unknown as { validationMessage: string }).validationMessage)).toBe(
      'Chưa đúng dạng HH:mm dd/mm/yyyy, ví dụ 07:30 24/02/2027.',
    );
    expect(await drafter.page.locator('[data-plan]').count()).toBe(0);
    await start.fill(`09:30 ${dayMonthYear(tomorrow)}`);
    await drafter.page.click('button[data-action="plan"]');
    await drafter.page.locator('[data-plan]').waitFor();
    expect(await drafter.page.locator('[data-plan]').innerText()).toContain(`bắt đầu 09:30 ${dayMonthYear(tomorrow)}`);
    const refusals = drafter.page.locator('[data-plan] [data-refusals]');
    await refusals.waitFor();
    expect(await refusals.locator('li').allInnerTexts()).toEqual(['VNPT (VinaPhone): mẫu tin chưa được đăng ký với nhà mạng này (nhà mạng đã từ chối).']);
    await screenshot(drafter.page, 'console-drafter-plan-unregistered');
    expect(drafter.failures).toEqual([]);

    const { page, failures } = await server.loggedIn('demo-approver');
    await page.click('a[data-screen="cho-duyet"]');
    await page.locator('#pending-campaigns tbody tr', { hasText: CAMPAIGN_NAME }).click();
    const review = page.locator(`[data-review-campaign="${campaignId}"]`);
    await review.locator('[data-plan]').waitFor();
    expect(await review.locator('[data-refusals] li[data-carrier="vnpt"]').innerText()).toContain('mẫu tin chưa được đăng ký với nhà mạng này');
    const exclusions = review.locator('input[name="exclude-carrier"]');
    expect(await exclusions.count()).toBe(1);
    expect(await exclusions.getAttribute('value')).toBe('vnpt');
    expect(await exclusions.isChecked()).toBe(true);
    await screenshot(page, 'console-approver-unregistered');

    await page.click('button[data-action="approve-campaign"]');
    const confirm = await page.locator('dialog.confirm').innerText();
    expect(confirm).toContain(`tới ${SUBSCRIBERS} thuê bao`);
    expect(confirm).toContain('Loại khỏi chiến dịch: VNPT (VinaPhone).');
    await page.click('dialog.confirm button[data-confirm]');
    await review.locator('[data-state="scheduled"]').waitFor();
    const [campaign] = await api.dataSource.query(`SELECT carriers FROM campaigns WHERE id = $1`, [campaignId]);
    expect(campaign.carriers).toEqual(['viettel']);
    const [audit] = await api.dataSource.query(`SELECT details FROM audit_log WHERE action = 'campaign.scheduled' AND object_id = $1`, [String(campaignId)]);
    expect(audit.details.excludedCarriers).toEqual(['vnpt']);
    expect(failures).toEqual([]);
  });

  it("viewer: the report's CSV is `;`-separated for Vietnamese Excel, and Excel (XLSX) is offered first", async () => {
    const { page, failures } = await server.loggedIn('demo-viewer');
    await page.click('a[data-screen="bao-cao"]');
    await page.locator(`#report-campaigns tr[data-campaign="${campaignId}"]`).click();
    const report = page.locator(`[data-report="${campaignId}"]`);
    await report.waitFor();
    const first = report.locator('.exports button').first();
    expect(await first.getAttribute('data-format')).toBe('xlsx');
    expect(await first.innerText()).toBe('Tải Excel (XLSX, nên dùng)');

    const [csvFile] = await Promise.all([page.waitForEvent('download'), report.locator('button[data-format="csv"]').click()]);
    expect(csvFile.suggestedFilename()).toBe(`bao-cao-chien-dich-${campaignId}.csv`);
    const [heading, ...rows] = (await downloaded(csvFile)).split('\r\n');
    expect(heading).toMatch(/^\uFEFFChiến dịch;Số liệu tính đến \(/);
    // `;` between fields: a heading with a comma in it needs no quotes.
    expect(heading.split(';')).toEqual(expect.arrayContaining(['Mã tỉnh', 'Tỉnh, thành phố', 'Nhà mạng', 'Số thuê bao']));
    expect(rows[0].startsWith(`${CAMPAIGN_NAME};`)).toBe(true);
    await screenshot(page, 'console-viewer-report-exports');
    expect(failures).toEqual([]);
  });
});
