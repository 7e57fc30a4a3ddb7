/**
 * Replaces one dispatcher's link rows in one statement, one element per carrier link.
 * $1 dispatcher id, $2 carriers, $3 states, $4 bound sessions, $5 in flight, $6 queued, $7 counters, $8 details (JSON text).
 * updated_at is the database's clock, as is the freshness check below, so dispatchers' clocks never matter.
 */
export const UPSERT_LINK_STATUSES = `
  INSERT INTO carrier_link_status (dispatcher_id, carrier, state, bound_sessions, in_flight, queued, counters, details, updated_at)
  SELECT $1, s.carrier, s.state, s.bound_sessions, s.in_flight, s.queued, s.counters, s.details, now()
  FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::jsonb[], $8::jsonb[])
    AS s(carrier, state, bound_sessions, in_flight, queued, counters, details)
  ON CONFLICT (dispatcher_id, carrier) DO UPDATE SET
    state          = excluded.state,
    bound_sessions = excluded.bound_sessions,
    in_flight      = excluded.in_flight,
    queued         = excluded.queued,
    counters       = excluded.counters,
    details        = excluded.details,
    updated_at     = excluded.updated_at`;

/**
 * Rows written within the last $1 seconds, each marked fresh when written within the last $2: a stale row
 * belongs to a dispatcher that died without cleaning up (a clean stop deletes its rows).
 */
export const RECENT_LINK_STATUSES = `
  SELECT dispatcher_id, carrier, state, bound_sessions, in_flight, queued, counters, details, updated_at,
         updated_at > now() - make_interval(secs => $2) AS fresh
  FROM carrier_link_status
  WHERE updated_at > now() - make_interval(secs => $1)
  ORDER BY carrier, dispatcher_id`;

/** $1 dispatcher id. */
export const DELETE_LINK_STATUSES = `DELETE FROM carrier_link_status WHERE dispatcher_id = $1`;
