import { checkCsvFile } from './csv-file';

/** `loa import <csv>`: streams a subscriber list into the database (see import-subscribers.ts). */
export async function runImport(file: string, options: { progress: boolean }): Promise<void> {
  // Before the database, and before the modules that talk to it are even loaded: a mistyped name is said at once.
  checkCsvFile(file);
  const { openRuntime } = await import('../runtime.js');
  const { importSubscribersFile } = await import('./import-subscribers.js');
  const runtime = await openRuntime({ migrate: true });
  process.stdout.write(`database: ${runtime.database}\n`);
  try {
    await importSubscribersFile({ databaseUrl: runtime.databaseUrl, file, progress: options.progress && process.stdout.isTTY === true });
  } finally {
    await runtime.close();
  }
}
