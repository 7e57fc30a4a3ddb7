import { neutralisedSql } from '@loa/common';
/**
 * Per import, on the importing connection only; dropped with the transaction (no WAL, no cleanup).
 * accepted: to upsert (unique in the file). Refused rows carry their reason, or none when they duplicate an
 * earlier line (their msisdn is kept so APPLY_STAGING can name that line).
 */
export const CREATE_STAGING = `
  CREATE TEMP TABLE subscriber_import_staging (
    line integer NOT NULL, msisdn bigint, carrier text, province_code text, status text,
    accepted boolean NOT NULL, reason text, raw text NOT NULL
  ) ON COMMIT DROP`;

/** COPY takes ~390 k rows/s here (DESIGN.md), the fastest way in; every line of the file lands here. */
export const COPY_STAGING = `
  COPY subscriber_import_staging (line, msisdn, carrier, province_code, status, accepted, reason, raw) FROM STDIN`;

export const INSERT_IMPORT = `
  INSERT INTO subscriber_imports (source, created_by, provinces) VALUES ($1, $2, $3) RETURNING id`;

/**
 * Imports apply one at a time; readers (audience counts, materialisation) are not blocked. With no other
 * writer, a number absent at the start of APPLY_STAGING is still absent when it is inserted, so the
 * insert needs no ON CONFLICT arbiter (which cost 2.9 s per 1 M rows here). Held until commit.
 */
export const LOCK_SUBSCRIBERS = 'LOCK TABLE subscribers IN SHARE ROW EXCLUSIVE MODE';

/** Why a row of a province-scoped import is refused when its number is not a subscriber of the scope. */
export const NOT_IN_SCOPE_REASON =
  'not a subscriber of your provinces: a province-scoped list only updates subscribers already in your provinces ' +
  '(new numbers and moves between provinces are imported by a user with national scope)';

/**
 * A province-scoped import ($1 its scope, $2 the reason) changes only subscribers already in its provinces:
 * every other accepted row is refused here, whether its number is another province's subscriber or nobody's,
 * so the answer cannot tell which (see README, "Imports and scope"). Run under LOCK_SUBSCRIBERS, before
 * APPLY_STAGING; only refused rows are written (an anti-join by the primary key).
 */
export const REFUSE_OUT_OF_SCOPE = `
  UPDATE subscriber_import_staging f SET accepted = false, reason = $2
  WHERE f.accepted AND NOT EXISTS (SELECT 1 FROM subscribers s WHERE s.msisdn = f.msisdn AND s.province_code = ANY($1::text[]))`;

/**
 * The one set-based step, $1 = import id, run under LOCK_SUBSCRIBERS. Existing subscribers are updated only
 * when carrier, province or status differ (so re-importing a file touches nothing); a row without status
 * keeps the stored one (an opt-out is only lifted by an explicit "active"); new numbers are inserted in
 * number order, which keeps the primary key's pages hot (4.2 s instead of 6.2 s for 1 M rows here). One
 * snapshot for all CTEs, so UPDATE and INSERT never see each other's rows. Duplicates were found while
 * streaming; only they are joined back to name their first line (itself accepted, or refused by scope).
 */
export const APPLY_STAGING = `
  WITH duplicates AS MATERIALIZED (
    SELECT line, msisdn, raw FROM subscriber_import_staging WHERE NOT accepted AND reason IS NULL
  ),
  first_lines AS (
    SELECT msisdn, line FROM subscriber_import_staging
    WHERE (accepted OR reason IS NOT NULL) AND msisdn IN (SELECT msisdn FROM duplicates)
  ),
  rejected AS (
    INSERT INTO subscriber_import_rejections (import_id, line, reason, raw)
    SELECT $1::bigint, line, reason, raw FROM subscriber_import_staging WHERE NOT accepted AND reason IS NOT NULL
    UNION ALL
    SELECT $1::bigint, d.line, 'duplicate in file: same number as line ' || f.line, d.raw
    FROM duplicates d JOIN first_lines f USING (msisdn)
  ),
  updated AS (
    UPDATE subscribers s
    SET carrier = f.carrier, province_code = f.province_code, status = COALESCE(f.status, s.status), import_id = $1::bigint, updated_at = now()
    FROM subscriber_import_staging f
    WHERE f.accepted AND s.msisdn = f.msisdn
      AND (s.carrier, s.province_code, s.status) IS DISTINCT FROM (f.carrier, f.province_code, COALESCE(f.status, s.status))
    RETURNING 1
  ),
  inserted AS (
    INSERT INTO subscribers (msisdn, carrier, province_code, status, import_id)
    SELECT f.msisdn, f.carrier, f.province_code, COALESCE(f.status, 'active'), $1::bigint
    FROM subscriber_import_staging f
    WHERE f.accepted AND NOT EXISTS (SELECT 1 FROM subscribers s WHERE s.msisdn = f.msisdn)
    ORDER BY f.msisdn
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM updated)::int AS updated, (SELECT count(*) FROM inserted)::int AS inserted`;

const JOB_COLUMNS = `
  id::int AS id, state, source, created_by::int AS "createdBy", provinces, created_at AS "createdAt", finished_at AS "finishedAt",
  rows_read AS "read", inserted, updated, unchanged, rejected, mapped, separator`;

/** $1 id, $2 read, $3 inserted, $4 updated, $5 unchanged, $6 rejected, $7 mapped, $8 separator. */
export const FINISH_IMPORT = `
  UPDATE subscriber_imports
  SET state = 'completed', finished_at = now(), rows_read = $2, inserted = $3, updated = $4, unchanged = $5, rejected = $6, mapped = $7, separator = $8
  WHERE id = $1
  RETURNING ${JOB_COLUMNS}`;

export const GET_IMPORT = `SELECT ${JOB_COLUMNS} FROM subscriber_imports WHERE id = $1`;

export const FIRST_REJECTIONS = `
  SELECT line, reason, raw FROM subscriber_import_rejections WHERE import_id = $1 ORDER BY line LIMIT $2`;

/**
 * Streams straight from PostgreSQL, which also does the CSV quoting; `id` is an integer checked by the caller.
 * The raw line is the uploader's text: one starting like a formula gets a leading apostrophe (see csvCell).
 */
export const rejectionsCsvCopy = (id: number) => `
  COPY (SELECT line, reason, ${neutralisedSql('raw')} AS raw FROM subscriber_import_rejections WHERE import_id = ${Math.trunc(id)} ORDER BY line)
  TO STDOUT WITH (FORMAT csv, HEADER)`;
