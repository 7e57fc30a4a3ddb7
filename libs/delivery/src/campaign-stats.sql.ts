/**
 * Moves counters by the state changes of one batch, grouped, in the caller's transaction.
 * $1 campaign ids, $2 provinces, $3 carriers, $4 states (the column to increment).
 */
export const INCREMENT_STATS = `
  UPDATE campaign_stats s SET
    submitted     = s.submitted     + d.submitted,
    delivered     = s.delivered     + d.delivered,
    undeliverable = s.undeliverable + d.undeliverable,
    expired       = s.expired       + d.expired,
    rejected      = s.rejected      + d.rejected,
    failed        = s.failed        + d.failed,
    unknown       = s.unknown       + d.unknown
  FROM (
    SELECT campaign_id, province_code, carrier,
      count(*) FILTER (WHERE state = 'submitted')     AS submitted,
      count(*) FILTER (WHERE state = 'delivered')     AS delivered,
      count(*) FILTER (WHERE state = 'undeliverable') AS undeliverable,
      count(*) FILTER (WHERE state = 'expired')       AS expired,
      count(*) FILTER (WHERE state = 'rejected')      AS rejected,
      count(*) FILTER (WHERE state = 'failed')        AS failed,
      count(*) FILTER (WHERE state = 'unknown')       AS unknown
    FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS c(campaign_id, province_code, carrier, state)
    GROUP BY 1, 2, 3
  ) d
  WHERE s.campaign_id = d.campaign_id AND s.province_code = d.province_code AND s.carrier = d.carrier`;
