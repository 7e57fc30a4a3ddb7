/**
 * Claims queued messages of one running campaign for one carrier, under a lease.
 * Keyset (`id > $last`) instead of a plain SKIP LOCKED scan: measured on this machine 82 k rows/s flat,
 * against 35 k rows/s with stalls up to 377 ms as dead index entries pile up (DESIGN.md).
 * $1 campaign, $2 carrier, $3 last id claimed, $4 batch size, $5 lease seconds.
 */
export const CLAIM_MESSAGES = `
  WITH next AS (
    SELECT id FROM messages
    WHERE campaign_id = $1 AND carrier = $2 AND state = 'queued' AND id > $3
      AND (next_attempt_at IS NULL OR next_attempt_at <= now())
    ORDER BY id LIMIT $4
    FOR UPDATE SKIP LOCKED
  )
  UPDATE messages m SET state = 'sending', attempts = m.attempts + 1, lease_until = now() + make_interval(secs => $5)
  FROM next WHERE m.campaign_id = $1 AND m.id = next.id
  RETURNING m.id, m.msisdn, m.province_code, m.text_id, m.attempts`;

/** Running campaigns with work for a carrier, most urgent first. */
export const RUNNING_CAMPAIGNS = `
  SELECT id, validity_hours, on_ambiguous FROM campaigns WHERE state = 'running' AND $1 = ANY(carriers) ORDER BY priority DESC, id`;

/**
 * Applies a batch of final or intermediate states; returns what changed so counters move in the same
 * transaction. Only rows still in `from_state` change, so a late duplicate outcome changes nothing.
 * Arrays: $1 campaign ids, $2 message ids, $3 new states, $4 errors, $5 requeue delays in seconds (or null),
 * $6 attempt refunds (1 when the attempt must not count), $7 PDUs of a message now waiting for receipts matched by number (0: not waiting),
 * $8 expected current state, $9 unconfirmed sends to add (1: requeued though the carrier may have it).
 */
export const APPLY_MESSAGE_STATES = `
  WITH input AS (
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $9::int[])
      AS i(campaign_id, id, state, error, delay_seconds, refund, awaiting, unconfirmed)
  )
  UPDATE messages m SET
    state = input.state,
    unconfirmed_sends = m.unconfirmed_sends + input.unconfirmed,
    last_error = COALESCE(input.error, m.last_error),
    attempts = m.attempts - input.refund,
    lease_until = NULL,
    next_attempt_at = CASE WHEN input.delay_seconds IS NULL THEN m.next_attempt_at ELSE now() + make_interval(secs => input.delay_seconds) END,
    submitted_at = CASE WHEN input.state = 'submitted' THEN now() ELSE m.submitted_at END,
    awaiting_receipt_since = CASE WHEN input.awaiting > 0 THEN now() END,
    awaiting_parts = NULLIF(input.awaiting, 0),
    final_at = CASE WHEN input.state IN ('delivered', 'undeliverable', 'expired', 'rejected', 'failed', 'unknown') THEN now() ELSE NULL END
  FROM input
  WHERE m.campaign_id = input.campaign_id AND m.id = input.id AND m.state = $8
  RETURNING m.campaign_id, m.province_code, m.carrier, m.state`;

export const INSERT_SUBMISSIONS = `
  INSERT INTO submissions (carrier, smsc_message_id, campaign_id, message_id, part, parts)
  SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::smallint[], $6::smallint[])
  ON CONFLICT (carrier, smsc_message_id) DO NOTHING`;

/**
 * Leases of a dispatcher that died: its messages go back to the queue (the attempt already counted),
 * possibly sent already: an unconfirmed send (see MARK_DUPLICATES).
 */
export const REQUEUE_EXPIRED_LEASES = `
  UPDATE messages SET state = 'queued', lease_until = NULL, last_error = 'lease expired (dispatcher lost)', unconfirmed_sends = unconfirmed_sends + 1
  WHERE state = 'sending' AND lease_until < now()
  RETURNING campaign_id`;

/**
 * Submitted messages whose receipt has not come within the campaign's validity plus a grace period: the
 * SMSC will not say any more, so they end as unknown. Reads messages_submitted_idx, running campaigns only.
 * $1 grace seconds, $2 batch size.
 */
export const OVERDUE_SUBMITTED = `
  SELECT m.campaign_id, m.id
  FROM campaigns c
  JOIN messages m ON m.campaign_id = c.id AND m.state = 'submitted'
    AND m.submitted_at < now() - make_interval(hours => c.validity_hours, secs => $1)
  WHERE c.state IN ('running', 'paused', 'cancelled')
  LIMIT $2`;

/**
 * Messages of cancelled campaigns still queued: those that came back from a dispatcher (retry, resend)
 * after the cancellation had failed the queue. $1 batch size.
 */
export const QUEUED_OF_CANCELLED = `
  SELECT m.campaign_id, m.id
  FROM campaigns c
  JOIN messages m ON m.campaign_id = c.id AND m.state = 'queued'
  WHERE c.state = 'cancelled'
  LIMIT $1`;
