import { CAMPAIGN_SENDING_STATES, campaignStateIs } from './campaign-states';
import { ENDED_UNSENT_COLUMNS, statsCtesFrom } from './campaign-stats.sql';
import { FINAL_STATES, INITIAL_STATES, sqlIn, sqlText, statesMovingTo } from './message-states';

/**
 * Claims queued messages of one running campaign for one carrier, under a lease.
 * Keyset (`id > $last`) instead of a plain SKIP LOCKED scan: measured on this machine 82 k rows/s flat,
 * against 35 k rows/s with stalls up to 377 ms as dead index entries pile up (DESIGN.md).
 * The ids go to the UPDATE as an array, which reads them by primary key: joined to a CTE instead, the
 * planner hashed the whole partition for every batch (a 50 k-message campaign: 50 k rows read to claim 500,
 * 13 ms a claim against 7 ms).
 * $1 campaign, $2 carrier, $3 last id claimed, $4 batch size, $5 lease seconds.
 */
export const CLAIM_MESSAGES = `
  UPDATE messages m SET state = 'sending', attempts = m.attempts + 1, lease_until = now() + make_interval(secs => $5)
  WHERE m.campaign_id = $1 AND m.id = ANY(ARRAY(
    SELECT id FROM messages
    WHERE campaign_id = $1 AND carrier = $2 AND ${statesMovingTo('sending', ['queued'])} AND id > $3
      AND (next_attempt_at IS NULL OR next_attempt_at <= now())
      AND EXISTS (SELECT 1 FROM campaigns c WHERE c.id = $1 AND ${campaignStateIs('c.state', ['running'])})
    ORDER BY id LIMIT $4
    FOR UPDATE SKIP LOCKED
  ))
  RETURNING m.id, m.msisdn, m.province_code, m.text_id, m.attempts, m.unconfirmed_sends, m.parts_accepted, m.parts, m.concat_ref`;

/** Running campaigns with work for a carrier, most urgent first, with the end of their validity. */
export const RUNNING_CAMPAIGNS = `
  SELECT id, validity_hours, on_ambiguous, window_start, window_end, materialised_at + make_interval(hours => validity_hours) AS valid_until
  FROM campaigns WHERE ${campaignStateIs('state', ['running'])} AND $1 = ANY(carriers) ORDER BY priority DESC, id`;

/** Campaigns $1 as a dispatcher holding their messages needs them: whether they may still send, and where. */
export const CAMPAIGNS_IN_HAND = `
  SELECT id, state, validity_hours, on_ambiguous, window_start, window_end, materialised_at + make_interval(hours => validity_hours) AS valid_until
  FROM campaigns WHERE id = ANY($1::bigint[])`;

/**
 * Applies a batch of state changes; returns what changed so counters move in the same transaction. Only
 * rows still in the expected state change, so a late or repeated outcome changes nothing.
 * $1 campaign ids, $2 message ids, $3 new states, $4 errors, $5 requeue delays in seconds (or null),
 * $6 attempt refunds (1: the attempt does not count), $7 PDUs of a message now waiting for receipts matched
 * by number (0: not waiting), $8 expected current state, $9 unconfirmed sends to add, and what the send left
 * at the carrier: $10 accepted parts mask, $11 parts of the message (null: no send recorded), $12 concat
 * reference, $13 whether that reference is new (the parts accepted before no longer count), $14 PDUs billed,
 * $15 whether its receipt came with the answer (it was submitted on the way to its final state).
 * The counters move in the same statement (one round trip a batch less). Returns the messages that did not
 * move (no longer in the expected state): usually none, so a batch's answer is empty instead of every message.
 * The expected state is a sub-select so that the planner cannot match it to a partial index: given
 * `state = 'sending'` it read messages_lease_idx whole, dead entries of every claim since the last vacuum
 * included (7 k index entries per batch in the 50 k benchmark: the largest part of PostgreSQL's time),
 * instead of one primary key lookup per message. The ids again as an array give the planner those lookups
 * to make, where otherwise it sometimes hashed the whole partition to join 500 rows.
 */
