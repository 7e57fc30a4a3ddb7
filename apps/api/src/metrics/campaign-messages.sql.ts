/**
 * Messages of the campaigns still sending (running or paused), by the campaign_stats counter they
 * reached; one row, zeros when there is none. campaign_stats holds one row per province and
 * carrier (≤ 136) per campaign, so summing it on every scrape stays cheap.
 */
export const ACTIVE_CAMPAIGN_MESSAGES = `
  SELECT coalesce(sum(s.targeted), 0)::bigint      AS targeted,
         coalesce(sum(s.submitted), 0)::bigint     AS submitted,
         coalesce(sum(s.delivered), 0)::bigint     AS delivered,
         coalesce(sum(s.undeliverable), 0)::bigint AS undeliverable,
         coalesce(sum(s.expired), 0)::bigint       AS expired,
         coalesce(sum(s.rejected), 0)::bigint      AS rejected,
         coalesce(sum(s.failed), 0)::bigint        AS failed,
         coalesce(sum(s.unknown), 0)::bigint       AS unknown
  FROM campaign_stats s
  JOIN campaigns c ON c.id = s.campaign_id
  WHERE c.state IN ('running', 'paused')`;

/** Receipts retired unmatched, per carrier; reads delivery_receipts_unmatched_idx only (they are few). */
export const UNMATCHED_RECEIPTS = `
  SELECT carrier, count(*) AS count FROM delivery_receipts WHERE unmatched GROUP BY carrier ORDER BY carrier`;
