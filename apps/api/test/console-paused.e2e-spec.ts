import { type DynamicModule } from '@nestjs/common';
import { type Page } from 'playwright-core';
import { CampaignMaterialiser, PLANNER_CLOCK } from '@loa/campaigns';
import { ManualClock } from '@loa/common';
import { type ConsoleServer, screenshot, startConsole } from './console-browser';
import { type TestApi } from './test-app';

const T0 = Date.parse('2026-12-01T01:00:00Z'); // 08:00 in Viet Nam, inside the default 07:00–21:00 window
const MINUTE = 60_000;
const DEADLINE = '2026-12-01T08:10:00+07:00';
// 9,000 Sơn La subscribers on Viettel at 100 TPS, two parts each: 185.4 s of sending, so a resume at 08:00 ends 08:03.
const CAMPAIGN_NAME = 'Cảnh báo OTP — Sơn La';
const PROGRAMME_NAME = 'Phòng, chống lừa đảo';
const WARNING = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, mật khẩu hay số thẻ cho bất kỳ ai gọi điện tự xưng là công an.';
// A finish the console would show as the campaign's own, in any of its wordings.
const OWN_FINISH = /Dự kiến gửi xong|Chưa ước tính được|Không ước tính được/;

function clockModule(clock: ManualClock): DynamicModule {
  class PlannerClockModule {}
  return { module: PlannerClockModule, global: true, providers: [{ provide: PLANNER_CLOCK, useValue: clock }], exports: [PLANNER_CLOCK] };
}

