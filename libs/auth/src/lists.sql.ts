// The admin lists' searches (GET /users, GET /audit): every filter is a parameter that is null when not asked.

/** Users newest-created last, within a scope ($3; null: all), by part of the username, role, a province of their scope, disabled or not. */
export const LIST_USERS = `SELECT id, username, role, province_scope, password_hash, token_version, disabled_at, created_at FROM users
  WHERE ($3::text[] IS NULL OR province_scope && $3::text[])
    AND ($4::text IS NULL OR username ILIKE '%' || $4 || '%')
    AND ($5::text IS NULL OR role = $5)
    AND ($6::text IS NULL OR province_scope IS NULL OR $6 = ANY(province_scope))
    AND ($7::boolean IS NULL OR (disabled_at IS NOT NULL) = $7)
  ORDER BY id LIMIT $1 OFFSET $2`;

/**
 * Audit entries newest first, within a scope ($1; national entries for national readers only), by action (the
 * exact action, or every action of a kind: "campaign" finds campaign.approved), object type and id, part of
 * the username, and time.
 */
export const LIST_AUDIT = `SELECT a.id::int AS id, a.at, a.user_id::int AS "userId", u.username, a.action, a.object_type AS "objectType", a.object_id AS "objectId",
       a.provinces, a.details, a.before, a.after, a.request_id AS "requestId",
       a.client_request_id AS "clientRequestId", a.remote_addr AS "remoteAddr"
  FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
  WHERE ($1::text[] IS NULL OR a.provinces && $1::text[])
    AND ($2::text IS NULL OR a.action = $2 OR a.action LIKE $8 || '.%')
    AND ($3::text IS NULL OR a.object_type = $3)
    AND ($4::timestamptz IS NULL OR a.at >= $4) AND ($5::timestamptz IS NULL OR a.at < $5)
    AND ($9::text IS NULL OR a.object_id = $9)
    AND ($10::text IS NULL OR u.username ILIKE '%' || $10 || '%')
  ORDER BY a.at DESC, a.id DESC LIMIT $6 OFFSET $7`;

/** Text to find inside a LIKE pattern: its own % _ and \ match only themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
