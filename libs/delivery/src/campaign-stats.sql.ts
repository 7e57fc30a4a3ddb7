import { FINAL_STATES } from './message-states';

/** The states with a counter of their own: entering one moves it (submitted counts every message that got there). */
export const COUNTED_STATES = ['submitted', ...FINAL_STATES] as const;

/**
 * The UPDATE of campaign_stats that moves counters by the changes in `changes`, a relation with the columns
 * campaign_id, province_code, carrier, state (entered; null: none), billed (PDUs) and receipted (whether it
 * passed through submitted on the way: a receipt that came with the answer), grouped per counter row.
 */
export function incrementStatsFrom(changes: string): string {
  return `
  UPDATE campaign_stats s SET
    ${COUNTED_STATES.map((state) => `${state} = s.${state} + d.${state}`).join(',\n    ')},
    parts_billed = s.parts_billed + d.parts_billed
  FROM (
    SELECT campaign_id, province_code, carrier,
      ${COUNTED_STATES.map((state) => `count(*) FILTER (WHERE state = '${state}'${state === 'submitted' ? ' OR receipted' : ''}) AS ${state}`).join(',\n      ')},
      sum(billed) AS parts_billed
    FROM ${changes}
    GROUP BY 1, 2, 3
  ) d
  WHERE s.campaign_id = d.campaign_id AND s.province_code = d.province_code AND s.carrier = d.carrier`;
}

/**
 * Moves counters by the PDUs billed to messages beyond their state changes, in the caller's transaction.
 * $1 campaign ids, $2 provinces, $3 carriers, $4 states entered (null: none), $5 PDUs billed, $6 receipted.
 */
export const INCREMENT_STATS = incrementStatsFrom(
  'unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[]) AS c(campaign_id, province_code, carrier, state, billed, receipted)',
);

/** Adds duplicated messages to their counters. $1 campaign ids, $2 provinces, $3 carriers (one entry a message). */
export const COUNT_DUPLICATES = `
  UPDATE campaign_stats s SET duplicated = s.duplicated + d.count
  FROM (SELECT campaign_id, province_code, carrier, count(*) AS count FROM unnest($1::bigint[], $2::text[], $3::text[]) AS c(campaign_id, province_code, carrier) GROUP BY 1, 2, 3) d
  WHERE s.campaign_id = d.campaign_id AND s.province_code = d.province_code AND s.carrier = d.carrier`;

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
  WITH recount AS (
    SELECT campaign_id, province_code, carrier,
      ${STATS_COUNTERS.map((counter) => `${RECOUNTS[counter]} AS ${counter}`).join(',\n      ')}
    FROM messages WHERE $1::bigint IS NULL OR campaign_id = $1 GROUP BY 1, 2, 3
  )
  SELECT s.campaign_id, s.province_code, s.carrier,
    jsonb_strip_nulls(jsonb_build_object(
      ${STATS_COUNTERS.map((counter) => `'${counter}', CASE WHEN s.${counter} <> COALESCE(r.${counter}, 0) THEN jsonb_build_array(s.${counter}, COALESCE(r.${counter}, 0)) END`).join(',\n      ')}
    )) AS differences
  FROM campaign_stats s
  LEFT JOIN recount r USING (campaign_id, province_code, carrier)
  WHERE ($1::bigint IS NULL OR s.campaign_id = $1)
    AND (${STATS_COUNTERS.map((counter) => `s.${counter} <> COALESCE(r.${counter}, 0)`).join(' OR ')})
  ORDER BY 1, 2, 3`;
