import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@loa/testing';

describe('database schema', () => {
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('is created by migrations', async () => {
    const { rows } = await client.query(`SELECT name FROM schema_migrations ORDER BY id`);
    expect(rows.map((row) => row.name)).toContain('InitialSchema1764000000000');
  });

  it('keeps the audit log append-only', async () => {
    await client.query(`INSERT INTO audit_log (action, object_type, object_id) VALUES ('test', 'thing', '1')`);
    await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
