import { Test } from '@nestjs/testing';
import { Readable, Writable } from 'node:stream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@loa/auth';
import { DomainError } from '@loa/common';
import { DatabaseModule, queryRows } from '@loa/database';
import { syncProvinces } from '@loa/provinces';
import { createTestDatabase, pollUntil, type TestDatabase } from '@loa/testing';
import { NOT_IN_SCOPE_REASON } from './subscriber-import.sql';
import { SubscriberImportService } from './subscriber-import.service';
import { SubscriberImportsRepository } from './subscriber-imports.repository';
import { SubscribersModule } from './subscribers.module';

const csv = (text: string | Buffer) => Readable.from([typeof text === 'string' ? Buffer.from(text) : text]);

const MIXED = [
  '\ufeffmsisdn,carrier,province,status', //                         1 header, with BOM
  '0912345678,vinaphone,Cần Thơ,', //                                  2 ok
  '0987654321,,92,', //                                                3 ok, carrier from prefix
  '0961234567,Viettel,Hậu Giang,', //                                  4 ok, legacy name mapped
  '0123,viettel,92,', //                                               5 bad number
  '0901234567,mobifone,Atlantis,', //                                  6 unknown province
  '0902234567,Vietnamobile,92,', //                                    7 unknown carrier
  '+84 912 345 678,vnpt,92,', //                                       8 duplicate of 2
  '0903234567,mobifone,"Cần Thơ,', //                                 9 broken quoting
  '0904234567,mobifone', //                                          10 wrong column count
  '"0905 234 567",MobiFone,"Thành phố Cần Thơ",opted_out', //        11 ok, quoted
  '', //                                                             12 blank line: ignored
  '0916234567,vnpt,Sóc Trăng,'.normalize('NFD'), //                   13 ok, NFD legacy name
].join('\r\n');

