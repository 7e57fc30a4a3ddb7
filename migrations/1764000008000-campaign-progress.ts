import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Samples of what each running campaign has sent per carrier, taken by the dispatcher's scheduler every few
 * seconds and kept 15 minutes, so the estimate of a running campaign comes from the rate it actually gets
 * (two counter readings) instead of a scan of its messages.
 */
export class CampaignProgress1764000008000 implements MigrationInterface {
  name = 'CampaignProgress1764000008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE campaign_progress (
      campaign_id bigint NOT NULL REFERENCES campaigns(id),
      carrier text NOT NULL,
      sampled_at timestamptz NOT NULL,
      sent bigint NOT NULL,
      PRIMARY KEY (campaign_id, carrier, sampled_at)
    )`);
    await db.query('CREATE INDEX campaign_progress_sampled_at_idx ON campaign_progress (sampled_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS campaign_progress');
  }
}
