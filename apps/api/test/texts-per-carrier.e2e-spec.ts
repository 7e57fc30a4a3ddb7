import { createTestApi, type TestApi } from './test-app';

// 305 GSM septets for "Can Tho" and its hotline 0000.000.092: 2 parts on Viettel (udh8, 153), 3 on VNPT
// (udh16, 152) and MobiFone (sar, 152), as config/carriers.json sets them up.
const FILLER = 'Canh giac lua dao. '.repeat(16).slice(0, 305 - 'CA Can Tho: '.length - 'Goi 0000.000.092'.length);
const LONG = `CA {{province.name}}: ${FILLER}Goi {{province.hotline}}`;

describe('texts per province and carrier: contacts on record, parts per carrier', () => {
  let api: TestApi;
  let admin: string;
  let drafter: string;
  let approver: string;

  beforeAll(async () => {
    api = await createTestApi();
    [admin, drafter, approver] = await Promise.all(['demo-admin', 'demo-drafter', 'demo-approver'].map((user) => api.login(user)));
    // Sơn La (14) has no hotline on record, as in config; the demo seed gave it a plainly fake one.
    await api.dataSource.query(`UPDATE provinces SET police_hotlines = '{}', name = 'Son La' WHERE code = '14'`);
    await api.dataSource.query(`UPDATE provinces SET police_hotlines = '{0000.000.092}', name = 'Can Tho' WHERE code = '92'`);
    await api.dataSource.query(`
      INSERT INTO subscribers (msisdn, carrier, province_code)
      SELECT 84960000000 + n, (ARRAY['viettel', 'vnpt', 'mobifone'])[n % 3 + 1], '92' FROM generate_series(1, 30) n`);
  });
  afterAll(() => api.close());

  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const patch = (code: string, body: object) => api.http().patch(`/provinces/${code}`).auth(admin, { type: 'bearer' }).send(body);
  const approvedTemplate = async (body: string) => {
    const template = await post('/templates', drafter, { name: 'Cảnh báo', body, maxSegments: 10 }).expect(201);
    await post(`/templates/${template.body.id}/submit`, drafter).expect(200);
    await post(`/templates/${template.body.id}/approve`, approver).expect(200);
    return template.body.id as number;
  };

  it('previews a missing hotline as a lint error naming the province, never as 113, until an admin sets it', async () => {
    const body = 'CA {{province.name}}: khong cung cap ma OTP. Goi {{province.hotline}}.';
    const before = await post('/templates/preview', drafter, { body, policy: 'auto', provinces: ['14', '92'] }).expect(200);
    const [auto] = before.body.policies;
    expect(auto.findings).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'CONTACT_MISSING', provinces: ['14'], message: expect.stringContaining('Son La') }),
    );
    expect(auto.provinces.find((row: { code: string }) => row.code === '14').text).toBe('CA Son La: khong cung cap ma OTP. Goi .');
    await patch('14', { policeHotlines: ['0000.000.014'] }).expect(200);
    const after = await post('/templates/preview', drafter, { body, policy: 'auto', provinces: ['14', '92'] }).expect(200);
    expect(after.body.policies[0].findings.filter((finding: { severity: string }) => finding.severity === 'error')).toEqual([]);
    expect(after.body.policies[0].provinces[0].text).toBe('CA Son La: khong cung cap ma OTP. Goi 0000.000.014.');
    await patch('14', { policeHotlines: [] }).expect(200);
  });

  it('refuses a campaign for a province with no hotline, and its approval once an admin removed one', async () => {
    const templateId = await approvedTemplate('CA {{province.name}}: khong chuyen tien cho nguoi la. Goi {{province.hotline}}.');
    const refused = await post('/campaigns', drafter, { name: 'Son La', templateId, provinces: ['14'], startAt: '2027-06-01T08:00:00+07:00' }).expect(400);
    expect(refused.body.message).toContain('no police hotline on record for Son La');
    const created = await post('/campaigns', drafter, { name: 'Can Tho', templateId, provinces: ['92'], startAt: '2027-06-01T08:00:00+07:00' }).expect(201);
    await post(`/campaigns/${created.body.id}/submit`, drafter).expect(200);
    await patch('92', { policeHotlines: [] }).expect(200);
    const notApproved = await post(`/campaigns/${created.body.id}/approve`, approver).expect(400);
    expect(notApproved.body.message).toContain('no police hotline on record for Can Tho');
    const [campaign] = await api.dataSource.query('SELECT state FROM campaigns WHERE id = $1', [created.body.id]);
    expect(campaign.state).toBe('pending_approval');
    await patch('92', { policeHotlines: ['0000.000.092'] }).expect(200);
    await post(`/campaigns/${created.body.id}/approve`, approver).expect(200);
  });

  it('shows and stores the parts of each carrier where they differ, and bills each carrier its own', async () => {
    const preview = await post('/templates/preview', drafter, { body: LONG, policy: 'auto', provinces: ['92'], maxSegments: 3 }).expect(200);
    const [row] = preview.body.policies[0].provinces;
    expect(row.encoding).toBe('gsm7');
    expect(row.units).toBe(305);
    expect(row.carriers).toEqual([
      { carrier: 'viettel', encoding: 'gsm7', segments: 2, audience: 10 },
      { carrier: 'vnpt', encoding: 'gsm7', segments: 3, audience: 10 },
      { carrier: 'mobifone', encoding: 'gsm7', segments: 3, audience: 10 },
    ]);
    expect(row).toMatchObject({ segments: 3, segmentsDiffer: true, audienceSegments: 10 * 2 + 10 * 3 + 10 * 3 });
    const limited = await post('/templates/preview', drafter, { body: LONG, policy: 'auto', provinces: ['92'], maxSegments: 2 }).expect(200);
    expect(limited.body.policies[0].findings).toContainEqual(
      expect.objectContaining({ code: 'TOO_MANY_SEGMENTS', message: expect.stringContaining('3 GSM segments on vnpt, 3 GSM segments on mobifone') }),
    );
    const templateId = await approvedTemplate(LONG);
    const campaign = await post('/campaigns', drafter, { name: 'Can Tho', templateId, provinces: ['92'], startAt: '2027-06-01T08:00:00+07:00' }).expect(201);
    const [text] = await api.dataSource.query('SELECT segments, carrier_segments FROM campaign_texts WHERE campaign_id = $1', [campaign.body.id]);
    expect(text).toEqual({ segments: 3, carrier_segments: { viettel: 2, vnpt: 3, mobifone: 3 } });
  });

  it('keeps a Zalo OA, a fanpage and a VNeID pointer per province, and lets templates link to them', async () => {
    await patch('92', { zalo: 'bit.ly/x' }).expect(400);
    await patch('92', { fanpage: 'https://evil.example/congan' }).expect(400);
    const [unchanged] = await api.dataSource.query(`SELECT zalo, fanpage FROM provinces WHERE code = '92'`);
    expect(unchanged).toEqual({ zalo: null, fanpage: null });
    const updated = await patch('92', {
      zalo: 'zalo.me/0000000092',
      fanpage: 'facebook.com/demo.congan.cantho',
      vneid: 'muc Canh bao thu doan toi pham tren VNeID',
    }).expect(200);
    expect(updated.body).toMatchObject({ zalo: 'zalo.me/0000000092', fanpage: 'facebook.com/demo.congan.cantho', website: null });
    const body = 'CA {{province.name}}: theo doi {{province.zalo}}, {{province.fanpage}}, {{province.vneid}}.';
    const preview = await post('/templates/preview', drafter, { body, policy: 'auto', provinces: ['92', '14'] }).expect(200);
    const errors = preview.body.policies[0].findings.filter((finding: { severity: string }) => finding.severity === 'error');
    expect(errors.map((finding: { code: string; provinces?: string[] }) => [finding.code, finding.provinces])).toEqual([
      ['CONTACT_MISSING', ['14']],
      ['CONTACT_MISSING', ['14']],
      ['CONTACT_MISSING', ['14']],
    ]);
    const cleared = await patch('92', { zalo: null }).expect(200);
    expect(cleared.body).toMatchObject({ zalo: null, fanpage: 'facebook.com/demo.congan.cantho' });
  });
});
