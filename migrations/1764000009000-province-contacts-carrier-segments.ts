import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Calls to action beyond the hotline (the police's Zalo OA, Facebook fanpage, VNeID's "Cảnh báo thủ đoạn
 * tội phạm"), per province and editable like the hotline; and the parts one message of a campaign text
 * costs on each carrier, counted with that carrier's concatenation and coding ({"vnpt": 3, …}).
 */
export class ProvinceContactsCarrierSegments1764000009000 implements MigrationInterface {
  name = 'ProvinceContactsCarrierSegments1764000009000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE provinces ADD COLUMN zalo text, ADD COLUMN fanpage text, ADD COLUMN vneid text`);
    await db.query(`ALTER TABLE campaign_texts ADD COLUMN carrier_segments jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE campaign_texts DROP COLUMN IF EXISTS carrier_segments');
    await db.query('ALTER TABLE provinces DROP COLUMN IF EXISTS zalo, DROP COLUMN IF EXISTS fanpage, DROP COLUMN IF EXISTS vneid');
  }
}
