import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The first and last send and receipt within each time bucket of the counters, so a report "as of" a moment
 * gives them as they stood then (the earliest and latest over the buckets ended by then), as it does the
 * counts. Buckets written before this migration have none: their as-of times stay unknown (null).
 */
export class BucketTimes1764000021000 implements MigrationInterface {
  name = 'BucketTimes1764000021000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaign_stats_buckets ADD COLUMN first_sent_at timestamptz, ADD COLUMN last_sent_at timestamptz,
      ADD COLUMN first_receipt_at timestamptz, ADD COLUMN last_receipt_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaign_stats_buckets DROP COLUMN first_sent_at, DROP COLUMN last_sent_at,
      DROP COLUMN first_receipt_at, DROP COLUMN last_receipt_at`);
  }
}
