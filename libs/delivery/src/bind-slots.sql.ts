/**
 * A carrier account's bind slots are PostgreSQL advisory locks (hashtext('loa:bind:' || carrier), slot),
 * held by one dedicated connection per dispatcher: the contract's bind count holds across the fleet, and a
 * dispatcher that dies loses its slots with its connection, for another to take. $1 carrier, $2 slot.
 */
export const TRY_LOCK_BIND_SLOT = `SELECT pg_try_advisory_lock(hashtext('loa:bind:' || $1), $2) AS locked`;

export const UNLOCK_BIND_SLOT = `SELECT pg_advisory_unlock(hashtext('loa:bind:' || $1), $2)`;

/**
 * The server notices a lock connection whose machine vanished (no FIN, no RST) within ~25 s instead of the
 * kernel default of hours, so a dead dispatcher's slots come free for the others in time.
 */
export const DETECT_DEAD_PEER = `SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3`;

/** Frees every slot this connection holds, before the connection goes back to the pool. */
export const UNLOCK_ALL_BIND_SLOTS = `SELECT pg_advisory_unlock_all()`;

/**
 * A dispatcher's lock connection also holds, per carrier account it is configured for, a shared lock
 * (hashtext('loa:fleet:' || carrier), -1), so that each can count the dispatchers of an account and take
 * only its share of the binds. pg_locks shows two int4 keys as classid / objid (-1: 4294967295), objsubid 2;
 * slots are never negative, so the fleet locks never look like bind slots.
 */
export const JOIN_FLEET = `SELECT pg_advisory_lock_shared(hashtext('loa:fleet:' || $1), -1)`;

const IS_FLEET_LOCK = `objsubid = 2 AND objid = 4294967295`;

/**
 * Dispatchers configured for carrier $1 whose lock connection is alive, the caller's included. Advisory locks
 * belong to a database but pg_locks shows the whole server's: another Loa database on the same server (a
 * staging copy, a parallel test file) has fleets of its own and must not shrink this one's share.
 */
export const FLEET_SIZE = `
  SELECT count(*)::int AS dispatchers FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND ${IS_FLEET_LOCK} AND classid = (hashtext('loa:fleet:' || $1)::bigint & 4294967295)::oid
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/** Slots held by this connection, to confirm it still holds them (the connection may have been lost). */
export const HELD_BIND_SLOTS = `
  SELECT count(*)::int AS held FROM pg_locks
  WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted AND NOT (${IS_FLEET_LOCK})`;
