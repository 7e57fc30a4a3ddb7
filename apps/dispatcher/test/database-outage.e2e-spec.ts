import { Client } from 'pg';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { createRestartableDatabase, createTestDatabase, pollUntil, type RestartableDatabase, type TestDatabase } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

const BODY = 'Công an {{province.name}} cảnh báo: không đưa mã OTP cho ai.';
const SUBSCRIBERS = 1000;
// 250 submits a second: the campaign takes about 4 s, and the outage falls in its middle.
const TPS = 250;
const OUTAGE_MS = 3000;

/** Takes the database away for OUTAGE_MS; `meanwhile` runs while it is away. */
type Outage<D extends TestDatabase> = (db: D, meanwhile: () => Promise<void>) => Promise<void>;

/**
 * What the application sees of a restart, done to the test's own database on the shared test server:
 * every connection cut at once, new ones refused for a while, then accepted again.
 */
const connectionsCut: Outage<TestDatabase> = async (db, meanwhile) => {
  const name = new URL(db.url).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.LOA_TEST_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    const back = Date.now() + OUTAGE_MS;
    await meanwhile();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, back - Date.now())));
  } finally {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    await admin.end();
  }
};

/** A real restart of a server of the test's own: stopped (fast shutdown), down, started on the same port. */
const serverRestarted: Outage<RestartableDatabase> = async (db, meanwhile) => {
  const restarting = db.restart(OUTAGE_MS);
  await pollUntil(
    () => canConnect(db.url),
    (up) => !up,
    { what: 'the server down', intervalMs: 50 },
  );
  await meanwhile();
  await restarting;
};

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe.each([
  ['every connection cut, new ones refused for 3 s', createTestDatabase, connectionsCut],
  ['PostgreSQL restarted, down for 3 s', createRestartableDatabase, serverRestarted],
] as [string, () => Promise<TestDatabase>, Outage<TestDatabase>][])('a campaign running while its database goes away (%s)', (_name, createDatabase, outage) => {
  let api: TestApi;
  let simulator: SmscSimulator;

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [20, 300], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('mobifone', simulator.port, { tps: TPS, window: 20 })];
    const dispatcher = DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50, batchSize: 50, statusIntervalMs: 250 } });
    api = await createTestApi({ db: await createDatabase(), imports: [dispatcher] });
    await seedSubscribers(api, 'mobifone', '66', 84_900_300_000, SUBSCRIBERS);
  });

  afterAll(async () => {
    await api?.close();
    await simulator?.stop();
  });

  it('sends each message once and ends every one delivered, its receipt included; the API answers 503 meanwhile', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['66'] });
    await pollUntil(
      async () => simulator.received.length,
      (count) => count >= SUBSCRIBERS / 4,
      { what: 'a quarter sent' },
    );
    const viewer = await api.login('demo-viewer');
    await outage(api.db, async () => {
      // An official pulling the report meanwhile is told to come back, not shown an internal error.
      const answer = await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' });
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.body.message).toMatch(/database is unavailable/);
    });

    await waitForCompletion(api, campaignId, 60_000);
    const destinations = simulator.received.filter((submit) => submit.status === 0).map((submit) => submit.destination);
    expect(new Set(destinations).size).toBe(SUBSCRIBERS);
    expect(destinations).toHaveLength(SUBSCRIBERS);
    expect(await reportTotals(api, campaignId)).toMatchObject({ targeted: SUBSCRIBERS, delivered: SUBSCRIBERS, pending: 0 });
    const unmatched = await api.dataSource.query(`SELECT count(*)::int AS count FROM delivery_receipts WHERE unmatched OR applied_at IS NULL`);
    expect(unmatched[0].count).toBe(0);
  });
});
