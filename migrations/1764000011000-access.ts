import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Access that holds (issue 11). Users get a token version (a token carries the version it was issued
 * under; a reset password or a disabled account moves it, so older tokens stop at once) and a disabled
 * mark. Objects carry the provinces the one authorisation rule is checked against: templates (the
 * author's scope when written; null = national), exclusions (the subscriber's province; null = a number
 * no import knows, national users only), import jobs (the importer's scope) and audit entries. The audit
 * log also keeps the request id and before/after summaries. messages_purged_at marks a finished campaign
 * whose per-message rows the retention purge removed (its figures in campaign_stats stay).
 */
export class Access1764000011000 implements MigrationInterface {
  name = 'Access1764000011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 1, ADD COLUMN disabled_at timestamptz`);
    await db.query(`ALTER TABLE templates ADD COLUMN provinces text[]`);
    await db.query(`UPDATE templates t SET provinces = u.province_scope FROM users u WHERE u.id = t.author_id`);
    await db.query(`ALTER TABLE subscriber_exclusions ADD COLUMN province_code text`);
    await db.query(`UPDATE subscriber_exclusions e SET province_code = s.province_code FROM subscribers s WHERE s.msisdn = e.msisdn`);
    await db.query(`CREATE INDEX subscriber_exclusions_province_idx ON subscriber_exclusions (province_code)`);
    await db.query(`ALTER TABLE subscriber_imports ADD COLUMN provinces text[]`);
    await db.query(`ALTER TABLE audit_log ADD COLUMN provinces text[], ADD COLUMN request_id text, ADD COLUMN before jsonb, ADD COLUMN after jsonb`);
    await db.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`);
    await db.query(`ALTER TABLE campaigns ADD COLUMN messages_purged_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE campaigns DROP COLUMN IF EXISTS messages_purged_at');
    await db.query('DROP INDEX IF EXISTS audit_log_at_idx');
    await db.query(
      'ALTER TABLE audit_log DROP COLUMN IF EXISTS provinces, DROP COLUMN IF EXISTS request_id, DROP COLUMN IF EXISTS before, DROP COLUMN IF EXISTS after',
    );
    await db.query('ALTER TABLE subscriber_imports DROP COLUMN IF EXISTS provinces');
    await db.query('DROP INDEX IF EXISTS subscriber_exclusions_province_idx');
    await db.query('ALTER TABLE subscriber_exclusions DROP COLUMN IF EXISTS province_code');
    await db.query('ALTER TABLE templates DROP COLUMN IF EXISTS provinces');
    await db.query('ALTER TABLE users DROP COLUMN IF EXISTS token_version, DROP COLUMN IF EXISTS disabled_at');
  }
}
