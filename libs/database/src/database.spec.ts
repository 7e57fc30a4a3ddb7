import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { pgArray } from './pg-array';

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

  it('reads back array literals built by pgArray exactly, quotes, backslashes, braces, NULL and Vietnamese text included', async () => {
    const texts = ['a"b', 'c\\d', '{e,f}', 'NULL', '', ' g ', 'Cảnh báo lừa đảo', null];
    const { rows } = await client.query('SELECT $1::text[] AS texts, $2::bigint[] AS ids, $3::boolean[] AS flags', [
      pgArray(texts),
      pgArray([84912345678, null, 0]),
      pgArray([true, false, null]),
    ]);
    expect(rows[0]).toEqual({ texts, ids: ['84912345678', null, '0'], flags: [true, false, null] });
    expect((await client.query('SELECT cardinality($1::int[]) AS n', [pgArray([])])).rows[0].n).toBe(0);
  });

  it('keeps the audit log append-only', async () => {
    await client.query(`INSERT INTO audit_log (action, object_type, object_id) VALUES ('test', 'thing', '1')`);
    await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  // subscribers.province_code is guarded by statement-level triggers instead of a foreign key (migration
  // 1764000004000, for import speed); these are the foreign key's guarantees.
  describe('a subscriber always names a province that exists', () => {
    beforeAll(async () => {
      await client.query(
        `INSERT INTO provinces (code, name, slug, kind) VALUES ('92', 'Thành phố Cần Thơ', 'can-tho', 'city'), ('01', 'Thành phố Hà Nội', 'ha-noi', 'city')`,
      );
      await client.query(`INSERT INTO subscribers (msisdn, carrier, province_code) VALUES (84912345678, 'vnpt', '92')`);
    });

    const count = async (sql: string) => (await client.query(sql)).rows[0].count as string;

    it('refuses a whole insert when one row names an unknown province, as a foreign key would (23503)', async () => {
      const insert = client.query(`
        INSERT INTO subscribers (msisdn, carrier, province_code)
        VALUES (84912000001, 'vnpt', '01'), (84912000002, 'vnpt', '99')`);
      await expect(insert).rejects.toMatchObject({ code: '23503', message: expect.stringContaining('province 99 does not exist') });
      expect(await count(`SELECT count(*) FROM subscribers`)).toBe('1');
    });

    it('refuses moving a subscriber to an unknown province, and allows a known one', async () => {
      await expect(client.query(`UPDATE subscribers SET province_code = '98' WHERE msisdn = 84912345678`)).rejects.toMatchObject({ code: '23503' });
      await client.query(`UPDATE subscribers SET province_code = '01' WHERE msisdn = 84912345678`);
      await client.query(`UPDATE subscribers SET province_code = '92' WHERE msisdn = 84912345678`);
      expect(await count(`SELECT count(*) FROM subscribers WHERE province_code = '92'`)).toBe('1');
    });

    it('refuses deleting or renumbering a province that subscribers name; a free one may go', async () => {
      await expect(client.query(`DELETE FROM provinces WHERE code = '92'`)).rejects.toMatchObject({ code: '23503', message: expect.stringContaining('92') });
      await expect(client.query(`UPDATE provinces SET code = '93' WHERE code = '92'`)).rejects.toMatchObject({ code: '23503' });
      await client.query(`UPDATE provinces SET name = 'Cần Thơ' WHERE code = '92'`);
      await client.query(`DELETE FROM provinces WHERE code = '01'`);
      expect(await count(`SELECT count(*) FROM provinces`)).toBe('1');
    });
  });
});
