import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Role, ROLES } from '@loa/auth';
import { accessFixtures, type AccessFixtures, type Scope, SCOPES } from './access-fixtures';
import { declaredRoutes } from './route-table';
import { createTestApi, type TestApi } from './test-app';

/**
 * The authorisation matrix: every route Nest declares × every role × an object in, partly in and out of the
 * caller's province scope (14). Each row says who may call the route and how its object is scoped; the
 * exact status follows from the one rule (libs/auth/src/access.ts):
 * - a role the route does not name: 403;
 * - 'act' (approve, pause, exclude, export…): 404 unless the scope covers ALL of the object's provinces;
 * - 'read': 404 only when no province of the object is in scope (the answer shows the in-scope part);
 * - 'target' (the request names provinces: create, count): 403 unless all are in scope;
 * - 'none': lists filtered by scope, and creations that name no province.
 * A refused request must leave the database as it was. A route without a row fails the test.
 */
type Access = 'public' | 'any' | Role[];
type Kind = 'act' | 'read' | 'target' | 'none';

interface Row {
  access: Access;
  kind: Kind;
  /** The status when allowed and in scope. */
  ok: number;
  /** A fresh request for this role and scope (objects made as the row needs them). */
  request: (f: AccessFixtures, scope: Scope, role: Role) => Promise<Call>;
}

export interface Call {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  body?: object | string;
  contentType?: string;
}

