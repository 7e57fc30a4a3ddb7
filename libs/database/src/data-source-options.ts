import { migrations } from '@loa/migrations';
import { DataSource, type DataSourceOptions } from 'typeorm';

/** Schema comes only from migrations; entities are registered by each domain module (autoLoadEntities). */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    // 2 cores: a small pool keeps PostgreSQL from thrashing; hot paths batch their statements instead.
    extra: { max: 10, application_name: 'loa' },
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
