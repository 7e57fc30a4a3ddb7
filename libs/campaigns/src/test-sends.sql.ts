/** Test numbers (written down by an admin, each a user's) and test sends of campaigns before approval. */

export const INSERT_TEST_NUMBER = `
  INSERT INTO test_numbers (msisdn, user_id, carrier, created_by) VALUES ($1, $2, $3, $4)
  ON CONFLICT (msisdn) DO NOTHING
  RETURNING msisdn, user_id, carrier, created_at`;

/**
 * A test number belongs to its user's scope: a caller with scope $n (null: national) sees and uses only the
 * numbers of users wholly inside it (a national user's numbers: national callers only).
 */
const OWNER_WITHIN = (n: number) => `($${n}::text[] IS NULL OR (u.province_scope IS NOT NULL AND u.province_scope <@ $${n}::text[]))`;

/** $1 the caller's scope. */
export const LIST_TEST_NUMBERS = `
  SELECT n.msisdn, n.user_id, u.username, n.carrier, n.created_at FROM test_numbers n JOIN users u ON u.id = n.user_id
  WHERE ${OWNER_WITHIN(1)} ORDER BY n.msisdn`;

/** Of numbers $1, those registered for a user within scope $2. */
export const TEST_NUMBERS_AMONG = `
  SELECT n.msisdn, n.carrier FROM test_numbers n JOIN users u ON u.id = n.user_id WHERE n.msisdn = ANY($1::bigint[]) AND ${OWNER_WITHIN(2)}`;

/** The scope of user $1 (no row: no such user). */
export const USER_SCOPE = `SELECT province_scope AS "provinceScope" FROM users WHERE id = $1`;

/**
 * Test sends of one campaign are requested one at a time (the limits below count what is already there):
 * the campaign's row is locked until the request commits. NO KEY: inserts referencing it are not blocked.
 */
export const LOCK_CAMPAIGN_FOR_TEST_SENDS = `SELECT id FROM campaigns WHERE id = $1 FOR NO KEY UPDATE`;

/** The same for the requesting user's daily count, across campaigns. */
export const LOCK_USER_FOR_TEST_SENDS = `SELECT id FROM users WHERE id = $1 FOR NO KEY UPDATE`;

/** When each test send of campaign $1 to numbers $2 after $3 (an hour ago) was requested, oldest first (a few dozen rows at most). */
export const RECENT_SENDS_TO_NUMBERS = `
  SELECT msisdn::text AS msisdn, requested_at AS "requestedAt" FROM test_sends
  WHERE campaign_id = $1 AND msisdn = ANY($2::bigint[]) AND requested_at > $3 ORDER BY requested_at`;

/** Test sends user $1 requested since $2 (the start of their day), by test_sends_requester_idx. */
export const SENDS_OF_USER_SINCE = `SELECT count(*)::int AS sends FROM test_sends WHERE requested_by = $1 AND requested_at >= $2`;

/** Distinct numbers a campaign has been test-sent to. $1 campaign. */
export const NUMBERS_TESTED = `SELECT DISTINCT msisdn FROM test_sends WHERE campaign_id = $1`;

/** One test send per (number, province), with the campaign's rendered text of that province; $5 the time of the request. */
export const QUEUE_TEST_SENDS = `
  INSERT INTO test_sends (campaign_id, msisdn, carrier, province_code, text_id, requested_by, requested_at)
  SELECT $1, n.msisdn, n.carrier, t.province_code, t.id, $4, $5
  FROM test_numbers n CROSS JOIN campaign_texts t
  WHERE n.msisdn = ANY($2::bigint[]) AND t.campaign_id = $1 AND t.province_code = ANY($3::text[])
  RETURNING id`;

/** Queued test sends of carrier $1, at most $2, with their text; leased until $3 to one dispatcher (SKIP LOCKED). */
export const CLAIM_TEST_SENDS = `
  WITH next AS (
    SELECT id FROM test_sends WHERE carrier = $1 AND state = 'queued' ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED
  )
  UPDATE test_sends s SET state = 'sending', lease_until = $3, attempts = s.attempts + 1
  FROM next, campaign_texts t
  WHERE s.id = next.id AND t.id = s.text_id
  RETURNING s.id, s.msisdn, t.body, t.encoding`;

/** $1 id, $2 accepted or refused, $3 SMSC id of the first part, $4 error. */
export const RECORD_TEST_SEND = `
  UPDATE test_sends SET state = $2, smsc_message_id = $3, error = $4, sent_at = now(), lease_until = NULL WHERE id = $1 AND state = 'sending'`;

/**
 * Test sends whose dispatcher was lost (lease ended before $1): taken fewer than $2 times, they go again;
 * otherwise they end failed, with the reason. Returns each with its new state.
 */
export const END_EXPIRED_TEST_SEND_LEASES = `
  UPDATE test_sends SET
    state = CASE WHEN attempts < $2 THEN 'queued' ELSE 'failed' END,
    lease_until = NULL,
    error = CASE WHEN attempts < $2
      THEN 'dispatcher lost while sending (lease expired); sent again'
      ELSE 'dispatcher lost while sending (lease expired) ' || attempts || ' times; not sent again (it may have reached the phone)' END
  WHERE state = 'sending' AND lease_until < $1
  RETURNING id, state`;

/**
 * Test sends of campaign $1 that a caller with scope $2 may read (texts of their provinces, to numbers they
 * see), with the carrier's receipt, if one came. Receipts of test sends match no message:
 * they stay unapplied, then are retired as unmatched, and both are indexed.
 */
export const TEST_SENDS_OF_CAMPAIGN = `
  SELECT s.id, s.msisdn, s.carrier, s.province_code, s.state, s.error, s.requested_at, s.sent_at, r.receipt_state, r.done_at
  FROM test_sends s
  LEFT JOIN LATERAL (
    SELECT receipt_state, done_at FROM delivery_receipts d
    WHERE d.carrier = s.carrier AND d.smsc_message_id = s.smsc_message_id AND (d.unmatched OR d.applied_at IS NULL)
    ORDER BY d.id DESC LIMIT 1
  ) r ON s.smsc_message_id IS NOT NULL
  JOIN test_numbers n ON n.msisdn = s.msisdn JOIN users u ON u.id = n.user_id
  WHERE s.campaign_id = $1 AND ($2::text[] IS NULL OR s.province_code = ANY($2::text[])) AND ${OWNER_WITHIN(2)}
  ORDER BY s.id`;
