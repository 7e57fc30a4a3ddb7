import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { registerPathAliases } from './register-path-aliases';
import { SEEDED_TEMPLATE_DATABASE, TEMPLATE_DATABASE, withDatabase } from './test-database';

/**
 * Starts one PostgreSQL for the whole run (embedded unless DATABASE_URL is given), migrates a template
 * database once, copies it into a second one with the provinces and demo users, and lets every test file
 * clone either (CREATE DATABASE … TEMPLATE takes ~50 ms; hashing the five demo passwords took 300 ms a file).
 */
export default async function globalSetup(): Promise<void> {
  // The database and browser projects share one setup when jest runs them together.
  if (process.env.LOA_TEST_ADMIN_URL) return;
  registerPathAliases();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after the aliases are registered
  const { runMigrations, startEmbeddedDatabase } = require('@loa/database') as typeof import('@loa/database');
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'loa-test-'));
    const embedded = await startEmbeddedDatabase({ dataDir, persistent: false, database: 'postgres' });
    (globalThis as { loaTestDatabase?: { stop(): Promise<void> } }).loaTestDatabase = embedded;
    adminUrl = embedded.adminUrl;
  }
  process.env.LOA_TEST_ADMIN_URL = adminUrl as string;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const database of [SEEDED_TEMPLATE_DATABASE, TEMPLATE_DATABASE]) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await runMigrations(withDatabase(adminUrl as string, TEMPLATE_DATABASE));
    await admin.query(`CREATE DATABASE ${SEEDED_TEMPLATE_DATABASE} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after the aliases are registered
  const { seedTestTemplate } = require('./seeded-template') as typeof import('./seeded-template');
  await seedTestTemplate(withDatabase(adminUrl as string, SEEDED_TEMPLATE_DATABASE));
}
