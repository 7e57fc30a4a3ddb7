/**
 * A carrier account's bind slots are PostgreSQL advisory locks (hashtext('loa:bind:' || carrier), slot),
 * held by one dedicated connection per dispatcher: the contract's bind count holds across the fleet, and a
 * dispatcher that dies loses its slots with its connection, for another to take. $1 carrier, $2 slot.
 */
export const TRY_LOCK_BIND_SLOT = `SELECT pg_try_advisory_lock(hashtext('loa:bind:' || $1), $2) AS locked`;

export const UNLOCK_BIND_SLOT = `SELECT pg_advisory_unlock(hashtext('loa:bind:' || $1), $2)`;

/** Frees every slot this connection holds, before the connection goes back to the pool. */
export const UNLOCK_ALL_BIND_SLOTS = `SELECT pg_advisory_unlock_all()`;

/** Slots held by this connection, to confirm it still holds them (the connection may have been lost). */
export const HELD_BIND_SLOTS = `SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted`;
