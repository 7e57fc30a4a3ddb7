import { AuthService, type Role } from '@loa/auth';
import { queryRows } from '@loa/database';
import { type DeclaredRoute, declaredRoutes } from './route-table';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

/**
 * The read side of the authorisation matrix: every route Nest declares either answers with other objects
 * or counts, and then a reader scoped to province 14 gets only what lies in 14 (objects of 66 nowhere,
 * counts of a 14+66 object over 14 alone), or it says why it shows nothing of anyone else. Fixtures in
 * 14, 66 and 14+66; everything of 66 alone carries a mark (a name with OUT, numbers 84966…, the user
 * nguoi-66) that must not appear in any answer. A route without a row fails the test.
 */
const OUT = 'Ngoài-66';
// A number of 66, whole or masked (0966…, 84966…, 0966***…), never the digits 0966 inside another number (a timing such as 0.00966).
const OUT_NUMBER = /(?<![\d.])(?:84|0)966[\d*]/;
const OUT_MARKS: (string | RegExp)[] = [OUT, OUT_NUMBER, 'nguoi-66'];
/** The fixtures' campaigns start in a day, and are due to report in ten (inside GET /reports/deadlines?days=30). */
const START_AT = new Date(Date.now() + 86_400_000).toISOString();
const DEADLINE = new Date(Date.now() + 10 * 86_400_000).toISOString();
/** Province 14 has 3 active subscribers on Viettel, province 66 has 5. */
const IN_SUBSCRIBERS = 3;
const OUT_SUBSCRIBERS = 5;

interface Fixtures {
  shared: { scheduled: number; running: number; draft: number; programme: number };
  tokens: Map<Role, string>;
}

interface ReadRow {
  /** The province-14 readers who call it (one of each role the route lets in is not needed: these read differently). */
  as: Role[];
  path: (f: Fixtures) => string;
  body?: object;
  /** What the answer must show of province 14 (so an empty answer cannot pass), and marks it must not show beyond those of 66. */
  shows: string[];
  hides?: string[];
  /** Counts of a 14+66 object the answer must give over 14 alone. */
  counts?: (body: unknown) => Record<string, unknown>;
  expected?: Record<string, unknown>;
}

/** Why a route shows nothing of other objects (the reader's own object, a public page, or a change that answers with what it changed). */
type Nothing = { nothing: string };

const get = (as: Role[], path: (f: Fixtures) => string, shows: string[], more: Partial<ReadRow> = {}): ReadRow => ({ as, path, shows, ...more });
const OWN = { nothing: 'answers with the caller or the object it acts on, whose scope the action checks' };
const PUBLIC = { nothing: 'public, the same for everyone, no province data' };

