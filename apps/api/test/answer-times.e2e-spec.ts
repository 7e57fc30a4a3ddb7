import { type CarrierAccount } from '@loa/config';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { approvedCampaign, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from '../../dispatcher/test/campaign-harness';
import { declaredRoutes } from './route-table';
import { createTestApi, type TestApi } from './test-app';

/** A time in UTC, as `Date.prototype.toJSON` writes it: what no answer may give. */
const UTC_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;
/** Any string that is an ISO 8601 date and time (a date alone, `2026-11-20`, is not a time). */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
const VIETNAM_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00$/;

interface Fixtures {
  completed: number;
  scheduled: number;
  programme: number;
  template: number;
  importJob: number;
}

/** Every GET route Nest declares, as called here; null for an answer that is not JSON (a page, a file, Prometheus text). */
const GETS: Record<string, ((f: Fixtures) => string) | null> = {
  'GET /': null,
  'GET /console': null,
  'GET /console/*path': null,
  'GET /favicon.svg': null,
  'GET /assets/:file': null,
  'GET /metrics': null,
  'GET /subscribers/imports/:id/rejections.csv': null,
  'GET /auth/me': () => '/auth/me',
  'GET /health/live': () => '/health/live',
  'GET /health/ready': () => '/health/ready',
  'GET /health/carriers': () => '/health/carriers',
  'GET /carriers/links': () => '/carriers/links',
  'GET /carriers/certificates': () => '/carriers/certificates',
  'GET /provinces': () => '/provinces',
  'GET /templates': () => '/templates',
  'GET /templates/:id': (f) => `/templates/${f.template}`,
  'GET /templates/:id/registrations': (f) => `/templates/${f.template}/registrations`,
  'GET /campaigns': () => '/campaigns',
  'GET /campaigns/:id': (f) => `/campaigns/${f.completed}`,
  'GET /campaigns/:id/texts': (f) => `/campaigns/${f.completed}/texts`,
  'GET /campaigns/:id/report': (f) => `/campaigns/${f.completed}/report`,
  'GET /campaigns/:id/plan': (f) => `/campaigns/${f.scheduled}/plan`,
  'GET /campaigns/:id/test-sends': (f) => `/campaigns/${f.completed}/test-sends`,
  'GET /reports/deadlines': () => '/reports/deadlines?days=30',
  'GET /programmes': () => '/programmes',
  'GET /programmes/:id': (f) => `/programmes/${f.programme}`,
  'GET /programmes/:id/report': (f) => `/programmes/${f.programme}/report`,
  'GET /test-numbers': () => '/test-numbers',
  'GET /audiences/count': () => '/audiences/count',
  'GET /subscribers/:msisdn/messages': () => '/subscribers/84960000001/messages',
  'GET /subscribers/exclusions': () => '/subscribers/exclusions',
  'GET /subscribers/imports/:id': (f) => `/subscribers/imports/${f.importJob}`,
  'GET /users': () => '/users',
  'GET /audit': () => '/audit?limit=500',
};

/** Fields that must carry times (so an answer that lost its times cannot pass): the route and the field's path, any index as []. */
const MUST_SHOW = [
  'GET /campaigns/:id $.startAt',
  'GET /campaigns/:id $.reportDeadline',
  'GET /campaigns/:id $.completedAt',
  'GET /campaigns/:id/plan $.sendWindows[].start',
  'GET /campaigns/:id/report $.countedUntil',
  'GET /campaigns/:id/report $.times.firstSentAt',
  'GET /campaigns/:id/report $.timeline.points[].at',
  'GET /campaigns/:id/report $.carrierReports.reported[].reported.recordedAt',
  'GET /programmes/:id $.reportDeadline',
  'GET /programmes/:id/report $.campaigns[].times.lastReceiptAt',
  'GET /reports/deadlines $[].reportDeadline',
  'GET /subscribers/:msisdn/messages $.messages[].sentAt',
  'GET /subscribers/exclusions $.items[].createdAt',
  'GET /subscribers/imports/:id $.finishedAt',
  'GET /templates/:id $.decidedAt',
  'GET /test-numbers $[].createdAt',
  'GET /users $[].createdAt',
  'GET /audit $[].at',
  // a Date the audit log stored in its jsonb (as UTC), given back in +07:00
  'GET /audit $[].after.startAt',
  'GET /carriers/certificates $[].lapsesAt',
  'POST /campaigns/plan $.startAt',
];

/**
 * Every time in every JSON answer is ISO 8601 in Viet Nam's offset (`…+07:00`), never UTC (`…Z`): the GET
 * routes Nest declares (a new one fails the test until it is called here) and the read-only POSTs, over a
 * campaign that ran through the simulator, one scheduled, a programme, a carrier's report, an import, an
 * exclusion and the audit entries all this wrote.
 */
describe('times in answers', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let f: Fixtures;
  let admin: string;

  beforeAll(async () => {
    simulator = await simulatedCarrier('viettel', {
      messageIdFormat: 'decimal',
      receiptIdFormat: 'decimal',
      receiptDelayMs: [5, 30],
      outcomes: { DELIVRD: 1 },
    });
    const carriers = [simulatedAccount('viettel' as CarrierAccount['id'], simulator.port)];
    api = await createTestApi({ carriers: ['viettel'], imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50 } })] });
    await seedSubscribers(api, 'viettel', '14', 84960000001, 4);
    f = await fixtures(api);
    admin = await api.login('demo-admin');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await simulator?.stop();
  });

  it('calls every GET route Nest declares', () => {
    const gets = declaredRoutes(api.app)
      .filter((route) => route.method === 'GET')
      .map((route) => route.key);
    expect(gets.filter((key) => !(key in GETS))).toEqual([]);
    expect(Object.keys(GETS).filter((key) => !gets.includes(key))).toEqual([]);
  });

  it('gives every time with +07:00, none in UTC', async () => {
    const seen: string[] = [];
    const faults: string[] = [];
    const check = (route: string, status: number, body: unknown) => {
      if (status >= 400) faults.push(`${route}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
      for (const [path, text] of strings(body, '$')) {
        if (UTC_TIME.test(text)) faults.push(`${route} ${path}: ${text} is in UTC`);
        else if (ISO_TIME.test(text) && !VIETNAM_TIME.test(text)) faults.push(`${route} ${path}: ${text} is not ISO 8601 in +07:00`);
        else if (ISO_TIME.test(text)) seen.push(`${route} ${path.replace(/\[\d+\]/g, '[]')}`);
      }
    };
    for (const [route, path] of Object.entries(GETS)) {
      if (!path) continue;
      const response = await api.http().get(path(f)).auth(admin, { type: 'bearer' });
      expect(response.type).toBe('application/json');
      check(route, response.status, response.body);
    }
    const plan = await api
      .http()
      .post('/campaigns/plan')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'Nháp', templateId: f.template, provinces: ['14'], carriers: ['viettel'], startAt: '2099-01-01T08:00' });
    check('POST /campaigns/plan', plan.status, plan.body);
    const preview = await api.http().post('/templates/preview').auth(admin, { type: 'bearer' }).send({ body: 'Công an {{province.unit}} cảnh báo.' });
    check('POST /templates/preview', preview.status, preview.body);

    expect(faults).toEqual([]);
    expect(MUST_SHOW.filter((field) => !seen.includes(field))).toEqual([]);
  }, 120_000);

  it('answers a time sent in UTC with the same instant in +07:00', async () => {
    const drafter = await api.login('demo-drafter');
    const created = await api
      .http()
      .post('/programmes')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'Giờ UTC', issuingUnit: 'CÔNG AN TỈNH SƠN LA', provinces: ['14'], reportDeadline: '2098-12-31T17:00:00Z' })
      .expect(201);
    expect(created.body.reportDeadline).toBe('2099-01-01T00:00:00.000+07:00');
  });
});

/** Every string in a JSON value, with its path (`$.rows[0].at`). */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  return [];
}

async function fixtures(api: TestApi): Promise<Fixtures> {
  const [drafter, operator, admin] = await Promise.all(['demo-drafter', 'demo-operator', 'demo-admin'].map((user) => api.login(user)));
  const post = async (token: string, path: string, body: object | string = {}, type = 'application/json') => {
    const response = await api.http().post(path).auth(token, { type: 'bearer' }).type(type).send(body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString();
  const programme = await post(drafter, '/programmes', {
    name: 'Kế hoạch',
    issuingUnit: 'CÔNG AN TỈNH ĐIỆN BIÊN',
    provinces: ['14'],
    reportDeadline: inTenDays,
  });
  const body = 'Công an {{province.unit}} cảnh báo: không cung cấp mã OTP. Liên hệ {{province.hotline}}.';
  const completed = await approvedCampaign(api, body, { provinces: ['14'], carriers: ['viettel'], reportDeadline: inTenDays, programmeId: programme.id });
  await waitForCompletion(api, completed);
  const [{ template_id: template }] = await api.dataSource.query('SELECT template_id::int FROM campaigns WHERE id = $1', [completed]);
  const scheduled = await post(drafter, '/campaigns', {
    name: 'Nhắc lại',
    templateId: template,
    provinces: ['14'],
    carriers: ['viettel'],
    startAt: new Date(Date.now() + 86_400_000).toISOString(),
    reportDeadline: inTenDays,
  });
  await post(operator, `/campaigns/${completed}/carrier-reports`, { carrier: 'viettel', targeted: 4, sent: 4, delivered: 4, reportedOn: '2026-11-20' });
  await post(drafter, '/subscribers/exclusions', { msisdns: ['0960000004'], reason: 'đề nghị' });
  const importJob = await post(admin, '/subscribers/imports', 'msisdn,carrier,province\n0960000009,viettel,14\n', 'text/csv');
  const [user] = await api.dataSource.query(`SELECT id FROM users WHERE username = 'demo-drafter'`);
  await post(admin, '/test-numbers', { msisdn: '0960000008', userId: Number(user.id) });
  return { completed, scheduled: scheduled.id, programme: programme.id, template, importJob: importJob.id };
}
