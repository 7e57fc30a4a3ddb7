import { Client } from 'pg';
import { ManualClock } from '@loa/common';
import { DispatcherModule } from '@loa/dispatcher';
import { type ReceivedSubmit, type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

// Two UCS-2 parts for every province used here: a message whose first part went before a pause gets its
// second at once (the handset holds the first), and one that had none sent goes back to the queue whole.
const BODY = 'Công an {{province.name}} cảnh báo: không đưa mã OTP, mật khẩu hay số thẻ cho bất kỳ ai gọi điện tự xưng là công an.';
const PARTS = 2;
const CARRIERS = ['mobifone', 'vnpt'] as const;
// Per carrier and province: 2 × 600 messages of 2 parts at 300 PDUs/s per link, about 4 s of sending.
const PER_CARRIER = 600;
const SUBSCRIBERS = PER_CARRIER * CARRIERS.length;
// The promise: a pause or a cancel stops the wire within 1 s of its answer, on every link.
const STOP_WITHIN_MS = 1000;
const HOUR_MS = 3_600_000;
// The dispatcher's clock: tomorrow, 20:59:30 in Viet Nam (13:59:30 UTC), half a minute before a 07:00-21:00 window closes.
const WINDOW_CLOSES_AT = Math.ceil(Date.now() / (24 * HOUR_MS)) * 24 * HOUR_MS + 14 * HOUR_MS;

describe('an operator pauses, resumes and cancels a running campaign (TPS 300, window 50, two links)', () => {
  let api: TestApi;
  const simulators = new Map<string, SmscSimulator>();
  let operator: string;
  let appClosed = false;
  const clock = new ManualClock(WINDOW_CLOSES_AT - 30_000);

  beforeAll(async () => {
    for (const carrier of CARRIERS) simulators.set(carrier, await simulatedCarrier(carrier, { receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } }));
    const carriers = CARRIERS.map((carrier) => simulatedAccount(carrier, simulators.get(carrier)!.port, { tps: 300, window: 50 }));
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50, clock } })] });
    let first = 84_900_000_000;
    for (const province of ['14', '66', '79', '48', '01']) {
      for (const carrier of CARRIERS) {
        await seedSubscribers(api, carrier, province, first, PER_CARRIER);
        first += 100_000;
      }
    }
    operator = await api.login('demo-operator');
  });

  afterAll(async () => {
    if (!appClosed) await api?.app.close();
    await api?.db.drop();
    for (const simulator of simulators.values()) await simulator.stop();
  });

  beforeEach(() => {
    for (const simulator of simulators.values()) simulator.reset();
  });

  const received = (): ReceivedSubmit[] => [...simulators.values()].flatMap((simulator) => simulator.received);
  const act = async (campaignId: number, action: string, state: string): Promise<number> => {
    const answer = await api.http().post(`/campaigns/${campaignId}/${action}`).auth(operator, { type: 'bearer' }).expect(200);
    expect(answer.body.state).toBe(state);
    return Date.now();
  };
  const inState = async (campaignId: number): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await api.dataSource.query(`SELECT state, count(*)::int AS count FROM messages WHERE campaign_id = $1 GROUP BY state`, [campaignId])).map(
        (row: { state: string; count: number }) => [row.state, row.count],
      ),
    );
  const quarterSent = () =>
    pollUntil(
      async () => received().length,
      (pdus) => pdus >= (SUBSCRIBERS * PARTS) / 4,
      { intervalMs: 10, what: 'a quarter of the PDUs sent' },
    );
  /** Submits the SMSCs received later than STOP_WITHIN_MS after `answeredAt` (and before `until`). */
  const sentAfter = (answeredAt: number, until = Number.POSITIVE_INFINITY) =>
    received().filter((submit) => submit.at > answeredAt + STOP_WITHIN_MS && submit.at < until);
  /** Every subscriber's complete copies, as the handsets reassemble them. */
  const copiesPerSubscriber = () => {
    const copies = new Map<string, number>();
    for (const simulator of simulators.values()) {
      for (const message of simulator.messages()) if (message.complete) copies.set(message.destination, (copies.get(message.destination) ?? 0) + 1);
    }
    return copies;
  };

  it('sends nothing later than 1 s after a pause is answered, and after resuming, one complete copy to every subscriber', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'], carriers: [...CARRIERS] });
    await quarterSent();
    const pausedAt = await act(campaignId, 'pause', 'paused');

    // What was handed over is answered and recorded; the rest goes back to the queue, unsent and with no attempt used.
    const paused = await pollUntil(
      () => inState(campaignId),
      (states) => !states.sending && Date.now() > pausedAt + 2 * STOP_WITHIN_MS,
      { what: 'every claimed message answered or given back, over twice the stop promise' },
    );
    expect(paused.queued).toBeGreaterThan(SUBSCRIBERS / 4);
    const [{ attempts }] = await api.dataSource.query(`SELECT max(attempts)::int AS attempts FROM messages WHERE campaign_id = $1 AND state = 'queued'`, [
      campaignId,
    ]);
    expect(attempts).toBe(0);
    // Paused, it has no finish time (one planned from now would run on with every read), only one if resumed now.
    const { estimate } = (await api.http().get(`/campaigns/${campaignId}`).auth(operator, { type: 'bearer' }).expect(200)).body;
    expect(estimate).toMatchObject({ paused: true, estimatedFinishAt: null, meetsDeadline: null, messagesLeft: paused.queued });
    expect(estimate.ifResumedNow.estimatedFinishAt).not.toBeNull();
    expect(estimate.carriers.every((carrier: { finishesAt: string | null; partsPerSecond: number }) => !carrier.finishesAt && !carrier.partsPerSecond)).toBe(
      true,
    );

    const resumedAt = await act(campaignId, 'resume', 'running');
    await waitForCompletion(api, campaignId);
    expect(sentAfter(pausedAt, resumedAt)).toEqual([]);
    const copies = copiesPerSubscriber();
    expect(copies.size).toBe(SUBSCRIBERS);
    expect([...copies.values()].every((count) => count === 1)).toBe(true);
    expect(await reportTotals(api, campaignId)).toMatchObject({ targeted: SUBSCRIBERS, delivered: SUBSCRIBERS, cancelled: 0, pending: 0 });
  });

  it('on cancel sends nothing later than 1 s after it is answered, and reports what never went as cancelled, not failed', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['66'], carriers: [...CARRIERS] });
    await quarterSent();
    const cancelledAt = await act(campaignId, 'cancel', 'cancelled');

    const totals = await pollUntil(
      () => reportTotals(api, campaignId),
      (t) => t.pending === 0,
      { what: 'every message final' },
    );
    expect(sentAfter(cancelledAt)).toEqual([]);
    const reached = new Set(received().map((submit) => submit.destination)).size;
    expect(reached).toBeLessThan(SUBSCRIBERS);
    // A message with a part at the carrier when cancelled got the rest and ended as its receipt said.
    expect(copiesPerSubscriber().size).toBe(reached);
    expect(totals).toMatchObject({ targeted: SUBSCRIBERS, delivered: reached, failed: 0, cancelled: SUBSCRIBERS - reached, pending: 0 });
    const viewer = await api.login('demo-viewer');
    const report = await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' }).expect(200);
    expect(report.body.errors).toEqual([]);
    const csv = await api.http().get(`/campaigns/${campaignId}/report?format=csv`).auth(viewer, { type: 'bearer' }).expect(200);
    expect(csv.text).toContain('Đã hủy, không gửi');
    expect(csv.text).not.toMatch(/cancelled by/);
  });

  it('sends nothing later than 1 s after its send window closes, and the rest, once each, when it opens again', async () => {
    const campaignId = await approvedCampaign(api, BODY, {
      provinces: ['79'],
      carriers: [...CARRIERS],
      windowLifted: false,
      windowStart: '07:00',
      windowEnd: '21:00',
    });
    await quarterSent();
    clock.advance(WINDOW_CLOSES_AT - clock.now());
    const closedAt = Date.now();

    const closed = await pollUntil(
      () => inState(campaignId),
      (states) => !states.sending && Date.now() > closedAt + 2 * STOP_WITHIN_MS,
      { what: 'every claimed message answered or given back, over twice the stop promise' },
    );
    expect(closed.queued).toBeGreaterThan(SUBSCRIBERS / 4);

    clock.advance(10 * HOUR_MS); // 07:00 the next morning
    const openedAt = Date.now();
    await waitForCompletion(api, campaignId);
    expect(sentAfter(closedAt, openedAt)).toEqual([]);
    const copies = copiesPerSubscriber();
    expect(copies.size).toBe(SUBSCRIBERS);
    expect([...copies.values()].every((count) => count === 1)).toBe(true);
  });

  it('sends nothing later than 1 s after its validity ends, and reports what never went as expired unsent', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['48'], carriers: [...CARRIERS], validityHours: 1 });
    await quarterSent();
    clock.advance(HOUR_MS);
    const endedAt = Date.now();

    const totals = await pollUntil(
      () => reportTotals(api, campaignId),
      (t) => t.pending === 0,
      { what: 'every message final' },
    );
    expect(sentAfter(endedAt)).toEqual([]);
    const reached = new Set(received().map((submit) => submit.destination)).size;
    expect(reached).toBeLessThan(SUBSCRIBERS);
    expect(totals).toMatchObject({ targeted: SUBSCRIBERS, delivered: reached, expiredUnsent: SUBSCRIBERS - reached, cancelled: 0 });
  });

  it('refuses a viewer, and a resume of a campaign that is not paused', async () => {
    const viewer = await api.login('demo-viewer');
    const [{ id }] = await api.dataSource.query(`SELECT id FROM campaigns ORDER BY id LIMIT 1`);
    await api.http().post(`/campaigns/${id}/pause`).auth(viewer, { type: 'bearer' }).expect(403);
    const refused = await api.http().post(`/campaigns/${id}/resume`).auth(operator, { type: 'bearer' }).expect(409);
    expect(refused.body.message).toMatch(/completed/);
  });

  it('on shutdown gives back what it had claimed but not sent, without using an attempt', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['01'], carriers: [...CARRIERS] });
    await quarterSent();
    await api.app.close();
    appClosed = true;

    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT state, count(*)::int AS count, max(attempts) AS attempts, min(last_error) AS error
         FROM messages WHERE campaign_id = $1 GROUP BY state ORDER BY state`,
        [campaignId],
      );
      const byState = Object.fromEntries(rows.map((row) => [row.state, row]));
      expect(byState.sending).toBeUndefined();
      expect(byState.queued.count).toBeGreaterThan(0);
      expect(byState.queued.attempts).toBe(0);
      // Stopping, or already stopped for those still waiting to be handed to the link.
      expect(byState.queued.error).toMatch(/link \w+ is stop(ping|ped)/);
      const sent = new Set(received().map((submit) => submit.destination)).size;
      expect(sent).toBe(SUBSCRIBERS - byState.queued.count);
    } finally {
      await client.end();
    }
  });
});
