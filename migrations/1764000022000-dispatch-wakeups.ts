import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Dispatchers are told at commit when there is new work for them (a campaign starts or resumes, a test send
 * is requested), instead of finding it at their next idle poll. One channel, `loa_dispatch`, whose payload
 * names the table; a dispatcher that misses a notification (its listening connection lost) still polls.
 */
export class DispatchWakeups1764000022000 implements MigrationInterface {
  name = 'DispatchWakeups1764000022000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION wake_dispatchers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('loa_dispatch', TG_TABLE_NAME); RETURN NULL; END $$`);
    await db.query(`
      CREATE TRIGGER campaigns_wake_dispatchers AFTER UPDATE OF state ON campaigns
      FOR EACH ROW WHEN (NEW.state = 'running' AND OLD.state <> 'running') EXECUTE FUNCTION wake_dispatchers()`);
    await db.query(`CREATE TRIGGER test_sends_wake_dispatchers AFTER INSERT ON test_sends FOR EACH STATEMENT EXECUTE FUNCTION wake_dispatchers()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER IF EXISTS test_sends_wake_dispatchers ON test_sends');
    await db.query('DROP TRIGGER IF EXISTS campaigns_wake_dispatchers ON campaigns');
    await db.query('DROP FUNCTION IF EXISTS wake_dispatchers()');
  }
}
