import { Client } from 'pg';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

// One UCS-2 segment for every province used here (at most 70 characters with "Thành phố Hà Nội"), so a
// shutdown never falls between the parts of one message; that case is ambiguous, not given back.
const BODY = 'Công an {{province.name}} cảnh báo: không đưa mã OTP cho ai.';
const SUBSCRIBERS = 150;
// 50 submits a second: a campaign of 150 takes about 3 s, long enough to pause or cancel it on the way.
const TPS = 50;

describe('an operator pauses, resumes and cancels a running campaign', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let operator: string;
  let appClosed = false;

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('mobifone', simulator.port, { tps: TPS, window: 5 })];
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50, batchSize: 20 } })] });
    await seedSubscribers(api, 'mobifone', '14', 84_900_000_000, SUBSCRIBERS);
    await seedSubscribers(api, 'mobifone', '66', 84_900_100_000, SUBSCRIBERS);
    operator = await api.login('demo-operator');
  });

  afterAll(async () => {
    if (!appClosed) await api?.app.close();
    await api?.db.drop();
    await simulator?.stop();
  });

  beforeEach(() => simulator.reset());

  const act = (campaignId: number, action: string) => api.http().post(`/campaigns/${campaignId}/${action}`).auth(operator, { type: 'bearer' });
  const inState = async (campaignId: number, state: string): Promise<number> =>
    (await api.dataSource.query(`SELECT count(*)::int AS count FROM messages WHERE campaign_id = $1 AND state = $2`, [campaignId, state]))[0].count;
  const sentSoFar = () =>
    pollUntil(
      async () => simulator.received.length,
      (count) => count > 0,
      { what: 'the first submits' },
    );

  it('sends nothing while paused and everything, once each, after resuming', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'] });
    await sentSoFar();
    expect((await act(campaignId, 'pause').expect(200)).body.state).toBe('paused');

    // What the dispatcher had already claimed (two batches at most) still goes out; then nothing more.
    await pollUntil(
      () => inState(campaignId, 'sending'),
      (count) => count === 0,
      { what: 'claimed messages sent' },
    );
    const settled = simulator.received.length;
    expect(settled).toBeLessThan(SUBSCRIBERS);
    // Longer than the TPS limiter's one-second bucket, so a pause between bursts is not mistaken for this one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(simulator.received.length).toBe(settled);
    expect(await inState(campaignId, 'queued')).toBe(SUBSCRIBERS - settled);

    expect((await act(campaignId, 'resume').expect(200)).body.state).toBe('running');
    await waitForCompletion(api, campaignId);
    const destinations = simulator.received.map((submit) => submit.destination);
    expect(destinations).toHaveLength(SUBSCRIBERS);
    expect(new Set(destinations).size).toBe(SUBSCRIBERS);
    expect(await reportTotals(api, campaignId)).toMatchObject({ targeted: SUBSCRIBERS, delivered: SUBSCRIBERS, pending: 0 });
  });

  it('fails what is still queued on cancel, and accounts for every message', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['66'] });
    await sentSoFar();
    expect((await act(campaignId, 'cancel').expect(200)).body.state).toBe('cancelled');

    const totals = await pollUntil(
      () => reportTotals(api, campaignId),
      (t) => t.pending === 0,
      { what: 'every message final' },
    );
    const sent = simulator.received.length;
    expect(sent).toBeLessThan(SUBSCRIBERS);
    expect(totals).toMatchObject({ targeted: SUBSCRIBERS, delivered: sent, failed: SUBSCRIBERS - sent });
    const reasons = await api.dataSource.query(`SELECT DISTINCT last_error FROM messages WHERE campaign_id = $1 AND state = 'failed'`, [campaignId]);
    expect(reasons.map((row: { last_error: string }) => row.last_error).every((reason: string) => /cancel/.test(reason))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(simulator.received.length).toBe(sent);
  });

  it('refuses a viewer, and a resume of a campaign that is not paused', async () => {
    const viewer = await api.login('demo-viewer');
    const [{ id }] = await api.dataSource.query(`SELECT id FROM campaigns ORDER BY id LIMIT 1`);
    await api.http().post(`/campaigns/${id}/pause`).auth(viewer, { type: 'bearer' }).expect(403);
    const refused = await act(Number(id), 'resume').expect(409);
    expect(refused.body.message).toMatch(/completed/);
  });

  it('on shutdown gives back what it had claimed but not sent, without using an attempt', async () => {
    await seedSubscribers(api, 'mobifone', '01', 84_900_200_000, SUBSCRIBERS);
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['01'] });
    await sentSoFar();
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
      expect(byState.queued.error).toMatch(/link mobifone is stop(ping|ped)/);
      const sent = new Set(simulator.received.map((submit) => submit.destination)).size;
      expect(sent).toBe(SUBSCRIBERS - byState.queued.count);
    } finally {
      await client.end();
    }
  });
});
