import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { DomainError } from '@loa/common';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { importSubscribersFile } from './import-subscribers';

describe('loa import <file>', () => {
  let db: TestDatabase;
  let dir: string;
  const written: string[] = [];
  const out = new Writable({ write: (chunk: Buffer, _encoding, done) => (written.push(chunk.toString()), done()) });
  const run = (file: string) => importSubscribersFile({ databaseUrl: db.url, file, progress: false, out });

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'loa-import-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  const subscribers = async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query('SELECT msisdn::text FROM subscribers ORDER BY msisdn')).rows.map((row) => row.msisdn);
    } finally {
      await client.end();
    }
  };

  it.each([
    ['a file that does not exist', () => join(dir, 'missing.csv'), /missing\.csv: no such file$/],
    ['a folder', () => dir, /: not a file \(a CSV file is expected\)$/],
  ])('refuses %s with a plain message (a user error, no stack)', async (_name, file, message) => {
    const failure = run(file());
    await expect(failure).rejects.toBeInstanceOf(DomainError);
    await expect(run(file())).rejects.toThrow(message);
  });

  it('names the file and the line of a list that is not a subscriber CSV, and imports nothing', async () => {
    const file = join(dir, 'letter.csv');
    writeFileSync(file, 'Kính gửi Công an tỉnh,\nxin gửi danh sách.\n');
    await expect(run(file)).rejects.toThrow(`${file}: line 1: no recognisable header`);
    expect(await subscribers()).toEqual([]);
  });

  it('imports a good list and prints the summary with the first rejected lines', async () => {
    const file = join(dir, 'list.csv');
    writeFileSync(file, '\ufeffmsisdn,carrier,province\n0912345678,vinaphone,Cần Thơ\n0123,viettel,92\n');
    const summary = await run(file);
    expect(summary).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
    expect(await subscribers()).toEqual(['84912345678']);
    const text = written.join('');
    expect(text).toMatch(/separator ",", read 2, inserted 1, updated 0, unchanged 0, rejected 1/);
    expect(text).toMatch(/line 3: bad number/);
  });
});
