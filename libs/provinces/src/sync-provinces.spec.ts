import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { syncProvinces } from './sync-provinces';

describe(syncProvinces.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('inserts the 34 + 63 units and is idempotent', async () => {
    await syncProvinces(dataSource);
    await syncProvinces(dataSource);
    const [counts] = await queryRows<{ current: number; legacy: number }>(
      dataSource,
      `SELECT (SELECT count(*) FROM provinces)::int AS current, (SELECT count(*) FROM legacy_provinces)::int AS legacy`,
    );
    expect(counts).toEqual({ current: 34, legacy: 63 });
    const [hau] = await queryRows<{ merged_into: string }>(dataSource, `SELECT merged_into FROM legacy_provinces WHERE code = '93'`);
    expect(hau.merged_into).toBe('92');
  });

  it('never overwrites hotlines or websites edited in the database, and fills empty ones', async () => {
    await dataSource.query(`UPDATE provinces SET police_hotlines = '{0262.1111.111}', website = 'https://example.gov.vn' WHERE code = '66'`);
    await dataSource.query(`UPDATE provinces SET police_hotlines = '{}', name = 'old name' WHERE code = '92'`);
    await syncProvinces(dataSource);
    const rows = await queryRows<{ code: string; name: string; police_hotlines: string[]; website: string | null }>(
      dataSource,
      `SELECT code, name, police_hotlines, website FROM provinces WHERE code IN ('66', '92') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: '66', name: 'Tỉnh Đắk Lắk', police_hotlines: ['0262.1111.111'], website: 'https://example.gov.vn' },
      { code: '92', name: 'Thành phố Cần Thơ', police_hotlines: ['069.367.2888'], website: null },
    ]);
  });

  it('keeps a Zalo OA, fanpage and VNeID pointer an admin set, and leaves them empty where none is on record', async () => {
    await dataSource.query(`UPDATE provinces SET zalo = 'zalo.me/0000000066', vneid = 'VNeID' WHERE code = '66'`);
    await syncProvinces(dataSource);
    const rows = await queryRows<{ code: string; zalo: string | null; fanpage: string | null; vneid: string | null }>(
      dataSource,
      `SELECT code, zalo, fanpage, vneid FROM provinces WHERE code IN ('14', '66') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: '14', zalo: null, fanpage: null, vneid: null },
      { code: '66', zalo: 'zalo.me/0000000066', fanpage: null, vneid: 'VNeID' },
    ]);
  });
});
