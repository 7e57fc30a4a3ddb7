import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A test send a dispatcher took is leased to it: if the dispatcher dies before recording the carrier's answer,
 * the lease ends and the test send goes again once, or ends `failed` with the reason (it no longer stays
 * `sending` forever). `attempts` counts the dispatchers that took it.
 */
export class TestSendLeases1764000013000 implements MigrationInterface {
  name = 'TestSendLeases1764000013000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE test_sends ADD COLUMN lease_until timestamptz, ADD COLUMN attempts smallint NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE test_sends DROP CONSTRAINT test_sends_state_check`);
    await db.query(`ALTER TABLE test_sends ADD CONSTRAINT test_sends_state_check CHECK (state IN ('queued', 'sending', 'accepted', 'refused', 'failed'))`);
    await db.query(`CREATE INDEX test_sends_lease_idx ON test_sends (lease_until) WHERE state = 'sending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX test_sends_lease_idx');
    await db.query(`UPDATE test_sends SET state = 'refused' WHERE state = 'failed'`);
    await db.query(`ALTER TABLE test_sends DROP CONSTRAINT test_sends_state_check`);
    await db.query(`ALTER TABLE test_sends ADD CONSTRAINT test_sends_state_check CHECK (state IN ('queued', 'sending', 'accepted', 'refused'))`);
    await db.query('ALTER TABLE test_sends DROP COLUMN lease_until, DROP COLUMN attempts');
  }
}
