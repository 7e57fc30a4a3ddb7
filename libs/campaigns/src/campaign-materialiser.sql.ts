/** Claims a due campaign so that only one scheduler (of several API/all-in-one processes) materialises it. */
export const CLAIM_DUE_CAMPAIGN = `
  UPDATE campaigns SET state = 'running', materialised_at = now(), updated_at = now()
  WHERE id = (
    SELECT id FROM campaigns WHERE state = 'scheduled' AND start_at <= now()
    ORDER BY priority DESC, start_at LIMIT 1 FOR UPDATE SKIP LOCKED
  )
  RETURNING id, provinces, carriers`;

/** Marks running campaigns $1 completed (those still running). */
export const COMPLETE_CAMPAIGNS = `
  UPDATE campaigns SET state = 'completed', completed_at = now(), updated_at = now()
  WHERE id = ANY($1) AND state = 'running'
  RETURNING id`;