export const APPLY_MESSAGE_STATES = `
  WITH input AS (
    SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $9::int[],
                         $10::int[], $11::smallint[], $12::int[], $13::boolean[], $14::int[], $15::boolean[], $16::boolean[])
      AS i(campaign_id, id, state, error, delay_seconds, refund, awaiting, unconfirmed, accepted_mask, parts, reference, new_reference, billed, receipted, by_receipt)
  ),
  moved AS (
  UPDATE messages m SET
    state = input.state,
    unconfirmed_sends = m.unconfirmed_sends + input.unconfirmed,
    last_error = COALESCE(input.error, m.last_error),
    attempts = m.attempts - input.refund,
    lease_until = NULL,
    next_attempt_at = CASE WHEN input.delay_seconds IS NULL THEN m.next_attempt_at ELSE now() + make_interval(secs => input.delay_seconds) END,
    submitted_at = CASE WHEN input.state = 'submitted' OR input.receipted THEN now() ELSE m.submitted_at END,
    awaiting_receipt_since = CASE WHEN input.awaiting > 0 THEN now() END,
    awaiting_parts = NULLIF(input.awaiting, 0),
    final_at = CASE WHEN ${sqlIn('input.state', FINAL_STATES)} THEN now() ELSE NULL END,
    parts_accepted = CASE WHEN input.parts IS NULL THEN m.parts_accepted
                          WHEN input.new_reference THEN input.accepted_mask
                          ELSE m.parts_accepted | input.accepted_mask END,
    parts = COALESCE(input.parts, m.parts),
    concat_ref = CASE WHEN input.parts IS NULL THEN m.concat_ref ELSE input.reference END,
    parts_billed = m.parts_billed + input.billed
  FROM input
  WHERE m.campaign_id = input.campaign_id AND m.id = input.id AND m.state = (SELECT $8::text) AND m.id = ANY($2::bigint[])
  RETURNING m.campaign_id, m.id, m.province_code, m.carrier, m.state, input.billed, input.receipted, input.by_receipt, input.error AS reason
  ),
  ${statsCtesFrom('moved')}
  SELECT campaign_id, id FROM input WHERE NOT EXISTS (SELECT 1 FROM moved WHERE moved.campaign_id = input.campaign_id AND moved.id = input.id)`;

/**
 * $1 carrier, then per part: $2 SMSC id, $3 campaign, $4 message, $5 part, $6 parts, and when its receipt came
 * with the answer, $7 that receipt's state and $8 its err code. Returns the parts not recorded before if $9.
 */
export const INSERT_SUBMISSIONS = `
  WITH recorded AS (
    INSERT INTO submissions (carrier, smsc_message_id, campaign_id, message_id, part, parts, receipt_state, receipt_error)
    SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::smallint[], $6::smallint[], $7::text[], $8::text[])
    ON CONFLICT (carrier, smsc_message_id) DO NOTHING
    RETURNING campaign_id, message_id, part, parts
  )
  SELECT * FROM recorded WHERE $9::boolean`;

/**
 * A submit_sm_resp that came after its request expired: the carrier has that part after all. A message
 * waiting to go again (unconfirmed) no longer needs it, and that send is confirmed; every such part is billed.
 * $1 campaign ids, $2 message ids, $3 part masks, $4 parts of the message. Returns each message, and
 * whether it is now wholly at the carrier.
 */
export const APPLY_LATE_ACCEPTS = `
  WITH input AS (
    SELECT campaign_id, id, bit_or(mask) AS mask, count(*)::int AS billed, max(parts) AS parts
    FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::smallint[]) AS i(campaign_id, id, mask, parts) GROUP BY 1, 2
  )
  UPDATE messages m SET
    parts_billed = m.parts_billed + input.billed,
    parts = COALESCE(m.parts, input.parts),
    parts_accepted = CASE WHEN m.state = 'queued' THEN m.parts_accepted | input.mask ELSE m.parts_accepted END,
    unconfirmed_sends = CASE WHEN m.state = 'queued' THEN greatest(m.unconfirmed_sends - 1, 0) ELSE m.unconfirmed_sends END
  FROM input
  WHERE m.campaign_id = input.campaign_id AND m.id = input.id
  RETURNING m.campaign_id, m.id, m.province_code, m.carrier, input.billed,
    m.state = 'queued' AND m.parts IS NOT NULL AND m.parts_accepted = (1 << m.parts) - 1 AS complete`;

/**
 * Messages the carrier took more PDUs of than they have parts: some part went twice (a copy after a lost
 * answer or a crash, a whole resend after some parts were in). Marks each once; $1 campaign ids, $2 ids.
 */
export const MARK_OVERBILLED_DUPLICATES = `
  UPDATE messages m SET duplicated = true
  FROM unnest($1::bigint[], $2::bigint[]) AS i(campaign_id, id)
  WHERE m.campaign_id = i.campaign_id AND m.id = i.id AND NOT m.duplicated AND m.parts IS NOT NULL AND m.parts_billed > m.parts
  RETURNING m.campaign_id, m.province_code, m.carrier`;

/**
 * Leases of a dispatcher that died: its messages go back to the queue (the attempt already counted),
 * possibly sent already: an unconfirmed send (see MARK_UNMATCHED_COPIES).
 */
export const REQUEUE_EXPIRED_LEASES = `
  UPDATE messages SET state = 'queued', lease_until = NULL, last_error = 'lease expired (dispatcher lost)', unconfirmed_sends = unconfirmed_sends + 1
  WHERE ${statesMovingTo('queued', ['sending'])} AND lease_until < now()
  RETURNING campaign_id`;

/**
 * Submitted messages whose receipt has not come within the campaign's validity plus a grace period: the
 * SMSC will not say any more, so they end as unknown. Reads messages_submitted_idx.
 * $1 grace seconds, $2 batch size.
 */
