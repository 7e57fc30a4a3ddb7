import { DataSource } from 'typeorm';
import { DeliveryRepository } from '@loa/delivery';
import { openRuntime } from '../runtime';

/**
 * `loa stats check`: every campaign counter must equal a recount of the messages it counts; exit 1 listing
 * each counter row that differs, with [counted, recounted] for every counter that does.
 */
export async function runStatsCheck(): Promise<void> {
  const runtime = await openRuntime({ migrate: false });
  const db = new DataSource({ type: 'postgres', url: runtime.databaseUrl });
  await db.initialize();
  try {
    const mismatches = await new DeliveryRepository(db).counterMismatches();
    if (mismatches.length === 0) {
      process.stdout.write('campaign counters agree with the messages\n');
      return;
    }
    process.stdout.write(`${mismatches.length} counter rows disagree with the messages ([counted, recounted]):\n`);
    for (const row of mismatches) process.stdout.write('  ' + JSON.stringify(row) + '\n');
    process.exitCode = 1;
  } finally {
    await db.destroy();
    await runtime.close();
  }
}
