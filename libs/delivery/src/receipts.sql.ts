import { RECEIPT_STATS } from './message-states';

/**
 * The submission a receipt of `receipts` is for, read by primary key one receipt at a time. Joined plainly,
 * the planner hashed the whole submissions table for every batch as long as it judged a scan of it cheaper
 * than the lookups: 50 ms for 500 receipts against 50 k submissions, growing with every campaign sent. The
 * LIMIT keeps the subquery from being flattened back into that join.
 */
const submissionOf = (receipts: string) => `
  SELECT s.campaign_id, s.message_id, s.parts FROM submissions s
  WHERE s.carrier = ${receipts}.carrier AND s.smsc_message_id = ${receipts}.smsc_message_id LIMIT 1`;

/** A receipt state that ends a part (ACCEPTD and ENROUTE do not), from the one mapping of stats to states. */
const FINAL_RECEIPT = `IN (${RECEIPT_STATS.map(({ stat }) => `'${stat}'`).join(', ')})`;

/** A part's receipt stat as its failure rank (1 the worst; null: delivered, or no final receipt yet). */
const FAILURE_RANK = `CASE s.receipt_state ${RECEIPT_STATS.filter((r) => r.failureRank !== null)
  .map(({ stat, failureRank }) => `WHEN '${stat}' THEN ${failureRank}`)
  .join(' ')} END`;

/** The state of each failure rank, as an SQL array indexed by the rank. */
const FAILURE_RANKS = RECEIPT_STATS.map((r) => r.failureRank).filter((rank) => rank !== null);
const STATE_OF_FAILURE_RANK = `'{${Array.from({ length: Math.max(...FAILURE_RANKS) }, (_, index) => RECEIPT_STATS.find((r) => r.failureRank === index + 1)!.state).join(',')}}'::text[]`;
const DELIVERED_STAT = RECEIPT_STATS.find(({ state }) => state === 'delivered')!.stat;

/** Receipts that came with their message's answer, stored applied with it ($8), or left for APPLY_RECEIPTS when the message had moved on. */
export const INSERT_APPLIED_RECEIPTS = `
  INSERT INTO delivery_receipts (carrier, smsc_message_id, receipt_state, error_code, done_at, raw, msisdn, applied_at)
  SELECT carrier, smsc_message_id, receipt_state, error_code, done_at, raw, msisdn, CASE WHEN applied THEN now() END
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::bigint[], $8::boolean[])
    AS r(carrier, smsc_message_id, receipt_state, error_code, done_at, raw, msisdn, applied)`;

/**
 * Receipts are stored as received, before deliver_sm_resp goes back: append-only, one statement a batch.
 * Those of one-part messages whose submission is known are applied in the same statement (the caller moves
 * the messages returned, in the same transaction); the rest wait for APPLY_RECEIPTS, as a receipt that came
 * before its submit_sm_resp does. Applying at once keeps the unapplied backlog, which every pass rescans, small.
 */
export const STORE_RECEIPTS = `
  WITH received AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::bigint[])
      AS r(carrier, smsc_message_id, receipt_state, error_code, done_at, raw, msisdn)
  ),
  matched AS (
    SELECT r.*, s.campaign_id, s.message_id, s.parts = 1 AS one_part
    FROM received r LEFT JOIN LATERAL (${submissionOf('r')}) s ON true
  ),
  stored AS (
    INSERT INTO delivery_receipts (carrier, smsc_message_id, receipt_state, error_code, done_at, raw, msisdn, applied_at)
    SELECT carrier, smsc_message_id, receipt_state, error_code, done_at, raw, msisdn, CASE WHEN one_part THEN now() END FROM matched
  ),
  parts AS (
    UPDATE submissions s SET receipt_state = m.receipt_state, receipt_error = m.error_code
    FROM matched m WHERE m.one_part AND m.receipt_state ${FINAL_RECEIPT} AND s.carrier = m.carrier AND s.smsc_message_id = m.smsc_message_id
  )
  SELECT campaign_id, message_id, receipt_state, error_code FROM matched WHERE one_part AND receipt_state ${FINAL_RECEIPT}`;

/** deliver_sm that are not receipts (a subscriber answering the brandname), kept as received. */
export const INSERT_INBOUND = `
  INSERT INTO inbound_messages (carrier, source_addr, dest_addr, body, data_coding)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::smallint[])`;

