import { hash as bcryptHash } from 'bcryptjs';
import { queryRows } from '@loa/database';
import { DEFAULT_LOGIN_THROTTLE } from '../src/auth/login-throttle';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

/** Tokens follow the user's current rights; logins are throttled and audited; headers and exports are safe. */
describe('access that holds', () => {
  let api: TestApi;
  let admin: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    // The default limits without the delay per user (login-throttle.e2e-spec.ts records it): 18 s of sleep here.
    api = await createTestApi({ limits: { loginThrottle: { ...DEFAULT_LOGIN_THROTTLE, maxDelayMs: 0 } } });
    admin = await api.login('demo-admin');
  });
  afterAll(() => api?.close());

  const createUser = async (username: string, role: string, provinces: string[] | null) => {
    const created = await api.http().post('/users').set(bearer(admin)).send({ username, password: TEST_PASSWORD, role, provinces }).expect(201);
    return created.body.id as number;
  };
  const scheduledCampaign = async (provinces: string[]) => {
    const template = await queryRows<{ id: string }>(
      api.dataSource,
      `INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id)
       SELECT n.id, n.id, 1, 'Mẫu', 'Công an {{province.name}} cảnh báo.', 'auto', 3, 'approved', 1 FROM (SELECT nextval('templates_id_seq') AS id) n RETURNING id`,
    );
    const rows = await queryRows<{ id: string }>(
      api.dataSource,
      `INSERT INTO campaigns (name, template_id, provinces, carriers, state, start_at, validity_hours, on_ambiguous, priority, created_by)
       VALUES ('Chiến dịch', $1, $2, ARRAY['viettel'], 'scheduled', now() + interval '1 day', 24, 'resend', 0, 1) RETURNING id`,
      [template[0].id, provinces],
    );
    return Number(rows[0].id);
  };

  it("takes a demoted user's rights from their existing token at once", async () => {
    const id = await createUser('truc-ban-14', 'operator', ['14']);
    const token = await api.login('truc-ban-14');
    const first = await scheduledCampaign(['14']);
    await api.http().post(`/campaigns/${first}/pause`).set(bearer(token)).expect(200);
    await api.http().patch(`/users/${id}`).set(bearer(admin)).send({ role: 'viewer' }).expect(200);
    const second = await scheduledCampaign(['14']);
    await api.http().post(`/campaigns/${second}/pause`).set(bearer(token)).expect(403);
    // A scope moved elsewhere: the same token no longer even sees the province's campaigns.
    await api
      .http()
      .patch(`/users/${id}`)
      .set(bearer(admin))
      .send({ role: 'operator', provinces: ['66'] })
      .expect(200);
    await api.http().post(`/campaigns/${second}/pause`).set(bearer(token)).expect(404);
    const [{ state }] = await queryRows<{ state: string }>(api.dataSource, 'SELECT state FROM campaigns WHERE id = $1', [second]);
    expect(state).toBe('scheduled');
  });

  it('ends every token of a user whose password is reset or who is disabled', async () => {
    const id = await createUser('can-bo-reset', 'viewer', ['14']);
    const old = await api.login('can-bo-reset');
    await api.http().get('/campaigns').set(bearer(old)).expect(200);
    await api.http().patch(`/users/${id}`).set(bearer(admin)).send({ password: 'mat-khau-moi-2026' }).expect(200);
    await api.http().get('/campaigns').set(bearer(old)).expect(401);
    const fresh = (await api.http().post('/auth/login').send({ username: 'can-bo-reset', password: 'mat-khau-moi-2026' }).expect(200)).body.accessToken;
    await api.http().patch(`/users/${id}`).set(bearer(admin)).send({ disabled: true }).expect(200);
    await api.http().get('/campaigns').set(bearer(fresh)).expect(401);
    await api.http().post('/auth/login').send({ username: 'can-bo-reset', password: 'mat-khau-moi-2026' }).expect(401);
  });

  it('keeps users management to admins, stores scrypt hashes and never shows them', async () => {
    const viewer = await api.login('demo-viewer');
    await api.http().get('/users').set(bearer(viewer)).expect(403);
    const listed = await api.http().get('/users').set(bearer(admin)).expect(200);
    expect(JSON.stringify(listed.body)).not.toMatch(/hash|scrypt|\$2/i);
    const [{ password_hash }] = await queryRows<{ password_hash: string }>(api.dataSource, `SELECT password_hash FROM users WHERE username = 'demo-viewer'`);
    expect(password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it('upgrades a bcrypt hash to scrypt at the next login', async () => {
    await api.dataSource.query(`INSERT INTO users (username, password_hash, role) VALUES ('old-bcrypt', $1, 'viewer')`, [await bcryptHash(TEST_PASSWORD, 4)]);
    await api.login('old-bcrypt');
    const [{ password_hash }] = await queryRows<{ password_hash: string }>(api.dataSource, `SELECT password_hash FROM users WHERE username = 'old-bcrypt'`);
    expect(password_hash).toMatch(/^scrypt\$/);
    await api.login('old-bcrypt');
  });

  it('audits failed logins with the source address and request id, the same answer for unknown users, and throttles per user', async () => {
    const unknown = await api.http().post('/auth/login').set('X-Request-Id', 'req-unknown-1').send({ username: 'khong-co-ai', password: 'x' }).expect(401);
    const wrong = await api.http().post('/auth/login').send({ username: 'demo-approver', password: 'sai-mat-khau' }).expect(401);
    expect(unknown.body.message).toBe(wrong.body.message);
    // The server's own id answers and is stored; the client's is kept beside it.
    expect(unknown.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await queryRows<{ object_id: string; request_id: string; client_request_id: string; remote_addr: string; details: { reason: string } }>(
      api.dataSource,
      `SELECT object_id, request_id, client_request_id, remote_addr, details FROM audit_log
       WHERE action = 'auth.login_failed' AND details->>'reason' <> 'disabled' ORDER BY id`,
    );
    expect(failed.map((entry) => entry.details.reason)).toEqual(['unknown user', 'wrong password']);
    expect(failed[0]).toMatchObject({ object_id: 'khong-co-ai', request_id: unknown.headers['x-request-id'], client_request_id: 'req-unknown-1' });
    expect(failed[0].remote_addr).toMatch(/127\.0\.0\.1|::1/);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await api.http().post('/auth/login').send({ username: 'demo-operator', password: 'doan-mo' })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]); // 10 attempts per user and minute
  });

  it('does not hold successful logins against a user or an address (an office behind one address)', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 35; attempt++) {
      statuses.push((await api.http().post('/auth/login').send({ username: 'demo-viewer', password: TEST_PASSWORD })).status);
    }
    expect(statuses).toEqual(Array(35).fill(200)); // beyond both limits: 10 per user, 30 per address
  });

  it('shows approvers the audit entries of their provinces, as JSON or as a CSV with neutralised formulas', async () => {
    await createUser('lanh-dao-14', 'approver', ['14']);
    const approver14 = await api.login('lanh-dao-14');
    const inScope = await scheduledCampaign(['14']);
    const outOfScope = await scheduledCampaign(['66']);
    await api.http().post(`/campaigns/${inScope}/cancel`).set(bearer(admin)).expect(200);
    await api.http().post(`/campaigns/${outOfScope}/cancel`).set(bearer(admin)).expect(200);
    const entries = (await api.http().get('/audit?action=campaign.cancelled').set(bearer(approver14)).expect(200)).body;
    expect(entries.map((entry: { objectId: string }) => entry.objectId)).toEqual([String(inScope)]);
    expect(entries[0]).toMatchObject({ username: 'demo-admin', provinces: ['14'], before: { state: 'scheduled' }, after: { state: 'cancelled' } });
    expect(entries[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    await api.dataSource.query(`INSERT INTO audit_log (action, object_type, object_id, details) VALUES ('test', 'x', '=1+1', '{}')`);
    await api.dataSource.query(
      `INSERT INTO audit_log (action, object_type, object_id, provinces) VALUES ('exclusions.remove', 'subscriber_exclusion', '84912345678', '{14}')`,
    );
    const removal = (await api.http().get('/audit?action=exclusions.remove').set(bearer(approver14)).expect(200)).body;
    expect(removal.map((entry: { objectId: string }) => entry.objectId)).toEqual(['84912***678']);
    const csv = await api.http().get('/audit?format=csv').set(bearer(admin)).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.startsWith('\ufeffMã,Thời điểm,Người thực hiện,Hành động')).toBe(true);
    expect(csv.text).toContain(",'=1+1,");
    await api
      .http()
      .get('/audit')
      .set(bearer(await api.login('demo-drafter')))
      .expect(403);
  });

  it('sends security headers, no X-Powered-By, and no-store on answers', async () => {
    const response = await api.http().get('/campaigns').set(bearer(admin)).expect(200);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('neutralises formulas in rejections.csv', async () => {
    const csv = 'msisdn,carrier,province\n=HYPERLINK("http://evil/"),viettel,14\n+0912,vnpt,14\n';
    const job = await api.http().post('/subscribers/imports').set(bearer(admin)).set('Content-Type', 'text/csv').send(csv).expect(201);
    const rejections = await api.http().get(`/subscribers/imports/${job.body.id}/rejections.csv`).set(bearer(admin)).expect(200);
    expect(rejections.text).toContain(`"'=HYPERLINK(""http://evil/""),viettel,14"`);
    expect(rejections.text).toContain(`"'+0912,vnpt,14"`);
    expect(rejections.text).not.toMatch(/,"=HYPERLINK/);
    const [{ count }] = await queryRows<{ count: number }>(
      api.dataSource,
      `SELECT count(*)::int AS count FROM audit_log WHERE action = 'subscribers.export_rejections'`,
    );
    expect(count).toBe(1);
  });
});
