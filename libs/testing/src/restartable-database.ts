import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations, startEmbeddedDatabase } from '@loa/database';
import { type TestDatabase } from './test-database';

export interface RestartableDatabase extends TestDatabase {
  /** A real restart: the server stops (every connection cut, new ones refused) and starts again on the same port. */
  restart(downMs: number): Promise<void>;
}

/**
 * A PostgreSQL server of its own for one test (an embedded one, whatever DATABASE_URL says: a shared server
 * cannot be restarted by a test), migrated; drop() stops it and deletes its files.
 */
export async function createRestartableDatabase(): Promise<RestartableDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loa-restart-'));
  const server = await startEmbeddedDatabase({ dataDir, persistent: true });
  await runMigrations(server.url);
  return {
    url: server.url,
    restart: (downMs) => server.restart(downMs),
    drop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