export const OVERDUE_SUBMITTED = `
  SELECT m.campaign_id, m.id
  FROM campaigns c
  JOIN messages m ON m.campaign_id = c.id AND ${statesMovingTo('unknown', ['submitted'], 'm.state')}
    AND m.submitted_at < now() - make_interval(hours => c.validity_hours, secs => $1)
  WHERE ${campaignStateIs('c.state', [...CAMPAIGN_SENDING_STATES, 'cancelled'])}
  LIMIT $2`;

/** The messages a cancel ends, from the table: those not with the carrier (queued, back for a retry, or held by the cap). */
const CANCELLABLE = statesMovingTo('cancelled', ['queued', 'held']);

/** Cancelled campaigns that still have queued (or held) messages (sent back by a dispatcher after the cancel). */
export const CANCELLED_WITH_QUEUED = `
  SELECT c.id FROM campaigns c
  WHERE ${campaignStateIs('c.state', ['cancelled'])} AND EXISTS (SELECT 1 FROM messages m WHERE m.campaign_id = c.id AND m.${CANCELLABLE})`;

/**
 * Ends every queued (or held) message of campaign $1 as cancelled (never sent, not a failure: no reason is
 * counted) with $2 kept as its last error, counters and time bucket included, in one statement (a national
 * campaign cancelled early has millions). Messages already with the carrier reach their own end.
 */
export const CANCEL_UNSENT_OF_CAMPAIGN = `
  WITH ended AS (
    UPDATE messages SET state = 'cancelled', last_error = $2, final_at = now(), next_attempt_at = NULL
    WHERE campaign_id = $1 AND ${CANCELLABLE} RETURNING ${ENDED_UNSENT_COLUMNS}
  ),
  ${statsCtesFrom('ended')}
  SELECT count(*)::int AS cancelled FROM ended`;

/**
 * One row per active subscriber of the audience, set-based (INSERT … SELECT materialises ~210 k rows/s on
 * 2 cores, DESIGN.md), each pointing at its province's rendered text instead of carrying a copy. A subscriber
 * among `atCapSql` (see atCap) is inserted held instead of queued: deciding it in the insert costs one hash
 * join, where updating the held rows afterwards would cost about as much as inserting them again.
 * $1 campaign id, $2 provinces, $3 carriers, $4 the Viet Nam day the queued ones count on, $5 when the held
 * ones are looked at again.
 */
export const enqueueMessages = (atCapSql: string) => `
  WITH at_cap AS (${atCapSql})
  INSERT INTO messages (id, campaign_id, msisdn, carrier, province_code, text_id, state, cap_day, next_attempt_at)
  SELECT nextval('messages_id_seq'), $1, s.msisdn, s.carrier, s.province_code, t.id,
    CASE WHEN c.msisdn IS NULL THEN ${sqlText(INITIAL_STATES[0])} ELSE ${sqlText(INITIAL_STATES[1])} END,
    CASE WHEN c.msisdn IS NULL THEN $4::date END,
    CASE WHEN c.msisdn IS NOT NULL THEN $5::timestamptz END
  FROM subscribers s
  JOIN campaign_texts t ON t.campaign_id = $1 AND t.province_code = s.province_code
  LEFT JOIN at_cap c ON c.msisdn = s.msisdn
  WHERE s.status = 'active' AND s.province_code = ANY($2) AND s.carrier = ANY($3)
    AND NOT EXISTS (SELECT 1 FROM subscriber_exclusions e WHERE e.msisdn = s.msisdn)`;

/** A counter row for every targeted (province, carrier), zero included, so reports show empty cells too. */
export const INITIALISE_STATS = `
  INSERT INTO campaign_stats (campaign_id, province_code, carrier, targeted)
  SELECT $1, p.code, c.carrier, COALESCE(counts.targeted, 0)
  FROM unnest($2::text[]) AS p(code)
  CROSS JOIN unnest($3::text[]) AS c(carrier)
  LEFT JOIN (
    SELECT province_code, carrier, count(*) AS targeted FROM messages WHERE campaign_id = $1 GROUP BY 1, 2
  ) counts ON counts.province_code = p.code AND counts.carrier = c.carrier`;

/**
 * Running campaigns whose counters show every message final, and where no message that went again while the
 * carrier may have had it (unconfirmed_sends) ended within the last $1 seconds: the receipt of that other copy
 * may still come and count it as a duplicate.
 */
export const FINISHED_CAMPAIGNS = `
  SELECT c.id FROM campaigns c
  WHERE ${campaignStateIs('c.state', ['running'])}
    AND NOT EXISTS (
      SELECT 1 FROM campaign_stats s WHERE s.campaign_id = c.id
        AND s.targeted > ${FINAL_STATES.map((state) => `s.${state}`).join(' + ')})
    AND NOT EXISTS (
      SELECT 1 FROM messages m WHERE m.campaign_id = c.id AND m.unconfirmed_sends > 0 AND m.final_at > now() - make_interval(secs => $1))`;
