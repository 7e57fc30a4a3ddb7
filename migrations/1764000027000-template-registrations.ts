import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each carrier's answer about a template version: the pattern sent (fixed text, bounded slots), and whether
 * it is submitted, registered (with the carrier's reference) or refused (with the reason).
 */
export class TemplateRegistrations1764000027000 implements MigrationInterface {
  name = 'TemplateRegistrations1764000027000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE template_registrations (
        template_id bigint NOT NULL REFERENCES templates(id),
        carrier text NOT NULL CHECK (carrier IN ('viettel', 'vnpt', 'mobifone', 'others')),
        state text NOT NULL CHECK (state IN ('submitted', 'registered', 'refused')),
        reference text,
        reason text,
        pattern jsonb NOT NULL,
        submitted_by bigint NOT NULL REFERENCES users(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        answered_by bigint REFERENCES users(id),
        answered_at timestamptz,
        CONSTRAINT template_registrations_pkey PRIMARY KEY (template_id, carrier),
        CONSTRAINT template_registrations_reference_check CHECK (state <> 'registered' OR reference IS NOT NULL),
        CONSTRAINT template_registrations_reason_check CHECK (state <> 'refused' OR reason IS NOT NULL)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE template_registrations`);
  }
}
