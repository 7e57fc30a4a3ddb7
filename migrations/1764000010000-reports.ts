import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What reports need beyond the running counters, kept as messages move rather than counted from messages:
 * - campaign_stats_buckets: the same counters per (campaign, province, carrier) per time bucket (a minute
 *   unless the database setting loa.stats_bucket_seconds says otherwise), so figures "as of" a moment and
 *   the timeline are sums over a few thousand rows, and figures as at a deadline never move afterwards;
 * - campaign_errors: messages per final state other than delivered and the carrier's reason (receipt
 *   stat/err, submit_sm command_status);
 * - the first and last send and receipt of each counter row;
 * - programmes (one plan, several sends, one result report) and what carriers reported back themselves.
 */
export class Reports1764000010000 implements MigrationInterface {
  name = 'Reports1764000010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE campaign_stats_buckets (
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      province_code text NOT NULL,
      carrier text NOT NULL,
      bucket_end timestamptz NOT NULL,
      submitted integer NOT NULL DEFAULT 0,
      delivered integer NOT NULL DEFAULT 0,
      undeliverable integer NOT NULL DEFAULT 0,
      expired integer NOT NULL DEFAULT 0,
      rejected integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      unknown integer NOT NULL DEFAULT 0,
      capped integer NOT NULL DEFAULT 0,
      expired_unsent integer NOT NULL DEFAULT 0,
      duplicated integer NOT NULL DEFAULT 0,
      parts_billed bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (campaign_id, bucket_end, province_code, carrier))`);
    await db.query(`CREATE TABLE campaign_errors (
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      province_code text NOT NULL,
      carrier text NOT NULL,
      state text NOT NULL,
      reason text NOT NULL,
      messages integer NOT NULL DEFAULT 0,
      PRIMARY KEY (campaign_id, province_code, carrier, state, reason))`);
    await db.query(`ALTER TABLE campaign_stats ADD COLUMN first_sent_at timestamptz, ADD COLUMN last_sent_at timestamptz,
      ADD COLUMN first_receipt_at timestamptz, ADD COLUMN last_receipt_at timestamptz`);
    await db.query(`CREATE TABLE programmes (
      id bigserial PRIMARY KEY,
      name text NOT NULL,
      document_number text,
      governing_body text,
      issuing_unit text NOT NULL,
      legal_basis text,
      contact_officer text,
      contact_phone text,
      report_deadline timestamptz,
      provinces text[] NOT NULL,
      created_by bigint NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`ALTER TABLE campaigns ADD COLUMN programme_id bigint REFERENCES programmes(id)`);
    await db.query(`CREATE INDEX campaigns_programme_idx ON campaigns (programme_id) WHERE programme_id IS NOT NULL`);
    await db.query(`CREATE INDEX campaigns_report_deadline_idx ON campaigns (report_deadline) WHERE report_deadline IS NOT NULL`);
    await db.query(`CREATE TABLE carrier_reports (
      id bigserial PRIMARY KEY,
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      carrier text NOT NULL CHECK (carrier IN ('viettel', 'vnpt', 'mobifone', 'others')),
      targeted integer NOT NULL CHECK (targeted >= 0),
      sent integer NOT NULL CHECK (sent >= 0),
      delivered integer NOT NULL CHECK (delivered >= 0),
      reported_on date NOT NULL,
      reference text,
      recorded_by bigint NOT NULL REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX carrier_reports_campaign_idx ON carrier_reports (campaign_id, carrier, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS carrier_reports');
    await db.query('DROP INDEX IF EXISTS campaigns_report_deadline_idx');
    await db.query('DROP INDEX IF EXISTS campaigns_programme_idx');
    await db.query('ALTER TABLE campaigns DROP COLUMN IF EXISTS programme_id');
    await db.query('DROP TABLE IF EXISTS programmes');
    await db.query(`ALTER TABLE campaign_stats DROP COLUMN IF EXISTS first_sent_at, DROP COLUMN IF EXISTS last_sent_at,
      DROP COLUMN IF EXISTS first_receipt_at, DROP COLUMN IF EXISTS last_receipt_at`);
    await db.query('DROP TABLE IF EXISTS campaign_errors');
    await db.query('DROP TABLE IF EXISTS campaign_stats_buckets');
  }
}
