import { TestSendsRepository } from '@loa/campaigns';
import { ManualClock, vietnamDay, vietnamMidnight } from '@loa/common';
import { CountersRepository } from '@loa/delivery';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

const BODY = 'Công an {{province.name}} cảnh báo: không đưa mã OTP cho ai.';
const HOUR = 3_600_000;
const SUBSCRIBERS = 10;
// What the dispatcher gets to show that it sends nothing: its claim loop runs every 50 ms here.
const QUIET_MS = 1500;
/** Each campaign here keeps the default window and the cap unless it says otherwise (the harness lifts both). */
const WITHIN_LIMITS = { windowLifted: false, dailyCapLifted: false, overrideReason: undefined, validityHours: 72 };

/**
 * Send windows, validity and the daily cap against the dispatcher and a simulated SMSC, on a clock the test
 * moves: a day D (Viet Nam) after the real today, so that the campaigns, started "now" by the real clock,
 * are due on it.
 */
describe('send windows, validity, the daily cap and test sends', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let drafter: string;
  let approver: string;
  const dayD = vietnamMidnight(Date.now()) + 2 * 24 * HOUR;
  const clock = new ManualClock(dayD);
  const at = (hours: number) => dayD + hours * HOUR;
  const setClock = (time: number) => clock.advance(time - clock.now());

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [0, 5], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('mobifone', simulator.port, { tps: 500 })];
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50, batchSize: 50, clock } })] });
    let first = 84_960_000_000;
    for (const province of ['01', '04', '08', '14', '66']) {
      await seedSubscribers(api, 'mobifone', province, first, SUBSCRIBERS);
      first += 1000;
    }
    drafter = await api.login('demo-drafter');
    approver = await api.login('demo-approver');
  });

  afterAll(async () => {
    await api?.close();
    await simulator?.stop();
  });

  const statesOf = async (campaignId: number): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await api.dataSource.query(`SELECT state, count(*)::int AS count FROM messages WHERE campaign_id = $1 GROUP BY 1`, [campaignId])).map(
        (row: { state: string; count: number }) => [row.state, row.count],
      ),
    );
  const materialised = (campaignId: number) =>
    pollUntil(
      () => statesOf(campaignId),
      (states) => Object.values(states).reduce((sum, count) => sum + count, 0) === SUBSCRIBERS,
      { what: `campaign ${campaignId} materialised` },
    );
  const sentTo = async (campaignId: number) =>
    (await api.dataSource.query(`SELECT count(*)::int AS count FROM messages WHERE campaign_id = $1 AND submitted_at IS NOT NULL`, [campaignId]))[0].count;
  const quietly = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  const campaign = (provinces: string[], extra: Record<string, unknown> = {}) =>
    approvedCampaign(api, BODY, { provinces, startAt: new Date(clock.now()).toISOString(), ...WITHIN_LIMITS, ...extra });
  const auditOf = async (campaignId: number, action: string) =>
    api.dataSource.query(`SELECT details, before, after, provinces FROM audit_log WHERE object_type = 'campaign' AND object_id = $1 AND action = $2`, [
      String(campaignId),
      action,
    ]);
  const expectCountersExact = async () => expect(await api.app.get(CountersRepository).counterMismatches()).toEqual([]);

  it('approved at 21:30 sends nothing until 07:00, then sends by itself', async () => {
    setClock(at(21.5));
    const campaignId = await campaign(['01']);
    await materialised(campaignId);
    await quietly();
    expect(simulator.received).toHaveLength(0);
    expect(await statesOf(campaignId)).toEqual({ queued: SUBSCRIBERS });

    setClock(at(24 + 7));
    await waitForCompletion(api, campaignId);
    expect(await reportTotals(api, campaignId)).toMatchObject({ targeted: SUBSCRIBERS, delivered: SUBSCRIBERS });
  });

  it('paused before the window closes and resumed after it sends nothing until the window opens again', async () => {
    setClock(at(24 + 20.5));
    // Due at 20:45: paused while still scheduled, so that nothing at all has gone before the window closes.
    const campaignId = await campaign(['04'], { startAt: new Date(at(24 + 20.75)).toISOString() });
    const operator = await api.login('demo-operator');
    await api.http().post(`/campaigns/${campaignId}/pause`).auth(operator, { type: 'bearer' }).expect(200);
    setClock(at(24 + 21.25));
    await api.http().post(`/campaigns/${campaignId}/resume`).auth(operator, { type: 'bearer' }).expect(200);
    await materialised(campaignId);
    await quietly();
    expect(await sentTo(campaignId)).toBe(0);

    setClock(at(48 + 7));
    await waitForCompletion(api, campaignId);
    expect(await sentTo(campaignId)).toBe(SUBSCRIBERS);
  });

  it('sends in a window that crosses midnight, an override audited with its reason', async () => {
    setClock(at(48 + 12));
    const missingReason = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'Đêm', templateId: 1, provinces: ['08'], startAt: new Date(clock.now()).toISOString(), windowStart: '22:00', windowEnd: '06:00' })
      .expect(400);
    expect(missingReason.body.message).toMatch(/overrideReason: required for send window 22:00–06:00 opens outside the default 07:00–21:00/);

    const reason = 'Cảnh báo khẩn: lừa đảo qua cuộc gọi đêm';
    const campaignId = await campaign(['08'], { windowStart: '22:00', windowEnd: '06:00', overrideReason: reason });
    await materialised(campaignId);
    await quietly();
    expect(await sentTo(campaignId)).toBe(0);

    setClock(at(48 + 23.5));
    await waitForCompletion(api, campaignId);
    expect(await sentTo(campaignId)).toBe(SUBSCRIBERS);
    const [override] = await auditOf(campaignId, 'campaign.override');
    expect(override.details).toMatchObject({ reason, sendWindow: { kind: 'daily', start: '22:00', end: '06:00' } });
  });

  it('ends the messages still queued when the validity ends as expired_unsent, counted', async () => {
    setClock(at(72 + 21.5));
    const campaignId = await campaign(['14'], { validityHours: 1 });
    await materialised(campaignId);

    setClock(at(72 + 22.5));
    await waitForCompletion(api, campaignId);
    expect(await sentTo(campaignId)).toBe(0);
    expect(await reportTotals(api, campaignId)).toMatchObject({ targeted: SUBSCRIBERS, expiredUnsent: SUBSCRIBERS, pending: 0 });
    await expectCountersExact();
  });

  it('gives a subscriber in three campaigns on one day two; the third waits for the next day', async () => {
    setClock(at(96 + 8));
    const firstTwo = [await campaign(['66']), await campaign(['66'])];
    for (const id of firstTwo) await waitForCompletion(api, id);
    const third = await campaign(['66']);
    await materialised(third);
    expect(await statesOf(third)).toEqual({ held: SUBSCRIBERS });
    await quietly();
    expect(await sentTo(third)).toBe(0);

    // The override: a fourth campaign that lifts the cap goes out the same day, audited.
    const urgent = await campaign(['66'], { dailyCapLifted: true, overrideReason: 'Cảnh báo khẩn: lũ quét trong đêm' });
    await waitForCompletion(api, urgent);
    expect((await auditOf(urgent, 'campaign.override'))[0].details).toMatchObject({ dailyCapLifted: true, reason: 'Cảnh báo khẩn: lũ quét trong đêm' });

    setClock(at(120 + 7));
    await waitForCompletion(api, third);
    expect(await sentTo(third)).toBe(SUBSCRIBERS);
    const days = await api.dataSource.query(`SELECT campaign_id, cap_day::text AS day FROM messages WHERE campaign_id = ANY($1) GROUP BY 1, 2 ORDER BY 1`, [
      [...firstTwo, third],
    ]);
    expect(days.map((row: { day: string }) => row.day)).toEqual([vietnamDay(at(96)), vietnamDay(at(96)), vietnamDay(at(120))]);
    await expectCountersExact();
  });

  it('changes a running campaign’s window only with a reason for an override, audited', async () => {
    setClock(at(120 + 22));
    const campaignId = await campaign(['01']);
    await materialised(campaignId);
    const limits = () => api.http().post(`/campaigns/${campaignId}/send-limits`).auth(approver, { type: 'bearer' });

    const refused = await limits().send({ windowLifted: true }).expect(400);
    expect(refused.body.message).toMatch(/overrideReason/);
    expect((await api.http().get(`/campaigns/${campaignId}`).auth(approver, { type: 'bearer' })).body.sendWindow).toEqual({
      kind: 'daily',
      start: '07:00',
      end: '21:00',
    });

    await limits().send({ windowLifted: true, overrideReason: 'Bão đổ bộ trong đêm' }).expect(200);
    await waitForCompletion(api, campaignId);
    const [change] = await auditOf(campaignId, 'campaign.send-limits');
    expect(change).toMatchObject({
      provinces: ['01'],
      before: { sendWindow: { kind: 'daily' } },
      after: { sendWindow: { kind: 'lifted' } },
      details: { reason: 'Bão đổ bộ trong đêm' },
    });
  });

  it('test-sends a draft to registered test numbers through the dispatcher, counted nowhere', async () => {
    const admin = await api.login('demo-admin');
    const [{ id: drafterId }] = await api.dataSource.query(`SELECT id::int AS id FROM users WHERE username = 'demo-drafter'`);
    const numbers = Array.from({ length: 11 }, (_, n) => `09012300${String(n).padStart(2, '0')}`);
    for (const msisdn of numbers) {
      await api.http().post('/test-numbers').auth(admin, { type: 'bearer' }).send({ msisdn, userId: drafterId, carrier: 'mobifone' }).expect(201);
    }
    await api.http().post('/test-numbers').auth(drafter, { type: 'bearer' }).send({ msisdn: '0901239999', userId: drafterId }).expect(403);

    const template = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'Thử', body: BODY }).expect(201);
    await api.http().post(`/templates/${template.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    await api.http().post(`/templates/${template.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
    const draft = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'Thử', templateId: template.body.id, provinces: ['01', '66'], startAt: new Date(clock.now()).toISOString() })
      .expect(201);
    const testSends = () => api.http().post(`/campaigns/${draft.body.id}/test-sends`).auth(drafter, { type: 'bearer' });

    expect(
      (
        await testSends()
          .send({ msisdns: ['0909999999'] })
          .expect(400)
      ).body.message,
    ).toMatch(/not written down as test numbers/);
    await testSends()
      .send({ msisdns: numbers.slice(0, 10), provinces: ['14'] })
      .expect(400);
    const before = simulator.received.length;
    await testSends()
      .send({ msisdns: numbers.slice(0, 10), provinces: ['66'] })
      .expect(201);
    expect(
      (
        await testSends()
          .send({ msisdns: [numbers[10]] })
          .expect(400)
      ).body.message,
    ).toMatch(/at most 10 numbers/);

    const sent = await pollUntil(
      async () => (await api.http().get(`/campaigns/${draft.body.id}/test-sends`).auth(drafter, { type: 'bearer' }).expect(200)).body,
      (rows: { delivered: boolean }[]) => rows.length === 10 && rows.every((row) => row.delivered),
      { what: 'test sends delivered' },
    );
    expect(sent[0]).toMatchObject({ state: 'accepted', receipt: 'DELIVRD', provinceCode: '66' });
    const shown = await api.http().get(`/campaigns/${draft.body.id}`).auth(drafter, { type: 'bearer' }).expect(200);
    expect(shown.body.testSends).toHaveLength(10);
    const texts = simulator.received.slice(before).map((submit) => submit.text);
    expect(texts).toHaveLength(10);
    expect(texts.every((text) => text.includes('Đắk Lắk'))).toBe(true);
    expect(await api.dataSource.query(`SELECT * FROM messages WHERE campaign_id = $1`, [draft.body.id])).toEqual([]);
    expect(await api.dataSource.query(`SELECT * FROM campaign_stats WHERE campaign_id = $1`, [draft.body.id])).toEqual([]);
  });

  it('sends a test send again when its dispatcher was lost, and fails it with the reason when that happens twice', async () => {
    const admin = await api.login('demo-admin');
    const [{ id: drafterId }] = await api.dataSource.query(`SELECT id::int AS id FROM users WHERE username = 'demo-drafter'`);
    // A Viettel number: no dispatcher of this app sends Viettel, so the only ones that take it are the lost ones below.
    await api.http().post('/test-numbers').auth(admin, { type: 'bearer' }).send({ msisdn: '0961230001', userId: drafterId, carrier: 'viettel' }).expect(201);
    const template = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'Thử', body: BODY }).expect(201);
    await api.http().post(`/templates/${template.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    await api.http().post(`/templates/${template.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
    const draft = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'Thử', templateId: template.body.id, provinces: ['01'], startAt: new Date(clock.now()).toISOString() })
      .expect(201);
    await api
      .http()
      .post(`/campaigns/${draft.body.id}/test-sends`)
      .auth(drafter, { type: 'bearer' })
      .send({ msisdns: ['0961230001'] })
      .expect(201);
    const shown = async () => (await api.http().get(`/campaigns/${draft.body.id}/test-sends`).auth(drafter, { type: 'bearer' }).expect(200)).body[0];
    const testSends = api.app.get(TestSendsRepository);
    // A dispatcher takes it under a two-minute lease, then dies before the carrier's answer is recorded.
    const lostDispatcher = async () => expect(await testSends.claim('viettel', 10, new Date(clock.now() + 120_000))).toHaveLength(1);

    await lostDispatcher();
    await quietly();
    expect(await shown()).toMatchObject({ state: 'sending' });
    clock.advance(121_000);
    expect(await pollUntil(shown, (send) => send.state === 'queued', { what: 'the test send queued again' })).toMatchObject({
      error: 'dispatcher lost while sending (lease expired); sent again',
    });

    await lostDispatcher();
    clock.advance(121_000);
    expect(await pollUntil(shown, (send) => send.state === 'failed', { what: 'the test send failed' })).toMatchObject({
      error: 'dispatcher lost while sending (lease expired) 2 times; not sent again (it may have reached the phone)',
      delivered: false,
    });
  });

  it('sends what the cap held on the next day only once the window opens, and ends it capped if the validity ends first', async () => {
    setClock(at(168 + 8));
    const firstTwo = [await campaign(['08']), await campaign(['08'])];
    for (const id of firstTwo) await waitForCompletion(api, id);
    // Both held for the next day: one valid until 14:00 that day, one only until 04:00, before the window opens.
    const nextDay = await campaign(['08'], { validityHours: 30 });
    const tooShort = await campaign(['08'], { validityHours: 20 });
    for (const id of [nextDay, tooShort]) expect(await materialised(id)).toEqual({ held: SUBSCRIBERS });

    setClock(at(192 + 6.5));
    await waitForCompletion(api, tooShort);
    expect(await reportTotals(api, tooShort)).toMatchObject({ targeted: SUBSCRIBERS, capped: SUBSCRIBERS, pending: 0 });
    await quietly();
    expect(await statesOf(nextDay)).toEqual({ held: SUBSCRIBERS });

    setClock(at(192 + 7));
    await waitForCompletion(api, nextDay);
    expect(await sentTo(nextDay)).toBe(SUBSCRIBERS);
    expect(await reportTotals(api, nextDay)).toMatchObject({ targeted: SUBSCRIBERS, delivered: SUBSCRIBERS, capped: 0 });
    const [{ days }] = await api.dataSource.query(`SELECT array_agg(DISTINCT cap_day::text) AS days FROM messages WHERE campaign_id = $1`, [nextDay]);
    expect(days).toEqual([vietnamDay(at(192))]);
    await expectCountersExact();
  });
});