/**
 * Applies stored receipts that have found their submission (a receipt that came before its
 * submit_sm_resp simply waits for a later pass), marks them applied, and returns the messages whose
 * every part now has a final receipt. Non-final receipts (ACCEPTD, ENROUTE) are marked applied only.
 * $1 batch size.
 */
export const APPLY_RECEIPTS = `
  WITH batch AS (
    SELECT d.id, d.carrier, d.smsc_message_id, d.receipt_state, d.error_code
    FROM delivery_receipts d
    JOIN submissions s ON s.carrier = d.carrier AND s.smsc_message_id = d.smsc_message_id
    WHERE d.applied_at IS NULL
    ORDER BY d.id LIMIT $1
    FOR UPDATE OF d SKIP LOCKED
  ),
  marked AS (
    UPDATE delivery_receipts d SET applied_at = now() FROM batch WHERE d.id = batch.id RETURNING d.id
  ),
  parts AS (
    UPDATE submissions s SET receipt_state = batch.receipt_state, receipt_error = batch.error_code
    FROM batch
    WHERE s.carrier = batch.carrier AND s.smsc_message_id = batch.smsc_message_id
      AND batch.receipt_state ${FINAL_RECEIPT}
    RETURNING s.campaign_id, s.message_id
  )
  SELECT DISTINCT campaign_id, message_id FROM parts`;

/**
 * The final state of messages whose every part has a final receipt: delivered only if every part was. A
 * part sent more than once (a resend) counts as delivered when any of its copies was. Otherwise the worst
 * failure of an undelivered part decides (rejected, then expired, then undeliverable, else unknown), and the
 * message comes with that receipt's stat and err: the reason the carriers' error breakdown gives, whichever
 * batch applied that part. Aggregates only (no per-message lookup): a batch is one pass over its submissions.
 * $1 campaign ids, $2 message ids.
 */
export const FINAL_STATES_OF = `
  WITH copies AS (
    SELECT s.campaign_id, s.message_id, s.part, s.parts, s.receipt_state, s.receipt_error, s.submitted_at,
      ${FAILURE_RANK} AS failure
    FROM unnest($1::bigint[], $2::bigint[]) AS m(campaign_id, message_id)
    CROSS JOIN LATERAL (
      SELECT * FROM submissions s WHERE s.campaign_id = m.campaign_id AND s.message_id = m.message_id
      OFFSET 0 -- kept a lookup per message (see submissionOf)
    ) s
  ),
  per_part AS (
    SELECT campaign_id, message_id, part, max(parts) AS parts,
      bool_or(receipt_state = '${DELIVERED_STAT}') AS delivered,
      bool_or(receipt_state IS NOT NULL) AS final,
      min(failure) AS failure,
      (array_agg(receipt_state ORDER BY failure, submitted_at) FILTER (WHERE failure IS NOT NULL))[1] AS failed_stat,
      (array_agg(receipt_error ORDER BY failure, submitted_at) FILTER (WHERE failure IS NOT NULL))[1] AS failed_err
    FROM copies
    GROUP BY 1, 2, 3
  )
  SELECT campaign_id, message_id,
    CASE WHEN bool_and(delivered) THEN 'delivered'
      ELSE COALESCE((${STATE_OF_FAILURE_RANK})[min(failure) FILTER (WHERE NOT delivered)], 'unknown')
    END AS state,
    (array_agg(failed_stat ORDER BY failure, part) FILTER (WHERE NOT delivered))[1] AS receipt_state,
    (array_agg(failed_err ORDER BY failure, part) FILTER (WHERE NOT delivered))[1] AS receipt_error
  FROM per_part
  GROUP BY campaign_id, message_id
  HAVING bool_and(final) AND count(*) = max(parts)`;

/**
 * Policy await-receipt: a message whose submit got no answer has no SMSC id, so a receipt for it finds no
 * submission. Such orphan receipts, once old enough that their submit_sm_resp would have landed, are
 * matched by carrier and handset to a message waiting for one, and become its next parts' submissions;
 * APPLY_RECEIPTS then applies them as usual. The most recently waiting message of that number wins.
 * $1 seconds an orphan waits for its submit_sm_resp, $2 batch size, $3 seconds a receipt may precede the
 * moment the message was declared ambiguous (the request timeout, with margin).
 */
