import { type OpenAPIObject } from '@nestjs/swagger';
import { openApiDocument } from '@loa/api';
import { accessFixtures, type AccessFixtures } from './access-fixtures';
import { declaredRoutes, type DeclaredRoute } from './route-table';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

/**
 * Bad input over every write route (from Nest's route table) and every list query: over-deep and malformed
 * JSON, wrong types, huge numbers, loose ids, invisible and look-alike characters. Sent by a national admin
 * (no role or scope stands in the way), at objects that exist and would change: every answer is a 4xx
 * and the database is left as it was.
 */

/** A valid body per route that reads one; each field is then spoiled in turn. A body route without one fails the test. */
const VALID_BODIES: Record<string, object> = {
  'POST /auth/login': { username: 'demo-admin', password: TEST_PASSWORD },
  'PATCH /provinces/:code': { policeHotlines: ['069.3672.888'], website: 'https://congan.dienbien.gov.vn' },
  'POST /templates': { name: 'Mẫu', body: 'Công an {{province.name}} cảnh báo.', previousVersionId: 1 },
  'POST /templates/preview': { body: 'Công an {{province.name}} cảnh báo.', provinces: ['14'] },
  'POST /templates/:id/reject': { reason: 'Thiếu số đường dây nóng' },
  'POST /templates/:id/registrations/:carrier': { state: 'registered', reference: 'VT-0001', slots: { 'province.name': 30 } },
  'POST /programmes': { name: 'Kế hoạch tuyên truyền', issuingUnit: 'CÔNG AN TỈNH SƠN LA', provinces: ['14'] },
  'POST /campaigns/:id/carrier-reports': { carrier: 'viettel', targeted: 10, sent: 10, delivered: 9, reportedOn: '2026-11-20' },
  'POST /campaigns': { name: 'Chiến dịch', templateId: 1, provinces: ['14'], startAt: '2027-01-20T08:00:00+07:00' },
  'POST /subscribers/exclusions': { msisdns: ['0912000001'], reason: 'yêu cầu' },
  'POST /users': { username: 'nguoi-moi', password: 'mat-khau-moi-1', role: 'viewer', provinces: ['14'] },
  'PATCH /users/:id': { role: 'drafter', provinces: ['14'] },
  'POST /campaigns/plan': { name: 'Kế hoạch', templateId: 1, provinces: ['14'], startAt: '2027-01-20T08:00:00+07:00' },
  'POST /campaigns/:id/approve': { acknowledgeDeadlineMiss: true, reason: 'Cảnh báo khẩn: gửi nốt sau hạn' },
  'POST /campaigns/:id/reject': { reason: 'Thiếu số đường dây nóng của tỉnh' },
  'POST /campaigns/:id/send-limits': { windowStart: '08:00', windowEnd: '20:00' },
  'POST /test-numbers': { msisdn: '0912000009', userId: 1 },
  'POST /campaigns/:id/test-sends': { msisdns: ['0912000009'], provinces: ['14'] },
};

/** Fields whose text is a code, a number or a name a machine matches: a look-alike (full-width) copy must be refused. */
const STRICT_FIELDS = ['provinces', 'msisdns', 'msisdn', 'username', 'role', 'startAt', 'policeHotlines', 'website', 'windowStart', 'windowEnd'];

const FULL_WIDTH = (text: string) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const DEEP_JSON = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
const LOOSE_IDS = ['0x10', '%201', '1e3', '１', '-1', '1.0', '99999999999999999999', '+1', '1%00'];
const BAD_QUERIES = ['offset=1e20', 'limit=0x10', 'offset=-1', 'limit=abc', 'offset=%201', 'limit=1&limit=2', 'offset=' + '9'.repeat(30), 'not-a-field=1'];

/** Control characters a text field must refuse (C0 other than tab and line breaks, DEL, C1). */
const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085'];

