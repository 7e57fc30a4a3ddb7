import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What the campaign engine needs for submits that got no answer (ambiguous) and for receipts that never
 * come: the campaign's policy, the handset a receipt is about, the messages waiting for a receipt that
 * only the number and the time can match (their SMSC id was never learnt), and receipts retired unmatched.
 */
export class ReceiptMatching1764000002000 implements MigrationInterface {
  name = 'ReceiptMatching1764000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE campaigns ADD COLUMN on_ambiguous text NOT NULL DEFAULT 'resend'
        CHECK (on_ambiguous IN ('resend', 'await-receipt'))`);
    // unmatched: retired without finding its message (unparseable, or an SMSC id Loa never learnt), kept raw.
    await db.query(`ALTER TABLE delivery_receipts ADD COLUMN msisdn bigint, ADD COLUMN unmatched boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE INDEX delivery_receipts_unmatched_idx ON delivery_receipts (carrier) WHERE unmatched`);
    // Adding a nullable column without a default rewrites nothing, however many messages there are.
    await db.query(`ALTER TABLE messages ADD COLUMN awaiting_receipt_since timestamptz, ADD COLUMN awaiting_parts smallint`);
    await db.query(`
      CREATE INDEX messages_awaiting_receipt_idx ON messages (carrier, msisdn)
      WHERE state = 'submitted' AND awaiting_receipt_since IS NOT NULL`);
    // The sweep that ends messages whose receipt never came reads only submitted rows, oldest first.
    await db.query(`CREATE INDEX messages_submitted_idx ON messages (campaign_id, submitted_at) WHERE state = 'submitted'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX IF EXISTS delivery_receipts_unmatched_idx');
    await db.query('DROP INDEX IF EXISTS messages_submitted_idx');
    await db.query('DROP INDEX IF EXISTS messages_awaiting_receipt_idx');
    await db.query('ALTER TABLE messages DROP COLUMN IF EXISTS awaiting_receipt_since, DROP COLUMN IF EXISTS awaiting_parts');
    await db.query('ALTER TABLE delivery_receipts DROP COLUMN IF EXISTS msisdn, DROP COLUMN IF EXISTS unmatched');
    await db.query('ALTER TABLE campaigns DROP COLUMN IF EXISTS on_ambiguous');
  }
}
