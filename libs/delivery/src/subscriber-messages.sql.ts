/**
 * What Loa sent one number ($1), newest first, in the reader's provinces ($2; null: national), at most $3.
 * The receipt is the first part's (a message's parts share their fate). No index on messages(msisdn): each
 * partition is scanned, which a lookup a few times a day can afford and the send path's updates need not pay for.
 */
export const SUBSCRIBER_MESSAGES = `
  SELECT m.campaign_id AS "campaignId", c.name AS "campaignName", m.province_code AS "provinceCode", m.carrier, m.state,
         t.body AS text, m.submitted_at AS "sentAt", m.final_at AS "finishedAt",
         (SELECT s.receipt_state FROM submissions s
           WHERE s.campaign_id = m.campaign_id AND s.message_id = m.id ORDER BY s.part LIMIT 1) AS receipt
  FROM messages m
  JOIN campaigns c ON c.id = m.campaign_id
  JOIN campaign_texts t ON t.id = m.text_id
  WHERE m.msisdn = $1 AND ($2::text[] IS NULL OR m.province_code = ANY($2::text[]))
  ORDER BY coalesce(m.submitted_at, c.start_at) DESC, m.campaign_id DESC
  LIMIT $3`;
