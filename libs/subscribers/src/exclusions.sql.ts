/** $1 numbers, $2 reason, $3 user id. Re-adding a number keeps its first entry. The province is the subscriber's (null if unknown). */
export const ADD_EXCLUSIONS = `
  INSERT INTO subscriber_exclusions (msisdn, reason, created_by, province_code)
  SELECT m, $2, $3, (SELECT province_code FROM subscribers WHERE msisdn = m)
  FROM unnest($1::bigint[]) AS m
  ON CONFLICT (msisdn) DO NOTHING
  RETURNING msisdn::text`;

/** The province each number belongs to (null: no subscriber known). */
export const NUMBER_PROVINCES = `
  SELECT m::text AS msisdn, s.province_code AS "provinceCode"
  FROM unnest($1::bigint[]) AS m LEFT JOIN subscribers s ON s.msisdn = m`;

export const EXCLUSION_PROVINCE = `SELECT province_code AS "provinceCode" FROM subscriber_exclusions WHERE msisdn = $1`;

export const REMOVE_EXCLUSION = `DELETE FROM subscriber_exclusions WHERE msisdn = $1 RETURNING msisdn::text`;

/** $3 the scope (null: national, every entry). */
export const LIST_EXCLUSIONS = `
  SELECT msisdn::text AS msisdn, reason, province_code AS "provinceCode", created_by::int AS "createdBy", created_at AS "createdAt"
  FROM subscriber_exclusions WHERE $3::text[] IS NULL OR province_code = ANY($3::text[])
  ORDER BY created_at DESC, msisdn LIMIT $1 OFFSET $2`;

export const COUNT_EXCLUSIONS = `SELECT count(*)::int AS total FROM subscriber_exclusions WHERE $1::text[] IS NULL OR province_code = ANY($1::text[])`;

export const IS_EXCLUDED = `SELECT EXISTS (SELECT 1 FROM subscriber_exclusions WHERE msisdn = $1) AS excluded`;
