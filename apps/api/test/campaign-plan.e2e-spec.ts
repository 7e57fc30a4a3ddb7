import { type DynamicModule } from '@nestjs/common';
import { CampaignMaterialiser, PLANNER_CLOCK } from '@loa/campaigns';
import { formatVietnamInstant, ManualClock } from '@loa/common';
import { createTestApi, type TestApi } from './test-app';

const T0 = Date.parse('2026-12-01T01:00:00Z'); // 08:00 in Viet Nam, inside the default 07:00–21:00 window
const at = (seconds: number) => formatVietnamInstant(T0 + seconds * 1000);
/** An instant within a millisecond of `ms` (the plan's arithmetic is in fractional milliseconds). */
const near = (ms: number) => ({
  $$typeof: Symbol.for('jest.asymmetricMatcher'),
  asymmetricMatch: (iso: string) => Math.abs(Date.parse(iso) - ms) <= 1,
  toAsymmetricMatcher: () => `near ${new Date(ms).toISOString()}`,
});
/** When `seconds` of sending at the contract's TPS are done: the links send 1000/1030 of it (a guard each second). */
const after = (seconds: number) => near(T0 + seconds * 1030);
const TPS = { viettel: 100, vnpt: 50, mobifone: 50 };
// Two UCS-2 parts in every province (71–134 characters).
const WARNING = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, mật khẩu hay số thẻ cho bất kỳ ai gọi điện tự xưng là công an.';

function clockModule(clock: ManualClock): DynamicModule {
  class PlannerClockModule {}
  return { module: PlannerClockModule, global: true, providers: [{ provide: PLANNER_CLOCK, useValue: clock }], exports: [PLANNER_CLOCK] };
}

