import { FINAL_STATES, NEVER_SENT_STATES, sqlIn } from './message-states';

/** The states with a counter of their own: entering one moves it (submitted counts every message that got there). */
export const COUNTED_STATES = ['submitted', ...FINAL_STATES] as const;

/**
 * The end of the time bucket `now()` falls in: a minute, unless the database setting loa.stats_bucket_seconds
 * says otherwise (`ALTER DATABASE … SET loa.stats_bucket_seconds = 1`; tests use seconds). Every statement of
 * one transaction sees the same now(), which is also what the messages' submitted_at and final_at record.
 */
export const CURRENT_BUCKET_END = `(date_bin(b.width, now(), timestamptz 'epoch') + b.width)`;
/** The width of the counters' time buckets, as an SQL interval expression. */
export const STATS_BUCKET_WIDTH = `make_interval(secs => COALESCE(NULLIF(current_setting('loa.stats_bucket_seconds', true), '')::int, 60))`;
const BUCKET_WIDTH = `(SELECT ${STATS_BUCKET_WIDTH} AS width) b`;

/** The counters a time bucket keeps: every counted state, duplicates and PDUs billed. */
export const BUCKET_COUNTERS = [...COUNTED_STATES, 'duplicated', 'parts_billed'] as const;

/**
 * The first and last send and receipt a bucket keeps (the earliest and latest now() of the statements that sent
 * or ended messages by receipt in it), so a report as of a moment has them as they stood: how each is set from
 * a row of `stats_delta`, and how two values of one bucket combine.
 */
const BUCKET_TIMES = [
  { column: 'first_sent_at', value: 'CASE WHEN d.submitted > 0 THEN now() END', combine: 'LEAST' },
  { column: 'last_sent_at', value: 'CASE WHEN d.submitted > 0 THEN now() END', combine: 'GREATEST' },
  { column: 'first_receipt_at', value: 'CASE WHEN d.receipts THEN now() END', combine: 'LEAST' },
  { column: 'last_receipt_at', value: 'CASE WHEN d.receipts THEN now() END', combine: 'GREATEST' },
];

/**
 * Upserts rows of bucket counters from `source` (campaign_id, province_code, carrier and the counters named) into
 * the current bucket; with `times`, also its first and last send and receipt (`source` has submitted and receipts).
 */
function addToCurrentBucket(source: string, counters: readonly string[], options: { times?: boolean } = {}): string {
  const times = options.times ? BUCKET_TIMES : [];
  const columns = [...counters, ...times.map((time) => time.column)];
  const values = [...counters.map((counter) => `d.${counter}`), ...times.map((time) => time.value)];
  // LEAST and GREATEST ignore nulls: a statement that sent nothing leaves the bucket's times as they were.
  const updates = [
    ...counters.map((counter) => `${counter} = campaign_stats_buckets.${counter} + excluded.${counter}`),
    ...times.map(({ column, combine }) => `${column} = ${combine}(campaign_stats_buckets.${column}, excluded.${column})`),
  ];
  return `INSERT INTO campaign_stats_buckets (campaign_id, province_code, carrier, bucket_end, ${columns.join(', ')})
    SELECT d.campaign_id, d.province_code, d.carrier, ${CURRENT_BUCKET_END}, ${values.join(', ')}
    FROM ${source} d, ${BUCKET_WIDTH}
    ORDER BY 1, 2, 3
    ON CONFLICT (campaign_id, bucket_end, province_code, carrier) DO UPDATE SET
      ${updates.join(',\n      ')}`;
}

/** The final states a message can end in without reaching the handset, having been tried: counted per reason. */
const UNDELIVERED_WITH_REASON = sqlIn(
  'state',
  FINAL_STATES.filter((state) => state !== 'delivered' && !(NEVER_SENT_STATES as readonly string[]).includes(state)),
);

/**
 * CTEs to splice into a statement's WITH, moving counters by the changes in `changes`: a relation with the
 * columns campaign_id, province_code, carrier, state (entered; null: none), billed (PDUs), receipted (passed
 * through submitted on the way: a receipt that came with the answer), by_receipt (a receipt ended it) and
 * reason (receipt stat/err, submit_sm command_status, or Loa's own). They move the running counters (with the
 * first and last send and receipt), the current time bucket's, and the reasons of messages ended undelivered.
 */
export function statsCtesFrom(changes: string): string {
  return `stats_delta AS (
    SELECT campaign_id, province_code, carrier,
      ${COUNTED_STATES.map((state) => `count(*) FILTER (WHERE state = '${state}'${state === 'submitted' ? ' OR receipted' : ''}) AS ${state}`).join(',\n      ')},
      0 AS duplicated,
      sum(billed) AS parts_billed,
      bool_or(by_receipt) AS receipts
    FROM ${changes} GROUP BY 1, 2, 3
  ),
  stats_bucket AS (${addToCurrentBucket('stats_delta', BUCKET_COUNTERS, { times: true })}),
  stats_reasons AS (
    INSERT INTO campaign_errors (campaign_id, province_code, carrier, state, reason, messages)
    SELECT campaign_id, province_code, carrier, state, COALESCE(reason, ''), count(*) FROM ${changes}
    WHERE ${UNDELIVERED_WITH_REASON}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (campaign_id, province_code, carrier, state, reason) DO UPDATE SET messages = campaign_errors.messages + excluded.messages
  ),
  counted AS (
    UPDATE campaign_stats s SET
    ${COUNTED_STATES.map((state) => `${state} = s.${state} + d.${state}`).join(',\n    ')},
    parts_billed = s.parts_billed + d.parts_billed,
    first_sent_at = CASE WHEN d.submitted > 0 THEN COALESCE(s.first_sent_at, now()) ELSE s.first_sent_at END,
    last_sent_at = CASE WHEN d.submitted > 0 THEN now() ELSE s.last_sent_at END,
    first_receipt_at = CASE WHEN d.receipts THEN COALESCE(s.first_receipt_at, now()) ELSE s.first_receipt_at END,
    last_receipt_at = CASE WHEN d.receipts THEN now() ELSE s.last_receipt_at END
    FROM stats_delta d
    WHERE s.campaign_id = d.campaign_id AND s.province_code = d.province_code AND s.carrier = d.carrier
  )`;
}

