import { CAMPAIGN_SENDING_STATES, campaignStateIs, COUNTED_STATES, messageStateIs } from '@loa/delivery';

/** Campaigns still sending (running or paused), from the campaign state table. */
const SENDING = campaignStateIs('c.state', CAMPAIGN_SENDING_STATES);

/**
 * Messages of the campaigns still sending (running or paused), by the campaign_stats counter they
 * reached; one row, zeros when there is none. campaign_stats holds one row per province and
 * carrier (≤ 136) per campaign, so summing it on every scrape stays cheap.
 */
export const ACTIVE_CAMPAIGN_MESSAGES = `
  SELECT ${['targeted', ...COUNTED_STATES].map((counter) => `coalesce(sum(s.${counter}), 0)::bigint AS ${counter}`).join(', ')}
  FROM campaign_stats s
  JOIN campaigns c ON c.id = s.campaign_id
  WHERE ${SENDING}`;

/** Receipts retired unmatched, per carrier; reads delivery_receipts_unmatched_idx only (they are few). */
export const UNMATCHED_RECEIPTS = `
  SELECT carrier, count(*) AS count FROM delivery_receipts WHERE unmatched GROUP BY carrier ORDER BY carrier`;

/** The database's clock, a little behind: rows whose final_at is before it are committed (outcomes are written within 20 ms). */
export const LATENCY_WATERMARK = `SELECT now() - interval '2 seconds' AS until`;

/**
 * Messages ended by a receipt in ($1, $2], per carrier and latency bucket ($3: bucket bounds in seconds;
 * bucket i holds bounds[i-1] <= latency < bounds[i]), with the sum of their latencies. Only campaigns
 * still sending or completed within the window are read, partition by partition.
 */
export const RECEIPT_LATENCIES = `
  SELECT m.carrier, width_bucket(extract(epoch FROM m.final_at - m.submitted_at)::float8, $3::float8[]) AS bucket,
         count(*)::int AS count, sum(extract(epoch FROM m.final_at - m.submitted_at))::float8 AS sum_seconds
  FROM messages m
  WHERE m.campaign_id IN (SELECT id FROM campaigns c WHERE ${SENDING} OR c.completed_at > $1::timestamptz - interval '1 minute')
    AND ${messageStateIs('m.state', ['delivered', 'undeliverable', 'expired'])}
    AND m.final_at > $1 AND m.final_at <= $2 AND m.submitted_at IS NOT NULL
  GROUP BY 1, 2`;

/**
 * Messages still queued in the campaigns that are running or paused, per carrier (reads messages_queued_idx,
 * campaign by campaign). Summed over campaigns: /metrics is public and names no campaign.
 */
export const QUEUED_PER_CARRIER = `
  SELECT q.carrier, sum(q.queued)::int AS queued
  FROM campaigns c
  CROSS JOIN LATERAL (SELECT m.carrier, count(*) AS queued FROM messages m WHERE m.campaign_id = c.id AND ${messageStateIs('m.state', ['queued'])} GROUP BY m.carrier) q
  WHERE ${SENDING}
  GROUP BY q.carrier
  ORDER BY q.carrier`;
