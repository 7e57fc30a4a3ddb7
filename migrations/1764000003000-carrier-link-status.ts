import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The last reported status of each carrier link, one row per (dispatcher, carrier), so that an API on
 * another machine can answer health and metrics. A dispatcher rewrites its rows every few seconds and
 * deletes them on a clean shutdown; readers trust only rows with a recent updated_at (a killed dispatcher
 * leaves stale rows behind, which age out instead of being cleaned up).
 */
export class CarrierLinkStatus1764000003000 implements MigrationInterface {
  name = 'CarrierLinkStatus1764000003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE carrier_link_status (
        dispatcher_id  text NOT NULL,
        carrier        text NOT NULL,
        state          text NOT NULL,
        bound_sessions integer NOT NULL,
        in_flight      integer NOT NULL,
        queued         integer NOT NULL,
        counters       jsonb NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dispatcher_id, carrier)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS carrier_link_status');
  }
}
