import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The err code of each part's final receipt, beside its stat: a message of several parts ends when its last
 * part's receipt is applied, often in a later batch than the failing part's, so the reason it failed (stat and
 * err, for the carriers' error breakdown) has to be kept with the part. Nullable, no default: adding it
 * rewrites nothing.
 */
export class ReceiptErrorsOfParts1764000020000 implements MigrationInterface {
  name = 'ReceiptErrorsOfParts1764000020000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE submissions ADD COLUMN receipt_error text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE submissions DROP COLUMN receipt_error');
  }
}
