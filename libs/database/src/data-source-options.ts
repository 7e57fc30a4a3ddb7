import { migrations } from '@loa/migrations';
import { DataSource, type DataSourceOptions } from 'typeorm';

/** Connections a process's pool keeps open while idle (openConnections opens them at start). */
export const POOL_MIN_CONNECTIONS = 4;

/** Schema comes only from migrations; entities are registered by each domain module (autoLoadEntities). */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    // 2 cores: a small pool keeps PostgreSQL from thrashing; hot paths batch their statements instead. The
    // pool keeps POOL_MIN_CONNECTIONS open when idle (pg's default closes them after 10 s), with their
    // prepared statements: a campaign starting after a quiet spell does not wait for new connections.
    extra: { max: 10, min: POOL_MIN_CONNECTIONS, application_name: 'loa' },
  };
}

/** Applies pending migrations and returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Opens the pool's idle minimum now, all at once: a dispatcher's first batch otherwise waited about 60 ms on
 * a 2-core machine for a connection opened under load.
 */
export async function openConnections(dataSource: DataSource, count = POOL_MIN_CONNECTIONS): Promise<void> {
  const runners = Array.from({ length: count }, () => dataSource.createQueryRunner());
  try {
    await Promise.all(runners.map((runner) => runner.connect()));
  } finally {
    await Promise.all(runners.map((runner) => runner.release()));
  }
}
