import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { dataSourceOptions, runMigrations } from './data-source-options';

// The schema the migrations build, committed so that a review sees it change (as graphile-worker does).
// After a new migration: LOA_UPDATE_SCHEMA_SNAPSHOT=1 npm test, then read the diff of this file.
const SNAPSHOT = join(process.cwd(), 'migrations', 'schema.snapshot.sql');

const DESCRIBE_SCHEMA = `
  SELECT 'table ' || c.relname || ' (' || string_agg(
           a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
             || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), ''), ', ' ORDER BY a.attnum) || ')'
           || CASE WHEN c.relkind = 'p' THEN ' ' || pg_get_partkeydef(c.oid) ELSE '' END AS line
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
  GROUP BY c.relname, c.relkind, c.oid
  UNION ALL
  SELECT 'constraint ' || cl.relname || '.' || co.conname || ' ' || pg_get_constraintdef(co.oid)
  FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
  -- PostgreSQL 18 lists NOT NULL as constraints too; the columns already say it.
  WHERE NOT cl.relispartition AND co.contype <> 'n'
  UNION ALL
  SELECT regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX (\\S+) ON (ONLY )?public\\.(\\S+) USING ', 'index \\2 on \\4 \\1')
  FROM pg_indexes i JOIN pg_class cl ON cl.relname = i.tablename AND NOT cl.relispartition
  WHERE i.schemaname = 'public'
  UNION ALL
  SELECT 'trigger ' || tgname || ' on ' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL
  SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
  UNION ALL
  SELECT 'sequence ' || sequencename FROM pg_sequences WHERE schemaname = 'public'
  ORDER BY 1`;

/** The schema as sorted lines, after a first line naming the PostgreSQL major version that printed it. */
async function describeSchema(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ major }] = (await client.query<{ major: string }>(`SELECT current_setting('server_version_num')::int / 10000 AS major`)).rows;
    const { rows } = await client.query<{ line: string }>(DESCRIBE_SCHEMA);
    const lines = rows.map((row) => row.line).filter((line) => !line.includes('schema_migrations'));
    return [`-- PostgreSQL ${major}`, ...lines].join('\n') + '\n';
  } finally {
    await client.end();
  }
}

/** Another major version prints definitions its own way: then only what exists is compared, by kind and name. */
function comparable(schema: string, otherVersion: boolean): string {
  if (!otherVersion) return schema;
  return schema
    .split('\n')
    .slice(1)
    .map((line) => line.split(/[ (]/, 2).join(' '))
    .join('\n');
}

describe('the schema the migrations build', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('matches the committed snapshot', async () => {
    const schema = await describeSchema(db.url);
    if (process.env.LOA_UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, schema);
    // A missing snapshot is a failure, never a pass: writing one here would compare the schema with itself.
    if (!existsSync(SNAPSHOT)) throw new Error(`${SNAPSHOT} is missing: run this test with LOA_UPDATE_SCHEMA_SNAPSHOT=1 and commit it`);
    const committed = readFileSync(SNAPSHOT, 'utf8');
    const otherVersion = committed.split('\n', 1)[0] !== schema.split('\n', 1)[0];
    expect(comparable(schema, otherVersion)).toBe(comparable(committed, otherVersion));
  });

  it("is undone by the migrations' down() and rebuilt the same", async () => {
    const before = await describeSchema(db.url);
    const dataSource = new DataSource(dataSourceOptions(db.url));
    await dataSource.initialize();
    try {
      while ((await dataSource.query('SELECT count(*)::int AS n FROM schema_migrations'))[0].n > 0) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
    } finally {
      await dataSource.destroy();
    }
    expect((await describeSchema(db.url)).split('\n').slice(1).join('')).toBe('');
    await runMigrations(db.url);
    expect(await describeSchema(db.url)).toBe(before);
  });
});
