import { campaignStatesMovingTo } from '@loa/delivery';

/**
 * Claims a campaign due at $1 (the scheduler's clock) so that only one scheduler (of several API/all-in-one
 * processes) materialises it; its validity and daily cap count from then.
 */
export const CLAIM_DUE_CAMPAIGN = `
  UPDATE campaigns SET state = 'running', materialised_at = $1, updated_at = now()
  WHERE id = (
    SELECT id FROM campaigns WHERE ${campaignStatesMovingTo('running', ['scheduled'])} AND start_at <= $1
    ORDER BY priority DESC, start_at LIMIT 1 FOR UPDATE SKIP LOCKED
  )
  RETURNING id, provinces, carriers, window_start, window_end, daily_cap_lifted`;

/** Marks running campaigns $1 completed (those still running). */
export const COMPLETE_CAMPAIGNS = `
  UPDATE campaigns SET state = 'completed', completed_at = now(), updated_at = now()
  WHERE id = ANY($1) AND ${campaignStatesMovingTo('completed', ['running'])}
  RETURNING id`;
