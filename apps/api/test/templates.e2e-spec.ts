import { AuthService } from '@loa/auth';

import { createTestApi, type TestApi } from './test-app';

const DAK_LAK_WARNING =
  'Công an {{province.name}} cảnh báo: Không cung cấp mã OTP, không chuyển tiền cho người lạ tự xưng là công an. Liên hệ {{province.hotlines}}.';

describe('templates: versions, approval, lint and preview', () => {
  let api: TestApi;
  let drafter: string;
  let approver: string;

  beforeAll(async () => {
    api = await createTestApi();
    drafter = await api.login('demo-drafter');
    approver = await api.login('demo-approver');
    await api.dataSource.query(`
      INSERT INTO subscribers (msisdn, carrier, province_code)
      SELECT 84960000000 + n, 'viettel', CASE WHEN n <= 30 THEN '66' ELSE '92' END FROM generate_series(1, 50) n`);
  });
  afterAll(() => api.close());

  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);

  it('names line and column of a syntax error and saves nothing', async () => {
    const [before] = await api.dataSource.query('SELECT count(*)::int AS n FROM templates');
    const response = await post('/templates', drafter, { name: 'broken', body: 'Dòng một\nLiên hệ {{province.hotline' }).expect(400);
    expect(response.body.details).toMatchObject({ code: 'SYNTAX', line: 2 });
    expect(response.body.message).toMatch(/line 2, column \d+/);
    expect(response.body.message.match(/ at line \d+, column \d+/g)).toHaveLength(1);
    const [after] = await api.dataSource.query('SELECT count(*)::int AS n FROM templates');
    expect(after.n).toBe(before.n);
  });

  it.each([
    ['an unknown variable', 'Xin chào {{province.mayor}}', 'UNKNOWN_VARIABLE'],
    ['an unknown helper', '{{shout province.name}}', 'UNKNOWN_HELPER'],
    ['a blank body', '   ', 'EMPTY'],
  ])('refuses %s with a 400', async (_, body, code) => {
    const response = await post('/templates', drafter, { name: 'bad', body }).expect(400);
    expect(response.body.details.code).toBe(code);
  });

  it('refuses an oversize body', async () => {
    const response = await post('/templates', drafter, { name: 'long', body: 'a'.repeat(2001) }).expect(400);
    expect(response.body.message).toMatch(/body/);
  });

  it('keeps an approved version immutable: editing makes version 2 in the same family', async () => {
    const first = await post('/templates', drafter, { name: 'OTP', body: DAK_LAK_WARNING }).expect(201);
    await post(`/templates/${first.body.id}/submit`, drafter).expect(200);
    await post(`/templates/${first.body.id}/approve`, approver).expect(200);
    const second = await post('/templates', drafter, { name: 'OTP', body: DAK_LAK_WARNING + ' ', previousVersionId: first.body.id }).expect(201);
    expect(second.body).toMatchObject({ familyId: first.body.familyId, version: 2, status: 'draft' });
    const original = await api.http().get(`/templates/${first.body.id}`).auth(drafter, { type: 'bearer' }).expect(200);
    expect(original.body).toMatchObject({ status: 'approved', body: DAK_LAK_WARNING, version: 1 });
    await post(`/templates/${first.body.id}/submit`, drafter).expect(409);
  });

  it('rejects with a reason, and the author can submit again', async () => {
    const created = await post('/templates', drafter, { name: 'OTP', body: DAK_LAK_WARNING }).expect(201);
    await post(`/templates/${created.body.id}/submit`, drafter).expect(200);
    const rejected = await post(`/templates/${created.body.id}/reject`, approver, { reason: 'Thiếu đường dây nóng' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Thiếu đường dây nóng' });
    await post(`/templates/${created.body.id}/submit`, drafter).expect(200);
  });

  it('blocks submission of a template with a link off the allow-list or a foreign hotline', async () => {
    const link = await post('/templates', drafter, { name: 'link', body: 'Cảnh báo lừa đảo, xem https://bit.ly/abc' }).expect(201);
    const refused = await post(`/templates/${link.body.id}/submit`, drafter).expect(400);
    expect(refused.body.message).toMatch(/bit\.ly/);
    const phone = await post('/templates', drafter, { name: 'phone', body: 'Cảnh báo lừa đảo, gọi 0912.345.678' }).expect(201);
    const refusedPhone = await post(`/templates/${phone.body.id}/submit`, drafter).expect(400);
    expect(refusedPhone.body.message).toMatch(/0912/);
  });

  it.each([
    ['a number after SDT:', 'Cảnh báo lừa đảo, SDT:0912345678', '0912345678'],
    ['a number in (+84) dress', 'Cảnh báo lừa đảo, gọi (+84) 912 345 678', '(+84) 912 345 678'],
    ['a number glued to Zalo', 'Cảnh báo lừa đảo, Zalo0912345678', '0912345678'],
    ['a hex IPv4 host', 'Cảnh báo lừa đảo, xem http://0x7f000001/', '127.0.0.1'],
    ['a decimal IPv4 host', 'Cảnh báo lừa đảo, xem https://3232235777', '192.168.1.1'],
    ['a Hangul filler', 'Cảnh báo\u3164lừa đảo', 'U+3164'],
  ])('blocks submission of a template with %s', async (_, body, named) => {
    const created = await post('/templates', drafter, { name: 'dress', body }).expect(201);
    const refused = await post(`/templates/${created.body.id}/submit`, drafter).expect(400);
    expect(refused.body.message).toContain(named);
  });

  it('reads the campaign name as each province receives it: a number in it refuses the campaign', async () => {
    const template = await post('/templates', drafter, { name: 'Tên', body: '{{campaign.name}}: Công an cảnh báo. Liên hệ {{province.hotlines}}.' }).expect(
      201,
    );
    await post(`/templates/${template.body.id}/submit`, drafter).expect(200);
    await post(`/templates/${template.body.id}/approve`, approver).expect(200);
    const campaign = (name: string) => ({ name, templateId: template.body.id, provinces: ['66'], startAt: '2027-06-01T08:00:00+07:00' });
    const refused = await post('/campaigns', drafter, campaign('Gọi +84(0)912.345.678')).expect(400);
    expect(refused.body.message).toContain('+84(0)912.345.678');
    expect(refused.body.details.findings).toContainEqual(expect.objectContaining({ code: 'PHONE_NOT_HOTLINE' }));
    await post('/campaigns', drafter, campaign('Cảnh báo lừa đảo dịp Tết, gọi 113')).expect(201);
  });

  it('previews each province with its own hotline, encoding, segments and audience cost', async () => {
    const response = await post('/templates/preview', drafter, { body: DAK_LAK_WARNING, provinces: ['66', '92'] }).expect(200);
    expect(response.body.audience).toBe(50);
    const auto = response.body.policies.find((p: { policy: string }) => p.policy === 'auto');
    const dakLak = auto.provinces.find((p: { code: string }) => p.code === '66');
    expect(dakLak.text).toContain('069.4389.211 hoặc 0262.3818.568');
    expect(dakLak.encoding).toBe('ucs2');
    expect(dakLak.audience).toBe(30);
    expect(dakLak.audienceSegments).toBe(30 * dakLak.segments);
    expect(auto.audienceSegments).toBe(auto.provinces.reduce((sum: number, p: { audienceSegments: number }) => sum + p.audienceSegments, 0));
    const folded = response.body.policies.find((p: { policy: string }) => p.policy === 'ascii-fold');
    const dakLakFolded = folded.provinces.find((p: { code: string }) => p.code === '66');
    expect(dakLakFolded.encoding).toBe('gsm7');
    expect(dakLakFolded.text).toMatch(/^Cong an Tinh Dak Lak canh bao: Khong cung cap ma OTP/);
    expect(dakLakFolded.segments).toBeLessThan(dakLak.segments);
    expect(auto.findings.some((f: { code: string; severity: string }) => f.severity === 'warning')).toBe(true);
  });

  it('previews a saved version by its id, with its own segment limit', async () => {
    const saved = await post('/templates', drafter, { name: 'Đắk Lắk', body: DAK_LAK_WARNING, maxSegments: 1 }).expect(201);
    const byId = await post('/templates/preview', drafter, { templateId: saved.body.id, provinces: ['66'] }).expect(200);
    const byBody = await post('/templates/preview', drafter, { body: DAK_LAK_WARNING, maxSegments: 1, provinces: ['66'] }).expect(200);
    // A saved version also says where it is not registered: nowhere demands it here.
    const { unregisteredCarriers, ...previewById } = byId.body;
    expect(unregisteredCarriers).toEqual([]);
    expect(previewById).toEqual(byBody.body);
    expect(byId.body.policies[0].findings.some((f: { severity: string }) => f.severity === 'error')).toBe(true);

    const both = await post('/templates/preview', drafter, { templateId: saved.body.id, body: 'Cảnh báo' }).expect(400);
    expect(both.body.message).toMatch(/either body or templateId/);
    const neither = await post('/templates/preview', drafter, { provinces: ['66'] }).expect(400);
    expect(JSON.stringify(neither.body.message)).toMatch(/body/);
    await post('/templates/preview', drafter, { templateId: 999_999 }).expect(404);
    // A code that names no province is refused, not silently left out of the preview.
    const unknown = await post('/templates/preview', drafter, { body: 'Cảnh báo', provinces: ['66', '99', '02'] }).expect(400);
    expect(unknown.body.message).toBe('provinces: unknown province code 99, 02');
  });

  it('renders {{province.unit}} in the lower case Decree 30 uses mid-sentence, and {{province.shortName}}, for a tỉnh and a thành phố', async () => {
    const body = 'Công an {{province.unit}} cảnh báo người dân {{province.shortName}}: không cung cấp mã OTP cho bất kỳ ai.';
    const response = await post('/templates/preview', drafter, { body, provinces: ['14', '01'] }).expect(200);
    const texts = Object.fromEntries(response.body.policies[0].provinces.map((p: { code: string; text: string }) => [p.code, p.text]));
    expect(texts).toEqual({
      '14': 'Công an tỉnh Sơn La cảnh báo người dân Sơn La: không cung cấp mã OTP cho bất kỳ ai.',
      '01': 'Công an thành phố Hà Nội cảnh báo người dân Hà Nội: không cung cấp mã OTP cho bất kỳ ai.',
    });
    expect(response.body.policies[0].findings.filter((finding: { code: string }) => finding.code === 'UNKNOWN_VARIABLE')).toEqual([]);
  });

  it('previews NFD input exactly like NFC input', async () => {
    const nfc = await post('/templates/preview', drafter, { body: DAK_LAK_WARNING, provinces: ['66'], policy: 'auto' }).expect(200);
    const nfd = await post('/templates/preview', drafter, { body: DAK_LAK_WARNING.normalize('NFD'), provinces: ['66'], policy: 'auto' }).expect(200);
    expect(nfd.body.policies[0].provinces).toEqual(nfc.body.policies[0].provinces);
  });

  it('keeps a province-scoped drafter inside their provinces', async () => {
    const admin = await api.login('demo-admin');
    await api.http().get('/templates').auth(admin, { type: 'bearer' }).expect(200);
    await api.app.get(AuthService).addUser('canbo.daklak', 'mat-khau-dak-lak', 'drafter', ['66']);
    const login = await api.http().post('/auth/login').send({ username: 'canbo.daklak', password: 'mat-khau-dak-lak' }).expect(200);
    const scoped = login.body.accessToken;
    const refused = await post('/templates/preview', scoped, { body: DAK_LAK_WARNING, provinces: ['92'] }).expect(403);
    expect(refused.body.message).toMatch(/92/);
    const own = await post('/templates/preview', scoped, { body: DAK_LAK_WARNING }).expect(200);
    expect(own.body.policies[0].provinces.map((p: { code: string }) => p.code)).toEqual(['66']);
  });
});
