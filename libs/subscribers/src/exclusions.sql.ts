/** $1 numbers, $2 reason, $3 user id. Re-adding a number keeps its first entry. */
export const ADD_EXCLUSIONS = `
  INSERT INTO subscriber_exclusions (msisdn, reason, created_by)
  SELECT unnest($1::bigint[]), $2, $3
  ON CONFLICT (msisdn) DO NOTHING
  RETURNING msisdn::text`;

export const REMOVE_EXCLUSION = `DELETE FROM subscriber_exclusions WHERE msisdn = $1 RETURNING msisdn::text`;

export const LIST_EXCLUSIONS = `
  SELECT msisdn::text AS msisdn, reason, created_by::int AS "createdBy", created_at AS "createdAt"
  FROM subscriber_exclusions ORDER BY created_at DESC, msisdn LIMIT $1 OFFSET $2`;

export const COUNT_EXCLUSIONS = `SELECT count(*)::int AS total FROM subscriber_exclusions`;

export const IS_EXCLUDED = `SELECT EXISTS (SELECT 1 FROM subscriber_exclusions WHERE msisdn = $1) AS excluded`;
