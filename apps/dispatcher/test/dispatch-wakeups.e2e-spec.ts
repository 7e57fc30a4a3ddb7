import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

const BODY = 'Công an {{province.name}} cảnh báo: không đưa mã OTP cho ai.';
const SUBSCRIBERS = 20;
// An idle link would look for work again only after a minute: whatever goes out sooner was woken.
const IDLE_MS = 60_000;
const WOKEN_WITHIN_MS = 15_000;

describe('idle dispatchers start on new work at once, not at their next poll', () => {
  let api: TestApi;
  let simulator: SmscSimulator;

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [1, 5], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('mobifone', simulator.port)];
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: IDLE_MS, statusIntervalMs: 300 } })] });
    await seedSubscribers(api, 'mobifone', '14', 84_900_000_000, SUBSCRIBERS);
    await seedSubscribers(api, 'mobifone', '66', 84_900_100_000, SUBSCRIBERS);
    await listeningBackend();
  });

  afterAll(async () => {
    await api?.app.close();
    await api?.db.drop();
    await simulator?.stop();
  });

  /** The pid of the connection the dispatcher listens for new work on. */
  const listeningBackend = () =>
    pollUntil(
      async () => (await api.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN loa_dispatch' AND datname = current_database()`))[0]?.pid,
      (pid) => pid !== undefined,
      { what: 'the dispatcher listening for new work' },
    );

  it('sends a campaign as soon as it starts', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'] });
    await waitForCompletion(api, campaignId, WOKEN_WITHIN_MS);
    expect(simulator.received).toHaveLength(SUBSCRIBERS);
  });

  it('sends a test send as soon as it is requested', async () => {
    const admin = await api.login('demo-admin');
    const drafter = await api.login('demo-drafter');
    const [{ id: drafterId }] = await api.dataSource.query(`SELECT id::int AS id FROM users WHERE username = 'demo-drafter'`);
    await api.http().post('/test-numbers').auth(admin, { type: 'bearer' }).send({ msisdn: '0901230099', userId: drafterId, carrier: 'mobifone' }).expect(201);
    const templates = await api.dataSource.query(`SELECT id::int AS id FROM templates WHERE status = 'approved' LIMIT 1`);
    const draft = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'Thử', templateId: templates[0].id, provinces: ['66'], startAt: new Date().toISOString() })
      .expect(201);
    await api
      .http()
      .post(`/campaigns/${draft.body.id}/test-sends`)
      .auth(drafter, { type: 'bearer' })
      .send({ msisdns: ['0901230099'] })
      .expect(201);
    const sent = await pollUntil(
      async () => (await api.http().get(`/campaigns/${draft.body.id}/test-sends`).auth(drafter, { type: 'bearer' }).expect(200)).body,
      (rows: { state: string }[]) => rows[0]?.state === 'accepted',
      { timeoutMs: WOKEN_WITHIN_MS, what: 'the test send accepted' },
    );
    expect(sent).toHaveLength(1);
  });

  it('listens again after losing its connection, and is woken on it', async () => {
    const lost = await listeningBackend();
    await api.dataSource.query('SELECT pg_terminate_backend($1)', [lost]);
    const again = await pollUntil(listeningBackend, (pid) => pid !== lost, { what: 'a new listening connection' });
    expect(again).not.toBe(lost);

    const before = simulator.received.length;
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['66'] });
    await waitForCompletion(api, campaignId, WOKEN_WITHIN_MS);
    expect(simulator.received.length - before).toBe(SUBSCRIBERS);
  });
});
