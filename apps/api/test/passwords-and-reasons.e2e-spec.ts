import { AuthService } from '@loa/auth';
import { queryRows } from '@loa/database';
import { seedDemo } from '@loa/demo';
import { accessFixtures, type AccessFixtures } from './access-fixtures';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

/** Passwords people choose and reasons people give are held to a rule, with a 400 that names it and nothing saved. */
describe('passwords and reasons', () => {
  let api: TestApi;
  let f: AccessFixtures;
  let admin: string;
  let approver: string;
  let drafter: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await createTestApi();
    f = await accessFixtures(api);
    admin = await api.login('demo-admin');
    approver = await api.login('demo-approver');
    drafter = await api.login('demo-drafter');
  });
  afterAll(() => api?.close());

  const count = async (sql: string) => (await queryRows<{ n: number }>(api.dataSource, `SELECT count(*)::int AS n FROM ${sql}`))[0].n;

  it.each([
    ['12345678', 'PASSWORD_TOO_SHORT', /^password: at least 10 characters \(mật khẩu phải có ít nhất 10 ký tự\)$/],
    ['password', 'PASSWORD_TOO_SHORT', /at least 10 characters/],
    ['        ', 'PASSWORD_TOO_SHORT', /at least 10 characters/],
    ['loa-demo', 'PASSWORD_TOO_SHORT', /at least 10 characters/],
    ['can-bo-moi-14', 'PASSWORD_CONTAINS_USERNAME', /^password: must not contain the username \(mật khẩu không được chứa tên đăng nhập\)$/],
    ['Can-Bo-Moi-14-Son-La', 'PASSWORD_CONTAINS_USERNAME', /must not contain the username/],
    ['password1234', 'PASSWORD_TOO_GUESSABLE', /^password: too easy to guess .*\(mật khẩu quá dễ đoán; hãy dùng một cụm từ dài hơn\)$/],
    ['1234567890', 'PASSWORD_TOO_GUESSABLE', /too easy to guess/],
    ['          ', 'PASSWORD_TOO_GUESSABLE', /too easy to guess/],
  ])('refuses the password %j for a new user (%s) and creates nobody', async (password, rule, message) => {
    const users = await count('users');
    const response = await api
      .http()
      .post('/users')
      .set(bearer(admin))
      .send({ username: 'can-bo-moi-14', password, role: 'viewer', provinces: ['14'] })
      .expect(400);
    expect(response.body).toMatchObject({ error: 'INVALID', details: { field: 'password', rule } });
    expect(response.body.message).toMatch(message);
    expect(await count('users')).toBe(users);
  });

  it('refuses a weak new password for an existing user and keeps the old one; takes a strong one', async () => {
    const id = await f.user('in');
    const [{ username }] = await queryRows<{ username: string }>(api.dataSource, 'SELECT username FROM users WHERE id = $1', [id]);
    const hash = async () =>
      (await queryRows<{ password_hash: string }>(api.dataSource, 'SELECT password_hash FROM users WHERE id = $1', [id]))[0].password_hash;
    const before = await hash();
    for (const password of ['12345678', 'password', '        ', 'loa-demo', username, `${username.toUpperCase()}-2026`, 'qwertyuiop']) {
      const response = await api.http().patch(`/users/${id}`).set(bearer(admin)).send({ password }).expect(400);
      expect(response.body.details.field).toBe('password');
    }
    expect(await hash()).toBe(before);
    await api.http().patch(`/users/${id}`).set(bearer(admin)).send({ password: 'Đèn đỏ trên cầu Rồng 7' }).expect(200);
    await api.http().post('/auth/login').send({ username, password: 'Đèn đỏ trên cầu Rồng 7' }).expect(200);
  });

  it('creates a user with a strong password, who can log in with it', async () => {
    await api
      .http()
      .post('/users')
      .set(bearer(admin))
      .send({ username: 'can-bo-manh-14', password: TEST_PASSWORD, role: 'viewer', provinces: ['14'] })
      .expect(201);
    await api.http().post('/auth/login').send({ username: 'can-bo-manh-14', password: TEST_PASSWORD }).expect(200);
  });

  it("still seeds the demo users with the design's demo password, loa-demo, which no person may choose", async () => {
    await seedDemo(api.dataSource, api.app.get(AuthService), { password: 'loa-demo', subscribers: 0 });
    await api.http().post('/auth/login').send({ username: 'demo-operator', password: 'loa-demo' }).expect(200);
    const demoAdmin = (await api.http().post('/auth/login').send({ username: 'demo-admin', password: 'loa-demo' }).expect(200)).body.accessToken;
    const [{ id }] = await queryRows<{ id: number }>(api.dataSource, `SELECT id FROM users WHERE username = 'demo-viewer'`);
    await api.http().patch(`/users/${id}`).set(bearer(demoAdmin)).send({ password: 'loa-demo' }).expect(400);
    // Back as the other tests expect; the reseed ended every earlier token of the demo users.
    await seedDemo(api.dataSource, api.app.get(AuthService), { password: TEST_PASSWORD, subscribers: 0 });
    [admin, approver, drafter] = await Promise.all(['demo-admin', 'demo-approver', 'demo-drafter'].map((username) => api.login(username)));
  });

  const SHORT_OR_EMPTY = [
    ['x', 'REASON_TOO_SHORT'],
    ['khẩn', 'REASON_TOO_SHORT'],
    ['x'.repeat(30), 'REASON_REPEATED'],
    ['a a a a a a a a a a a a a a a', 'REASON_REPEATED'],
    ['123456789012345678', 'REASON_NO_WORDS'],
  ] as const;

  it.each(SHORT_OR_EMPTY)('refuses the override reason %j (%s): the night window stays shut', async (overrideReason, rule) => {
    const templateId = await f.template('in', 'approved');
    const campaigns = await count('campaigns');
    const response = await api
      .http()
      .post('/campaigns')
      .set(bearer(drafter))
      .send({ name: 'Cảnh báo khẩn', templateId, provinces: ['14'], startAt: '2027-01-20T08:00:00+07:00', windowLifted: true, overrideReason })
      .expect(400);
    expect(response.body.message).toContain(`overrideReason: ${rule}`);
    expect(await count('campaigns')).toBe(campaigns);
    const scheduled = await f.campaign('in', 'scheduled');
    await api.http().post(`/campaigns/${scheduled}/send-limits`).set(bearer(approver)).send({ windowLifted: true, overrideReason }).expect(400);
    const [{ lifted }] = await queryRows<{ lifted: boolean }>(api.dataSource, `SELECT window_start IS NULL AS lifted FROM campaigns WHERE id = $1`, [
      scheduled,
    ]);
    expect(lifted).toBe(false);
  });

  it.each(SHORT_OR_EMPTY)('refuses %j as the reason to reject a template or approve past a deadline (%s)', async (reason, rule) => {
    const pending = await f.template('in', 'pending');
    const rejected = await api.http().post(`/templates/${pending}/reject`).set(bearer(approver)).send({ reason }).expect(400);
    expect(rejected.body.message).toContain(`reason: ${rule}`);
    const [{ status }] = await queryRows<{ status: string }>(api.dataSource, 'SELECT status FROM templates WHERE id = $1', [pending]);
    expect(status).toBe('pending');
    const campaign = await f.campaign('in', 'pending_approval');
    await api.http().post(`/campaigns/${campaign}/approve`).set(bearer(approver)).send({ acknowledgeDeadlineMiss: true, reason }).expect(400);
    const [{ state }] = await queryRows<{ state: string }>(api.dataSource, 'SELECT state FROM campaigns WHERE id = $1', [campaign]);
    expect(state).toBe('pending_approval');
  });

  it('takes a reason of 15 characters in words, and keeps it in the audit log', async () => {
    const scheduled = await f.campaign('in', 'scheduled');
    const reason = 'Bão số 3 đổ bộ trong đêm';
    await api.http().post(`/campaigns/${scheduled}/send-limits`).set(bearer(approver)).send({ windowLifted: true, overrideReason: reason }).expect(200);
    const [entry] = await queryRows<{ details: { reason: string } }>(
      api.dataSource,
      `SELECT details FROM audit_log WHERE action = 'campaign.send-limits' AND object_id = $1`,
      [String(scheduled)],
    );
    expect(entry.details.reason).toBe(reason);
  });
});
