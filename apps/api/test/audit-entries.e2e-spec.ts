import { hashPassword } from '@loa/auth';
import { queryRows } from '@loa/database';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

interface Entry {
  action: string;
  objectId: string;
  provinces: string[] | null;
  details: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  clientRequestId: string | null;
}

/** What the audit log records: every campaign entry its provinces, every update its before, the numbers excluded, the server's request id. */
describe('audit entries', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await createTestApi();
    for (const [username, role, scope] of [
      ['approver-14', 'approver', ['14']],
      ['operator-14', 'operator', ['14']],
      ['drafter-14', 'drafter', ['14']],
    ] as const) {
      await api.dataSource.query(`INSERT INTO users (username, password_hash, role, province_scope) VALUES ($1, $2, $3, $4)`, [
        username,
        await hashPassword(TEST_PASSWORD),
        role,
        scope,
      ]);
    }
    for (const username of ['demo-admin', 'demo-approver', 'approver-14', 'operator-14', 'drafter-14']) tokens[username] = await api.login(username);
  }, 60_000);
  afterAll(() => api?.close());

  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });
  const audit = async (username: string, action: string): Promise<Entry[]> =>
    (await api.http().get(`/audit?action=${action}`).set(as(username)).expect(200)).body;
  const scheduledCampaign = async (provinces: string[]) => {
    const [template] = await queryRows<{ id: string }>(
      api.dataSource,
      `INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id)
       SELECT n.id, n.id, 1, 'Mẫu', 'Công an {{province.name}} cảnh báo.', 'auto', 3, 'approved', 1 FROM (SELECT nextval('templates_id_seq') AS id) n RETURNING id`,
    );
    const [campaign] = await queryRows<{ id: string }>(
      api.dataSource,
      `INSERT INTO campaigns (name, template_id, provinces, carriers, state, start_at, validity_hours, on_ambiguous, priority, created_by)
       VALUES ('Chiến dịch', $1, $2, ARRAY['viettel'], 'scheduled', now() + interval '1 day', 24, 'resend', 0, 1) RETURNING id`,
      [template.id, provinces],
    );
    return Number(campaign.id);
  };

  it("gives an override, a send-limits change and a carrier's report the campaign's provinces, so its province's approver sees them", async () => {
    const campaignId = await scheduledCampaign(['14']);
    const reason = 'Bão đổ bộ trong đêm, cảnh báo khẩn';
    await api.http().post(`/campaigns/${campaignId}/send-limits`).set(as('approver-14')).send({ windowLifted: true, overrideReason: reason }).expect(200);
    await api
      .http()
      .post(`/campaigns/${campaignId}/carrier-reports`)
      .set(as('operator-14'))
      .send({ carrier: 'viettel', targeted: 10, sent: 10, delivered: 9, reportedOn: '2027-01-21' })
      .expect(201);
    const [override] = await audit('approver-14', 'campaign.override');
    expect(override).toMatchObject({ objectId: String(campaignId), provinces: ['14'], details: { reason } });
    const [limits] = await audit('approver-14', 'campaign.send-limits');
    expect(limits).toMatchObject({
      provinces: ['14'],
      before: { sendWindow: { kind: 'daily' }, dailyCapLifted: false },
      after: { sendWindow: { kind: 'lifted' } },
      details: { reason },
    });
    const [report] = await audit('approver-14', 'campaign.carrier-report');
    expect(report).toMatchObject({ objectId: String(campaignId), provinces: ['14'], details: { carrier: 'viettel', delivered: 9 } });
  });

  it('records the numbers an exclusion adds: whole for admins on screen, masked for others and in the CSV', async () => {
    await api.dataSource.query(`INSERT INTO subscribers (msisdn, carrier, province_code) VALUES (84912345678, 'vnpt', '14'), (84912345679, 'vnpt', '14')`);
    await api
      .http()
      .post('/subscribers/exclusions')
      .set(as('drafter-14'))
      .send({ msisdns: ['0912345678', '+84 912 345 679'] })
      .expect(201);
    const [forAdmin] = await audit('demo-admin', 'exclusions.add');
    expect(forAdmin).toMatchObject({ provinces: ['14'], details: { count: 2, msisdns: ['84912345678', '84912345679'] } });
    const [forApprover] = await audit('approver-14', 'exclusions.add');
    expect(forApprover.details.msisdns).toEqual(['84912***678', '84912***679']);
    const csv = await api.http().get('/audit?format=csv&action=exclusions.add').set(as('demo-admin')).expect(200);
    expect(csv.text).toContain('84912***678');
    expect(csv.text).not.toMatch(/84912345678|84912345679/);
  });

  it("records a province's hotlines before and after an update", async () => {
    const [stored] = await queryRows<{ policeHotlines: string[]; website: string | null }>(
      api.dataSource,
      `SELECT police_hotlines AS "policeHotlines", website FROM provinces WHERE code = '14'`,
    );
    await api
      .http()
      .patch('/provinces/14')
      .set(as('demo-admin'))
      .send({ policeHotlines: ['069.2851.113'], website: 'https://congan.sonla.gov.vn' })
      .expect(200);
    const [update] = await audit('approver-14', 'province.update');
    expect(update.before).toEqual(stored);
    expect(update.after).toEqual({ policeHotlines: ['069.2851.113'], website: 'https://congan.sonla.gov.vn' });
    expect(update.before!.policeHotlines).not.toEqual(update.after!.policeHotlines);
  });

  it("stores the server's own request id, with a client's X-Request-Id beside it", async () => {
    const campaigns = [await scheduledCampaign(['14']), await scheduledCampaign(['14'])];
    const answers = [];
    for (const id of campaigns)
      answers.push(await api.http().post(`/campaigns/${id}/pause`).set(as('demo-admin')).set('X-Request-Id', 'client-1').send().expect(200));
    const entries = (await audit('demo-admin', 'campaign.paused')).filter((entry) => campaigns.includes(Number(entry.objectId)));
    expect(entries).toHaveLength(2);
    expect(new Set(entries.map((entry) => entry.requestId)).size).toBe(2);
    for (const entry of entries) {
      expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(entry.clientRequestId).toBe('client-1');
    }
    expect(answers.map((answer) => answer.headers['x-request-id']).sort()).toEqual(entries.map((entry) => entry.requestId).sort());
    // A client id that does not look like one is not kept at all.
    const third = await scheduledCampaign(['14']);
    await api.http().post(`/campaigns/${third}/pause`).set(as('demo-admin')).set('X-Request-Id', 'x y <script>').send().expect(200);
    const [paused] = (await audit('demo-admin', 'campaign.paused')).filter((entry) => entry.objectId === String(third));
    expect(paused).toMatchObject({ clientRequestId: null, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('leaves no entry about a campaign without its provinces', async () => {
    const [{ count }] = await queryRows<{ count: number }>(
      api.dataSource,
      `SELECT count(*)::int AS count FROM audit_log WHERE object_type = 'campaign' AND provinces IS NULL`,
    );
    const [{ all }] = await queryRows<{ all: number }>(api.dataSource, `SELECT count(*)::int AS all FROM audit_log WHERE object_type = 'campaign'`);
    expect(all).toBeGreaterThan(4);
    expect(count).toBe(0);
  });
});
