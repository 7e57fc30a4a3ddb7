import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What the dashboard and /metrics show of a carrier link beyond its counters: its TPS and window, PDUs
 * sent, throttling pauses, submit answers by command_status, receipts by stat and its last error. A jsonb
 * document, since it is written and read whole and only ever grows keys; rows of older dispatchers hold `{}`.
 */
export class LinkDetails1764000012000 implements MigrationInterface {
  name = 'LinkDetails1764000012000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE carrier_link_status ADD COLUMN details jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE carrier_link_status DROP COLUMN details');
  }
}