export const READS: Record<string, ReadRow | Nothing> = {
  'POST /auth/login': OWN,
  'GET /auth/me': OWN,
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /health/carriers': PUBLIC,
  'GET /': PUBLIC,
  'GET /console': PUBLIC,
  'GET /console/*path': PUBLIC,
  'GET /favicon.svg': PUBLIC,
  'GET /assets/:file': PUBLIC,
  'GET /metrics': get([], () => '/metrics', ['loa_queued_messages'], { hides: ['campaign_id', 'Chung-14-66'] }),
  'GET /carriers/links': { nothing: 'carrier links, shared by every province' },
  'GET /carriers/certificates': { nothing: "the carrier accounts' brandname certificates, shared by every province" },
  'GET /provinces': { nothing: 'the public list of provinces and their hotlines' },
  'PATCH /provinces/:code': OWN,

  'GET /templates': get(['viewer'], () => '/templates', ['Mẫu chung']),
  'GET /templates/:id': OWN,
  'POST /templates': OWN,
  'POST /templates/preview': get(['viewer'], () => '/templates/preview', ['Sơn La'], {
    body: { body: 'Công an {{province.name}} cảnh báo.' },
    counts: (body) => ({ audience: (body as { audience: number }).audience }),
    expected: { audience: IN_SUBSCRIBERS },
  }),
  'POST /templates/:id/submit': OWN,
  'POST /templates/:id/approve': OWN,
  'POST /templates/:id/reject': OWN,
  'GET /templates/:id/registrations': OWN,
  'POST /templates/:id/registrations/:carrier': OWN,

  'GET /campaigns': get(['viewer'], () => '/campaigns', ['Trong-14 chiến dịch', 'Chung-14-66 chiến dịch']),
  'GET /campaigns/:id': get(['viewer'], (f) => `/campaigns/${f.shared.scheduled}`, ['Chung-14-66 chiến dịch'], {
    counts: (body) => ({ messagesLeft: (body as { estimate: { messagesLeft: number } }).estimate.messagesLeft }),
    expected: { messagesLeft: IN_SUBSCRIBERS },
  }),
  'GET /campaigns/:id/report': get(['viewer'], (f) => `/campaigns/${f.shared.running}/report`, ['Chung-14-66 đang gửi'], {
    counts: (body) => ({ targeted: (body as { totals: { targeted: number } }).totals.targeted }),
    expected: { targeted: IN_SUBSCRIBERS },
  }),
  'GET /campaigns/:id/texts': get(['viewer'], (f) => `/campaigns/${f.shared.scheduled}/texts`, ['Sơn La']),
  'POST /campaigns/:id/carrier-reports': OWN,
  'GET /reports/deadlines': get(['viewer'], () => '/reports/deadlines?days=30', ['Trong-14 chiến dịch', 'Chung-14-66 kế hoạch']),
  'GET /programmes': get(['viewer'], () => '/programmes', ['Trong-14 kế hoạch', 'Chung-14-66 kế hoạch']),
  'GET /programmes/:id': get(['viewer'], (f) => `/programmes/${f.shared.programme}`, ['Chung-14-66 kế hoạch']),
  'GET /programmes/:id/report': get(['viewer'], (f) => `/programmes/${f.shared.programme}/report`, ['Chung-14-66 đang gửi'], {
    counts: (body) => ({ targeted: (body as { totals: { targeted: number } }).totals.targeted }),
    expected: { targeted: IN_SUBSCRIBERS },
  }),
  'POST /programmes': OWN,
  'POST /campaigns': OWN,
  'POST /campaigns/:id/submit': OWN,
  'POST /campaigns/:id/approve': OWN,
  'POST /campaigns/:id/reject': OWN,
  'POST /campaigns/:id/pause': OWN,
  'POST /campaigns/:id/resume': OWN,
  'POST /campaigns/:id/cancel': OWN,
  'GET /campaigns/:id/plan': get(['viewer'], (f) => `/campaigns/${f.shared.scheduled}/plan`, ['Trong-14 chiến dịch'], {
    counts: (body) => ({ messages: (body as { messages: number }).messages }),
    expected: { messages: IN_SUBSCRIBERS },
  }),
  'POST /campaigns/plan': get(['drafter'], () => '/campaigns/plan', ['Trong-14 chiến dịch'], {
    body: { name: 'Nháp kế hoạch', provinces: ['14'], carriers: ['viettel'], startAt: START_AT },
    counts: (body) => ({ messages: (body as { messages: number }).messages }),
    expected: { messages: IN_SUBSCRIBERS },
  }),
  'POST /campaigns/:id/send-limits': OWN,
  'POST /test-numbers': OWN,
  'GET /test-numbers': get(['admin', 'drafter'], () => '/test-numbers', ['84914000091', 'nguoi-14']),
  'POST /campaigns/:id/test-sends': OWN,
  'GET /campaigns/:id/test-sends': get(['viewer'], (f) => `/campaigns/${f.shared.draft}/test-sends`, ['84914000091']),

  'GET /audiences/count': get(['viewer'], () => '/audiences/count', ['Sơn La'], {
    counts: (body) => ({ total: (body as { total: number }).total }),
    expected: { total: IN_SUBSCRIBERS },
  }),
  // A number of 14 the running 14+66 campaign was sent to (a number of 66 would be echoed back as asked).
  'GET /subscribers/:msisdn/messages': get(['viewer'], () => '/subscribers/84914000001/messages', ['84914000001']),
  'GET /subscribers/exclusions': get(['drafter'], () => '/subscribers/exclusions', ['84914000099']),
  'POST /subscribers/exclusions': OWN,
  'DELETE /subscribers/exclusions/:msisdn': OWN,
  'POST /subscribers/imports': OWN,
  'GET /subscribers/imports/:id': OWN,
  'GET /subscribers/imports/:id/rejections.csv': OWN,

  'GET /users': get(['admin'], () => '/users', ['nguoi-14']),
  'POST /users': OWN,
  'PATCH /users/:id': OWN,
  'GET /audit': get(['approver', 'admin'], () => '/audit?limit=500', ['Trong-14 chiến dịch', 'Chung-14-66 chiến dịch'], {
    counts: (body) => ({
      scheduledMessages: (body as { action: string; details: { messages?: number } }[])
        .filter((entry) => entry.action === 'campaign.scheduled')
        .map((entry) => entry.details.messages),
    }),
    // the approvals the reader sees: the campaign of 14 (3) and the one of 14 and 66, counted over 14 (3)
    expected: { scheduledMessages: [IN_SUBSCRIBERS, IN_SUBSCRIBERS] },
  }),
};

