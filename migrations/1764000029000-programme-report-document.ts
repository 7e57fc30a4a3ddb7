import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A programme's report as a document: the plan's reference and the report's own number apart (the one
 * `document_number` was read as both, so a report came out as "Số: 125/KH-…"), the place on its dateline, the
 * signer's name and title, and its recipients. What was entered as `document_number` was the plan's number.
 */
export class ProgrammeReportDocument1764000029000 implements MigrationInterface {
  name = 'ProgrammeReportDocument1764000029000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE programmes RENAME COLUMN document_number TO plan_reference`);
    await db.query(`ALTER TABLE programmes
      ADD COLUMN report_number text,
      ADD COLUMN place text,
      ADD COLUMN signer_name text,
      ADD COLUMN signer_title text,
      ADD COLUMN recipients text[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE programmes DROP COLUMN report_number, DROP COLUMN place, DROP COLUMN signer_name, DROP COLUMN signer_title, DROP COLUMN recipients`,
    );
    await db.query(`ALTER TABLE programmes RENAME COLUMN plan_reference TO document_number`);
  }
}