/** The console's script, as the build named it (the browser tests and `npm test` build the console first). */
const consoleScript = (): string => /\/assets\/([^"]+\.js)"/.exec(readFileSync(join(process.cwd(), 'dist', 'console', 'index.html'), 'utf8'))![1];
const get = (path: string): Call => ({ method: 'get', path });
const post = (path: string, body: object = {}): Call => ({ method: 'post', path, body });
const REASON = { reason: 'Thiếu số đường dây nóng' };

export const MATRIX: Record<string, Row> = {
  'POST /auth/login': { access: 'public', kind: 'none', ok: 200, request: async (f, _, role) => post('/auth/login', f.credentials(role)) },
  'GET /auth/me': { access: 'any', kind: 'none', ok: 200, request: async () => get('/auth/me') },
  'GET /health/live': { access: 'public', kind: 'none', ok: 200, request: async () => get('/health/live') },
  'GET /health/ready': { access: 'public', kind: 'none', ok: 200, request: async () => get('/health/ready') },
  'GET /': { access: 'public', kind: 'none', ok: 200, request: async () => get('/') },
  'GET /console': { access: 'public', kind: 'none', ok: 200, request: async () => get('/console') },
  'GET /console/*path': { access: 'public', kind: 'none', ok: 200, request: async () => get('/console/hom-nay') },
  'GET /favicon.svg': { access: 'public', kind: 'none', ok: 200, request: async () => get('/favicon.svg') },
  'GET /assets/:file': { access: 'public', kind: 'none', ok: 200, request: async () => get(`/assets/${consoleScript()}`) },
  'GET /subscribers/:msisdn/messages': { access: 'any', kind: 'none', ok: 200, request: async () => get('/subscribers/0912345678/messages') },
  'GET /health/carriers': { access: 'public', kind: 'none', ok: 200, request: async () => get('/health/carriers') },
  'GET /carriers/links': { access: 'any', kind: 'none', ok: 200, request: async () => get('/carriers/links') },
  'GET /carriers/certificates': { access: 'any', kind: 'none', ok: 200, request: async () => get('/carriers/certificates') },
  'GET /metrics': { access: 'public', kind: 'none', ok: 200, request: async () => get('/metrics') },
  'GET /provinces': { access: 'any', kind: 'none', ok: 200, request: async () => get('/provinces') },
  'PATCH /provinces/:code': {
    access: ['admin'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => ({ method: 'patch', path: `/provinces/${f.singleProvince(scope)}`, body: { website: null } }),
  },

  'GET /templates': { access: 'any', kind: 'none', ok: 200, request: async () => get('/templates') },
  'GET /templates/:id': { access: 'any', kind: 'read', ok: 200, request: async (f, scope) => get(`/templates/${await f.template(scope, 'approved')}`) },
  'POST /templates': {
    access: ['drafter'],
    kind: 'none',
    ok: 201,
    request: async () => post('/templates', { name: 'Mẫu mới', body: 'Công an {{province.name}} cảnh báo.' }),
  },
  'POST /templates/preview': {
    access: 'any',
    kind: 'none',
    ok: 200,
    request: async () => post('/templates/preview', { body: 'Công an {{province.name}} cảnh báo.' }),
  },
  'POST /templates/:id/submit': {
    access: ['drafter'],
    kind: 'act',
    ok: 200,
    request: async (f, scope, role) => post(`/templates/${await f.template(scope, 'draft', f.actor(role))}/submit`),
  },
  'POST /templates/:id/approve': {
    access: ['approver'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => post(`/templates/${await f.template(scope, 'pending')}/approve`),
  },
  'POST /templates/:id/reject': {
    access: ['approver'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => post(`/templates/${await f.template(scope, 'pending')}/reject`, REASON),
  },
  'GET /templates/:id/registrations': {
    access: 'any',
    kind: 'read',
    ok: 200,
    request: async (f, scope) => get(`/templates/${await f.template(scope, 'approved')}/registrations`),
  },
  'POST /templates/:id/registrations/:carrier': {
    access: ['admin'],
    kind: 'act',
    ok: 201,
    request: async (f, scope) => post(`/templates/${await f.template(scope, 'approved')}/registrations/viettel`, { state: 'submitted' }),
  },

  'GET /campaigns': { access: 'any', kind: 'none', ok: 200, request: async () => get('/campaigns') },
  'GET /campaigns/:id': { access: 'any', kind: 'read', ok: 200, request: async (f, scope) => get(`/campaigns/${await f.campaign(scope, 'scheduled')}`) },
  'GET /campaigns/:id/texts': {
    access: 'any',
    kind: 'read',
    ok: 200,
    request: async (f, scope) => get(`/campaigns/${await f.campaign(scope, 'scheduled')}/texts`),
  },
  'GET /campaigns/:id/report': {
    access: 'any',
    kind: 'read',
    ok: 200,
    request: async (f, scope) => get(`/campaigns/${await f.campaign(scope, 'running')}/report`),
  },
  'POST /campaigns/:id/carrier-reports': {
    access: ['operator'],
    kind: 'act',
    ok: 201,
    request: async (f, scope) =>
      post(`/campaigns/${await f.campaign(scope, 'completed')}/carrier-reports`, {
        carrier: 'viettel',
        targeted: 10,
        sent: 10,
        delivered: 9,
        reportedOn: '2026-11-20',
      }),
  },
  'GET /reports/deadlines': { access: 'any', kind: 'none', ok: 200, request: async () => get('/reports/deadlines?days=30') },
  'GET /programmes': { access: 'any', kind: 'none', ok: 200, request: async () => get('/programmes') },
  'GET /programmes/:id': { access: 'any', kind: 'read', ok: 200, request: async (f, scope) => get(`/programmes/${await f.programme(scope)}`) },
  'GET /programmes/:id/report': { access: 'any', kind: 'read', ok: 200, request: async (f, scope) => get(`/programmes/${await f.programme(scope)}/report`) },
  'POST /programmes': {
    access: ['drafter', 'approver'],
    kind: 'target',
    ok: 201,
    request: async (f, scope) => post('/programmes', { name: 'Kế hoạch tuyên truyền', issuingUnit: 'CÔNG AN TỈNH SƠN LA', provinces: f.provinces(scope) }),
  },
  'POST /campaigns': {
    access: ['drafter'],
    kind: 'target',
    ok: 201,
    request: async (f, scope) =>
      post('/campaigns', { name: 'Chiến dịch', templateId: await f.nationalTemplate(), provinces: f.provinces(scope), startAt: '2027-01-20T08:00:00+07:00' }),
  },
  'POST /campaigns/:id/submit': {
    access: ['drafter'],
    kind: 'act',
    ok: 200,
    request: async (f, scope, role) => post(`/campaigns/${await f.campaign(scope, 'draft', f.actor(role))}/submit`),
  },
  'POST /campaigns/:id/approve': {
    access: ['approver'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => post(`/campaigns/${await f.campaign(scope, 'pending_approval')}/approve`),
  },
  'POST /campaigns/:id/reject': {
    access: ['approver'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => post(`/campaigns/${await f.campaign(scope, 'pending_approval')}/reject`, { reason: 'Thiếu số đường dây nóng của tỉnh' }),
  },
  'POST /campaigns/:id/pause': {
    access: ['operator', 'approver'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => post(`/campaigns/${await f.campaign(scope, 'running')}/pause`),
  },
  'POST /campaigns/:id/resume': {
    access: ['operator', 'approver'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => post(`/campaigns/${await f.campaign(scope, 'paused')}/resume`),
  },
  'POST /campaigns/:id/cancel': {
    access: ['operator', 'approver'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => post(`/campaigns/${await f.campaign(scope, 'scheduled')}/cancel`),
  },

  'GET /campaigns/:id/plan': {
    access: 'any',
    kind: 'read',
    ok: 200,
    request: async (f, scope) => get(`/campaigns/${await f.campaign(scope, 'scheduled')}/plan`),
  },
  'POST /campaigns/plan': {
    access: ['drafter'],
    kind: 'target',
    ok: 200,
    request: async (f, scope) =>
      post('/campaigns/plan', {
        name: 'Kế hoạch',
        templateId: await f.nationalTemplate(),
        provinces: f.provinces(scope),
        startAt: '2027-01-20T08:00:00+07:00',
      }),
  },
  'POST /campaigns/:id/send-limits': {
    access: ['approver'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => post(`/campaigns/${await f.campaign(scope, 'scheduled')}/send-limits`, {}),
  },
  'POST /test-numbers': {
    access: ['admin'],
    kind: 'none',
    ok: 201,
    request: async (f, _, role) => post('/test-numbers', { msisdn: await f.freshNumber(), userId: f.actor(role).id }),
  },
  'GET /test-numbers': { access: ['admin', 'drafter'], kind: 'none', ok: 200, request: async () => get('/test-numbers') },
  'POST /campaigns/:id/test-sends': {
    access: ['drafter'],
    kind: 'act',
    ok: 201,
    request: async (f, scope, role) =>
      post(`/campaigns/${await f.campaign(scope, 'draft', f.actor(role))}/test-sends`, { msisdns: [await f.testNumber()], provinces: ['14'] }),
  },
  'GET /campaigns/:id/test-sends': {
    access: 'any',
    kind: 'read',
    ok: 200,
    request: async (f, scope) => get(`/campaigns/${await f.campaign(scope, 'draft')}/test-sends`),
  },

  'GET /audiences/count': {
    access: 'any',
    kind: 'target',
    ok: 200,
    request: async (f, scope) => get(`/audiences/count?provinces=${f.provinces(scope).join(',')}`),
  },
  'GET /subscribers/exclusions': { access: ['drafter', 'operator'], kind: 'none', ok: 200, request: async () => get('/subscribers/exclusions') },
  'POST /subscribers/exclusions': {
    access: ['drafter', 'operator'],
    kind: 'act',
    ok: 201,
    request: async (f, scope) => post('/subscribers/exclusions', { msisdns: await f.subscribers(scope) }),
  },
  'DELETE /subscribers/exclusions/:msisdn': {
    access: ['drafter', 'operator'],
    kind: 'act',
    ok: 204,
    request: async (f, scope) => ({ method: 'delete', path: `/subscribers/exclusions/${await f.exclusion(scope)}` }),
  },
  'POST /subscribers/imports': {
    access: ['drafter'],
    kind: 'none',
    ok: 201,
    request: async (f, scope) => ({ method: 'post', path: '/subscribers/imports', body: f.importCsv(scope), contentType: 'text/csv' }),
  },
  'GET /subscribers/imports/:id': {
    access: ['drafter'],
    kind: 'act',
    ok: 200,
    request: async (f, scope, role) => get(`/subscribers/imports/${await f.importJob(scope, f.actor(role))}`),
  },
  'GET /subscribers/imports/:id/rejections.csv': {
    access: ['admin'],
    kind: 'act',
    ok: 200,
    request: async (f, scope, role) => get(`/subscribers/imports/${await f.importJob(scope, f.actor(role))}/rejections.csv`),
  },

  'GET /users': { access: ['admin'], kind: 'none', ok: 200, request: async () => get('/users') },
  'POST /users': {
    access: ['admin'],
    kind: 'target',
    ok: 201,
    request: async (f, scope) => post('/users', { username: f.freshName(), password: 'mat-khau-moi-1', role: 'viewer', provinces: f.provinces(scope) }),
  },
  'PATCH /users/:id': {
    access: ['admin'],
    kind: 'act',
    ok: 200,
    request: async (f, scope) => ({ method: 'patch', path: `/users/${await f.user(scope)}`, body: { role: 'drafter' } }),
  },
  'GET /audit': { access: ['approver'], kind: 'none', ok: 200, request: async () => get('/audit?format=csv') },
};

export function expectedStatus(row: Row, role: Role, scope: Scope): number {
  if (row.access === 'public') return row.ok;
  if (row.access !== 'any' && role !== 'admin' && !row.access.includes(role)) return 403;
  if (row.kind === 'act') return scope === 'in' ? row.ok : 404;
  if (row.kind === 'read') return scope === 'out' ? 404 : row.ok;
  if (row.kind === 'target') return scope === 'in' ? row.ok : 403;
  return row.ok;
}

describe('authorisation matrix (every route × role × province scope)', () => {
  let api: TestApi;
  let f: AccessFixtures;

  beforeAll(async () => {
    api = await createTestApi();
    f = await accessFixtures(api);
  });
  afterAll(() => api?.close());

  it('has a row for every route Nest declares, and every route declares who may call it', () => {
    const routes = declaredRoutes(api.app);
    expect(routes.filter((route) => !MATRIX[route.key]).map((route) => route.key)).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !routes.some((route) => route.key === key))).toEqual([]);
    expect(routes.filter((route) => route.access === undefined).map((route) => route.key)).toEqual([]);
    // The row's roles are what the code declares (the statuses below then prove the guard applies them).
    for (const route of routes) expect([route.key, route.access]).toEqual([route.key, MATRIX[route.key].access]);
  });

  it('its digest sees a write (a row rewritten with the same values, added, deleted), not a table left out', async () => {
    const [before, beforeLeftOut] = [await f.digest(), await f.digest(['provinces'])];
    await api.dataSource.query(`UPDATE provinces SET website = website WHERE code = '14'`);
    const [rewritten, rewrittenLeftOut] = [await f.digest(), await f.digest(['provinces'])];
    await api.dataSource.query(`INSERT INTO subscribers (msisdn, carrier, province_code) VALUES (84915999014, 'vnpt', '14')`);
    const added = await f.digest();
    await api.dataSource.query(`DELETE FROM subscribers WHERE msisdn = 84915999014`);
    const deleted = await f.digest();

    expect(rewritten).not.toBe(before);
    expect(rewrittenLeftOut).toBe(beforeLeftOut);
    expect(added).not.toBe(rewritten);
    expect(deleted).not.toBe(added);
    expect(await f.digest()).toBe(deleted);
  });

  it('answers each route, role and scope with the exact status, and a refusal changes nothing', async () => {
    const mismatches: string[] = [];
    for (const [key, row] of Object.entries(MATRIX)) {
      for (const role of ROLES) {
        for (const scope of SCOPES) {
          const call = await row.request(f, scope, role);
          const want = expectedStatus(row, role, scope);
          const before = want >= 400 ? await f.digest() : undefined;
          const response = await f.send(call, role);
          if (response.status !== want)
            mismatches.push(`${key} as ${role}, ${scope} of scope: ${response.status} (want ${want}) ${JSON.stringify(response.body).slice(0, 160)}`);
          if (before !== undefined && (await f.digest()) !== before)
            mismatches.push(`${key} as ${role}, ${scope} of scope: refused with ${response.status} but changed the database`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000);
});
