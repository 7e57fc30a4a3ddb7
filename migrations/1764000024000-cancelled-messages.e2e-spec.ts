import { DataSource } from 'typeorm';
import { type DeliveryRepositories, deliveryRepositories } from '@loa/delivery';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { CancelledMessages1764000024000 } from './1764000024000-cancelled-messages';

/**
 * The migration moves what a cancel ended before it (failed, with the cancel as its reason) to `cancelled`,
 * and back on down(), with the counters, the time bucket each was counted in, and the reasons.
 */
describe(CancelledMessages1764000024000.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let delivery: DeliveryRepositories;
  const sut = new CancelledMessages1764000024000();
  const CAMPAIGN = 1;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: database.url });
    await db.initialize();
    delivery = deliveryRepositories(db);
    await db.query(`INSERT INTO provinces (code, name, slug, kind) VALUES ('14', 'Tỉnh Sơn La', 'son-la', 'province')`);
    await db.query(`INSERT INTO users (id, username, password_hash, role) VALUES (1, 'drafter', 'x', 'drafter')`);
    await db.query(`INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id)
      VALUES (1, 1, 1, 'Cảnh báo', 'Cảnh báo lừa đảo', 'auto', 3, 'approved', 1)`);
    await db.query(
      `INSERT INTO campaigns (id, name, template_id, provinces, carriers, state, start_at, created_by) VALUES ($1, 't', 1, '{14}', '{viettel}', 'cancelled', now(), 1)`,
      [CAMPAIGN],
    );
    await db.query(`INSERT INTO campaign_texts (campaign_id, province_code, body, encoding, segments) VALUES ($1, '14', 'Cảnh báo', 'ucs2', 1)`, [CAMPAIGN]);
    await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code) SELECT 84960000000 + n, 'viettel', '14' FROM generate_series(1, 5) n`);
    await db.transaction((manager) => delivery.queue.enqueueCampaign(CAMPAIGN, ['14'], ['viettel'], manager));
    await delivery.queue.cancelUnsent(CAMPAIGN, 'campaign cancelled by demo-operator');
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const figures = async (on: { query: DataSource['query'] } = db) => {
    // Every column: there is no cancelled column between down() and up().
    const [{ failed, cancelled }] = await on.query(`SELECT * FROM campaign_stats WHERE campaign_id = $1`, [CAMPAIGN]);
    const errors = await on.query(`SELECT state, reason, messages FROM campaign_errors WHERE campaign_id = $1`, [CAMPAIGN]);
    return { stats: { failed, cancelled }, errors };
  };
  const expectConsistent = async () => {
    expect(await delivery.counters.counterMismatches(CAMPAIGN)).toEqual([]);
    expect(await delivery.counters.bucketMismatches(CAMPAIGN)).toEqual([]);
  };

  it('moves messages a cancel ended failed to cancelled, with their counters, buckets and reasons, and back', async () => {
    const runner = db.createQueryRunner();
    try {
      // What a cancel left before the migration: failed, counted as failed, with its reason.
      await runner.startTransaction();
      await sut.down(runner);
      expect(await figures(runner)).toEqual({
        stats: { failed: 5, cancelled: undefined },
        errors: [{ state: 'failed', reason: 'campaign cancelled by demo-operator', messages: 5 }],
      });
      await sut.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await figures()).toEqual({ stats: { failed: 0, cancelled: 5 }, errors: [] });
    await expectConsistent();
  });
});
