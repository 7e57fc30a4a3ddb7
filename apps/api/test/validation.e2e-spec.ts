import { createTestApi, type TestApi } from './test-app';

const WARNING = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Liên hệ {{province.hotline}}.';

describe('invalid requests', () => {
  let api: TestApi;
  let drafter: string;
  let approver: string;

  beforeAll(async () => {
    // A deployment with no VNPT account in its carriers file.
    api = await createTestApi({ carriers: ['viettel', 'mobifone'] });
    drafter = await api.login('demo-drafter');
    approver = await api.login('demo-approver');
  });
  afterAll(() => api.close());

  const rowCounts = async () => {
    const [row] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM templates) AS templates, (SELECT count(*) FROM campaigns) AS campaigns,
              (SELECT count(*) FROM campaign_texts) AS texts`,
    );
    return row;
  };

  async function approvedTemplate(): Promise<number> {
    const created = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'OTP', body: WARNING }).expect(201);
    await api.http().post(`/templates/${created.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    await api.http().post(`/templates/${created.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
    return created.body.id;
  }

  it('refuses requests without a token', async () => {
    const response = await api.http().get('/templates').expect(401);
    expect(response.body.message).toMatch(/bearer token/);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const response = await api.http().post('/auth/login').send({ username: 'demo-drafter', password: 'nope-nope' }).expect(401);
    expect(response.body.message).toBe('wrong username or password');
  });

  it('names every missing field of a template', async () => {
    const before = await rowCounts();
    const response = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({}).expect(400);
    expect(response.body.message).toMatch(/name:/);
    expect(response.body.message).toMatch(/body:/);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses unknown fields', async () => {
    const response = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'x', body: 'y', colour: 'red' }).expect(400);
    expect(response.body.message).toMatch(/colour/);
  });

  it.each([
    ['a NUL character in a name', '{"name":"OTP\\u0000","body":"Canh bao"}', 'name: contains a NUL character (U+0000) at character 4; send valid UTF-8 text'],
    [
      'half of a surrogate pair (a cut emoji) in a body',
      '{"name":"OTP","body":"Canh bao \\ud83d"}',
      'body: contains half of a surrogate pair (U+D83D: broken text, such as a cut emoji) at character 10; send valid UTF-8 text',
    ],
    [
      'broken text in a list',
      '{"name":"x","templateId":1,"provinces":["14","\\udc00"],"startAt":"2026-12-01T00:00:00Z"}',
      'provinces[1]: contains half of a surrogate pair (U+DC00: broken text, such as a cut emoji) at character 1; send valid UTF-8 text',
    ],
  ])('refuses %s with a 400 naming the field and the character, and saves nothing', async (_name, json, message) => {
    const before = await rowCounts();
    const path = json.includes('templateId') ? '/campaigns' : '/templates';
    const response = await api.http().post(path).auth(drafter, { type: 'bearer' }).set('content-type', 'application/json').send(json).expect(400);
    expect(response.body.message).toBe(message);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses malformed JSON with a 400', async () => {
    const response = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).set('content-type', 'application/json').send('{"name":').expect(400);
    expect(response.body.statusCode).toBe(400);
  });

  it('forbids approving your own template and changes nothing', async () => {
    const created = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'OTP', body: WARNING }).expect(201);
    await api.http().post(`/templates/${created.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    const admin = await api.login('demo-admin');
    const asAuthor = await api.http().post(`/templates/${created.body.id}/approve`).auth(drafter, { type: 'bearer' }).expect(403);
    expect(asAuthor.body.message).toMatch(/approver/);
    const template = await api.http().get(`/templates/${created.body.id}`).auth(admin, { type: 'bearer' }).expect(200);
    expect(template.body.status).toBe('pending');
  });

  it('refuses an approver approving a template they wrote', async () => {
    const created = await api.http().post('/templates').auth(approver, { type: 'bearer' }).send({ name: 'OTP', body: WARNING });
    // approvers cannot draft at all; the four-eyes rule is checked for admins who can do both
    expect(created.status).toBe(403);
    const admin = await api.login('demo-admin');
    const own = await api.http().post('/templates').auth(admin, { type: 'bearer' }).send({ name: 'OTP', body: WARNING }).expect(201);
    await api.http().post(`/templates/${own.body.id}/submit`).auth(admin, { type: 'bearer' }).expect(200);
    const response = await api.http().post(`/templates/${own.body.id}/approve`).auth(admin, { type: 'bearer' }).expect(403);
    expect(response.body.message).toMatch(/someone other than its author/);
  });

  it('refuses a campaign naming an unknown province code', async () => {
    const templateId = await approvedTemplate();
    const before = await rowCounts();
    const response = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'x', templateId, provinces: ['14', '99'], startAt: new Date().toISOString() })
      .expect(400);
    expect(response.body.message).toMatch(/99/);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a campaign for a carrier without an account, and targets only those with one by default', async () => {
    const templateId = await approvedTemplate();
    const before = await rowCounts();
    const refused = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'x', templateId, provinces: ['14'], carriers: ['viettel', 'vnpt'], startAt: new Date().toISOString() })
      .expect(400);
    expect(refused.body.message).toMatch(/carriers: vnpt has no account in the carriers file/);
    expect(await rowCounts()).toEqual(before);
    const created = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'x', templateId, provinces: ['14'], startAt: new Date().toISOString() })
      .expect(201);
    expect(created.body.carriers).toEqual(['viettel', 'mobifone']);
  });

  it('refuses a campaign on a template that is not approved', async () => {
    const draft = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'OTP', body: WARNING }).expect(201);
    const before = await rowCounts();
    const response = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'x', templateId: draft.body.id, provinces: ['14'], startAt: new Date().toISOString() })
      .expect(409);
    expect(response.body.message).toMatch(/draft; a campaign needs an approved template/);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a campaign with a malformed start time or empty provinces', async () => {
    const templateId = await approvedTemplate();
    const response = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'x', templateId, provinces: [], startAt: 'tomorrow' })
      .expect(400);
    expect(response.body.message).toMatch(/provinces/);
    expect(response.body.message).toMatch(/startAt/);
  });

  it('forbids approving your own campaign', async () => {
    const templateId = await approvedTemplate();
    const campaign = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'x', templateId, provinces: ['14'], startAt: new Date().toISOString() })
      .expect(201);
    await api.http().post(`/campaigns/${campaign.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    const response = await api.http().post(`/campaigns/${campaign.body.id}/approve`).auth(drafter, { type: 'bearer' }).expect(403);
    expect(response.body.message).toMatch(/approver/);
  });

  it('answers 409 when approving a campaign twice', async () => {
    const templateId = await approvedTemplate();
    const campaign = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'x', templateId, provinces: ['14'], startAt: '2027-06-01T08:00:00+07:00' })
      .expect(201);
    // An audience to send to: approval refuses an empty one (409) since the deadline plans.
    await api.dataSource.query(`INSERT INTO subscribers (msisdn, carrier, province_code) VALUES (84961234567, 'viettel', '14') ON CONFLICT DO NOTHING`);
    await api.http().post(`/campaigns/${campaign.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    // Someone to send to: a campaign with an empty audience is refused at approval.
    await api.dataSource.query(`INSERT INTO subscribers (msisdn, carrier, province_code) VALUES (84961234567, 'viettel', '14') ON CONFLICT DO NOTHING`);
    await api.http().post(`/campaigns/${campaign.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
    const again = await api.http().post(`/campaigns/${campaign.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(409);
    expect(again.body.message).toMatch(/is scheduled/);
  });

  it('answers 404 for a campaign that does not exist and 400 for an id that cannot be one', async () => {
    await api.http().get('/campaigns/424242').auth(drafter, { type: 'bearer' }).expect(404);
    for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999', '9223372036854775808', '0x10', '%201', '1e3', '01']) {
      const refused = await api.http().get(`/campaigns/${id}/report`).auth(drafter, { type: 'bearer' }).expect(400);
      expect(refused.body.message).toBe('id: expected a whole number from 1 to 9007199254740991, in decimal digits only');
    }
  });

  it('refuses a template id too large to be one, in a body too', async () => {
    const preview = await api
      .http()
      .post('/templates/preview')
      .auth(drafter, { type: 'bearer' })
      .send({ templateId: 99999999999999999999, provinces: ['14'] })
      .expect(400);
    expect(preview.body.message).toMatch(/templateId: templateId must not be greater than 9007199254740991/);
  });

  it.each(['constructor', '__proto__', 'hasOwnProperty', 'toString'])('answers 404, not 500, for a console file named %s (no login needed)', async (name) => {
    for (const path of [`/dashboard/${name}`, `/assets/${name}`, `/${name}`]) {
      const response = await api.http().get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('refuses NUL and other control characters in path parameters and queries with a 400, and changes nothing', async () => {
    const admin = await api.login('demo-admin');
    const before = await api.dataSource.query(`SELECT police_hotlines, website FROM provinces WHERE code = '14'`);
    for (const code of ['14%00', '14%01', '14%1B', '14%7F', '14%C2%85', '14%0A']) {
      const response = await api.http().patch(`/provinces/${code}`).auth(admin, { type: 'bearer' }).send({ website: 'https://congan.sonla.gov.vn' });
      expect({ code, status: response.status }).toEqual({ code, status: 400 });
      expect(response.body.message).toMatch(/^code: contains (a NUL character|a control character) \(U\+00/);
    }
    await api.http().get('/campaigns/1%00').auth(admin, { type: 'bearer' }).expect(400);
    await api.http().get('/provinces?q=S%01n').auth(admin, { type: 'bearer' }).expect(400);
    expect(await api.dataSource.query(`SELECT police_hotlines, website FROM provinces WHERE code = '14'`)).toEqual(before);
  });

  it('refuses control characters in body text, but keeps line breaks and tabs in a text', async () => {
    const before = await rowCounts();
    for (const character of ['\u0001', '\u0008', '\u001b', '\u007f', '\u0085']) {
      const response = await api
        .http()
        .post('/templates')
        .auth(drafter, { type: 'bearer' })
        .send({ name: `OTP${character}`, body: WARNING })
        .expect(400);
      expect(response.body.message).toMatch(/^name: contains a control character \(U\+00[0-9A-F]{2}\) at character 4; remove it$/);
    }
    expect(await rowCounts()).toEqual(before);
    await api
      .http()
      .post('/templates')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'Hai dòng', body: `${WARNING}\r\n\tCông an tỉnh.` })
      .expect(201);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a field called %s, in a body or a query, and saves nothing', async (name) => {
    const before = await rowCounts();
    const json = `{"name":"OTP","body":"Canh bao","${name}":{"polluted":true}}`;
    const body = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).set('content-type', 'application/json').send(json).expect(400);
    expect(body.body.message).toBe(`body: a field may not be called ${name}`);
    await api.http().get(`/campaigns?${name}=1`).auth(drafter, { type: 'bearer' }).expect(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses null where a field needs a value (400 naming it), and takes it where the field may be null', async () => {
    const before = await rowCounts();
    for (const field of ['maxSegments', 'encodingPolicy', 'name', 'previousVersionId']) {
      const response = await api
        .http()
        .post('/templates')
        .auth(drafter, { type: 'bearer' })
        .send({ name: 'OTP', body: WARNING, [field]: null })
        .expect(400);
      expect(response.body.message).toBe(`${field}: must not be null (leave the field out to keep its default)`);
    }
    const templateId = await approvedTemplate();
    const campaign = { name: 'Chiến dịch', templateId, provinces: ['14'], startAt: '2027-01-20T08:00:00+07:00' };
    for (const field of ['carriers', 'validityHours', 'windowLifted', 'overrideReason', 'reportDeadline', 'priority']) {
      await api
        .http()
        .post('/campaigns')
        .auth(drafter, { type: 'bearer' })
        .send({ ...campaign, [field]: null })
        .expect(400);
    }
    expect((await rowCounts()).campaigns).toEqual(before.campaigns);
    const admin = await api.login('demo-admin');
    await api.http().patch('/provinces/14').auth(admin, { type: 'bearer' }).send({ zalo: null }).expect(200);
    await api.http().patch('/provinces/14').auth(admin, { type: 'bearer' }).send({ policeHotlines: null }).expect(400);
  });

  it('serves liveness and the OpenAPI document without a token', async () => {
    await api.http().get('/health/live').expect(200);
    const docs = await api.http().get('/docs/openapi.json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/templates', '/campaigns/{id}/report']));
  });
});
