import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { deliveryRepositories } from './delivery-repositories';
import { RetentionRepository } from './retention.repository';

/** The retention purge drops the per-message rows of campaigns finished before the cutoff, and keeps their figures. */
describe(RetentionRepository.name, () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: database.url, extra: { max: 2 } });
    await db.initialize();
    await db.query(`INSERT INTO provinces (code, name, slug, kind) VALUES ('14', 'Tỉnh Sơn La', 'son-la', 'province')`);
    await db.query(`INSERT INTO users (id, username, password_hash, role) VALUES (1, 'drafter', 'x', 'drafter')`);
    await db.query(`INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id)
      VALUES (1, 1, 1, 'Cảnh báo', 'Cảnh báo lừa đảo', 'auto', 3, 'approved', 1)`);
    await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code) SELECT 84960000000 + n, 'viettel', '14' FROM generate_series(1, 5) n`);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  async function campaign(id: number, state: string, finishedDaysAgo: number | null): Promise<void> {
    await db.query(
      `INSERT INTO campaigns (id, name, template_id, provinces, carriers, state, start_at, created_by, completed_at)
       VALUES ($1, 'c', 1, '{14}', '{viettel}', $2, now() - interval '200 days', 1, now() - $3 * interval '1 day')`,
      [id, state, finishedDaysAgo],
    );
    await db.query(`INSERT INTO campaign_texts (campaign_id, province_code, body, encoding, segments) VALUES ($1, '14', 'Cảnh báo', 'ucs2', 1)`, [id]);
    await db.transaction((manager) => deliveryRepositories(db).queue.enqueueCampaign(id, ['14'], ['viettel'], manager));
    await db.query(
      `INSERT INTO submissions (carrier, smsc_message_id, campaign_id, message_id, part, parts) SELECT 'viettel', $1::text || '-' || id, $1::bigint, id, 1, 1 FROM messages WHERE campaign_id = $1::bigint`,
      [id],
    );
    await db.query(
      `INSERT INTO delivery_receipts (carrier, smsc_message_id, receipt_state, raw, msisdn) SELECT 'viettel', smsc_message_id, 'DELIVRD', 'stat:DELIVRD', m.msisdn
       FROM submissions s JOIN messages m ON m.id = s.message_id AND m.campaign_id = s.campaign_id WHERE s.campaign_id = $1::bigint`,
      [id],
    );
  }

  const receiptsOf = (id: number) => count(`SELECT count(*) FROM delivery_receipts WHERE smsc_message_id LIKE $1::text || '-%'`, [id]);

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].count);

  it('purges the messages of campaigns finished before the cutoff only, keeping their counters', async () => {
    await campaign(1, 'completed', 91);
    await campaign(2, 'cancelled', 120);
    await campaign(3, 'completed', 89);
    await campaign(4, 'running', null);
    const purged = await new RetentionRepository(db).purgeFinishedBefore(new Date(Date.now() - 90 * 86_400_000));
    expect(purged).toEqual([
      { id: 1, provinces: ['14'] },
      { id: 2, provinces: ['14'] },
    ]);
    const left = await db.query(`SELECT campaign_id::int AS id, count(*)::int AS count FROM messages GROUP BY 1 ORDER BY 1`);
    expect(left).toEqual([
      { id: 3, count: 5 },
      { id: 4, count: 5 },
    ]);
    expect(await count(`SELECT sum(targeted) AS count FROM campaign_stats WHERE campaign_id IN (1, 2)`)).toBe(10);
    expect(await count(`SELECT count(*) FROM campaigns WHERE messages_purged_at IS NOT NULL`)).toBe(2);
    expect([await receiptsOf(1), await receiptsOf(2), await receiptsOf(3)]).toEqual([0, 0, 5]);
    expect(await count(`SELECT count(*) FROM submissions WHERE campaign_id IN (1, 2)`)).toBe(0);
    expect(await new RetentionRepository(db).purgeFinishedBefore(new Date())).toEqual([{ id: 3, provinces: ['14'] }]);
  });
});
