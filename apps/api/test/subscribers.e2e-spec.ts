import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiModule, configureApi } from '@loa/api';
import { AuthService } from '@loa/auth';
import { seedDemo } from '@loa/demo';
import { syncProvinces } from '@loa/provinces';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { ProvincesHttpModule } from '../src/provinces/provinces-http.module';
import { SubscribersHttpModule } from '../src/subscribers/subscribers-http.module';

const PASSWORD = 'test-password';

/** Like createTestApi, with this HTTP modules imported explicitly (harmless once ApiModule has them). */
describe('subscribers and provinces over HTTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: () => ReturnType<typeof request>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({
      imports: [ApiModule.forRoot({ databaseUrl: db.url, jwtSecret: 'test-secret-test-secret-test-secret-0123' }), SubscribersHttpModule, ProvincesHttpModule],
    }).compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    configureApi(app);
    await app.init();
    const dataSource = app.get(DataSource);
    await syncProvinces(dataSource);
    await seedDemo(dataSource, app.get(AuthService), { password: PASSWORD, subscribers: 0 });
    await app.get(AuthService).addUser('can-tho-drafter', PASSWORD, 'drafter', ['92']);
    http = () => request(app.getHttpServer());
    for (const username of ['demo-admin', 'demo-drafter', 'demo-viewer', 'can-tho-drafter']) {
      tokens[username] = (await http().post('/auth/login').send({ username, password: PASSWORD }).expect(200)).body.accessToken;
    }
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const upload = (username: string, body: string) => http().post('/subscribers/imports').set(as(username)).set('Content-Type', 'text/csv').send(body);

  const LIST =
    'msisdn,carrier,province,status\n0912345678,vnpt,Cần Thơ,\n0961234567,viettel,Hậu Giang,\n0987654321,viettel,01,\n0901234567,mobifone,79,opted_out\n0123,viettel,92,\n';

  it('imports a CSV body, reports the job and serves its rejections as CSV', async () => {
    const created = await upload('demo-drafter', LIST).expect(201);
    expect(created.body).toMatchObject({ state: 'completed', read: 5, inserted: 4, rejected: 1, mapped: 1 });
    const job = await http().get(`/subscribers/imports/${created.body.id}`).set(as('demo-drafter')).expect(200);
    expect(job.body.inserted).toBe(4);
    // An export of numbers: admins only, and audited.
    await http().get(`/subscribers/imports/${created.body.id}/rejections.csv`).set(as('demo-drafter')).expect(403);
    const csv = await http().get(`/subscribers/imports/${created.body.id}/rejections.csv`).set(as('demo-admin')).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toMatch(/^\ufeffline,reason,raw\n6,bad number: wrong length.*,"0123,viettel,92,"\n$/);
  });

  it('answers 400 for a non-CSV body and an empty one, and 403 for a viewer', async () => {
    const binary = await upload('demo-drafter', '\u0000\u0001PK\u0003\u0004').expect(400);
    expect(binary.body.message).toMatch(/not a CSV file/);
    expect((await upload('demo-drafter', '').expect(400)).body.message).toMatch(/empty/);
    await upload('demo-viewer', LIST).expect(403);
    await http().post('/subscribers/imports').set(as('demo-drafter')).send({ msisdn: 1 }).expect(400);
  });

  it("refuses rows outside a scoped drafter's provinces, row by row", async () => {
    await upload('demo-drafter', 'msisdn,carrier,province\n0912000001,vnpt,92\n').expect(201);
    const res = await upload('can-tho-drafter', 'msisdn,carrier,province\n0912000001,vnpt,Sóc Trăng\n0912000002,vnpt,01\n').expect(201);
    expect(res.body).toMatchObject({ inserted: 0, unchanged: 1, rejected: 1 });
  });

  it('counts audiences by code or name, minus opt-outs and exclusions, within scope', async () => {
    const all = await http().get('/audiences/count?provinces=92,Hà Nội,79').set(as('demo-viewer')).expect(200);
    expect(all.body.total).toBe(4); // 3 in Cần Thơ (one via Hậu Giang, one via Sóc Trăng), 1 in Hà Nội; 79's one opted out
    await http()
      .post('/subscribers/exclusions')
      .set(as('demo-drafter'))
      .send({ msisdns: ['+84 912 345 678'], reason: 'asked' })
      .expect(201);
    const after = await http().get('/audiences/count?provinces=Cần Thơ&carriers=vnpt,viettel').set(as('demo-viewer')).expect(200);
    expect(after.body.provinces).toEqual([{ code: '92', name: 'Cần Thơ', total: 2, carriers: { viettel: 1, vnpt: 1, mobifone: 0, others: 0 } }]);
    const legacy = await http().get('/audiences/count?provinces=Hậu Giang').set(as('demo-viewer')).expect(200);
    expect(legacy.body.mapped).toEqual([{ input: 'Hậu Giang', code: '92', mappedFrom: { code: '93', name: 'Hậu Giang' } }]);
    const scoped = await http().get('/audiences/count').set(as('can-tho-drafter')).expect(200);
    expect(scoped.body.provinces.map((p: { code: string }) => p.code)).toEqual(['92']);
    await http().get('/audiences/count?provinces=01').set(as('can-tho-drafter')).expect(403);
    await http().get('/audiences/count?provinces=Atlantis').set(as('demo-viewer')).expect(400);
    await http().get('/audiences/count?carriers=vietnamobile').set(as('demo-viewer')).expect(400);
  });

  it('lists, adds and removes exclusions', async () => {
    const list = await http().get('/subscribers/exclusions').set(as('demo-drafter')).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ msisdn: '84912345678', reason: 'asked' }] });
    await http()
      .post('/subscribers/exclusions')
      .set(as('demo-drafter'))
      .send({ msisdns: ['0241234567'] })
      .expect(400);
    await http().delete('/subscribers/exclusions/0912345678').set(as('demo-drafter')).expect(204);
    await http().delete('/subscribers/exclusions/0912345678').set(as('demo-drafter')).expect(404);
  });

  it('lists provinces with hotlines, resolves ?q=, and lets only admins edit contacts', async () => {
    const list = await http().get('/provinces').set(as('demo-viewer')).expect(200);
    expect(list.body).toHaveLength(34);
    const q = await http().get('/provinces?q=Phú Yên').set(as('demo-viewer')).expect(200);
    expect(q.body).toEqual([
      { province: expect.objectContaining({ code: '66', policeHotlines: ['069.4389.211', '0262.3818.568'] }), mappedFrom: { code: '54', name: 'Phú Yên' } },
    ]);
    await http().patch('/provinces/92').set(as('demo-drafter')).send({ website: 'https://congan.cantho.gov.vn' }).expect(403);
    await http()
      .patch('/provinces/92')
      .set(as('demo-admin'))
      .send({ policeHotlines: ['not a phone'] })
      .expect(400);
    const patched = await http()
      .patch('/provinces/92')
      .set(as('demo-admin'))
      .send({ policeHotlines: ['069.367.2888', '113'], website: 'https://congan.cantho.gov.vn' })
      .expect(200);
    expect(patched.body).toMatchObject({ code: '92', policeHotlines: ['069.367.2888', '113'], website: 'https://congan.cantho.gov.vn' });
    await http().patch('/provinces/99').set(as('demo-admin')).send({ website: null }).expect(404);
  });

  it("never changes another province's subscriber from a scoped upload, and answers as for an unknown number", async () => {
    await upload('demo-drafter', 'msisdn,carrier,province\n0912000032,vnpt,01\n0912000033,vnpt,01\n').expect(201);
    const stored = () =>
      app.get(DataSource).query(`SELECT msisdn::text, province_code, carrier, status, import_id FROM subscribers WHERE msisdn IN (84912000032, 84912000033)`);
    const before = await stored();
    // Hà Nội's subscribers: move + opt out one, move + re-carrier the other; then the same rows for numbers Loa does not know.
    const probe = await upload('can-tho-drafter', 'msisdn,carrier,province,status\n0912000032,vnpt,92,opted_out\n0912000033,viettel,92,\n').expect(201);
    const control = await upload('can-tho-drafter', 'msisdn,carrier,province,status\n0912000098,vnpt,92,opted_out\n0912000099,viettel,92,\n').expect(201);
    const counts = (body: Record<string, unknown>) => ({ ...body, id: undefined, createdAt: undefined, finishedAt: undefined });
    expect(probe.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, rejected: 2 });
    expect(counts(probe.body)).toEqual(counts(control.body));
    expect(await stored()).toEqual(before);
    const rejections = async (id: number) =>
      (await http().get(`/subscribers/imports/${id}/rejections.csv`).set(as('demo-admin')).expect(200)).text.replace(/09120000\d\d/g, 'NUMBER');
    expect(await rejections(probe.body.id)).toEqual(await rejections(control.body.id));
    expect(await rejections(probe.body.id)).toMatch(/not a subscriber of your provinces/);
    // A national upload may move them.
    expect((await upload('demo-drafter', 'msisdn,carrier,province,status\n0912000032,vnpt,92,opted_out\n').expect(201)).body).toMatchObject({ updated: 1 });
  });

  it("answers a scoped exclusion of another province's subscriber as one of a number nobody has, and changes nothing", async () => {
    await upload('demo-drafter', 'msisdn,carrier,province\n0912000041,vnpt,01\n').expect(201);
    const listed = async () => (await app.get(DataSource).query(`SELECT count(*)::int AS n FROM subscriber_exclusions`))[0].n;
    const before = await listed();
    const exclude = (msisdn: string) =>
      http()
        .post('/subscribers/exclusions')
        .set(as('can-tho-drafter'))
        .send({ msisdns: [msisdn] });
    const elsewhere = await exclude('0912000041').expect(404);
    const nowhere = await exclude('0912000049').expect(404);
    expect(elsewhere.body.message.replace('0912000041', 'N')).toBe(nowhere.body.message.replace('0912000049', 'N'));
    expect(await listed()).toBe(before);
  });

  it('accepts a semicolon list as Vietnamese Excel saves it, names the separator, and names the separators tried when none fits', async () => {
    const excel = '\ufeffSố điện thoại;Nhà mạng;Tỉnh\r\n0932000001;Viettel;Cần Thơ\r\n0932000002;MobiFone;"Thành phố Hà Nội"\r\n';
    const created = await upload('demo-drafter', excel).expect(201);
    expect(created.body).toMatchObject({ state: 'completed', separator: ';', read: 2, inserted: 2, rejected: 0 });
    expect((await http().get(`/subscribers/imports/${created.body.id}`).set(as('demo-drafter')).expect(200)).body.separator).toBe(';');
    const tabbed = await upload('demo-drafter', 'msisdn\tcarrier\tprovince\n0932000003\tvnpt\t92\n').expect(201);
    expect(tabbed.body).toMatchObject({ separator: '\t', inserted: 1 });
    const piped = await upload('demo-drafter', 'msisdn|carrier|province\n0932000004|vnpt|92\n').expect(400);
    expect(piped.body.message).toMatch(/^line 1: no recognisable header with any separator tried \(comma \(,\), semicolon \(;\), tab\)/);
  });
});
