import { campaignStateIs } from './campaign-states';
import { ENDED_UNSENT_COLUMNS, statsCtesFrom } from './campaign-stats.sql';
import { NEVER_SENT_STATES, sqlIn, statesMovingTo } from './message-states';

/**
 * The daily cap per subscriber and the campaign's validity, as set-based statements over one campaign's
 * partition. A message counts against its subscriber's cap on its `cap_day` (the Viet Nam day it is queued
 * to go), unless it was held back or never sent.
 */
const NOT_COUNTED_AGAINST_THE_CAP = sqlIn('state', ['held', ...NEVER_SENT_STATES]);

/** One cap step at a time across processes, so two campaigns cannot both take a subscriber's last place. */
export const LOCK_DAILY_CAP = `SELECT pg_advisory_xact_lock(hashtext('loa:daily-cap'))`;

/**
 * Campaigns whose messages may count on the day starting at $1: a message counts on a day between its
 * campaign's start of sending and the end of its validity.
 */
export const CAMPAIGNS_OF_THE_DAY = `
  SELECT id FROM campaigns
  WHERE materialised_at < $1::timestamptz + interval '1 day' AND materialised_at + make_interval(hours => validity_hours) >= $1::timestamptz`;

/** Nobody at the cap (the cap lifted, or too few campaigns count on the day), in atCap's shape. */
export const NOBODY_AT_CAP = 'SELECT NULL::bigint AS msisdn WHERE false';

/**
 * Subscribers who already have `cap` or more warnings counted on `day` (a placeholder) in the campaigns
 * `counted`, as a statement over those campaigns' partitions only. A campaign has one message per subscriber,
 * so the count is skipped where it can be:
 * - fewer campaigns than the cap: nobody can be at it, nothing is read;
 * - as many as the cap: at the cap is in every one of them, an INTERSECT ALL of their partitions (1 M
 *   subscribers in two campaigns: 0.7 CPU-s, against 2.8 for a hash aggregate by subscriber, 1.6 for a left
 *   join per campaign);
 * - more: a hash aggregate by subscriber over their partitions.
 */
export function atCap(counted: number[], day: string, cap: number): string {
  const ids = counted.map((id) => Math.trunc(id));
  const countedOf = (where: string) => `SELECT msisdn FROM messages WHERE ${where} AND cap_day = ${day}::date AND NOT ${NOT_COUNTED_AGAINST_THE_CAP}`;
  if (ids.length < cap) return NOBODY_AT_CAP;
  if (ids.length === cap) return ids.map((id) => countedOf(`campaign_id = ${id}`)).join(' INTERSECT ALL ');
  return `${countedOf(`campaign_id IN (${ids.join(', ')})`)} GROUP BY msisdn HAVING count(*) >= ${Math.trunc(cap)}`;
}

/**
 * Queued messages of campaign $1 left from an earlier day than $2 (the window closed, or the campaign was
 * slow): they go back under the cap of the day they will now go on, so are held to be looked at at once ($3).
 */
export const HOLD_LEFT_FROM_EARLIER_DAYS = `
  WITH held AS (
    UPDATE messages SET state = 'held', cap_day = NULL, next_attempt_at = $3
    WHERE campaign_id = $1 AND ${statesMovingTo('held', ['queued'])} AND cap_day < $2::date RETURNING 1
  )
  SELECT count(*)::int AS count FROM held`;

/**
 * Held messages of campaign $1 due by $3 whose subscriber is not among `atCapSql` (see atCap) on day $2 go back
 * to the queue, counting on that day.
 */
export const releaseHeld = (atCapSql: string) => `
  WITH at_cap AS (${atCapSql}),
  released AS (
    UPDATE messages m SET state = 'queued', cap_day = $2::date, next_attempt_at = NULL
    WHERE m.campaign_id = $1 AND ${statesMovingTo('queued', ['held'], 'm.state')} AND m.next_attempt_at <= $3
      AND NOT EXISTS (SELECT 1 FROM at_cap WHERE at_cap.msisdn = m.msisdn)
    RETURNING 1
  )
  SELECT count(*)::int AS count FROM released`;

/** What stays held of campaign $1 after a release by $2 waits for the next day's window, $3. */
export const POSTPONE_HELD = `
  UPDATE messages SET next_attempt_at = $3 WHERE campaign_id = $1 AND state = 'held' AND next_attempt_at <= $2`;

/** Running campaigns with held messages due by $1 (indexed by messages_held_idx). */
export const CAMPAIGNS_WITH_HELD_DUE = `
  SELECT c.id, c.window_start, c.window_end, c.daily_cap_lifted FROM campaigns c
  WHERE ${campaignStateIs('c.state', ['running'])} AND EXISTS (SELECT 1 FROM messages m WHERE m.campaign_id = c.id AND m.state = 'held' AND m.next_attempt_at <= $1)`;

/** Running campaigns under the cap with queued messages from before day $1. */
export const CAMPAIGNS_WITH_QUEUED_FROM_EARLIER_DAYS = `
  SELECT c.id FROM campaigns c
  WHERE ${campaignStateIs('c.state', ['running'])} AND NOT c.daily_cap_lifted
    AND EXISTS (SELECT 1 FROM messages m WHERE m.campaign_id = c.id AND m.state = 'queued' AND m.cap_day < $1::date)`;

/** Running or paused campaigns whose validity (from their start of sending) ended by $1, with messages not sent yet. */
export const CAMPAIGNS_PAST_VALIDITY = `
  SELECT c.id FROM campaigns c
  WHERE ${campaignStateIs('c.state', ['running', 'paused'])} AND c.materialised_at + make_interval(hours => c.validity_hours) <= $1
    AND EXISTS (SELECT 1 FROM messages m WHERE m.campaign_id = c.id AND m.state IN ('queued', 'held'))`;

/**
 * Ends what campaign $1 never sent, counters and time bucket included, in one statement: queued (or back for
 * a retry) as expired_unsent, held by the cap as capped. Messages with the carrier reach their own end.
 */
export const END_UNSENT_OF_CAMPAIGN = `
  WITH ended AS (
    UPDATE messages SET state = CASE state WHEN 'held' THEN 'capped' ELSE 'expired_unsent' END,
      final_at = now(), next_attempt_at = NULL, last_error = 'not sent within the campaign''s validity'
    WHERE campaign_id = $1 AND (${statesMovingTo('capped', ['held'])} OR ${statesMovingTo('expired_unsent', ['queued'])})
    RETURNING ${ENDED_UNSENT_COLUMNS}
  ),
  ${statsCtesFrom('ended')}
  SELECT count(*) FILTER (WHERE state = 'capped')::int AS capped, count(*) FILTER (WHERE state = 'expired_unsent')::int AS expired_unsent FROM ended`;
