import { DataSource } from 'typeorm';
import { loadProvincesConfig } from './provinces-config';
import { UPSERT_LEGACY_PROVINCES, UPSERT_PROVINCES } from './provinces.sql';

/**
 * Idempotent: inserts the 34 current and 63 legacy units, refreshes names, and never overwrites hotlines,
 * websites and other contacts edited in the database (it only fills them while empty). Safe to run on every start.
 */
export async function syncProvinces(db: DataSource): Promise<void> {
  const config = loadProvincesConfig();
  const current = config.provinces.map((p) => ({
    code: p.code,
    name: p.name,
    slug: p.slug,
    kind: p.kind,
    hotlines: p.policeHotlines,
    website: p.website,
    zalo: p.zalo ?? null,
    fanpage: p.fanpage ?? null,
    vneid: p.vneid ?? null,
  }));
  const legacy = config.legacyProvinces.map((l) => ({ code: l.code, name: l.name, merged_into: l.mergedInto }));
  await db.transaction(async (manager) => {
    await manager.query(UPSERT_PROVINCES, [JSON.stringify(current)]);
    await manager.query(UPSERT_LEGACY_PROVINCES, [JSON.stringify(legacy)]);
  });
}
