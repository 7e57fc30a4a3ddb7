import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The separator an import found on line 1 (comma, semicolon or tab), answered with the job; null for earlier jobs. */
export class ImportSeparator1764000025000 implements MigrationInterface {
  name = 'ImportSeparator1764000025000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE subscriber_imports ADD COLUMN separator text CHECK (separator IN (',', ';', E'\\t'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE subscriber_imports DROP COLUMN separator`);
  }
}
