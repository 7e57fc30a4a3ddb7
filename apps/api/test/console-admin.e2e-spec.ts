import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { approvedCampaign, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from '../../dispatcher/test/campaign-harness';
import { type ConsolePage, type ConsoleServer, logIn, screenshot, SCREENSHOTS, startConsole } from './console-browser';
import { type TestApi } from './test-app';

// MobiFone subscribers of Sơn La (14) who receive the viewer's campaign.
const SUBSCRIBERS = 30;
const FIRST_SUBSCRIBER = 84_900_200_000;
const CAMPAIGN_NAME = 'Cảnh báo giả danh công an — Sơn La';
const PROGRAMME_NAME = 'Tuyên truyền phòng, chống lừa đảo dịp Tết';
const NEW_USER = 'nguyen.van.an';
const NEW_HOTLINE = '0212.3852.456';
// Three good rows and one (line 3) with a number one digit short.
const IMPORT_CSV = [
  'so_dien_thoai,nha_mang,tinh',
  '0912000001,viettel,14',
  '091200002,viettel,14',
  '0912000003,viettel,Sơn La',
  '0912000004,viettel,14',
  '',
].join('\n');

/** The admin's and the official's journeys of issue 22, each from the login page, through the console only, in one Chromium. */
describe("the console's admin and official screens, in a real browser", () => {
  let server: ConsoleServer;
  let api: TestApi;
  let simulator: SmscSimulator;
  let campaignId: number;
  let programmeId: number;

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('mobifone', simulator.port, { tps: 50, window: 10 })];
    server = await startConsole({
      carriers: ['mobifone'],
      imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50, batchSize: 10, statusIntervalMs: 300 } })],
    });
    api = server.api;
    // The viewer's report: a campaign sent and delivered before the journeys start (the drafting journeys are console-journeys').
    await seedSubscribers(api, 'mobifone', '14', FIRST_SUBSCRIBER, SUBSCRIBERS);
    const drafter = await api.login('demo-drafter');
    const programme = await api
      .http()
      .post('/programmes')
      .auth(drafter, { type: 'bearer' })
      .send({ name: PROGRAMME_NAME, documentNumber: '306/KH-UBND', issuingUnit: 'CÔNG AN TỈNH SƠN LA', provinces: ['14'] })
      .expect(201);
    programmeId = programme.body.id;
    campaignId = await approvedCampaign(api, 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Liên hệ {{province.hotline}}.', {
      name: CAMPAIGN_NAME,
      provinces: ['14'],
      carriers: ['mobifone'],
      programmeId,
      reportDeadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    await waitForCompletion(api, campaignId);
    // What MobiFone's letter said: one fewer delivered than Loa counted.
    const operator = await api.login('demo-operator');
    await api
      .http()
      .post(`/campaigns/${campaignId}/carrier-reports`)
      .auth(operator, { type: 'bearer' })
      .send({ carrier: 'mobifone', targeted: SUBSCRIBERS, sent: SUBSCRIBERS, delivered: SUBSCRIBERS - 1, reportedOn: '2026-12-07', reference: '88/MBF-KD' })
      .expect(201);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await simulator?.stop();
  });

  afterEach(() => server.closePages());

  it('admin: creates a user (a weak password refused in Vietnamese), sets a hotline, imports a CSV and sees its bad row rejected', async () => {
    const { page, failures } = await loggedIn('demo-admin');

    await page.click('a[data-screen="nguoi-dung"]');
    await page.fill('input[name="new-username"]', NEW_USER);
    await page.fill('input[name="new-password"]', 'matkhau123');
    await page.selectOption('select[name="new-role"]', 'drafter');
    await page.uncheck('input[name="new-provinces-national"]');
    await page.selectOption('select[name="new-provinces"]', ['14']);
    await page.click('button[data-action="create-user"]');
    const notice = page.locator('.notice[role="alert"]');
    await notice.waitFor();
    expect(await notice.locator('.notice-text').innerText()).toBe(
      'Mật khẩu quá dễ đoán (từ thông dụng, dãy số, tên trang…). Hãy dùng một cụm vài từ không liên quan, dài hơn.',
    );
    // The refused password is not kept in the form.
    expect(await page.inputValue('input[name="new-password"]')).toBe('');
    await screenshot(page, 'console-admin-weak-password');

    await page.fill('input[name="new-password"]', 'Hoa-mai-no-som-tren-doi-2026');
    await page.click('button[data-action="create-user"]');
    await page.locator(`[data-created-user="${NEW_USER}"]`).waitFor();
    expect(await notice.count()).toBe(0);
    const row = page.locator(`#users tr[data-username="${NEW_USER}"]`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(new RegExp(`${NEW_USER}\\s+Cán bộ soạn thảo\\s+Tỉnh Sơn La\\s+Đang hoạt động`));
    expect(await page.locator(`[data-edit-user="${NEW_USER}"] h2`).innerText()).toBe(`Người dùng ${NEW_USER}`);
    await screenshot(page, 'console-admin-user-created');
    const [stored] = await api.dataSource.query(`SELECT role, province_scope FROM users WHERE username = $1`, [NEW_USER]);
    expect(stored).toEqual({ role: 'drafter', province_scope: ['14'] });

    await page.click('a[data-screen="duong-day-nong"]');
    await page.locator('#provinces tr[data-province="14"]').click();
    await page.fill('[data-edit-province="14"] textarea[name="hotlines"]', NEW_HOTLINE);
    await page.click('button[data-action="save-province"]');
    expect(await page.locator('[data-saved-province]').innerText()).toBe(
      'Đã lưu liên hệ của Công an Tỉnh Sơn La. Bản xem trước và các chiến dịch tạo sau đây dùng thông tin mới.',
    );
    await pollUntil(
      () => page.locator('#provinces tr[data-province="14"]').innerText(),
      (text) => text.includes(NEW_HOTLINE),
      { what: 'the new hotline in the provinces table' },
    );
    await screenshot(page, 'console-admin-hotline');
    const [province] = await api.dataSource.query(`SELECT police_hotlines FROM provinces WHERE code = '14'`);
    expect(province.police_hotlines).toEqual([NEW_HOTLINE]);

    await page.click('a[data-screen="nhap-thue-bao"]');
    await page.setInputFiles('input[name="import-file"]', { name: 'thue-bao-son-la.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) });
    await page.click('button[data-action="upload"]');
    const summary = page.locator('#import-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.innerText()).toMatch(/^Hoàn tất lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}: đọc 4 dòng, thêm mới 3, cập nhật 0, không đổi 0, từ chối 1\.$/);
    const rejected = page.locator('#rejections tbody tr');
    await rejected.first().waitFor();
    expect(await rejected.count()).toBe(1);
    expect(await rejected.first().getAttribute('data-line')).toBe('3');
    expect(await rejected.first().innerText()).toContain('Số điện thoại sai độ dài (9 chữ số; cần 0 + 9 chữ số hoặc 84 + 9 chữ số)');
    expect(await rejected.first().innerText()).toContain('091200002,viettel,14');
    await screenshot(page, 'console-admin-import-rejected');
    const [imported] = await api.dataSource.query(`SELECT count(*)::int AS n FROM subscribers WHERE msisdn BETWEEN 84912000001 AND 84912000004`);
    expect(imported.n).toBe(3);

    // The audit log: the user's creation found by its kind, and the search exported as CSV.
    await page.click('a[data-screen="nhat-ky"]');
    await page.fill('input[name="audit-action"]', 'user');
    await page.click('button[data-action="search-audit"]');
    const created = page.locator('#audit tr[data-action="user.create"]');
    await created.waitFor();
    expect(await created.innerText()).toContain('Tạo người dùng');
    expect(await created.innerText()).toContain('demo-admin');
    expect(await page.locator('#audit tbody tr[data-action="province.update"]').count()).toBe(0);
    await screenshot(page, 'console-admin-audit');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="export-audit"]')]);
    expect(download.suggestedFilename()).toBe('nhat-ky-kiem-toan.csv');
    const csvPath = join(SCREENSHOTS, 'console-admin-audit.csv');
    await download.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    // `;` between fields, for Excel with Vietnamese regional settings (the console asks for locale=vi).
    expect(csv.startsWith('\uFEFFMã;Thời điểm')).toBe(true);
    expect(csv).toContain('user.create');
    expect(csv).not.toContain('province.update');

    // The one refused request was the weak password (Chromium logs it too).
    expect(failures).toEqual(['400 POST /users', 'console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  it('admin: resets a password (one with the username refused), disables the user, writes down a test number and an exclusion', async () => {
    const { page, failures } = await loggedIn('demo-admin');
    await page.click('a[data-screen="nguoi-dung"]');
    await page.fill('input[name="user-q"]', 'NGUYEN.VAN');
    await page.click('form[aria-label="Tìm người dùng"] button[type="submit"]');
    const row = page.locator(`#users tr[data-username="${NEW_USER}"]`);
    await pollUntil(
      () => page.locator('#users tbody tr').count(),
      (count) => count === 1,
      { what: 'the search to leave one user' },
    );
    await row.press('Enter');
    const editor = page.locator(`[data-edit-user="${NEW_USER}"]`);
    await editor.locator('input[name="reset-password"]').fill(`${NEW_USER}-Mua-xuan-2026`);
    await editor.locator('button[data-action="reset-password"]').click();
    const notice = page.locator('.notice[role="alert"] .notice-text');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Mật khẩu không được chứa tên đăng nhập.');
    await editor.locator('input[name="reset-password"]').fill('Dong-song-Da-chay-qua-Son-La');
    await editor.locator('button[data-action="reset-password"]').click();
    await editor.locator('[role="status"]').waitFor();
    expect(await editor.locator('[role="status"]').innerText()).toBe(`Đã đặt lại mật khẩu của ${NEW_USER}; các phiên đăng nhập cũ của người này đã bị đóng.`);
    expect(await notice.count()).toBe(0);

    await editor.locator('button[data-action="disable-user"]').click();
    expect(await page.locator('dialog.confirm').innerText()).toContain('không đăng nhập được nữa');
    await page.click('dialog.confirm button[data-confirm]');
    await pollUntil(
      () => row.innerText(),
      (text) => text.includes('Đã khóa'),
      { what: 'the user shown disabled' },
    );
    await screenshot(page, 'console-admin-user-disabled');
    const [stored] = await api.dataSource.query(`SELECT id::int AS id, disabled_at IS NOT NULL AS disabled FROM users WHERE username = $1`, [NEW_USER]);
    expect(stored.disabled).toBe(true);

    await page.click('a[data-screen="so-thu-nghiem"]');
    await page.fill('input[name="test-msisdn"]', '0912 777 888');
    const drafterOption = page.locator('select[name="test-user"] option', { hasText: 'demo-drafter' });
    await drafterOption.waitFor({ state: 'attached' });
    await page.selectOption('select[name="test-user"]', (await drafterOption.getAttribute('value'))!);
    await page.click('button[data-action="add-test-number"]');
    const testNumber = page.locator('#test-numbers tr[data-msisdn="84912777888"]');
    await testNumber.waitFor();
    expect(await testNumber.innerText()).toMatch(/^84912777888\s+demo-drafter\s+VNPT \(VinaPhone\)\s+\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

    await page.click('a[data-screen="loai-tru"]');
    await page.fill('textarea[name="exclusion-msisdns"]', `0${String(FIRST_SUBSCRIBER + 3).slice(2)}`);
    await page.fill('input[name="exclusion-reason"]', 'Thuê bao đề nghị qua đường dây nóng, phiếu 1234');
    await page.click('button[data-action="add-exclusions"]');
    const excluded = page.locator(`#exclusions tr[data-msisdn="${FIRST_SUBSCRIBER + 3}"]`);
    await excluded.waitFor();
    expect(await excluded.innerText()).toContain('Tỉnh Sơn La');
    expect(await excluded.innerText()).toContain('Thuê bao đề nghị qua đường dây nóng, phiếu 1234');
    expect(await page.locator('#exclusions-title').innerText()).toBe('Danh sách loại trừ (1 số)');
    await screenshot(page, 'console-admin-exclusions');
    await excluded.locator('button[data-action="remove-exclusion"]').click();
    await page.click('dialog.confirm button[data-confirm]');
    await excluded.waitFor({ state: 'detached' });
    expect(await page.locator('#exclusions').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('Không có số nào bị loại trừ trong phạm vi của bạn.');

    expect(failures).toEqual([`400 PATCH /users/${stored.id}`, 'console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  it('admin: a larger upload shows its progress while it is sent', async () => {
    const { page, context, failures } = await loggedIn('demo-admin');
    // 3,000 rows (about 75 kB) through a link held to 25 kB/s: about three seconds of upload to watch.
    const rows = Array.from({ length: 3000 }, (_, index) => `09130${String(index).padStart(5, '0')},viettel,14`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 25_000 });
    await page.click('a[data-screen="nhap-thue-bao"]');
    await page.setInputFiles('input[name="import-file"]', {
      name: 'thue-bao-lon.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['so_dien_thoai,nha_mang,tinh', ...rows, ''].join('\n')),
    });
    await page.click('button[data-action="upload"]');
    const progress = page.locator('[data-upload-progress]');
    // Part way: a share strictly between 0 and 100 %, in words beside the bar.
    const midway = await pollUntil(
      () => progress.innerText({ timeout: 100 }).catch(() => ''),
      (text) => /^Đang tải lên: [1-9]\d?%$/.test(text),
      { what: 'the upload to be part way', intervalMs: 50 },
    );
    expect(Number(/(\d+)%/.exec(midway)![1])).toBeLessThan(100);
    await screenshot(page, 'console-admin-upload-progress');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.locator('#import-summary').waitFor({ timeout: 30_000 });
    expect(await page.locator('#import-summary').innerText()).toMatch(/: đọc 3\.000 dòng, thêm mới 3\.000, cập nhật 0, không đổi 0, từ chối 0\.$/);
    expect(await progress.count()).toBe(0);
    expect(failures).toEqual([]);
  });

  it('viewer: opens the report, downloads the XLSX, sees the deadline and the carrier figures, and looks a number up', async () => {
    const { page, failures } = await loggedIn('demo-viewer');
    expect(await page.locator('a[data-screen="nguoi-dung"]').count()).toBe(0);

    await page.click('a[data-screen="bao-cao"]');
    await page.locator(`#report-campaigns tr[data-campaign="${campaignId}"]`).click();
    const report = page.locator(`[data-report="${campaignId}"]`);
    await report.waitFor();
    expect(await report.locator('h2').innerText()).toBe(`Báo cáo: ${CAMPAIGN_NAME}`);
    expect(await report.locator('[data-figure="delivered"]').innerText()).toBe(`Đã nhận\n${SUBSCRIBERS}`);
    expect(await report.locator('[data-figure="deliveryRate"]').innerText()).toBe('Tỷ lệ nhận (trên số đã gửi)\n100,0%');
    expect(await report.locator('#report-rows tr[data-province="14"][data-carrier="mobifone"]').innerText()).toMatch(
      new RegExp(`^Tỉnh Sơn La\\s+MobiFone\\s+${SUBSCRIBERS}\\s+${SUBSCRIBERS}\\s+${SUBSCRIBERS}\\s+0\\s+0\\s+100,0%`),
    );
    expect(await report.locator('#carrier-figures tr[data-carrier="mobifone"]').innerText()).toContain(`${SUBSCRIBERS - 1} / ${SUBSCRIBERS} / −1`);
    await screenshot(page, 'console-viewer-report');

    const [download] = await Promise.all([page.waitForEvent('download'), report.locator('button[data-format="xlsx"]').click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-chien-dich-${campaignId}.xlsx`);
    const xlsxPath = join(SCREENSHOTS, 'console-viewer-report.xlsx');
    await download.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Tổng hợp');
    const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String));
    expect(cells).toContain(CAMPAIGN_NAME);

    await page.click('a[data-screen="chuong-trinh"]');
    await page.locator(`#programmes tr[data-programme="${programmeId}"]`).click();
    const programme = page.locator(`[data-programme-report="${programmeId}"]`);
    await programme.waitFor();
    expect(await programme.locator('h2').innerText()).toBe(PROGRAMME_NAME);
    expect(await programme.innerText()).toContain('Đơn vị báo cáo\nCÔNG AN TỈNH SƠN LA');
    expect(await programme.locator('#programme-totals [data-figure="delivered"]').innerText()).toBe(`Đã nhận\n${SUBSCRIBERS}`);
    expect(await programme.locator('#programme-campaigns tbody tr').innerText()).toMatch(
      new RegExp(`^${CAMPAIGN_NAME}\\s+Hoàn thành\\s+\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}\\s+${SUBSCRIBERS} / ${SUBSCRIBERS}\\s+100,0%`),
    );
    expect(await programme.innerText()).toContain(`Số thuê bao khác nhau đã nhận ít nhất một tin: ${SUBSCRIBERS}.`);
    await screenshot(page, 'console-viewer-programme');

    await page.click('a[data-screen="han-bao-cao"]');
    const deadline = page.locator(`#deadline-list tr[data-kind="campaign"][data-id="${campaignId}"]`);
    await deadline.waitFor();
    expect(await deadline.innerText()).toMatch(
      new RegExp(`^\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}\\s+${CAMPAIGN_NAME}\\s+Chiến dịch\\s+Hoàn thành\\s+${SUBSCRIBERS} / ${SUBSCRIBERS}\\s+100,0%\\s+Kịp hạn`),
    );
    await screenshot(page, 'console-viewer-deadlines');

    await page.click('a[data-screen="tra-cuu"]');
    await page.fill('input[name="lookup-msisdn"]', `0${String(FIRST_SUBSCRIBER + 7).slice(2)}`);
    await page.click('button[data-action="lookup"]');
    const found = page.locator('#lookup-results tbody tr');
    await found.first().waitFor();
    expect(await found.first().innerText()).toContain(CAMPAIGN_NAME);
    expect(await found.first().innerText()).toContain('Đã nhận');
    await screenshot(page, 'console-viewer-lookup-after-report');
    expect(failures).toEqual([]);
  });

  it("operator: records a carrier's corrected letter, and the difference goes", async () => {
    const { page, failures } = await loggedIn('demo-operator');
    await page.click('a[data-screen="so-lieu-nha-mang"]');
    await page.locator(`#carrier-figure-campaigns tr[data-campaign="${campaignId}"]`).click();
    const mobifone = page.locator(`[data-carrier-figures="${campaignId}"] #carrier-figures tr[data-carrier="mobifone"]`);
    expect(await mobifone.innerText()).toContain(`${SUBSCRIBERS - 1} / ${SUBSCRIBERS} / −1`);
    await page.selectOption('select[name="figures-carrier"]', 'mobifone');
    await page.fill('input[name="figures-targeted"]', String(SUBSCRIBERS));
    await page.fill('input[name="figures-sent"]', String(SUBSCRIBERS));
    await page.fill('input[name="figures-delivered"]', String(SUBSCRIBERS));
    await page.fill('input[name="figures-date"]', '08/12/2026');
    await page.fill('input[name="figures-reference"]', '90/MBF-KD');
    await page.click('button[data-action="record-figures"]');
    await pollUntil(
      () => mobifone.innerText(),
      (text) => text.includes('Văn bản 90/MBF-KD ngày 08/12/2026'),
      { what: "the carrier's new letter" },
    );
    expect(await mobifone.innerText()).toMatch(new RegExp(`${SUBSCRIBERS} / ${SUBSCRIBERS} / 0\\s+\\d{2}:\\d{2}`));
    expect(await mobifone.locator('.warn').count()).toBe(0);
    await screenshot(page, 'console-operator-carrier-figures');
    expect(failures).toEqual([]);
  });

  it('is usable on an 800 px tablet: every admin and official screen fits, tables scroll inside their cards', async () => {
    const { page, failures } = await server.open({ width: 800 });
    await logIn(page, 'demo-admin');
    await page.click('a[data-screen="bao-cao"]');
    await page.locator(`#report-campaigns tr[data-campaign="${campaignId}"]`).click();
    await page.locator(`[data-report="${campaignId}"] #report-rows`).waitFor();
    // Nothing wider than the window: the page never scrolls sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(800);
    // Keyboard: a campaign row takes the focus and opens with Enter.
    await page.locator('#report-campaigns tbody tr').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-report]').waitFor();
    await screenshot(page, 'console-admin-800px');

    for (const [screen, heading] of [
      ['chuong-trinh', 'Chương trình'],
      ['han-bao-cao', 'Hạn nộp báo cáo'],
      ['so-lieu-nha-mang', 'Tên định danh (brandname) và chứng nhận của Bộ Công an'],
      ['nguoi-dung', 'Người dùng'],
      ['duong-day-nong', 'Đường dây nóng và kênh liên hệ của Công an các tỉnh, thành phố'],
      ['so-thu-nghiem', 'Số thử nghiệm'],
      ['nhap-thue-bao', 'Nhập danh sách thuê bao'],
      ['loai-tru', 'Danh sách loại trừ'],
      ['nhat-ky', 'Nhật ký thao tác'],
    ]) {
      await page.click(`a[data-screen="${screen}"]`);
      const title = page.locator('#app-view h2').first();
      await pollUntil(
        () => title.innerText(),
        (text) => text.startsWith(heading),
        { what: `the ${screen} screen` },
      );
      // Its data loaded (no "Đang tải…" left) and nothing wider than the window.
      await pollUntil(
        () => page.locator('#app-view').innerText(),
        (text) => !text.includes('Đang tải…'),
        { what: `the ${screen} screen's data` },
      );
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(800);
      await screenshot(page, `console-admin-800px-${screen}`);
    }
    expect(failures).toEqual([]);
  });

  function loggedIn(username: string): Promise<ConsolePage> {
    return server.loggedIn(username);
  }
});
