import { createTestApi, type TestApi } from './test-app';

const WARNING = 'Công an {{province.unit}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai.';
const REASON = 'Thiếu số đường dây nóng của Công an tỉnh';

describe('POST /campaigns/:id/reject: an approver sends a campaign back to its drafter with a reason', () => {
  let api: TestApi;
  let drafter: string;
  let approver: string;
  let templateId: number;

  beforeAll(async () => {
    api = await createTestApi({ carriers: ['viettel'], carrierTps: { viettel: 100 } });
    [drafter, approver] = await Promise.all(['demo-drafter', 'demo-approver'].map((user) => api.login(user)));
    await api.dataSource.query(`INSERT INTO subscribers (msisdn, carrier, province_code) SELECT 84960000000 + n, 'viettel', '14' FROM generate_series(0, 9) n`);
    templateId = (await post('/templates', drafter, { name: 'Cảnh báo OTP', body: WARNING }).expect(201)).body.id;
    await post(`/templates/${templateId}/submit`, drafter).expect(200);
    await post(`/templates/${templateId}/approve`, approver).expect(200);
  }, 120_000);
  afterAll(() => api?.close());

  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const submitted = async () => {
    const startAt = new Date(Date.now() + 86_400_000).toISOString();
    const campaign = (await post('/campaigns', drafter, { name: 'Cảnh báo OTP — Sơn La', templateId, provinces: ['14'], startAt }).expect(201)).body;
    await post(`/campaigns/${campaign.id}/submit`, drafter).expect(200);
    return campaign.id as number;
  };

  it('returns it to draft, audits the reason, and lets the corrected campaign be submitted and approved', async () => {
    const id = await submitted();
    expect((await post(`/campaigns/${id}/reject`, approver, { reason: REASON }).expect(200)).body.state).toBe('draft');
    const [entry] = await api.dataSource.query(
      `SELECT action, details, provinces FROM audit_log WHERE object_type = 'campaign' AND object_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(id)],
    );
    expect(entry).toMatchObject({ action: 'campaign.rejected', details: { reason: REASON }, provinces: ['14'] });
    // The drafter, who may not read the audit log, reads why on the campaign itself.
    const draft = (await api.http().get(`/campaigns/${id}`).auth(drafter, { type: 'bearer' }).expect(200)).body;
    expect(draft.rejection).toMatchObject({ reason: REASON, by: 'demo-approver' });
    await post(`/campaigns/${id}/submit`, drafter).expect(200);
    expect((await api.http().get(`/campaigns/${id}`).auth(drafter, { type: 'bearer' }).expect(200)).body.rejection).toBeNull();
    expect((await post(`/campaigns/${id}/approve`, approver).expect(200)).body.state).toBe('scheduled');
  });

  it('refuses a short reason, a drafter, and a campaign not waiting for approval, and changes nothing', async () => {
    const id = await submitted();
    await post(`/campaigns/${id}/reject`, approver, { reason: 'x' }).expect(400);
    await post(`/campaigns/${id}/reject`, drafter, { reason: REASON }).expect(403);
    await post(`/campaigns/${id}/approve`, approver).expect(200);
    await post(`/campaigns/${id}/reject`, approver, { reason: REASON }).expect(409);
    const [{ state }] = await api.dataSource.query('SELECT state FROM campaigns WHERE id = $1', [id]);
    expect(state).toBe('scheduled');
  });
});