/**
 * Moves counters by changes outside a state statement (PDUs billed beyond their state changes), in the caller's
 * transaction. $1 campaign ids, $2 provinces, $3 carriers, $4 states entered (null: none), $5 PDUs billed,
 * $6 receipted, $7 ended by a receipt, $8 reason.
 */
export const INCREMENT_STATS = `
  WITH c AS (
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[], $7::boolean[], $8::text[])
      AS c(campaign_id, province_code, carrier, state, billed, receipted, by_receipt, reason)
  ),
  ${statsCtesFrom('c')}
  SELECT 1`;

/** Adds duplicated messages to their counters and the current bucket. $1 campaign ids, $2 provinces, $3 carriers (one entry a message). */
export const COUNT_DUPLICATES = `
  WITH d AS (
    SELECT campaign_id, province_code, carrier, count(*) AS duplicated FROM unnest($1::bigint[], $2::text[], $3::text[]) AS c(campaign_id, province_code, carrier) GROUP BY 1, 2, 3
  ),
  bucket AS (${addToCurrentBucket('d', ['duplicated'])})
  UPDATE campaign_stats s SET duplicated = s.duplicated + d.duplicated
  FROM d
  WHERE s.campaign_id = d.campaign_id AND s.province_code = d.province_code AND s.carrier = d.carrier`;

/**
 * The columns statsCtesFrom reads, for messages a statement ended without a send (no PDU billed, no receipt,
 * no reason kept): to follow the RETURNING of an UPDATE of messages.
 */
export const ENDED_UNSENT_COLUMNS = 'campaign_id, province_code, carrier, state, 0 AS billed, false AS receipted, false AS by_receipt, NULL::text AS reason';

/** Every counter of campaign_stats, and how a recount of the messages computes it. */
const RECOUNTS: Record<string, string> = {
  targeted: 'count(*)',
  submitted: 'count(*) FILTER (WHERE submitted_at IS NOT NULL)',
  ...Object.fromEntries(FINAL_STATES.map((state) => [state, `count(*) FILTER (WHERE state = '${state}')`])),
  duplicated: 'count(*) FILTER (WHERE duplicated)',
  parts_billed: 'sum(parts_billed)',
};
export const STATS_COUNTERS = Object.keys(RECOUNTS);

/**
 * Counter rows that disagree with a recount of the messages they count (there should be none), with
 * both values of every counter that differs. $1 campaign id, or null for every campaign.
 */
export const STATS_MISMATCHES = `
  WITH expected AS (
    SELECT campaign_id, province_code, carrier,
      ${STATS_COUNTERS.map((counter) => `${RECOUNTS[counter]} AS ${counter}`).join(',\n      ')}
    FROM messages WHERE $1::bigint IS NULL OR campaign_id = $1 GROUP BY 1, 2, 3
  )
  ${countersDifferingFromExpected(STATS_COUNTERS)}`;

/**
 * Counter rows whose time buckets do not add up to them (there should be none: both move in one statement),
 * with both values of every counter that differs. $1 campaign id, or null for every campaign.
 */
export const BUCKET_MISMATCHES = `
  WITH expected AS (
    SELECT campaign_id, province_code, carrier, ${BUCKET_COUNTERS.map((counter) => `sum(${counter}) AS ${counter}`).join(', ')}
    FROM campaign_stats_buckets WHERE $1::bigint IS NULL OR campaign_id = $1 GROUP BY 1, 2, 3
  )
  ${countersDifferingFromExpected(BUCKET_COUNTERS)}`;

/** The campaign_stats rows (of campaign $1, or every one when null) whose `counters` differ from the CTE `expected`, each difference as [counted, expected]. */
function countersDifferingFromExpected(counters: readonly string[]): string {
  return `SELECT s.campaign_id, s.province_code, s.carrier,
    jsonb_strip_nulls(jsonb_build_object(
      ${counters.map((counter) => `'${counter}', CASE WHEN s.${counter} <> COALESCE(e.${counter}, 0) THEN jsonb_build_array(s.${counter}, COALESCE(e.${counter}, 0)) END`).join(',\n      ')}
    )) AS differences
  FROM campaign_stats s
  LEFT JOIN expected e USING (campaign_id, province_code, carrier)
  WHERE ($1::bigint IS NULL OR s.campaign_id = $1)
    AND (${counters.map((counter) => `s.${counter} <> COALESCE(e.${counter}, 0)`).join(' OR ')})
  ORDER BY 1, 2, 3`;
}
