/**
 * Seeds or refreshes the 34 current units from a JSON array. Names, slugs and kinds follow config; hotlines
 * and websites are only filled where the database has none, because admins edit them (PATCH /provinces).
 */
export const UPSERT_PROVINCES = `
  INSERT INTO provinces (code, name, slug, kind, police_hotlines, website, zalo, fanpage, vneid)
  SELECT p.code, p.name, p.slug, p.kind,
         ARRAY(SELECT jsonb_array_elements_text(p.hotlines)), p.website, p.zalo, p.fanpage, p.vneid
  FROM jsonb_to_recordset($1::jsonb)
    AS p(code text, name text, slug text, kind text, hotlines jsonb, website text, zalo text, fanpage text, vneid text)
  ON CONFLICT (code) DO UPDATE SET
    name = excluded.name, slug = excluded.slug, kind = excluded.kind,
    police_hotlines = CASE WHEN cardinality(provinces.police_hotlines) = 0 THEN excluded.police_hotlines ELSE provinces.police_hotlines END,
    website = COALESCE(provinces.website, excluded.website),
    zalo = COALESCE(provinces.zalo, excluded.zalo),
    fanpage = COALESCE(provinces.fanpage, excluded.fanpage),
    vneid = COALESCE(provinces.vneid, excluded.vneid),
    updated_at = CASE WHEN (provinces.name, provinces.slug, provinces.kind) IS DISTINCT FROM (excluded.name, excluded.slug, excluded.kind)
                        OR (cardinality(provinces.police_hotlines) = 0 AND cardinality(excluded.police_hotlines) > 0)
                        OR (provinces.website IS NULL AND excluded.website IS NOT NULL)
                        OR (provinces.zalo IS NULL AND excluded.zalo IS NOT NULL)
                        OR (provinces.fanpage IS NULL AND excluded.fanpage IS NOT NULL)
                        OR (provinces.vneid IS NULL AND excluded.vneid IS NOT NULL)
                      THEN now() ELSE provinces.updated_at END`;

/** The 63 pre-2025 units and the current unit each merged into. */
export const UPSERT_LEGACY_PROVINCES = `
  INSERT INTO legacy_provinces (code, name, merged_into)
  SELECT l.code, l.name, l.merged_into
  FROM jsonb_to_recordset($1::jsonb) AS l(code text, name text, merged_into text)
  ON CONFLICT (code) DO UPDATE SET name = excluded.name, merged_into = excluded.merged_into`;

const PROVINCE_COLUMNS = `code, name, slug, kind, police_hotlines AS "policeHotlines", website, zalo, fanpage, vneid, updated_at AS "updatedAt"`;

export const LIST_PROVINCES = `SELECT ${PROVINCE_COLUMNS} FROM provinces ORDER BY code`;

/** The contacts of province $1 as they are, locked until the update that follows commits (the audit's `before`). */
export const PROVINCE_CONTACTS_FOR_UPDATE = `
  SELECT police_hotlines AS "policeHotlines", website, zalo, fanpage, vneid FROM provinces WHERE code = $1 FOR UPDATE`;

/**
 * $1 code, $2 hotlines (NULL = keep), $3 the contacts given as a JSON object: a key present sets that
 * field (a JSON null clears it), a key absent keeps it.
 */
export const UPDATE_PROVINCE_CONTACTS = `
  UPDATE provinces SET
    police_hotlines = COALESCE($2::text[], police_hotlines),
    website = CASE WHEN $3::jsonb ? 'website' THEN $3::jsonb->>'website' ELSE website END,
    zalo = CASE WHEN $3::jsonb ? 'zalo' THEN $3::jsonb->>'zalo' ELSE zalo END,
    fanpage = CASE WHEN $3::jsonb ? 'fanpage' THEN $3::jsonb->>'fanpage' ELSE fanpage END,
    vneid = CASE WHEN $3::jsonb ? 'vneid' THEN $3::jsonb->>'vneid' ELSE vneid END,
    updated_at = now()
  WHERE code = $1
  RETURNING ${PROVINCE_COLUMNS}`;
