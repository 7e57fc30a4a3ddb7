import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Messages that reached the carrier twice, counted. A message goes back to the queue while it may already
 * be at the carrier when its dispatcher was lost (its lease expired) or when the SMSC never answered and
 * the campaign's policy sends it again; unconfirmed_sends counts those times. If it was at the carrier,
 * the receipt for that first copy carries an SMSC id Loa never learnt and ends unmatched: such a receipt,
 * for the number of a message with unconfirmed sends, marks it duplicated and moves its campaign counter.
 */
export class DuplicateSends1764000005000 implements MigrationInterface {
  name = 'DuplicateSends1764000005000';

  async up(db: QueryRunner): Promise<void> {
    // Constant defaults: no table rewrite, however many messages there are.
    await db.query(`ALTER TABLE messages ADD COLUMN unconfirmed_sends smallint NOT NULL DEFAULT 0, ADD COLUMN duplicated boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE INDEX messages_unconfirmed_sends_idx ON messages (carrier, msisdn) WHERE unconfirmed_sends > 0`);
    await db.query(`ALTER TABLE campaign_stats ADD COLUMN duplicated integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE campaign_stats DROP COLUMN IF EXISTS duplicated');
    await db.query('DROP INDEX IF EXISTS messages_unconfirmed_sends_idx');
    await db.query('ALTER TABLE messages DROP COLUMN IF EXISTS duplicated, DROP COLUMN IF EXISTS unconfirmed_sends');
  }
}
