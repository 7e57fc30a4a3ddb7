import { type DynamicModule } from '@nestjs/common';
import { CampaignMaterialiser, PLANNER_CLOCK } from '@loa/campaigns';
import { ManualClock } from '@loa/common';
import { createTestApi, type TestApi } from './test-app';

const T0 = Date.parse('2026-12-01T01:00:00Z'); // 08:00 in Viet Nam, inside the default 07:00–21:00 window
const MINUTE = 60_000;
const DEADLINE = '2026-12-01T08:10:00+07:00';
// 9,000 Sơn La subscribers on Viettel at 100 TPS, two parts each: 18,000 PDUs, 185.4 s as the links send them.
const SENDING_MS = 180 * 1030;
// Two UCS-2 parts in every province (71–134 characters).
const WARNING = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, mật khẩu hay số thẻ cho bất kỳ ai gọi điện tự xưng là công an.';

function clockModule(clock: ManualClock): DynamicModule {
  class PlannerClockModule {}
  return { module: PlannerClockModule, global: true, providers: [{ provide: PLANNER_CLOCK, useValue: clock }], exports: [PLANNER_CLOCK] };
}

interface DeadlineEntry {
  kind: 'campaign' | 'programme';
  id: number;
  state: string;
  stateLabel: string;
  finishesInTime: boolean | null;
  paused: boolean;
  ifResumedNow: { estimatedFinishAt: string | null; finishesInTime: boolean | null } | null;
}

/** An instant within a millisecond of `ms`, whatever offset the answer writes it in. */
const near = (ms: number) => ({
  $$typeof: Symbol.for('jest.asymmetricMatcher'),
  asymmetricMatch: (text: string) => Math.abs(Date.parse(text) - ms) <= 1,
  toAsymmetricMatcher: () => `near ${new Date(ms).toISOString()}`,
});

describe('GET /reports/deadlines for a paused campaign: no finish runs on while nothing is sent', () => {
  const clock = new ManualClock(T0);
  let api: TestApi;
  let viewer: string;
  let operator: string;
  let campaignId: number;
  let programmeId: number;

  beforeAll(async () => {
    api = await createTestApi({ carriers: ['viettel'], carrierTps: { viettel: 100 }, imports: [clockModule(clock)] });
    const [drafter, approver] = await Promise.all(['demo-drafter', 'demo-approver'].map((user) => api.login(user)));
    [viewer, operator] = await Promise.all(['demo-viewer', 'demo-operator'].map((user) => api.login(user)));
    await api.dataSource.query(
      `INSERT INTO subscribers (msisdn, carrier, province_code, status) SELECT 84960000000 + n, 'viettel', '14', 'active' FROM generate_series(0, 8999) n`,
    );
    const template = (await post('/templates', drafter, { name: 'Cảnh báo OTP', body: WARNING }).expect(201)).body;
    await post(`/templates/${template.id}/submit`, drafter).expect(200);
    await post(`/templates/${template.id}/approve`, approver).expect(200);
    const programme = { name: 'Phòng, chống lừa đảo', issuingUnit: 'CÔNG AN TỈNH SƠN LA', provinces: ['14'], reportDeadline: DEADLINE };
    programmeId = (await post('/programmes', drafter, programme).expect(201)).body.id;
    const campaign = await post('/campaigns', drafter, {
      name: 'Cảnh báo OTP — Sơn La',
      templateId: template.id,
      provinces: ['14'],
      carriers: ['viettel'],
      startAt: '2026-12-01T08:00:00+07:00',
      reportDeadline: DEADLINE,
      programmeId,
    }).expect(201);
    campaignId = campaign.body.id;
    await post(`/campaigns/${campaignId}/submit`, drafter).expect(200);
    await post(`/campaigns/${campaignId}/approve`, approver).expect(200);
    expect(await api.app.get(CampaignMaterialiser).materialiseNextDue(T0)).toEqual({ campaignId, messages: 9_000 });
  });
  afterAll(() => api.close());

  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const deadlines = async () => (await api.http().get('/reports/deadlines?days=1').auth(viewer, { type: 'bearer' }).expect(200)).body as DeadlineEntry[];
  const entries = async () => {
    const all = await deadlines();
    return {
      campaign: all.find((entry) => entry.kind === 'campaign' && entry.id === campaignId)!,
      programme: all.find((entry) => entry.kind === 'programme')!,
    };
  };

  it('says a running campaign finishes in time by its plan', async () => {
    const { campaign, programme } = await entries();

    expect(campaign).toMatchObject({ state: 'running', paused: false, finishesInTime: true, ifResumedNow: null });
    expect(programme).toMatchObject({ id: programmeId, paused: false, finishesInTime: true, ifResumedNow: null });
  });

  it('says a paused campaign is paused, claims no finish, and gives the finish of a resume now as such', async () => {
    await post(`/campaigns/${campaignId}/pause`, operator).expect(200);

    const { campaign, programme } = await entries();

    const ifResumedNow = { estimatedFinishAt: near(T0 + SENDING_MS), finishesInTime: true };
    expect(campaign).toMatchObject({ state: 'paused', stateLabel: 'Tạm dừng', paused: true, finishesInTime: null, ifResumedNow });
    expect(programme).toMatchObject({ paused: true, finishesInTime: null, ifResumedNow });
    // The same as the campaign's own estimate says.
    const estimate = (await api.http().get(`/campaigns/${campaignId}`).auth(viewer, { type: 'bearer' }).expect(200)).body.estimate;
    expect(estimate).toMatchObject({ paused: true, estimatedFinishAt: null, ifResumedNow: { estimatedFinishAt: near(T0 + SENDING_MS) } });
  });

  it('does not run on while the clock does: only the finish of a resume now moves, until it would be too late', async () => {
    clock.advance(5 * MINUTE);
    const fiveMinutesOn = await entries();

    expect(fiveMinutesOn.campaign).toMatchObject({
      paused: true,
      finishesInTime: null,
      ifResumedNow: { estimatedFinishAt: near(T0 + 5 * MINUTE + SENDING_MS), finishesInTime: true },
    });

    clock.advance(3 * MINUTE);
    const eightMinutesOn = await entries();

    // 08:08 + 185 s is past 08:10: a resume now would be late, and the entry still claims nothing.
    const late = { paused: true, finishesInTime: null, ifResumedNow: { estimatedFinishAt: near(T0 + 8 * MINUTE + SENDING_MS), finishesInTime: false } };
    expect(eightMinutesOn.campaign).toMatchObject(late);
    expect(eightMinutesOn.programme).toMatchObject(late);
  });

  it('after a resume, says again what the plan gives', async () => {
    await post(`/campaigns/${campaignId}/resume`, operator).expect(200);

    const { campaign, programme } = await entries();

    expect(campaign).toMatchObject({ state: 'running', paused: false, finishesInTime: false, ifResumedNow: null });
    expect(programme).toMatchObject({ paused: false, finishesInTime: false, ifResumedNow: null });
  });
});