/** A running campaign with a report deadline, paused through the API: the console says "Tạm dừng" and what a resume now gives, never a finish that runs on. */
describe('the console shows a paused campaign against its report deadline', () => {
  const clock = new ManualClock(T0);
  let server: ConsoleServer;
  let api: TestApi;
  let operator: string;
  let campaignId: number;
  let programmeId: number;

  beforeAll(async () => {
    server = await startConsole({ carriers: ['viettel'], carrierTps: { viettel: 100 }, imports: [clockModule(clock)] });
    api = server.api;
    const [drafter, approver] = await Promise.all(['demo-drafter', 'demo-approver'].map((user) => api.login(user)));
    operator = await api.login('demo-operator');
    await api.dataSource.query(
      `INSERT INTO subscribers (msisdn, carrier, province_code, status) SELECT 84960000000 + n, 'viettel', '14', 'active' FROM generate_series(0, 8999) n`,
    );
    const template = (await post('/templates', drafter, { name: 'Cảnh báo OTP', body: WARNING }).expect(201)).body;
    await post(`/templates/${template.id}/submit`, drafter).expect(200);
    await post(`/templates/${template.id}/approve`, approver).expect(200);
    const programme = { name: PROGRAMME_NAME, issuingUnit: 'CÔNG AN TỈNH SƠN LA', provinces: ['14'], reportDeadline: DEADLINE };
    programmeId = (await post('/programmes', drafter, programme).expect(201)).body.id;
    const campaign = {
      name: CAMPAIGN_NAME,
      templateId: template.id,
      provinces: ['14'],
      carriers: ['viettel'],
      startAt: '2026-12-01T08:00:00+07:00',
      reportDeadline: DEADLINE,
      programmeId,
    };
    campaignId = (await post('/campaigns', drafter, campaign).expect(201)).body.id;
    await post(`/campaigns/${campaignId}/submit`, drafter).expect(200);
    await post(`/campaigns/${campaignId}/approve`, approver).expect(200);
    expect(await api.app.get(CampaignMaterialiser).materialiseNextDue(T0)).toEqual({ campaignId, messages: 9_000 });
  });

  afterAll(() => server?.close());
  afterEach(() => server.closePages());

  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const todayLine = (page: Page, kind: string, id: number) => page.locator(`#deadlines li[data-kind="${kind}"][data-id="${id}"]`);
  const deadlinesRow = (page: Page, kind: string, id: number) => page.locator(`#deadline-list tr[data-kind="${kind}"][data-id="${id}"]`);

  it('shows a running campaign in time, with its plan', async () => {
    const { page, failures } = await server.loggedIn('demo-operator');

    const line = todayLine(page, 'campaign', campaignId);
    await line.locator('.ok', { hasText: 'Kịp hạn' }).waitFor();
    expect(await line.innerText()).toContain('Đang gửi · đã nhận 0 / 9.000 tin');
    expect(await line.locator('[data-verdict="paused"]').count()).toBe(0);
    expect(failures).toEqual([]);
  });

  it('after a pause through the API: "Tạm dừng" and the resume-now verdict on the today view and the deadlines screen', async () => {
    await post(`/campaigns/${campaignId}/pause`, operator).expect(200);
    const { page, failures } = await server.loggedIn('demo-operator');

    const resumedInTime = 'nếu tiếp tục ngay: kịp hạn (xong lúc 08:03 01/12/2026)';
    const line = todayLine(page, 'campaign', campaignId);
    await line.locator('[data-verdict="paused"]').waitFor();
    expect(await line.locator('[data-verdict="paused"]').innerText()).toBe(`Tạm dừng · ${resumedInTime}`);
    expect(await line.innerText()).toContain('Tạm dừng · đã nhận 0 / 9.000 tin');
    expect(await line.innerText()).not.toMatch(OWN_FINISH);
    // The programme is not paused: one of its campaigns is.
    expect(await todayLine(page, 'programme', programmeId).locator('[data-verdict="paused"]').innerText()).toBe(`Có chiến dịch tạm dừng · ${resumedInTime}`);

    // The campaign's own estimate, in its detail: the same, and no finish of its own.
    await page.locator('#campaigns tbody tr', { hasText: CAMPAIGN_NAME }).click();
    const estimate = page.locator('#detail-estimate');
    await estimate.locator('[data-verdict="paused"]').waitFor();
    expect(await estimate.innerText()).toBe(`Tạm dừng · ${resumedInTime}`);
    await screenshot(page, 'console-paused-today');

    await page.click('a[data-screen="han-bao-cao"]');
    const row = deadlinesRow(page, 'campaign', campaignId);
    await row.locator('[data-verdict="paused"]').waitFor();
    const cells = (row: string) => row.split('\t');
    expect(cells(await row.innerText())).toEqual([
      '08:10 01/12/2026',
      CAMPAIGN_NAME,
      'Chiến dịch',
      'Tạm dừng',
      '0 / 9.000',
      '—',
      `Tạm dừng · ${resumedInTime}`,
    ]);
    expect(cells(await deadlinesRow(page, 'programme', programmeId).innerText())).toEqual([
      '08:10 01/12/2026',
      PROGRAMME_NAME,
      'Chương trình',
      'Đang thực hiện',
      '0 / 9.000',
      '—',
      `Có chiến dịch tạm dừng · ${resumedInTime}`,
    ]);
    expect(await page.locator('#deadline-list').innerText()).not.toMatch(OWN_FINISH);
    await screenshot(page, 'console-paused-deadlines');
    expect(failures).toEqual([]);
  });

  it('eight minutes on, still paused: only the labelled resume-now finish moved, and it is now too late', async () => {
    clock.advance(8 * MINUTE);
    const { page, failures } = await server.loggedIn('demo-operator');

    // 08:08 + 185 s is past 08:10.
    const resumedLate = 'nếu tiếp tục ngay: không kịp hạn (xong lúc 08:11 01/12/2026)';
    const line = todayLine(page, 'campaign', campaignId);
    await line.locator('[data-verdict="paused"] .error').waitFor();
    expect(await line.locator('[data-verdict="paused"]').innerText()).toBe(`Tạm dừng · ${resumedLate}`);

    await page.locator('#campaigns tbody tr', { hasText: CAMPAIGN_NAME }).click();
    const estimate = page.locator('#detail-estimate [data-verdict="paused"]');
    await estimate.locator('.error').waitFor();
    expect(await estimate.innerText()).toMatch(
      /^Tạm dừng · nếu tiếp tục ngay: không kịp hạn \(xong lúc 08:11 01\/12\/2026; [\d.]+ tin chưa gửi khi đến hạn\)$/,
    );
    await screenshot(page, 'console-paused-late');

    await page.click('a[data-screen="han-bao-cao"]');
    const row = deadlinesRow(page, 'campaign', campaignId);
    await row.locator('[data-verdict="paused"]').waitFor();
    expect(await row.locator('[data-verdict="paused"]').innerText()).toBe(`Tạm dừng · ${resumedLate}`);
    expect(failures).toEqual([]);
  });

  it("after a resume, shows the plan's own verdict again", async () => {
    await post(`/campaigns/${campaignId}/resume`, operator).expect(200);
    const { page, failures } = await server.loggedIn('demo-operator');

    const line = todayLine(page, 'campaign', campaignId);
    await line.locator('.error', { hasText: 'Không kịp hạn' }).waitFor();
    expect(await line.locator('[data-verdict="paused"]').count()).toBe(0);
    expect(await line.innerText()).toContain('Đang gửi');
    expect(failures).toEqual([]);
  });
});
