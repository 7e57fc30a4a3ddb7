/** Receipts are stored as received, before deliver_sm_resp goes back: append-only, one statement a batch. */
export const INSERT_RECEIPTS = `
  INSERT INTO delivery_receipts (carrier, smsc_message_id, receipt_state, error_code, done_at, raw)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])`;

/**
 * Applies stored receipts that have found their submission (a receipt that came before its
 * submit_sm_resp simply waits for a later pass), marks them applied, and returns the messages whose
 * every part now has a final receipt. Non-final receipts (ACCEPTD, ENROUTE) are marked applied only.
 * $1 batch size.
 */
export const APPLY_RECEIPTS = `
  WITH batch AS (
    SELECT d.id, d.carrier, d.smsc_message_id, d.receipt_state
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
    UPDATE submissions s SET receipt_state = batch.receipt_state
    FROM batch
    WHERE s.carrier = batch.carrier AND s.smsc_message_id = batch.smsc_message_id
      AND batch.receipt_state IN ('DELIVRD', 'UNDELIV', 'EXPIRED', 'REJECTD', 'DELETED', 'UNKNOWN')
    RETURNING s.campaign_id, s.message_id
  )
  SELECT DISTINCT campaign_id, message_id FROM parts`;

/**
 * The final state of messages whose parts all have final receipts: delivered only if every part was.
 * $1 campaign ids, $2 message ids.
 */
export const FINAL_STATES_OF = `
  SELECT s.campaign_id, s.message_id,
    CASE
      WHEN bool_and(s.receipt_state = 'DELIVRD') THEN 'delivered'
      WHEN bool_or(s.receipt_state = 'REJECTD') THEN 'rejected'
      WHEN bool_or(s.receipt_state = 'EXPIRED') THEN 'expired'
      WHEN bool_or(s.receipt_state IN ('UNDELIV', 'DELETED')) THEN 'undeliverable'
      ELSE 'unknown'
    END AS state
  FROM submissions s
  JOIN unnest($1::bigint[], $2::bigint[]) AS m(campaign_id, message_id)
    ON s.campaign_id = m.campaign_id AND s.message_id = m.message_id
  GROUP BY s.campaign_id, s.message_id
  HAVING count(s.receipt_state) = max(s.parts)`;
