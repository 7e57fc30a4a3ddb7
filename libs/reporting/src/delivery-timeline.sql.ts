/**
 * A campaign's span: its first submit and its last final state. $1 campaign id, $2 province codes (null: all).
 * One pass over the campaign's own partition (messages are listed by campaign): the dashboard asks for it
 * every few seconds, and counters per time bucket would cost a write per message on the hot path.
 */
export const TIMELINE_SPAN = `
  SELECT min(submitted_at) AS first, greatest(max(submitted_at), max(final_at)) AS last
  FROM messages
  WHERE campaign_id = $1 AND ($2::text[] IS NULL OR province_code = ANY($2))`;

/**
 * Submits, deliveries and other final states per bucket of $3 seconds from $4 (the span's first instant).
 * $1 campaign id, $2 province codes (null: all).
 */
export const TIMELINE_BUCKETS = `
  WITH events AS (
    SELECT submitted_at AS at, 1 AS submitted, 0 AS delivered, 0 AS failed
    FROM messages
    WHERE campaign_id = $1 AND ($2::text[] IS NULL OR province_code = ANY($2)) AND submitted_at IS NOT NULL
    UNION ALL
    SELECT final_at, 0, (state = 'delivered')::int, (state <> 'delivered')::int
    FROM messages
    WHERE campaign_id = $1 AND ($2::text[] IS NULL OR province_code = ANY($2)) AND final_at IS NOT NULL
  )
  SELECT floor(extract(epoch FROM at - $4::timestamptz) / $3)::int AS bucket,
         sum(submitted)::int AS submitted, sum(delivered)::int AS delivered, sum(failed)::int AS failed
  FROM events
  GROUP BY 1
  ORDER BY 1`;
