import { type DynamicModule } from '@nestjs/common';
import { hashPassword } from '@loa/auth';
import { TEST_SENDS_CLOCK } from '@loa/campaigns';
import { ManualClock } from '@loa/common';
import { queryRows } from '@loa/database';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

/** 09:00 in Viet Nam on a Wednesday: 15 hours before the next Vietnam midnight. */
const T0 = Date.parse('2027-03-10T09:00:00+07:00');
const MINUTE = 60_000;

function clockModule(clock: ManualClock): DynamicModule {
  class TestSendsClockModule {}
  return { module: TestSendsClockModule, global: true, providers: [{ provide: TEST_SENDS_CLOCK, useValue: clock }], exports: [TEST_SENDS_CLOCK] };
}

/**
 * Test numbers and test sends under the province scope and the limits of config/defaults.json (3 sends per
 * number per campaign per hour, 30 per user per day), on a ManualClock: nothing here waits.
 */
describe('test numbers and test sends: scope and limits', () => {
  const clock = new ManualClock(T0);
  let api: TestApi;
  const ids: Record<string, number> = {};
  const tokens: Record<string, string> = {};
  let numberSeq = 0;

  const addUser = async (username: string, role: string, scope: string[] | null) => {
    const rows = await queryRows<{ id: string }>(
      api.dataSource,
      `INSERT INTO users (username, password_hash, role, province_scope) VALUES ($1, $2, $3, $4) RETURNING id`,
      [username, await hashPassword(TEST_PASSWORD), role, scope],
    );
    ids[username] = Number(rows[0].id);
    tokens[username] = await api.login(username);
  };

  beforeAll(async () => {
    api = await createTestApi({ imports: [clockModule(clock)] });
    for (const username of ['demo-admin', 'demo-drafter', 'demo-viewer']) {
      tokens[username] = await api.login(username);
      ids[username] = (await queryRows<{ id: number }>(api.dataSource, 'SELECT id::int AS id FROM users WHERE username = $1', [username]))[0].id;
    }
    await addUser('admin-14', 'admin', ['14']);
    await addUser('drafter-14', 'drafter', ['14']);
    await addUser('drafter-66', 'drafter', ['66']);
    await addUser('viewer-14', 'viewer', ['14']);
    await addUser('viewer-66', 'viewer', ['66']);
  }, 60_000);
  afterAll(() => api?.close());

  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const freshNumber = () => `09140${String(++numberSeq).padStart(5, '0')}`;
  const stored = (typed: string) => `84${typed.slice(1)}`;
  const register = (admin: string, msisdn: string, userId: number) => api.http().post('/test-numbers').set(as(admin)).send({ msisdn, userId, carrier: 'vnpt' });
  const registered = async (owner: string) => {
    const msisdn = freshNumber();
    await register('demo-admin', msisdn, ids[owner]).expect(201);
    return msisdn;
  };
  const draftCampaign = async (creator: string, provinces: string[]) => {
    const [template] = await queryRows<{ id: string }>(
      api.dataSource,
      `INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id)
       SELECT n.id, n.id, 1, 'Mẫu', 'Công an {{province.name}} cảnh báo.', 'auto', 3, 'approved', $1 FROM (SELECT nextval('templates_id_seq') AS id) n RETURNING id`,
      [ids[creator]],
    );
    const [campaign] = await queryRows<{ id: string }>(
      api.dataSource,
      `INSERT INTO campaigns (name, template_id, provinces, carriers, state, start_at, validity_hours, on_ambiguous, priority, created_by)
       VALUES ('Thử', $1, $2, ARRAY['vnpt'], 'draft', now() + interval '1 day', 24, 'resend', 0, $3) RETURNING id`,
      [template.id, provinces, ids[creator]],
    );
    await api.dataSource.query(
      `INSERT INTO campaign_texts (campaign_id, province_code, body, encoding, segments) SELECT $1, p, 'Cảnh báo lừa đảo', 'ucs2', 1 FROM unnest($2::text[]) p`,
      [campaign.id, provinces],
    );
    return Number(campaign.id);
  };
  const testSend = (user: string, campaignId: number, body: object) => api.http().post(`/campaigns/${campaignId}/test-sends`).set(as(user)).send(body);
  const auditOf = (action: string, objectId: string) =>
    queryRows<{ provinces: string[] | null; details: Record<string, unknown>; after: Record<string, unknown> | null }>(
      api.dataSource,
      `SELECT provinces, details, after FROM audit_log WHERE action = $1 AND object_id = $2 ORDER BY id`,
      [action, objectId],
    );

  describe('registering test numbers', () => {
    it("registers a number only for a user the admin's scope covers, and answers alike for one outside it and one that does not exist", async () => {
      const mine = freshNumber();
      const created = await register('admin-14', mine, ids['drafter-14']).expect(201);
      expect(created.body).toMatchObject({ msisdn: stored(mine), userId: ids['drafter-14'] });
      const [entry] = await auditOf('test-number.register', stored(mine));
      expect(entry).toMatchObject({ provinces: ['14'], after: { userId: ids['drafter-14'], carrier: 'vnpt' } });

      const count = async () => (await queryRows<{ n: number }>(api.dataSource, 'SELECT count(*)::int AS n FROM test_numbers'))[0].n;
      const before = await count();
      const outside = await register('admin-14', freshNumber(), ids['drafter-66']).expect(400);
      const national = await register('admin-14', freshNumber(), ids['demo-drafter']).expect(400);
      const missing = await register('admin-14', freshNumber(), 999_999).expect(400);
      const shape = (message: string) => message.replace(/\d+/g, 'N');
      expect(shape(outside.body.message)).toBe(shape(missing.body.message));
      expect(shape(national.body.message)).toBe(shape(missing.body.message));
      expect(await count()).toBe(before);
      // A national admin registers for anyone.
      await register('demo-admin', freshNumber(), ids['drafter-66']).expect(201);
    });

    it('says a number is taken without saying whose', async () => {
      const number = await registered('drafter-66');
      const clash = await register('admin-14', number, ids['drafter-14']).expect(409);
      expect(clash.body.message).not.toMatch(/drafter|66/);
    });

    it('lists only the numbers of users within the caller’s scope', async () => {
      const of14 = await registered('drafter-14');
      const of66 = await registered('drafter-66');
      const ofNational = await registered('demo-drafter');
      const listed = async (user: string) =>
        ((await api.http().get('/test-numbers').set(as(user)).expect(200)).body as { msisdn: string }[]).map((n) => n.msisdn);
      for (const user of ['drafter-14', 'admin-14']) {
        const numbers = await listed(user);
        expect(numbers).toContain(stored(of14));
        expect(numbers).not.toContain(stored(of66));
        expect(numbers).not.toContain(stored(ofNational));
      }
      const all = await listed('demo-admin');
      expect(all).toEqual(expect.arrayContaining([stored(of14), stored(of66), stored(ofNational)]));
    });
  });

  describe('limits', () => {
    it('allows 3 sends per number per campaign per hour, then answers 429 with Retry-After, audited, until the hour has passed', async () => {
      clock.advance(0);
      const campaignId = await draftCampaign('drafter-14', ['14']);
      const number = await registered('drafter-14');
      const start = clock.now();
      for (let send = 0; send < 3; send++) {
        await testSend('drafter-14', campaignId, { msisdns: [number] }).expect(201);
        clock.advance(10 * MINUTE);
      }
      // 30 minutes after the first send: it leaves the hour in 30 minutes.
      const refused = await testSend('drafter-14', campaignId, { msisdns: [number] }).expect(429);
      expect(refused.headers['retry-after']).toBe(String(30 * 60));
      expect(refused.body).toMatchObject({
        statusCode: 429,
        error: 'TOO_MANY_REQUESTS',
        details: { limit: 'per-number-per-campaign-per-hour', retryAfterSeconds: 1800 },
      });
      expect(refused.body.message).toMatch(/at most 3 test sends per number per campaign per hour/);
      const [entry] = await auditOf('campaign.test-send-refused', String(campaignId));
      expect(entry).toMatchObject({
        provinces: ['14'],
        details: { msisdns: [stored(number)], limit: 'per-number-per-campaign-per-hour', retryAfterSeconds: 1800 },
      });
      const sends = async () =>
        (await queryRows<{ n: number }>(api.dataSource, 'SELECT count(*)::int AS n FROM test_sends WHERE campaign_id = $1', [campaignId]))[0].n;
      expect(await sends()).toBe(3);

      clock.advance(29 * MINUTE);
      expect((await testSend('drafter-14', campaignId, { msisdns: [number] }).expect(429)).headers['retry-after']).toBe('60');
      clock.advance(start + 60 * MINUTE - clock.now());
      await testSend('drafter-14', campaignId, { msisdns: [number] }).expect(201);
      expect(await sends()).toBe(4);
      const [sent] = await auditOf('campaign.test-send', String(campaignId));
      expect(sent).toMatchObject({ provinces: ['14'], details: { msisdns: [stored(number)], provinces: ['14'], queued: 1 } });
    });

    it('allows 30 sends per user per Vietnam day across campaigns, then 429 until midnight', async () => {
      clock.advance(Date.parse('2027-03-12T09:00:00+07:00') - clock.now());
      await addUser('drafter-14b', 'drafter', ['14']);
      const numbers: string[] = [];
      for (let n = 0; n < 10; n++) numbers.push(await registered('drafter-14b'));
      const first = await draftCampaign('drafter-14b', ['14']);
      for (let round = 0; round < 3; round++) await testSend('drafter-14b', first, { msisdns: numbers }).expect(201);
      // Another campaign, the per-number limit untouched: the user's 31st send of the day is refused.
      clock.advance(60 * MINUTE); // 10:00, 14 hours before midnight
      const second = await draftCampaign('drafter-14b', ['14']);
      const refused = await testSend('drafter-14b', second, { msisdns: [numbers[0]] }).expect(429);
      expect(refused.headers['retry-after']).toBe(String(14 * 3600));
      expect(refused.body.details).toMatchObject({ limit: 'per-user-per-day' });
      expect(await auditOf('campaign.test-send-refused', String(second))).toHaveLength(1);
      clock.advance(14 * 3600_000);
      await testSend('drafter-14b', second, { msisdns: [numbers[0]] }).expect(201);
    });

    it('counts requests made at the same moment one after the other (the campaign is locked while one is counted)', async () => {
      const campaignId = await draftCampaign('drafter-14', ['14']);
      const number = await registered('drafter-14');
      await testSend('drafter-14', campaignId, { msisdns: [number] }).expect(201);
      const statuses = await Promise.all([1, 2, 3].map(async () => (await testSend('drafter-14', campaignId, { msisdns: [number] })).status));
      expect(statuses.sort()).toEqual([201, 201, 429]);
    });

    it('refuses with 400 a request that no waiting would let through', async () => {
      const campaignId = await draftCampaign('demo-drafter', ['01', '14', '66', '92']);
      const number = await registered('demo-drafter');
      const tooMany = await testSend('demo-drafter', campaignId, { msisdns: [number] }).expect(400);
      expect(tooMany.body.message).toMatch(/provinces: at most 3 test sends per number per campaign per hour/);
      await testSend('demo-drafter', campaignId, { msisdns: [number], provinces: ['14', '66', '92'] }).expect(201);
    });
  });

  describe('scope of test sends', () => {
    it("sends only to numbers of users within the sender's scope", async () => {
      const campaignId = await draftCampaign('drafter-14', ['14']);
      const of66 = await registered('drafter-66');
      const refused = await testSend('drafter-14', campaignId, { msisdns: [of66] }).expect(400);
      expect(refused.body.message).toMatch(/not written down as test numbers of users in your provinces/);
    });

    it('shows each reader only the test sends of their provinces, to numbers of their users', async () => {
      const campaignId = await draftCampaign('demo-drafter', ['14', '66']);
      const numbers = { '14': await registered('drafter-14'), '66': await registered('drafter-66'), national: await registered('demo-drafter') };
      await testSend('demo-drafter', campaignId, { msisdns: Object.values(numbers) }).expect(201);
      const shown = async (user: string) =>
        ((await api.http().get(`/campaigns/${campaignId}/test-sends`).set(as(user)).expect(200)).body as { msisdn: string; provinceCode: string }[])
          .map((send) => `${send.msisdn}/${send.provinceCode}`)
          .sort();
      expect(await shown('viewer-14')).toEqual([`${stored(numbers['14'])}/14`]);
      expect(await shown('viewer-66')).toEqual([`${stored(numbers['66'])}/66`]);
      expect(await shown('demo-viewer')).toHaveLength(6);
      const campaign = await api.http().get(`/campaigns/${campaignId}`).set(as('viewer-14')).expect(200);
      expect(campaign.body.testSends.map((send: { msisdn: string }) => send.msisdn)).toEqual([stored(numbers['14'])]);
    });
  });
});