describe(SubscriberImportService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let sut: SubscriberImportService;
  let imports: SubscriberImportsRepository;
  let close: () => Promise<void>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({ imports: [DatabaseModule.forRoot({ url: db.url, poolSize: 3 }), SubscribersModule] }).compile();
    const app = await moduleRef.init();
    close = () => app.close();
    dataSource = app.get(DataSource);
    sut = app.get(SubscriberImportService);
    imports = app.get(SubscriberImportsRepository);
    await syncProvinces(dataSource);
  });
  afterAll(async () => {
    await close();
    await db.drop();
  });

  const subscriberCount = async () => (await queryRows<{ n: number }>(dataSource, 'SELECT count(*)::int AS n FROM subscribers'))[0].n;

  it('refuses a binary file and changes nothing', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x61, 0x62]);
    await expect(sut.importCsv(csv(zip), { source: 'x.xlsx', user: null })).rejects.toThrow(/not a CSV file/);
    expect(await subscriberCount()).toBe(0);
    expect(await queryRows(dataSource, 'SELECT 1 FROM subscriber_imports')).toHaveLength(0);
  });

  it.each([
    ['an empty file', '', /the file is empty/],
    ['only a BOM and blank lines', '\ufeff\n\n  \n', /the file is empty/],
    ['no recognisable header', '0912345678,viettel,92\n0987654321,viettel,92\n', /line 1: no recognisable header/],
    ['a header missing the province', 'msisdn,carrier\n0912345678,viettel\n', /line 1: missing column province/],
    ['plain prose', 'Kính gửi Công an tỉnh,\nxin gửi danh sách.\n', /line 1: no recognisable header/],
    ['a header under no separator tried', 'msisdn|carrier|province\n0912345678|viettel|92\n', /separator tried \(comma \(,\), semicolon \(;\), tab\)/],
  ])('refuses %s with a clear error and changes nothing', async (_name, text, message) => {
    const failure = sut.importCsv(csv(text), { source: 'bad.csv', user: null });
    await expect(failure).rejects.toBeInstanceOf(DomainError);
    await expect(sut.importCsv(csv(text), { source: 'bad.csv', user: null })).rejects.toThrow(message);
    expect(await subscriberCount()).toBe(0);
    expect(await queryRows(dataSource, 'SELECT 1 FROM subscriber_imports')).toHaveLength(0);
  });

  it('imports the good rows of a mixed file and reports each bad one by line', async () => {
    const job = await sut.importCsv(csv(MIXED), { source: 'mixed.csv', user: null });
    expect(job).toMatchObject({ state: 'completed', read: 11, inserted: 5, updated: 0, unchanged: 0, rejected: 6, mapped: 2 });
    const rejections = await imports.firstRejections(job.id, 100);
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([
      [5, expect.stringMatching(/^bad number: wrong length/)],
      [6, 'unknown province "Atlantis"'],
      [7, expect.stringMatching(/^unknown carrier "Vietnamobile"/)],
      [8, 'duplicate in file: same number as line 2'],
      [9, expect.stringMatching(/^broken quoting/)],
      [10, 'wrong column count: 2 instead of 4'],
    ]);
    expect(rejections[0].raw).toBe('0123,viettel,92,');
    const rows = await queryRows(dataSource, 'SELECT msisdn::text, carrier, province_code, status FROM subscribers ORDER BY msisdn');
    expect(rows).toEqual([
      { msisdn: '84905234567', carrier: 'mobifone', province_code: '92', status: 'opted_out' },
      { msisdn: '84912345678', carrier: 'vnpt', province_code: '92', status: 'active' },
      { msisdn: '84916234567', carrier: 'vnpt', province_code: '92', status: 'active' },
      { msisdn: '84961234567', carrier: 'viettel', province_code: '92', status: 'active' },
      { msisdn: '84987654321', carrier: 'viettel', province_code: '92', status: 'active' },
    ]);
  });

  it('is idempotent: the same file again changes nothing and reports every row unchanged', async () => {
    const before = await queryRows(dataSource, 'SELECT msisdn, import_id, updated_at FROM subscribers ORDER BY msisdn');
    const job = await sut.importCsv(csv(MIXED), { source: 'mixed.csv', user: null });
    expect(job).toMatchObject({ read: 11, inserted: 0, updated: 0, unchanged: 5, rejected: 6 });
    expect(await queryRows(dataSource, 'SELECT msisdn, import_id, updated_at FROM subscribers ORDER BY msisdn')).toEqual(before);
  });

  it('updates what changed (carrier ported, province moved) and keeps an opt-out a file does not mention', async () => {
    const text = 'so_dien_thoai,nha_mang,tinh\n0912345678,viettel,cũ:93\n0905234567,mobifone,92\n0987654321,viettel,92\n';
    const job = await sut.importCsv(csv(text), { source: 'vi.csv', user: null });
    expect(job).toMatchObject({ read: 3, inserted: 0, updated: 1, unchanged: 2, rejected: 0, mapped: 1 });
    const rows = await queryRows(
      dataSource,
      `SELECT msisdn::text, carrier, status FROM subscribers WHERE msisdn IN (84912345678, 84905234567) ORDER BY msisdn`,
    );
    expect(rows).toEqual([
      { msisdn: '84905234567', carrier: 'mobifone', status: 'opted_out' },
      { msisdn: '84912345678', carrier: 'viettel', status: 'active' },
    ]);
  });

  it("refuses, row by row, provinces outside the importing user's scope", async () => {
    const user: AuthUser = { id: 1, username: 'x', role: 'drafter', provinceScope: ['66'] };
    await dataSource.query(`INSERT INTO users (id, username, password_hash, role, province_scope) VALUES (1, 'x', 'x', 'drafter', '{66}')`);
    await sut.importCsv(csv('msisdn,carrier,province\n0911111111,vnpt,66\n0911111112,vnpt,66\n'), { source: 'national.csv', user: null });
    const job = await sut.importCsv(
      csv('msisdn,carrier,province,status\n0911111111,vnpt,Đắk Lắk,opted_out\n0911111112,vnpt,Phú Yên,\n0911111113,vnpt,Cần Thơ,\n'),
      {
        source: 's.csv',
        user,
      },
    );
    expect(job).toMatchObject({ updated: 1, unchanged: 1, rejected: 1, mapped: 1, createdBy: 1 });
    expect((await imports.firstRejections(job.id, 10))[0]).toMatchObject({ line: 4, reason: 'province 92 (Cần Thơ) is outside your scope' });
  });

  describe('a province-scoped import and subscribers outside its scope', () => {
    const scoped: AuthUser = { id: 2, username: 'y', role: 'drafter', provinceScope: ['66'] };
    const OTHERS = ['84912000031', '84912000032', '84912000033']; // province 14's
    const stored = () =>
      queryRows(
        dataSource,
        `SELECT msisdn::text, carrier, province_code, status, import_id FROM subscribers WHERE msisdn = ANY($1::bigint[]) ORDER BY msisdn`,
        [OTHERS],
      );

    beforeAll(async () => {
      await dataSource.query(`INSERT INTO users (id, username, password_hash, role, province_scope) VALUES (2, 'y', 'x', 'drafter', '{66}')`);
      await sut.importCsv(csv('msisdn,carrier,province\n0912000031,vnpt,14\n0912000032,vnpt,14\n0912000033,vnpt,14\n'), { source: 'p14.csv', user: null });
    });

    it('refuses to move, opt out or re-carrier them, changes nothing, and answers as for a number nobody has', async () => {
      const before = await stored();
      const job = await sut.importCsv(
        csv(
          [
            'msisdn,carrier,province,status',
            '0912000031,vnpt,66,', //        line 2: would move it to 66
            '0912000032,vnpt,66,opted_out', // line 3: would move and opt it out
            '0912000033,viettel,66,', //     line 4: would move and re-carrier it
            '0912000099,vnpt,66,', //        line 5: a number Loa does not know
          ].join('\n'),
        ),
        { source: 'probe.csv', user: scoped },
      );
      expect(job).toMatchObject({ read: 4, inserted: 0, updated: 0, unchanged: 0, rejected: 4 });
      expect(await stored()).toEqual(before);
      const rejections = await imports.firstRejections(job.id, 10);
      expect(rejections.map((r) => r.line)).toEqual([2, 3, 4, 5]);
      // One reason for all four: the known numbers of province 14 read exactly like the unknown one.
      expect(new Set(rejections.map((r) => r.reason))).toEqual(new Set([NOT_IN_SCOPE_REASON]));
      expect(NOT_IN_SCOPE_REASON).not.toMatch(/14|exist|Thái Nguyên|Sơn La/);
      expect((await queryRows(dataSource, `SELECT 1 FROM subscribers WHERE msisdn = 84912000099`)).length).toBe(0);
    });

    it('names the first line of a duplicate even when that line was refused by scope', async () => {
      const job = await sut.importCsv(csv('msisdn,carrier,province\n0912000031,vnpt,66\n0912000031,vnpt,66\n'), { source: 'dup.csv', user: scoped });
      expect(job).toMatchObject({ read: 2, rejected: 2 });
      expect((await imports.firstRejections(job.id, 10)).map((r) => [r.line, r.reason])).toEqual([
        [2, NOT_IN_SCOPE_REASON],
        [3, 'duplicate in file: same number as line 2'],
      ]);
    });

    it('lets a national import move them', async () => {
      const job = await sut.importCsv(csv('msisdn,carrier,province,status\n0912000031,vnpt,66,opted_out\n'), { source: 'move.csv', user: null });
      expect(job).toMatchObject({ updated: 1, rejected: 0 });
      expect((await stored())[0]).toMatchObject({ province_code: '66', status: 'opted_out' });
    });
  });

  it('refuses a line holding a NUL past the first 8 kB (where binary files are sniffed) and imports the rest', async () => {
    const lines = ['msisdn,carrier,province'];
    for (let i = 0; i < 600; i++) lines.push(`09150${String(i).padStart(5, '0')},vnpt,92`);
    lines[501] = '0915999999,vn\u0000pt,92'; // line 502, about 10 kB into the file
    const job = await sut.importCsv(csv(lines.join('\n')), { source: 'nul.csv', user: null });
    expect(job).toMatchObject({ read: 600, inserted: 599, rejected: 1 });
    expect(await imports.firstRejections(job.id, 10)).toEqual([
      { line: 502, reason: 'contains a NUL character (binary data, not text)', raw: '0915999999,vn\ufffdpt,92' },
    ]);
  });

  it('says a line is not UTF-8 when its bytes are not (a list saved as plain "CSV" by Excel)', async () => {
    const latin1 = Buffer.concat([Buffer.from('msisdn,carrier,province\n0915888888,vnpt,92\n'), Buffer.from('0915888889,vnpt,C\xe1n Th\xf4\n', 'latin1')]);
    const job = await sut.importCsv(csv(latin1), { source: 'latin1.csv', user: null });
    expect(job).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
    expect((await imports.firstRejections(job.id, 10))[0]).toMatchObject({ line: 3, reason: 'not UTF-8 text (save the list as "CSV UTF-8")' });
  });

  it('streams a few thousand rows, reporting progress', async () => {
    const lines = ['msisdn,carrier,province'];
    for (let i = 0; i < 25_000; i++) lines.push(`09${String(10_000_000 + i).padStart(8, '0')},,${['01', '79', '92'][i % 3]}`);
    const seen: number[] = [];
    const job = await sut.importCsv(csv(lines.join('\n')), { source: 'big.csv', user: null, onProgress: (p) => seen.push(p.rowsRead) });
    expect(job).toMatchObject({ read: 25_000, inserted: 25_000, rejected: 0 });
    expect(seen).toEqual([10_000, 20_000, 25_000]);
  });

  it('applies two overlapping imports one after the other: each number inserted once, counted once', async () => {
    const list = (from: number, to: number) =>
      ['msisdn,carrier,province', ...Array.from({ length: to - from }, (_, i) => `0933${String(from + i).padStart(6, '0')},,79`)].join('\n');
    const [first, second] = await Promise.all([
      sut.importCsv(csv(list(0, 3000)), { source: 'a.csv', user: null }),
      sut.importCsv(csv(list(2000, 5000)), { source: 'b.csv', user: null }),
    ]);
    expect(first.inserted + second.inserted).toBe(5000);
    expect(first.unchanged + second.unchanged).toBe(1000);
    const [{ n }] = await queryRows<{ n: number }>(dataSource, `SELECT count(*)::int AS n FROM subscribers WHERE msisdn BETWEEN 84933000000 AND 84933999999`);
    expect(n).toBe(5000);
  });

  it('waits for another writer of the same number instead of failing on it', async () => {
    const writer = new Client({ connectionString: db.url });
    await writer.connect();
    try {
      await writer.query(`BEGIN; INSERT INTO subscribers (msisdn, carrier, province_code) VALUES (84944000001, 'mobifone', '79')`);
      const importing = sut.importCsv(csv('msisdn,carrier,province\n0944000001,mobifone,79\n0944000002,mobifone,79\n'), { source: 'w.csv', user: null });
      await pollUntil(
        async () =>
          (
            await queryRows<{ n: number }>(
              dataSource,
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
            )
          )[0].n,
        (waiting) => waiting >= 1,
        { what: 'the import waiting for the other writer' },
      );
      await writer.query('COMMIT');
      expect(await importing).toMatchObject({ inserted: 1, unchanged: 1, rejected: 0 });
    } finally {
      await writer.end();
    }
  });

  it('writes the rejections as CSV with a BOM', async () => {
    const [{ id }] = await queryRows<{ id: number }>(dataSource, `SELECT min(id)::int AS id FROM subscriber_imports`);
    const chunks: Buffer[] = [];
    const out = new Writable({ write: (c: Buffer, _e: string, done: () => void) => (chunks.push(Buffer.from(c)), done()) });
    await imports.writeRejectionsCsv(id, out);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('\ufeffline,reason,raw\n5,')).toBe(true);
    expect(text).toContain('6,"unknown province ""Atlantis""","0901234567,mobifone,Atlantis,"\n');
  });

  it('reads a semicolon list as Vietnamese Excel saves it, and a tab-separated one, and names the separator found', async () => {
    const excel = '\ufeffSố điện thoại;Nhà mạng;Tỉnh\r\n0931000001;Viettel;Cần Thơ\r\n0931000002;MobiFone;"Thành phố Cần Thơ"\r\n0931000003;vnpt;Atlantis\r\n';
    const semicolon = await sut.importCsv(csv(excel), { source: 'excel.csv', user: null });
    expect(semicolon).toMatchObject({ separator: ';', read: 3, inserted: 2, rejected: 1 });
    expect((await imports.firstRejections(semicolon.id, 10)).map((r) => [r.line, r.reason, r.raw])).toEqual([
      [4, 'unknown province "Atlantis"', '0931000003;vnpt;Atlantis'],
    ]);
    const tabbed = await sut.importCsv(csv('msisdn\tcarrier\tprovince\n0931000004\tvnpt\t92\n'), { source: 'tab.tsv', user: null });
    expect(tabbed).toMatchObject({ separator: '\t', read: 1, inserted: 1, rejected: 0 });
    expect(await imports.get(tabbed.id)).toMatchObject({ separator: '\t' });
    const rows = await queryRows(
      dataSource,
      `SELECT msisdn::text, carrier, province_code FROM subscribers WHERE msisdn BETWEEN 84931000001 AND 84931000004 ORDER BY msisdn`,
    );
    expect(rows).toEqual([
      { msisdn: '84931000001', carrier: 'viettel', province_code: '92' },
      { msisdn: '84931000002', carrier: 'mobifone', province_code: '92' },
      { msisdn: '84931000004', carrier: 'vnpt', province_code: '92' },
    ]);
  });
});
