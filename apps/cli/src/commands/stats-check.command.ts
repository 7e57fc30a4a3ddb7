import { DataSource } from 'typeorm';
import { type CounterMismatch, deliveryRepositories } from '@loa/delivery';
import { openRuntime } from '../runtime';

/**
 * `loa stats check`: every campaign counter must equal a recount of the messages it counts, and the sum of its
 * time buckets (what a report "as of" a moment reads); exit 1 listing each counter row that differs, with
 * [counted, recounted] or [counted, summed over the buckets] for every counter that does.
 */
export async function runStatsCheck(): Promise<void> {
  const runtime = await openRuntime({ migrate: false });
  const db = new DataSource({ type: 'postgres', url: runtime.databaseUrl });
  await db.initialize();
  try {
    const delivery = deliveryRepositories(db);
    const messages = await delivery.counters.counterMismatches();
    const buckets = await delivery.counters.bucketMismatches();
    if (messages.length === 0 && buckets.length === 0) {
      process.stdout.write('campaign counters agree with the messages and with their time buckets\n');
      return;
    }
    report(messages, 'disagree with the messages ([counted, recounted])');
    report(buckets, 'disagree with their time buckets ([counted, summed over the buckets])');
    process.exitCode = 1;
  } finally {
    await db.destroy();
    await runtime.close();
  }
}

function report(mismatches: CounterMismatch[], what: string): void {
  if (mismatches.length === 0) return;
  process.stdout.write(`${mismatches.length} counter rows ${what}:\n`);
  for (const row of mismatches) process.stdout.write('  ' + JSON.stringify(row) + '\n');
}
