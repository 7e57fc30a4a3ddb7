import { type DataSource } from 'typeorm';
import { queryRows } from '@loa/database';

/** What the database holds, cheaply: a checksum per table, and the audit entries written since a given one. */
export interface DatabaseDigest {
  /** The first transaction id not yet handed out when the digest was taken. */
  nextXid: string;
  /** "table count:newest-writer" per table but audit_log: equal digests mean no row was added, changed or removed. */
  tables: string;
  /** The newest audit entry. The log is append-only (a trigger refuses UPDATE and DELETE), so only new rows can differ. */
  lastAuditId: number;
  /** The actions of the audit entries after the `since` id the digest was taken with. */
  newAuditActions: string[];
}

/**
 * Builds the digest for the tables of the database as they are now (the migrations' bookkeeping left out).
 * audit_log is apart from the checksum: a few refusals are audited on purpose (a failed login, a test send past
 * its limit), so a caller checks the new entries' actions instead of the table's sum.
 */
export async function databaseDigester(db: DataSource): Promise<(since?: number) => Promise<DatabaseDigest>> {
  const tables = (
    await queryRows<{ name: string }>(
      db,
      `SELECT quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'audit_log') ORDER BY 1`,
    )
  ).map((row) => row.name);
  // Per table its row count and the newest transaction that wrote a row (xmin): an insert or an update leaves a row
  // version with a newer xmin, a delete lowers the count, so any committed change moves one of the two. Half the
  // time of a sum of row hashes (8 against 17 ms here), and it sees an update that rewrote a row to the same values.
  const sql = `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next_xid,
    concat_ws(',', ${tables.map((name) => `'${name} ' || (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM ${name} t)`).join(', ')}) AS tables,
    (SELECT coalesce(max(id), 0) FROM audit_log) AS last_audit_id,
    (SELECT coalesce(array_agg(action ORDER BY id), '{}') FROM audit_log WHERE id > $1) AS new_audit_actions`;
  let last: DatabaseDigest | undefined;
  return async (since = Number.MAX_SAFE_INTEGER) => {
    // A transaction that writes (or locks a row, or takes a sequence value) is given an id; reads are not. While no
    // id was handed out since the last digest, nothing can have changed: most refusals cost one tiny query.
    const [now] = await queryRows<{ next_xid: string }>(db, `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next_xid`);
    if (last && now.next_xid === last.nextXid && since >= last.lastAuditId) return { ...last, newAuditActions: [] };
    const [row] = await queryRows<{ next_xid: string; tables: string; last_audit_id: string; new_audit_actions: string[] }>(db, sql, [since]);
    last = { nextXid: row.next_xid, tables: row.tables, lastAuditId: Number(row.last_audit_id), newAuditActions: row.new_audit_actions };
    return last;
  };
}

/** The tables whose checksum differs between two digests. */
export function changedTables(before: DatabaseDigest, after: DatabaseDigest): string[] {
  const old = new Set(before.tables.split(','));
  return after.tables
    .split(',')
    .filter((entry) => !old.has(entry))
    .map((entry) => entry.split(' ')[0]);
}
