/**
 * Messages of a counter row that are done with sending: submitted, or ended without it (failed, held back
 * by the daily cap until their validity ended, or not sent within it). Every other one is still to send.
 */
const DONE_SENDING = (s: string) => `${s}.submitted + ${s}.failed + ${s}.capped + ${s}.expired_unsent`;

/**
 * What materialised campaigns still have to send, per carrier, from their counters (never the messages:
 * a 10 M-message campaign has ≤ 34 × 4 counter rows); the parts are its province's text's. $1 campaign ids.
 */
export const REMAINING_WORK = `
  SELECT s.campaign_id AS "campaignId", s.carrier,
    sum(GREATEST(0, s.targeted - (${DONE_SENDING('s')})))::bigint AS messages,
    sum(GREATEST(0, s.targeted - (${DONE_SENDING('s')})) * t.segments)::bigint AS parts
  FROM campaign_stats s
  JOIN campaign_texts t ON t.campaign_id = s.campaign_id AND t.province_code = s.province_code
  WHERE s.campaign_id = ANY($1::bigint[])
  GROUP BY 1, 2`;

/** The same for one campaign, per province and carrier (a reader may count only their provinces). $1 campaign id. */
export const REMAINING_WORK_BY_PROVINCE = `
  SELECT s.province_code AS province, s.carrier,
    sum(GREATEST(0, s.targeted - (${DONE_SENDING('s')})))::bigint AS messages,
    sum(GREATEST(0, s.targeted - (${DONE_SENDING('s')})) * t.segments)::bigint AS parts
  FROM campaign_stats s
  JOIN campaign_texts t ON t.campaign_id = s.campaign_id AND t.province_code = s.province_code
  WHERE s.campaign_id = $1
  GROUP BY 1, 2`;

/** Parts per message in each province of a campaign (its rendered texts). $1 campaign id. */
export const TEXT_SEGMENTS = `SELECT province_code AS "provinceCode", segments FROM campaign_texts WHERE campaign_id = $1`;

/**
 * Records what each running campaign has sent so far per carrier, for the rate it actually gets; drops
 * samples older than 15 minutes. One statement a tick over the counters of running campaigns. $1 the
 * sampler's clock (the plan reads the same clock, never the database's).
 */
export const SAMPLE_PROGRESS = `
  WITH dropped AS (DELETE FROM campaign_progress WHERE sampled_at < $1::timestamptz - interval '15 minutes')
  INSERT INTO campaign_progress (campaign_id, carrier, sampled_at, sent)
  SELECT s.campaign_id, s.carrier, $1::timestamptz, sum(${DONE_SENDING('s')})
  FROM campaign_stats s JOIN campaigns c ON c.id = s.campaign_id
  WHERE c.state = 'running'
  GROUP BY 1, 2
  ON CONFLICT DO NOTHING`;

/**
 * Messages per second a campaign sent on each carrier, between the oldest sample of the last $2 seconds
 * (at least 5 s old, and once sending had begun: a sample of nothing sent yet would count the start-up
 * as slow sending) and its counters now. $1 campaign id, $3 the planner's clock: the samples' age is
 * measured on the clock that plans from it, so a test's clock and the database's never mix.
 */
export const MEASURED_RATES = `
  WITH oldest AS (
    SELECT DISTINCT ON (carrier) carrier, sampled_at, sent FROM campaign_progress
    WHERE campaign_id = $1 AND sampled_at >= $3::timestamptz - make_interval(secs => $2) AND sampled_at <= $3::timestamptz - interval '5 seconds' AND sent > 0
    ORDER BY carrier, sampled_at
  ),
  current AS (
    SELECT s.carrier, sum(${DONE_SENDING('s')}) AS sent FROM campaign_stats s WHERE s.campaign_id = $1 GROUP BY 1
  )
  SELECT o.carrier, (c.sent - o.sent) / extract(epoch FROM $3::timestamptz - o.sampled_at) AS "perSecond",
    extract(epoch FROM $3::timestamptz - o.sampled_at) AS "overSeconds"
  FROM oldest o JOIN current c USING (carrier)`;
