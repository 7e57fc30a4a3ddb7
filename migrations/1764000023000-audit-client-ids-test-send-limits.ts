import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audit log keeps the server's own request id and, beside it, the id a client sent (`X-Request-Id`):
 * a client's id is not unique, so it never stands in for the server's. Test sends are limited per user and
 * day: the count reads a user's test sends of the day by this index.
 */
export class AuditClientIdsTestSendLimits1764000023000 implements MigrationInterface {
  name = 'AuditClientIdsTestSendLimits1764000023000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE audit_log ADD COLUMN client_request_id text');
    await db.query('CREATE INDEX test_sends_requester_idx ON test_sends (requested_by, requested_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX test_sends_requester_idx');
    await db.query('ALTER TABLE audit_log DROP COLUMN client_request_id');
  }
}