export const MATCH_RECEIPTS_BY_NUMBER = `
  WITH orphan AS (
    SELECT d.id, d.carrier, d.smsc_message_id, d.msisdn, d.received_at
    FROM delivery_receipts d
    WHERE d.applied_at IS NULL AND d.msisdn IS NOT NULL AND d.smsc_message_id IS NOT NULL
      AND d.received_at < now() - make_interval(secs => $1)
      AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.carrier = d.carrier AND s.smsc_message_id = d.smsc_message_id)
    ORDER BY d.id LIMIT $2
  ),
  candidate AS (
    SELECT DISTINCT ON (o.id) o.id AS receipt_id, o.carrier, o.smsc_message_id, m.campaign_id, m.id AS message_id, m.awaiting_parts
    FROM orphan o
    JOIN messages m ON m.carrier = o.carrier AND m.msisdn = o.msisdn
      AND m.state = 'submitted' AND m.awaiting_receipt_since IS NOT NULL
      AND o.received_at >= m.awaiting_receipt_since - make_interval(secs => $3)
    ORDER BY o.id, m.awaiting_receipt_since DESC
  ),
  numbered AS (
    SELECT c.*, row_number() OVER (PARTITION BY c.campaign_id, c.message_id ORDER BY c.receipt_id)
      + (SELECT count(*) FROM submissions s WHERE s.campaign_id = c.campaign_id AND s.message_id = c.message_id) AS part
    FROM candidate c
  )
  INSERT INTO submissions (carrier, smsc_message_id, campaign_id, message_id, part, parts)
  SELECT carrier, smsc_message_id, campaign_id, message_id, part, awaiting_parts FROM numbered WHERE part <= awaiting_parts
  ON CONFLICT (carrier, smsc_message_id) DO NOTHING
  RETURNING message_id`;

/**
 * Retires receipts that found no message within $1 seconds (no SMSC id, or one Loa never recorded: a
 * duplicate sent after a crash, another system's traffic): applied, marked unmatched, kept raw. Left
 * unapplied they would be rescanned by every APPLY_RECEIPTS pass: measured with 200 k of them ahead of
 * 1,000 matchable receipts (2 M submissions), a pass took 390 ms; 20 ms once they were retired.
 * Returns each retired receipt.
 * $1 seconds, $2 batch size.
 */
export const RETIRE_UNMATCHED_RECEIPTS = `
  WITH stale AS (
    SELECT d.id FROM delivery_receipts d
    WHERE d.applied_at IS NULL AND d.received_at < now() - make_interval(secs => $1)
      AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.carrier = d.carrier AND s.smsc_message_id = d.smsc_message_id)
    ORDER BY d.id LIMIT $2
    FOR UPDATE OF d SKIP LOCKED
  )
  UPDATE delivery_receipts d SET applied_at = now(), unmatched = true FROM stale WHERE d.id = stale.id
  RETURNING d.id, d.carrier, d.smsc_message_id, d.msisdn`;

/**
 * Retired receipts for the number of a message with unconfirmed sends (its dispatcher was lost, or the SMSC
 * never answered and it went again) are the carrier's receipts for copies Loa never learnt the id of: each
 * distinct SMSC id is one more PDU the carrier took (a receipt sent again on a new bind is not). Bills them
 * to that message (the latest campaign's, if several); MARK_OVERBILLED_DUPLICATES then tells the duplicates.
 * $1 receipt ids, $2 carriers, $3 SMSC ids, $4 handset numbers: the receipts just retired, in this transaction.
 */
export const BILL_UNMATCHED_COPIES = `
  WITH retired AS (
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[]) AS r(id, carrier, smsc_message_id, msisdn)
    WHERE msisdn IS NOT NULL
  ),
  copies AS (
    SELECT carrier, msisdn, count(*)::int AS billed FROM retired r
    WHERE r.smsc_message_id IS NULL OR NOT EXISTS (
      SELECT 1 FROM delivery_receipts d
      WHERE d.unmatched AND d.carrier = r.carrier AND d.smsc_message_id = r.smsc_message_id AND d.id < r.id)
    GROUP BY 1, 2
  ),
  hit AS (
    SELECT DISTINCT ON (c.carrier, c.msisdn) m.campaign_id, m.id, c.billed
    FROM copies c JOIN messages m ON m.carrier = c.carrier AND m.msisdn = c.msisdn AND m.unconfirmed_sends > 0
    ORDER BY c.carrier, c.msisdn, m.campaign_id DESC
  )
  UPDATE messages m SET parts_billed = m.parts_billed + hit.billed
  FROM hit WHERE m.campaign_id = hit.campaign_id AND m.id = hit.id
  RETURNING m.campaign_id, m.id, m.province_code, m.carrier, hit.billed`;
