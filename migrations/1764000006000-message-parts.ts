import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What each send of a message left at the carrier, so the parts of a long message travel together: which
 * parts were accepted (a mask), of how many, under which concatenation reference, and how many PDUs the
 * carrier took in all (billed, duplicates included). A message billed more PDUs than it has parts reached
 * the carrier twice. Unmatched receipts are looked up by SMSC id, so a receipt sent again is billed once.
 */
export class MessageParts1764000006000 implements MigrationInterface {
  name = 'MessageParts1764000006000';

  async up(db: QueryRunner): Promise<void> {
    // Constant defaults: no table rewrite, however many messages there are.
    await db.query(`ALTER TABLE messages ADD COLUMN parts smallint, ADD COLUMN parts_accepted integer NOT NULL DEFAULT 0,
      ADD COLUMN concat_ref integer, ADD COLUMN parts_billed smallint NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE campaign_stats ADD COLUMN parts_billed bigint NOT NULL DEFAULT 0`);
    await db.query(`CREATE INDEX delivery_receipts_unmatched_id_idx ON delivery_receipts (carrier, smsc_message_id) WHERE unmatched`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX IF EXISTS delivery_receipts_unmatched_id_idx');
    await db.query('ALTER TABLE campaign_stats DROP COLUMN IF EXISTS parts_billed');
    await db.query(`ALTER TABLE messages DROP COLUMN IF EXISTS parts, DROP COLUMN IF EXISTS parts_accepted,
      DROP COLUMN IF EXISTS concat_ref, DROP COLUMN IF EXISTS parts_billed`);
  }
}
