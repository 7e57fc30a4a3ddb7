/** The texts of campaign $1 as they will be sent, one per province. */
export const CAMPAIGN_TEXT_BODIES = `SELECT province_code, body FROM campaign_texts WHERE campaign_id = $1 ORDER BY province_code`;

/** Campaign $1 sends only to carriers $2: carriers an approver excluded are left out, before it is scheduled. */
export const NARROW_CAMPAIGN_CARRIERS = `UPDATE campaigns SET carriers = $2::text[], updated_at = now() WHERE id = $1 AND state = 'pending_approval'`;
