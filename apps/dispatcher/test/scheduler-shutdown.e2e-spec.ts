import { Client } from 'pg';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

describe('a dispatcher shutting down', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let locker: Client;

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [1, 5], outcomes: { DELIVRD: 1 } });
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers: [simulatedAccount('mobifone', simulator.port)] })] });
    await seedSubscribers(api, 'mobifone', '14', 84_900_000_000, 1);
    locker = new Client({ connectionString: api.db.url });
    await locker.connect();
  });

  afterAll(async () => {
    await locker?.end();
    await api?.db.drop();
    await simulator?.stop();
  });

  it('lets the scheduler jobs under way finish before the database connections close', async () => {
    const campaignId = await approvedCampaign(api, 'Công an {{province.name}} cảnh báo: không đưa mã OTP cho ai.', { provinces: ['14'] });
    await waitForCompletion(api, campaignId);
    // A lease that runs out in 2 s, its row locked before then: the housekeeping job after that waits for the row.
    await api.dataSource.query(`UPDATE messages SET state = 'sending', lease_until = now() + interval '2 seconds' WHERE campaign_id = $1`, [campaignId]);
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM messages WHERE campaign_id = $1 FOR UPDATE', [campaignId]);
    await pollUntil(
      // Not asked on the locking connection: a transaction sees pg_stat_activity as it was when it first looked.
      async () =>
        (
          await api.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%lease expired%'`,
          )
        )[0].n,
      (waiting) => waiting === 1,
      { what: 'the housekeeping job waiting for the row' },
    );

    const closed = api.app.close();
    // Longer than the links take to stop: without waiting for the job, the connections would close meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await locker.query('ROLLBACK');
    await closed;

    const [message] = (await locker.query('SELECT state, last_error FROM messages WHERE campaign_id = $1', [campaignId])).rows;
    expect(message).toEqual({ state: 'queued', last_error: 'lease expired (dispatcher lost)' });
  });
});