describe('authorisation matrix, read side: a province-14 reader gets only province-14 data', () => {
  let api: TestApi;
  let f: Fixtures;

  beforeAll(async () => {
    api = await createTestApi({ carriers: ['viettel'], carrierTps: { viettel: 100 } });
    f = await readFixtures(api);
  }, 120_000);
  afterAll(() => api?.close());

  it('has a row for every route Nest declares', () => {
    const routes = declaredRoutes(api.app).map((route) => route.key);
    expect(routes.filter((key) => !READS[key])).toEqual([]);
    expect(Object.keys(READS).filter((key) => !routes.includes(key))).toEqual([]);
  });

  it('answers every read with nothing of province 66 alone, and counts of 14 and 66 over 14 only', async () => {
    const access = new Map(declaredRoutes(api.app).map((route) => [route.key, route.access]));
    const leaks: string[] = [];
    for (const [key, row] of Object.entries(READS)) {
      if ('nothing' in row) continue;
      for (const role of row.as.length ? row.as : [null]) {
        const [method] = key.split(' ');
        const who = role ?? 'anonymous';
        let request =
          method === 'POST'
            ? api
                .http()
                .post(row.path(f))
                .send(await bodyOf(row, api))
            : api.http().get(row.path(f));
        if (role) request = request.set('Authorization', `Bearer ${f.tokens.get(role)}`);
        const response = await request;
        if (!mayCall(access.get(key), role) || response.status >= 400) {
          leaks.push(`${key} as ${who}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
          continue;
        }
        const text = response.text ?? JSON.stringify(response.body);
        for (const mark of [...OUT_MARKS, ...(row.hides ?? [])]) {
          const found = typeof mark === 'string' ? (text.includes(mark) ? mark : null) : (mark.exec(text)?.[0] ?? null);
          if (found !== null) leaks.push(`${key} as ${who}: shows "${found}": …${around(text, found)}…`);
        }
        for (const mark of row.shows)
          if (!text.includes(mark)) leaks.push(`${key} as ${who}: does not show "${mark}" of province 14 (the fixture did not reach it)`);
        if (row.counts) {
          const counted = row.counts(response.body);
          if (JSON.stringify(counted) !== JSON.stringify(row.expected))
            leaks.push(`${key} as ${who}: counts ${JSON.stringify(counted)}, want ${JSON.stringify(row.expected)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  /** A draft's body needs the template made by the fixtures. */
  async function bodyOf(row: ReadRow, testApi: TestApi): Promise<object | undefined> {
    if (!row.body || !('provinces' in row.body)) return row.body;
    const [{ id }] = await queryRows<{ id: string }>(testApi.dataSource, `SELECT id FROM templates WHERE name = 'Mẫu chung' ORDER BY id LIMIT 1`);
    return { ...row.body, templateId: Number(id) };
  }
});

/** The row's reader must be one the route lets in (else the row tests nothing). */
function mayCall(access: DeclaredRoute['access'], role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null || access === undefined) return false;
  return access === 'any' || role === 'admin' || access.includes(role);
}

function around(text: string, mark: string): string {
  const at = text.indexOf(mark);
  return text.slice(Math.max(0, at - 60), at + mark.length + 20);
}

/**
 * Objects in 14, in 66 (marked) and in 14+66, made through the API where the audit log should record them
 * as it does in use (campaigns created and approved, programmes), straight in the database otherwise.
 */
async function readFixtures(api: TestApi): Promise<Fixtures> {
  const db = api.dataSource;
  const auth = api.app.get(AuthService);
  const tokens = new Map<Role, string>();
  for (const role of ['viewer', 'drafter', 'approver', 'operator', 'admin'] as Role[]) {
    await auth.addUser(`doc-14-${role}`, TEST_PASSWORD, role, ['14']);
    tokens.set(role, await api.login(`doc-14-${role}`));
  }
  const [drafter, approver, admin] = await Promise.all(['demo-drafter', 'demo-approver', 'demo-admin'].map((user) => api.login(user)));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = async (token: string, path: string, body: object = {}) => {
    const response = await api.http().post(path).set(as(token)).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  const in14 = await auth.addUser('nguoi-14', TEST_PASSWORD, 'drafter', ['14']);
  const in66 = await auth.addUser('nguoi-66', TEST_PASSWORD, 'drafter', ['66']);
  await db.query(`
    INSERT INTO subscribers (msisdn, carrier, province_code)
    SELECT 84914000000 + n, 'viettel', '14' FROM generate_series(1, ${IN_SUBSCRIBERS}) n
    UNION ALL SELECT 84966000000 + n, 'viettel', '66' FROM generate_series(1, ${OUT_SUBSCRIBERS}) n`);
  await db.query(`INSERT INTO subscriber_exclusions (msisdn, reason, province_code) VALUES (84914000099, 'đề nghị', '14'), (84966000099, 'đề nghị', '66')`);
  // Numbers of both provinces excluded in one request (opted out already, so no audience changes): one audit entry of 14 and 66.
  await db.query(
    `INSERT INTO subscribers (msisdn, carrier, province_code, status) VALUES (84914000050, 'viettel', '14', 'opted_out'), (84966000050, 'viettel', '66', 'opted_out')`,
  );
  await post(drafter, '/subscribers/exclusions', { msisdns: ['0914000050', '0966000050'] });
  const [adminUser] = await queryRows<{ id: string }>(db, `SELECT id FROM users WHERE username = 'demo-admin'`);
  await db.query(`INSERT INTO test_numbers (msisdn, user_id, carrier, created_by) VALUES (84914000091, $1, 'viettel', $3), (84966000091, $2, 'viettel', $3)`, [
    in14.id,
    in66.id,
    adminUser.id,
  ]);

  const template = await post(drafter, '/templates', { name: 'Mẫu chung', body: 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP.' });
  await post(drafter, `/templates/${template.id}/submit`);
  await post(approver, `/templates/${template.id}/approve`);
  await db.query(
    `INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id, provinces)
     SELECT n.id, n.id, 1, $1, 'Cảnh báo', 'auto', 3, 'approved', $2, '{66}' FROM (SELECT nextval('templates_id_seq') AS id) n`,
    [`${OUT} mẫu`, in66.id],
  );

  const programme = async (name: string, provinces: string[]) =>
    (await post(drafter, '/programmes', { name, issuingUnit: 'CÔNG AN TỈNH', provinces, reportDeadline: DEADLINE })).id as number;
  await programme('Trong-14 kế hoạch', ['14']);
  await programme(`${OUT} kế hoạch`, ['66']);
  const shared = await programme('Chung-14-66 kế hoạch', ['14', '66']);
  const campaign = async (name: string, provinces: string[], priority: number, state: 'draft' | 'scheduled') => {
    const created = await post(drafter, '/campaigns', {
      name,
      templateId: template.id,
      provinces,
      carriers: ['viettel'],
      startAt: START_AT,
      reportDeadline: DEADLINE,
      priority,
      programmeId: shared,
    });
    if (state === 'scheduled') {
      await post(drafter, `/campaigns/${created.id}/submit`);
      await post(approver, `/campaigns/${created.id}/approve`);
    }
    return created.id as number;
  };
  await campaign('Trong-14 chiến dịch', ['14'], 5, 'scheduled');
  await campaign(`${OUT} chiến dịch`, ['66'], 5, 'scheduled');
  const scheduled = await campaign('Chung-14-66 chiến dịch', ['14', '66'], 0, 'scheduled');
  const draft = await campaign('Chung-14-66 nháp', ['14', '66'], 0, 'draft');
  const running = await campaign('Chung-14-66 đang gửi', ['14', '66'], 0, 'draft');
  await db.query(`UPDATE campaigns SET state = 'running', materialised_at = now() WHERE id = $1`, [running]);
  await db.query(
    `INSERT INTO campaign_stats (campaign_id, province_code, carrier, targeted, submitted, delivered) VALUES ($1, '14', 'viettel', $2, 1, 1), ($1, '66', 'viettel', $3, 2, 2)`,
    [running, IN_SUBSCRIBERS, OUT_SUBSCRIBERS],
  );
  // The drafter's test sends of the shared draft: one to a number of 14's user, one to 66's.
  await db.query(
    `INSERT INTO test_sends (campaign_id, msisdn, carrier, province_code, text_id, requested_by)
     SELECT $1, n.msisdn, 'viettel', n.province, t.id, $2 FROM (VALUES (84914000091, '14'), (84966000091, '66')) n(msisdn, province)
     JOIN campaign_texts t ON t.campaign_id = $1 AND t.province_code = n.province`,
    [draft, in14.id],
  );
  await api.http().get('/audit').set(as(admin)).expect(200);
  return { shared: { scheduled, running, draft, programme: shared }, tokens };
}
