import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Messages that reached the carrier twice after a dispatcher was lost, counted. A message whose lease
 * expired may have been sent before its dispatcher died; if so, the carrier's receipt for that first copy
 * carries an SMSC id Loa never recorded and ends unmatched. Such a receipt, for the number of a message
 * whose lease expired, confirms a duplicate: the message is marked and its campaign counter moves.
 */
export class DuplicateSends1764000005000 implements MigrationInterface {
  name = 'DuplicateSends1764000005000';

  async up(db: QueryRunner): Promise<void> {
    // Constant defaults: no table rewrite, however many messages there are.
    await db.query(`ALTER TABLE messages ADD COLUMN lease_expiries smallint NOT NULL DEFAULT 0, ADD COLUMN duplicated boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE INDEX messages_lease_expired_idx ON messages (carrier, msisdn) WHERE lease_expiries > 0`);
    await db.query(`ALTER TABLE campaign_stats ADD COLUMN duplicated integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE campaign_stats DROP COLUMN IF EXISTS duplicated');
    await db.query('DROP INDEX IF EXISTS messages_lease_expired_idx');
    await db.query('ALTER TABLE messages DROP COLUMN IF EXISTS duplicated, DROP COLUMN IF EXISTS lease_expiries');
  }
}
