import { COUNTED_STATES } from '@loa/delivery';

/**
 * Messages of the campaigns still sending (running or paused), by the campaign_stats counter they
 * reached; one row, zeros when there is none. campaign_stats holds one row per province and
 * carrier (≤ 136) per campaign, so summing it on every scrape stays cheap.
 */
export const ACTIVE_CAMPAIGN_MESSAGES = `
  SELECT ${['targeted', ...COUNTED_STATES].map((counter) => `coalesce(sum(s.${counter}), 0)::bigint AS ${counter}`).join(', ')}
  FROM campaign_stats s
  JOIN campaigns c ON c.id = s.campaign_id
  WHERE c.state IN ('running', 'paused')`;

/** Receipts retired unmatched, per carrier; reads delivery_receipts_unmatched_idx only (they are few). */
export const UNMATCHED_RECEIPTS = `
  SELECT carrier, count(*) AS count FROM delivery_receipts WHERE unmatched GROUP BY carrier ORDER BY carrier`;
