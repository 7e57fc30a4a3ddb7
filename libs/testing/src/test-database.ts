import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'loa_test_template';
/** The template migrated, with the provinces and the demo users (TEST_PASSWORD): what every test API starts from. */
export const SEEDED_TEMPLATE_DATABASE = 'loa_test_seeded';

/** The demo users' password in tests; strong enough for the password policy (users created through the API in tests get it too). */
export const TEST_PASSWORD = 'Hoa-sen-ven-song-2026';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/' + database;
  return parsed.toString();
}

/**
 * A fresh, migrated database of its own for one test file, cloned from the template: empty, or `seeded` with the
 * provinces and the demo users (their passwords hashed once per run, not once per file).
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.LOA_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('LOA_TEST_ADMIN_URL is not set: run tests through jest (global setup)');
  const name = 'loa_test_' + randomBytes(6).toString('hex');
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${options.seeded ? SEEDED_TEMPLATE_DATABASE : TEMPLATE_DATABASE}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