/** Each field of `body` spoiled in each way that must be refused; `nullable` lists the fields whose OpenAPI says null is a value. */
function spoiledBodies(body: object, nullable: string[]): { what: string; body: object }[] {
  const out: { what: string; body: object }[] = [];
  for (const [field, value] of Object.entries(body)) {
    const spoil = (what: string, bad: unknown) => out.push({ what: `${field}: ${what}`, body: { ...body, [field]: bad } });
    spoil('wrong type', typeof value === 'string' ? 12345 : Array.isArray(value) ? 'x' : typeof value === 'number' ? '12' : 7);
    spoil('huge number', 1e20);
    spoil('object', { nested: { deeper: [1] } });
    if (!nullable.includes(field)) spoil('null', null);
    if (Array.isArray(value)) spoil('null item', [null]);
    const invisible = (text: string) => `${text.slice(0, 1)}\u200b${text.slice(1)}`;
    if (typeof value === 'string') spoil('zero-width space', invisible(value));
    if (Array.isArray(value) && typeof value[0] === 'string') spoil('zero-width space', [invisible(value[0])]);
    const withControl = (text: string, character: string) => `${text.slice(0, 1)}${character}${text.slice(1)}`;
    for (const character of CONTROL_CHARACTERS) {
      const name = `control character U+${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
      if (typeof value === 'string') spoil(name, withControl(value, character));
      if (Array.isArray(value) && typeof value[0] === 'string') spoil(name, [withControl(value[0], character)]);
    }
    if (STRICT_FIELDS.includes(field) && typeof value === 'string') spoil('full-width look-alike', FULL_WIDTH(value));
    if (STRICT_FIELDS.includes(field) && Array.isArray(value))
      spoil(
        'full-width look-alike',
        value.map((item) => FULL_WIDTH(String(item))),
      );
  }
  out.push({ what: 'unknown field', body: { ...body, isAdmin: true } });
  return out;
}

describe('bad input on every write route and list query', () => {
  let api: TestApi;
  let f: AccessFixtures;
  let admin: string;
  let routes: DeclaredRoute[];
  let document: OpenAPIObject;

  beforeAll(async () => {
    api = await createTestApi();
    f = await accessFixtures(api);
    admin = await api.login('demo-admin');
    routes = declaredRoutes(api.app);
    document = openApiDocument(api.app);
  });
  afterAll(() => api?.close());

  /** The fields of a route's JSON body that its OpenAPI schema marks nullable. */
  function nullableFields(route: DeclaredRoute): string[] {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[path]?.[route.method.toLowerCase() as 'post'];
    const body = operation?.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined;
    const reference = body?.content?.['application/json']?.schema?.$ref;
    const schema = reference
      ? (document.components?.schemas?.[reference.split('/').pop()!] as { properties?: Record<string, { nullable?: boolean }> })
      : undefined;
    return Object.entries(schema?.properties ?? {})
      .filter(([, property]) => property.nullable)
      .map(([field]) => field);
  }

  /** The path with its parameter filled by an object that exists and that the route would change. */
  async function realPath(route: DeclaredRoute): Promise<string> {
    if (!route.path.includes(':')) return route.path;
    if (route.path.startsWith('/templates/')) return route.path.replace(':id', String(await f.template('in', 'pending'))).replace(':carrier', 'viettel');
    if (route.path.startsWith('/campaigns/')) return route.path.replace(':id', String(await f.campaign('in', 'scheduled')));
    if (route.path.startsWith('/users/')) return route.path.replace(':id', String(await f.user('in')));
    if (route.path.startsWith('/subscribers/imports/')) return route.path.replace(':id', String(await f.importJob('in', f.actor('admin'))));
    if (route.path.startsWith('/subscribers/exclusions/')) return route.path.replace(':msisdn', await f.exclusion('in'));
    return route.path.replace(':code', '14');
  }

  async function expectRefused(what: string, send: () => Promise<{ status: number; text: string }>, problems: string[]): Promise<void> {
    // A failed login is audited: the one write a refusal makes on purpose.
    const leaveOut = what.startsWith('POST /auth/login') ? ['audit_log'] : [];
    const before = await f.digest(leaveOut);
    const response = await send();
    if (response.status < 400 || response.status >= 500) problems.push(`${what}: ${response.status} ${response.text.slice(0, 160)}`);
    if ((await f.digest(leaveOut)) !== before) problems.push(`${what}: changed the database`);
  }

  it('has a valid body for every route that reads one', () => {
    const bodyRoutes = routes.filter((route) => route.hasBody).map((route) => route.key);
    expect(bodyRoutes.filter((key) => !VALID_BODIES[key])).toEqual([]);
  });

  it('refuses deep, malformed and spoiled bodies with a 4xx and changes nothing', async () => {
    const problems: string[] = [];
    const writes = routes.filter((route) => route.method !== 'GET');
    for (const route of writes) {
      const method = route.method.toLowerCase() as 'post' | 'patch' | 'delete' | 'put';
      // A fresh object per request (made before the digest), in a state the route would change.
      const refuses = async (what: string, body: string | object) => {
        const path = await realPath(route);
        const send = () => api.http()[method](path).set('Authorization', `Bearer ${admin}`).set('Content-Type', 'application/json').send(body);
        await expectRefused(`${route.key} ${what}`, send, problems);
      };
      await refuses('with JSON 10,000 deep', DEEP_JSON);
      await refuses('with malformed JSON', '{"name": "x",');
      if (!route.hasBody) continue;
      for (const spoiled of spoiledBodies(VALID_BODIES[route.key] ?? {}, nullableFields(route))) await refuses(spoiled.what, spoiled.body);
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('refuses loose ids on every route with an id, and bad numbers on every list query', async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.path.includes(':id'))) {
      const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete' | 'put';
      for (const id of LOOSE_IDS) {
        const path = (await realPath(route)).replace(/\/\d+(?=\/|$)/, `/${id}`);
        const body = VALID_BODIES[route.key];
        await expectRefused(
          `${route.key} with id "${id}"`,
          async () => {
            const request = api.http()[method](path).set('Authorization', `Bearer ${admin}`);
            return body ? request.send(body) : request;
          },
          problems,
        );
      }
    }
    for (const route of routes.filter((r) => r.method === 'GET' && r.hasQuery && !r.path.includes(':'))) {
      for (const query of BAD_QUERIES) {
        await expectRefused(`${route.key}?${query}`, async () => api.http().get(`${route.path}?${query}`).set('Authorization', `Bearer ${admin}`), problems);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