describe('deadline plans: GET /campaigns/:id/plan, POST /campaigns/plan, approval, running estimate', () => {
  const clock = new ManualClock(T0);
  let api: TestApi;
  let drafter: string;
  let approver: string;
  let viewer: string;
  let templateId: number;

  beforeAll(async () => {
    api = await createTestApi({ carriers: ['viettel', 'vnpt', 'mobifone'], carrierTps: TPS, imports: [clockModule(clock)] });
    [drafter, approver, viewer] = await Promise.all(['demo-drafter', 'demo-approver', 'demo-viewer'].map((user) => api.login(user)));
    // Sơn La (14): 36,000 on Viettel and 9,000 on VNPT (plus 100 opted out); Cần Thơ (92): 18,000 on Viettel.
    await api.dataSource.query(`
      INSERT INTO subscribers (msisdn, carrier, province_code, status)
      SELECT 84960000000 + n, CASE WHEN n < 36000 THEN 'viettel' ELSE 'vnpt' END, '14', 'active' FROM generate_series(0, 44999) n
      UNION ALL SELECT 84970000000 + n, 'viettel', '92', 'active' FROM generate_series(0, 17999) n
      UNION ALL SELECT 84980000000 + n, 'viettel', '14', 'opted_out' FROM generate_series(0, 99) n`);
    const template = await post('/templates', drafter, { name: 'Cảnh báo OTP', body: WARNING }).expect(201);
    templateId = template.body.id;
    await post(`/templates/${templateId}/submit`, drafter).expect(200);
    await post(`/templates/${templateId}/approve`, approver).expect(200);
  });
  afterAll(() => api.close());

  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const get = (path: string, token: string) => api.http().get(path).auth(token, { type: 'bearer' });
  const sonLa = (overrides: object = {}) => ({
    name: 'Cảnh báo trước Tết — Sơn La',
    templateId,
    provinces: ['14'],
    carriers: ['viettel', 'vnpt'],
    startAt: '2026-12-01T08:00:00+07:00',
    ...overrides,
  });
  const campaignCount = async () => (await api.dataSource.query('SELECT count(*)::int AS n FROM campaigns'))[0].n;

  it('plans a draft per carrier without saving it: parts over TPS, the finish, and who is left at the deadline', async () => {
    const before = await campaignCount();
    const plan = (await post('/campaigns/plan', drafter, sonLa({ reportDeadline: '2026-12-01T08:10:00+07:00' })).expect(200)).body;
    expect(plan.carriers.map((c: { carrier: string }) => c.carrier)).toEqual(['viettel', 'vnpt']);
    expect(plan.carriers[0]).toMatchObject({
      tps: 100,
      messages: 36_000,
      parts: 72_000,
      tpsShare: 1,
      startsAt: at(0),
      finishesAt: after(720),
      // by 08:10, 600 s of the 741.6 s it needs: 19 % of its 36,000 left
      unsentAtDeadline: 6_874,
    });
    expect(plan.carriers[1]).toMatchObject({ tps: 50, messages: 9_000, parts: 18_000, finishesAt: after(360), unsentAtDeadline: 0 });
    expect(plan).toMatchObject({
      campaignId: null,
      messages: 45_000,
      parts: 90_000,
      estimatedFinishAt: after(720),
      meetsDeadline: false,
      unsentAtDeadline: 6_874,
    });
    expect(await campaignCount()).toBe(before);
  });

  it('places sending inside the send window, across the night', async () => {
    const plan = (await post('/campaigns/plan', drafter, sonLa({ startAt: '2026-12-01T20:55:00+07:00', carriers: ['viettel'] })).expect(200)).body;
    // 741.6 s of sending: 300 s before 21:00, the other 441.6 s from 07:00 the next morning
    const finish = Date.parse('2026-12-02T00:07:21.600Z');
    expect(plan.estimatedFinishAt).toEqual(near(finish));
    expect(plan.sendWindows).toEqual([
      { start: '2026-12-01T20:55:00.000+07:00', end: '2026-12-01T21:00:00.000+07:00' },
      { start: '2026-12-02T07:00:00.000+07:00', end: near(finish) },
    ]);
  });

  it('answers bad drafts and strangers with a 4xx and saves nothing', async () => {
    const before = await campaignCount();
    expect((await post('/campaigns/plan', drafter, sonLa({ startAt: 'tomorrow' })).expect(400)).body.message).toMatch(/startAt/);
    expect((await post('/campaigns/plan', drafter, sonLa({ provinces: ['Atlantis'] })).expect(400)).body.message).toMatch(/Atlantis/);
    await post('/campaigns/plan', viewer, sonLa()).expect(403);
    await get('/campaigns/999999/plan', viewer).expect(404);
    expect(await campaignCount()).toBe(before);
  });

  it('gives a saved campaign only the TPS the campaigns ahead of it leave', async () => {
    const urgent = (await post('/campaigns', drafter, sonLa({ name: 'Khẩn — Cần Thơ', provinces: ['92'], carriers: ['viettel'], priority: 5 })).expect(201))
      .body;
    await post(`/campaigns/${urgent.id}/submit`, drafter).expect(200);
    await post(`/campaigns/${urgent.id}/approve`, approver).expect(200);
    const campaign = (await post('/campaigns', drafter, sonLa()).expect(201)).body;
    const plan = (await get(`/campaigns/${campaign.id}/plan`, viewer).expect(200)).body;
    // Cần Thơ's 36,000 Viettel parts go first (360 s at 100 TPS), then Sơn La's 72,000 (720 s)
    expect(plan.carriers[0]).toMatchObject({ carrier: 'viettel', startsAt: after(360), finishesAt: after(1080), tpsShare: 0.667 });
    expect(plan.carriers[0].campaignsAhead).toEqual([
      { id: urgent.id, name: 'Khẩn — Cần Thơ', priority: 5, state: 'scheduled', parts: 36_000, finishesAt: after(360) },
    ]);
    expect(plan.carriers[1]).toMatchObject({ carrier: 'vnpt', campaignsAhead: [], finishesAt: after(360), tpsShare: 1 });
    // a national reader reads every campaign ahead by name: none is left to count anonymously
    expect(plan.carriers.map((c: { otherCampaignsAhead: object }) => c.otherCampaignsAhead)).toEqual([
      { count: 0, parts: 0 },
      { count: 0, parts: 0 },
    ]);
    expect(plan.provinces).toEqual([{ code: '14', messages: 45_000, parts: 90_000 }]);
    await post(`/campaigns/${urgent.id}/cancel`, approver).expect(200);
  });

  it('refuses to approve a campaign nobody would receive, with a 409 that says why', async () => {
    const empty = (await post('/campaigns', drafter, sonLa({ provinces: ['01'] })).expect(201)).body;
    await post(`/campaigns/${empty.id}/submit`, drafter).expect(200);
    const refused = await post(`/campaigns/${empty.id}/approve`, approver).expect(409);
    expect(refused.body.message).toMatch(/nobody to send to.*import the subscribers first/);
    expect((await get(`/campaigns/${empty.id}`, viewer).expect(200)).body.state).toBe('pending_approval');
  });

  it('approves a campaign that misses its deadline only when the approver acknowledges it, and audits that', async () => {
    const late = (await post('/campaigns', drafter, sonLa({ reportDeadline: '2026-12-01T08:10:00+07:00' })).expect(201)).body;
    await post(`/campaigns/${late.id}/submit`, drafter).expect(200);
    const refused = await post(`/campaigns/${late.id}/approve`, approver).expect(409);
    expect(refused.body.message).toMatch(/6874 of 45000 subscribers would not have it by then/);
    await post(`/campaigns/${late.id}/approve`, approver, { acknowledgeDeadlineMiss: true }).expect(400);
    await post(`/campaigns/${late.id}/approve`, approver, { acknowledgeDeadlineMiss: 'yes' }).expect(400);
    expect((await get(`/campaigns/${late.id}`, viewer).expect(200)).body.state).toBe('pending_approval');
    const reason = 'Lãnh đạo đồng ý: gửi tiếp sau hạn';
    const approved = await post(`/campaigns/${late.id}/approve`, approver, { acknowledgeDeadlineMiss: true, reason }).expect(200);
    expect(approved.body.state).toBe('scheduled');
    const [entry] = await api.dataSource.query(`SELECT details FROM audit_log WHERE action = 'campaign.scheduled' AND object_id = $1`, [String(late.id)]);
    expect(entry.details).toMatchObject({ deadlineMissAcknowledged: true, reason, unsentAtDeadline: 6_874, estimatedFinishAt: after(720) });
  });

  it('re-plans a running campaign from the rate it actually gets, shown in GET /campaigns/:id', async () => {
    const running = (await post('/campaigns', drafter, sonLa({ name: 'Đang gửi' })).expect(201)).body;
    await post(`/campaigns/${running.id}/submit`, drafter).expect(200);
    await post(`/campaigns/${running.id}/approve`, approver).expect(200);
    const scheduled = (await get(`/campaigns/${running.id}`, viewer).expect(200)).body;
    expect(scheduled.estimate).toMatchObject({ messagesLeft: 45_000, estimatedFinishAt: expect.any(String) });
    await api.dataSource.query(`UPDATE campaigns SET state = 'cancelled' WHERE id <> $1 AND state = 'scheduled'`, [running.id]);
    await api.dataSource.query(`UPDATE campaigns SET start_at = $2 WHERE id = $1`, [running.id, new Date(T0 - 60_000)]);
    expect(await api.app.get(CampaignMaterialiser).materialiseNextDue(T0)).toEqual({ campaignId: running.id, messages: 45_000 });
    // What the dispatcher's scheduler would have recorded 30 s ago (100 sent), and 600 more Viettel messages sent since: 20 a second.
    await api.dataSource.query(`INSERT INTO campaign_progress (campaign_id, carrier, sampled_at, sent) VALUES ($1, 'viettel', $2, 100)`, [
      running.id,
      new Date(T0 - 30_000),
    ]);
    await api.dataSource.query(`UPDATE campaign_stats SET submitted = 700 WHERE campaign_id = $1 AND carrier = 'viettel'`, [running.id]);
    const estimate = (await get(`/campaigns/${running.id}`, viewer).expect(200)).body.estimate;
    const viettel = estimate.carriers.find((c: { carrier: string }) => c.carrier === 'viettel');
    expect(viettel).toMatchObject({ messagesLeft: 35_300, rateSource: 'measured' });
    expect(viettel.partsPerSecond).toBeCloseTo(40, 0);
    // 70,600 parts left at 40 a second: 1,765 s, on the planner's clock whatever the real date
    expect(Math.abs(Date.parse(viettel.finishesAt) - (T0 + 1_765_000))).toBeLessThan(1_000);
    expect(estimate.carriers.find((c: { carrier: string }) => c.carrier === 'vnpt')).toMatchObject({ rateSource: 'contract', finishesAt: after(360) });
    const draft = (await post('/campaigns', drafter, sonLa()).expect(201)).body;
    expect((await get(`/campaigns/${draft.id}`, viewer).expect(200)).body.estimate).toBeNull();
  });
});
