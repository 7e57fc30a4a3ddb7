/**
 * One row per active subscriber of the audience, set-based (INSERT … SELECT materialises ~210 k rows/s on
 * 2 cores, DESIGN.md), each pointing at its province's rendered text instead of carrying a copy.
 * $1 campaign id, $2 provinces, $3 carriers.
 */
export const MATERIALISE_MESSAGES = `
  INSERT INTO messages (id, campaign_id, msisdn, carrier, province_code, text_id)
  SELECT nextval('messages_id_seq'), $1, s.msisdn, s.carrier, s.province_code, t.id
  FROM subscribers s
  JOIN campaign_texts t ON t.campaign_id = $1 AND t.province_code = s.province_code
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

/** Claims a due campaign so that only one scheduler (of several API/all-in-one processes) materialises it. */
export const CLAIM_DUE_CAMPAIGN = `
  UPDATE campaigns SET state = 'running', materialised_at = now(), updated_at = now()
  WHERE id = (
    SELECT id FROM campaigns WHERE state = 'scheduled' AND start_at <= now()
    ORDER BY priority DESC, start_at LIMIT 1 FOR UPDATE SKIP LOCKED
  )
  RETURNING id, provinces, carriers`;

/** Running campaigns whose every message has reached a final state. */
export const COMPLETE_FINISHED_CAMPAIGNS = `
  UPDATE campaigns c SET state = 'completed', completed_at = now(), updated_at = now()
  WHERE c.state = 'running' AND NOT EXISTS (
    SELECT 1 FROM campaign_stats s WHERE s.campaign_id = c.id
      AND s.targeted > s.delivered + s.undeliverable + s.expired + s.rejected + s.failed + s.unknown
  )
  RETURNING c.id`;
