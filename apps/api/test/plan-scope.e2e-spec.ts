import { type DynamicModule } from '@nestjs/common';
import { AuthService } from '@loa/auth';
import { CampaignMaterialiser, PLANNER_CLOCK } from '@loa/campaigns';
import { ManualClock } from '@loa/common';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

const T0 = Date.parse('2026-12-01T01:00:00Z'); // 08:00 in Viet Nam, inside the send window
const WARNING = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai.';

function clockModule(clock: ManualClock): DynamicModule {
  class PlannerClockModule {}
  return { module: PlannerClockModule, global: true, providers: [{ provide: PLANNER_CLOCK, useValue: clock }], exports: [PLANNER_CLOCK] };
}

interface CarrierPlanBody {
  carrier: string;
  messages: number;
  campaignsAhead: { id: number; name: string }[];
  otherCampaignsAhead: { count: number; parts: number };
}

/**
 * What plans, estimates and the approval's audit entry show a reader scoped to province 14 of a campaign
 * in 14 and 66 (197 + 192 subscribers), behind a campaign of 14 and one of 66: counts over 14 only, the
 * campaign of 66 only as a count, the timing of the whole.
 */
describe('deadline plans and estimates within the reader’s scope', () => {
  const clock = new ManualClock(T0);
  let api: TestApi;
  let drafter: string;
  let approver: string;
  let viewer: string;
  const scoped: Record<string, string> = {};
  let templateId: number;
  const ids: Record<'ours' | 'theirs' | 'shared', number> = { ours: 0, theirs: 0, shared: 0 };

  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const get = (path: string, token: string) => api.http().get(path).auth(token, { type: 'bearer' });
  const campaign = (name: string, provinces: string[], priority: number) => ({
    name,
    templateId,
    provinces,
    carriers: ['viettel'],
    startAt: '2026-12-01T08:00:00+07:00',
    priority,
  });
  const approved = async (name: string, provinces: string[], priority: number) => {
    const created = (await post('/campaigns', drafter, campaign(name, provinces, priority)).expect(201)).body;
    await post(`/campaigns/${created.id}/submit`, drafter).expect(200);
    await post(`/campaigns/${created.id}/approve`, approver).expect(200);
    return created.id as number;
  };

  beforeAll(async () => {
    api = await createTestApi({ carriers: ['viettel'], carrierTps: { viettel: 100 }, imports: [clockModule(clock)] });
    [drafter, approver, viewer] = await Promise.all(['demo-drafter', 'demo-approver', 'demo-viewer'].map((user) => api.login(user)));
    const auth = api.app.get(AuthService);
    for (const role of ['viewer', 'drafter', 'approver'] as const) {
      await auth.addUser(`${role}-14`, TEST_PASSWORD, role, ['14']);
      scoped[role] = await api.login(`${role}-14`);
    }
    await api.dataSource.query(`
      INSERT INTO subscribers (msisdn, carrier, province_code)
      SELECT 84960000000 + n, 'viettel', '14' FROM generate_series(1, 197) n
      UNION ALL SELECT 84970000000 + n, 'viettel', '66' FROM generate_series(1, 192) n`);
    templateId = (await post('/templates', drafter, { name: 'Cảnh báo OTP', body: WARNING }).expect(201)).body.id;
    await post(`/templates/${templateId}/submit`, drafter).expect(200);
    await post(`/templates/${templateId}/approve`, approver).expect(200);
    ids.theirs = await approved('Khẩn — Đắk Lắk', ['66'], 5);
    ids.ours = await approved('Khẩn — Điện Biên', ['14'], 5);
    ids.shared = await approved('Cảnh báo chung', ['14', '66'], 0);
  }, 120_000);
  afterAll(() => api?.close());

  it("names only the campaigns ahead the reader may read, and counts the others as 'other campaigns'", async () => {
    const plan = (await get(`/campaigns/${ids.shared}/plan`, scoped.viewer).expect(200)).body;
    const viettel: CarrierPlanBody = plan.carriers[0];
    expect(viettel.campaignsAhead.map((ahead) => ahead.id)).toEqual([ids.ours]);
    expect(viettel.otherCampaignsAhead).toEqual({ count: 1, parts: 192 });
    expect(JSON.stringify(plan)).not.toContain('Đắk Lắk');

    const national = (await get(`/campaigns/${ids.shared}/plan`, viewer).expect(200)).body;
    expect(national.carriers[0].campaignsAhead.map((ahead: { id: number }) => ahead.id)).toEqual([ids.theirs, ids.ours]);
    expect(national.carriers[0].otherCampaignsAhead).toEqual({ count: 0, parts: 0 });
    // the unnamed campaign still takes the carrier's time: both see the same finish
    expect(plan.estimatedFinishAt).toBe(national.estimatedFinishAt);
    expect(plan.carriers[0].startsAt).toBe(national.carriers[0].startsAt);
  });

  it("counts the plan over the reader's provinces only, and the whole for a national reader", async () => {
    const plan = (await get(`/campaigns/${ids.shared}/plan`, scoped.viewer).expect(200)).body;
    expect(plan).toMatchObject({ messages: 197, parts: 197, provinces: [{ code: '14', messages: 197, parts: 197 }] });
    expect(plan.carriers[0]).toMatchObject({ messages: 197, parts: 197 });
    const national = (await get(`/campaigns/${ids.shared}/plan`, viewer).expect(200)).body;
    expect(national).toMatchObject({
      messages: 389,
      provinces: [
        { code: '14', messages: 197 },
        { code: '66', messages: 192 },
      ],
    });
  });

  it('plans a draft of the drafter’s province behind campaigns it names only when it may read them', async () => {
    const plan = (await post('/campaigns/plan', scoped.drafter, campaign('Nháp', ['14'], 0)).expect(200)).body;
    expect(plan.carriers[0].campaignsAhead.map((ahead: { id: number }) => ahead.id)).toEqual([ids.ours]);
    expect(plan.carriers[0].otherCampaignsAhead).toEqual({ count: 2, parts: 192 + 389 });
    expect(plan.messages).toBe(197);
  });

  it("gives the estimate's messages left over the reader's provinces, as the report counts them", async () => {
    expect((await get(`/campaigns/${ids.shared}`, scoped.viewer).expect(200)).body.estimate.messagesLeft).toBe(197);
    expect((await get(`/campaigns/${ids.shared}`, viewer).expect(200)).body.estimate.messagesLeft).toBe(389);
    // Once materialised, from its counters: the same figure as the reader's report.
    await api.dataSource.query(`UPDATE campaigns SET state = 'cancelled' WHERE id <> $1`, [ids.shared]);
    expect(await api.app.get(CampaignMaterialiser).materialiseNextDue(T0)).toEqual({ campaignId: ids.shared, messages: 389 });
    const estimate = (await get(`/campaigns/${ids.shared}`, scoped.viewer).expect(200)).body.estimate;
    const report = (await get(`/campaigns/${ids.shared}/report`, scoped.viewer).expect(200)).body;
    expect(estimate.messagesLeft).toBe(197);
    expect(estimate.carriers[0].messagesLeft).toBe(197);
    expect(report.totals.targeted).toBe(197);
  });

  it("shows the approval's audit entry with the messages of the reader's provinces", async () => {
    const entryOf = async (token: string) =>
      ((await get('/audit?action=campaign.scheduled', token).expect(200)).body as { objectId: string; details: Record<string, unknown> }[]).find(
        (entry) => entry.objectId === String(ids.shared),
      )!;
    expect((await entryOf(scoped.approver)).details).toMatchObject({ messages: 197, byProvince: { '14': { messages: 197 } } });
    expect((await entryOf(scoped.approver)).details.byProvince).not.toHaveProperty('66');
    expect((await entryOf(approver)).details).toMatchObject({ messages: 389, byProvince: { '14': { messages: 197 }, '66': { messages: 192 } } });
    const csv = (await get('/audit?format=csv&action=campaign.scheduled', scoped.approver).expect(200)).text;
    expect(csv).toMatch(/messages"+:197/);
    expect(csv).not.toMatch(/messages"+:389|"+66"+:/);
  });
});
