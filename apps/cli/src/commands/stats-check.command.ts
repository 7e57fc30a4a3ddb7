import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { openRuntime } from '../runtime';

/** Counters that disagree with a recount of the messages they count (should be none). */
const STATS_MISMATCHES = `
  WITH recount AS (
    SELECT campaign_id, province_code, carrier, count(*) AS targeted,
      count(*) FILTER (WHERE submitted_at IS NOT NULL) AS submitted,
      count(*) FILTER (WHERE state = 'delivered') AS delivered,
      count(*) FILTER (WHERE state IN ('undeliverable', 'expired', 'rejected', 'failed', 'unknown')) AS failed,
      count(*) FILTER (WHERE duplicated) AS duplicated
    FROM messages GROUP BY 1, 2, 3
  )
  SELECT s.campaign_id, s.province_code, s.carrier,
    s.targeted AS counted_targeted, COALESCE(r.targeted, 0) AS recounted_targeted,
    s.delivered AS counted_delivered, COALESCE(r.delivered, 0) AS recounted_delivered,
    s.undeliverable + s.expired + s.rejected + s.failed + s.unknown AS counted_failed, COALESCE(r.failed, 0) AS recounted_failed,
    s.duplicated AS counted_duplicated, COALESCE(r.duplicated, 0) AS recounted_duplicated
  FROM campaign_stats s
  LEFT JOIN recount r USING (campaign_id, province_code, carrier)
  WHERE s.targeted <> COALESCE(r.targeted, 0) OR s.delivered <> COALESCE(r.delivered, 0)
     OR s.undeliverable + s.expired + s.rejected + s.failed + s.unknown <> COALESCE(r.failed, 0)
     OR s.duplicated <> COALESCE(r.duplicated, 0)`;

/** `loa stats check`: the report counters must equal what the messages say; exit 1 listing any difference. */
export async function runStatsCheck(): Promise<void> {
  const runtime = await openRuntime({ migrate: false });
  const db = new DataSource({ type: 'postgres', url: runtime.databaseUrl });
  await db.initialize();
  try {
    const mismatches = await queryRows<Record<string, unknown>>(db, STATS_MISMATCHES);
    if (mismatches.length === 0) {
      process.stdout.write('campaign counters agree with the messages\n');
      return;
    }
    process.stdout.write(`${mismatches.length} counter rows disagree with the messages:\n`);
    for (const row of mismatches) process.stdout.write('  ' + JSON.stringify(row) + '\n');
    process.exitCode = 1;
  } finally {
    await db.destroy();
    await runtime.close();
  }
}
