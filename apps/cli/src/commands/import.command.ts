import { checkCsvFile, importSubscribersFile } from './import-subscribers';
import { openRuntime } from '../runtime';

/** `loa import <csv>`: streams a subscriber list into the database (see import-subscribers.ts). */
export async function runImport(file: string, options: { progress: boolean }): Promise<void> {
  checkCsvFile(file); // before the database starts: a mistyped name is said at once
  const runtime = await openRuntime({ migrate: true });
  process.stdout.write(`database: ${runtime.database}\n`);
  try {
    await importSubscribersFile({ databaseUrl: runtime.databaseUrl, file, progress: options.progress && process.stdout.isTTY === true });
  } finally {
    await runtime.close();
  }
}
