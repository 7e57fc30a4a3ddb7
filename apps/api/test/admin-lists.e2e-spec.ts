import { hashPassword } from '@loa/auth';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

interface UserView {
  id: number;
  username: string;
  role: string;
  provinceScope: string[] | null;
  disabled: boolean;
}

interface Entry {
  id: number;
  action: string;
  objectType: string;
  objectId: string;
  username: string | null;
  provinces: string[] | null;
}

/** The searches of the console's admin screens: users by name, role, province and status; audit entries by action, object, user and time. */
describe('searching users and the audit log', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const as = (username: string) => ({ Authorization: `Bearer ${tokens[username]}` });

  beforeAll(async () => {
    api = await createTestApi();
    for (const [username, role, scope, disabled] of [
      ['nguyen.van.a', 'drafter', ['14'], false],
      ['Nguyen_Thi_B', 'viewer', ['92'], true],
      ['tran.van.c', 'drafter', ['92'], false],
      ['admin-14', 'admin', ['14'], false],
      ['approver-14', 'approver', ['14'], false],
    ] as const) {
      await api.dataSource.query(
        `INSERT INTO users (username, password_hash, role, province_scope, disabled_at) VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END)`,
        [username, await hashPassword(TEST_PASSWORD), role, scope, disabled],
      );
    }
    for (const username of ['demo-admin', 'admin-14', 'approver-14']) tokens[username] = await api.login(username);
  }, 60_000);
  afterAll(() => api?.close());

  const users = async (query: string, username = 'demo-admin'): Promise<string[]> =>
    ((await api.http().get(`/users?${query}`).set(as(username)).expect(200)).body as UserView[]).map((user) => user.username);

  it('finds users by part of the name in any case, by role, by a province of their scope and by status', async () => {
    expect(await users('q=NGUYEN')).toEqual(['nguyen.van.a', 'Nguyen_Thi_B']);
    expect(await users('role=drafter')).toEqual(['demo-drafter', 'nguyen.van.a', 'tran.van.c']);
    // National users hold every province.
    expect(await users('province=92&role=drafter')).toEqual(['demo-drafter', 'tran.van.c']);
    expect(await users('status=disabled')).toEqual(['Nguyen_Thi_B']);
    expect(await users('status=active&q=nguyen')).toEqual(['nguyen.van.a']);
  });

  it('reads % and _ in a search as themselves, and pages with limit and offset', async () => {
    expect(await users('q=_')).toEqual(['Nguyen_Thi_B']);
    expect(await users('q=%25')).toEqual([]);
    const all = await users('limit=500');
    expect(await users('limit=2&offset=1')).toEqual(all.slice(1, 3));
  });

  it("keeps a province admin's search within their scope", async () => {
    expect(await users('q=nguyen', 'admin-14')).toEqual(['nguyen.van.a']);
    expect(await users('province=92', 'admin-14')).toEqual([]);
  });

  it('refuses a bad filter with a 400 naming it', async () => {
    const role = await api.http().get('/users?role=root').set(as('demo-admin')).expect(400);
    expect(role.body.message).toContain('role');
    const status = await api.http().get('/users?status=gone').set(as('demo-admin')).expect(400);
    expect(status.body.message).toContain('status');
  });

  describe('the audit log', () => {
    let userId: number;

    beforeAll(async () => {
      const created = await api
        .http()
        .post('/users')
        .set(as('demo-admin'))
        .send({ username: 'le.van.d', password: 'Mua-thu-Ha-Noi-2026', role: 'viewer', provinces: ['14'] })
        .expect(201);
      userId = created.body.id;
      await api.http().patch(`/users/${userId}`).set(as('admin-14')).send({ role: 'drafter' }).expect(200);
      await api
        .http()
        .patch('/provinces/14')
        .set(as('demo-admin'))
        .send({ policeHotlines: ['0212.3852.456'] })
        .expect(200);
    });

    const audit = async (query: string, username = 'demo-admin'): Promise<Entry[]> =>
      (await api.http().get(`/audit?${query}`).set(as(username)).expect(200)).body;

    it('finds every action of a kind, or one action exactly', async () => {
      const ofUsers = await audit('action=user');
      expect(ofUsers.map((entry) => entry.action)).toEqual(['user.update', 'user.create']);
      expect((await audit('action=user.create')).map((entry) => entry.objectId)).toEqual([String(userId)]);
      // "use" is no kind: only whole kinds and whole actions match.
      expect(await audit('action=use')).toEqual([]);
    });

    it('finds the entries of one object, and those of one user by part of the name', async () => {
      expect((await audit(`objectType=user&objectId=${userId}`)).map((entry) => entry.action)).toEqual(['user.update', 'user.create']);
      const byAdmin14 = await audit('user=ADMIN-1');
      expect(byAdmin14.map((entry) => [entry.action, entry.username])).toEqual([['user.update', 'admin-14']]);
      expect(await audit('user=%25')).toEqual([]);
    });

    it('finds entries by time, the bounds read as Viet Nam time', async () => {
      const [latest] = await audit('limit=1');
      const { at } = latest as unknown as { at: string };
      expect(at).toMatch(/\+07:00$/);
      // Its wall clock without the offset, to the second: the bounds read it as Viet Nam time.
      const inVietnam = at.slice(0, 19);
      expect((await audit(`from=${inVietnam}`)).map((entry) => entry.id)).toContain(latest.id);
      expect((await audit(`to=${inVietnam}`)).map((entry) => entry.id)).not.toContain(latest.id);
    });

    it('lets only admins search by a subscriber number (others see numbers masked)', async () => {
      await api.http().get('/audit?objectId=84912345678').set(as('demo-admin')).expect(200);
      const refused = await api.http().get('/audit?objectId=84912345678').set(as('approver-14')).expect(403);
      expect(refused.body.error).toBe('FORBIDDEN');
      expect((await audit(`objectId=${userId}`, 'approver-14')).length).toBe(2);
    });

    it("never shows a province-14 reader another province's entry, whatever the search", async () => {
      const other = await api
        .http()
        .post('/users')
        .set(as('demo-admin'))
        .send({ username: 'pham.thi.e', password: 'Song-Hau-mua-nuoc-noi-2026', role: 'viewer', provinces: ['92'] })
        .expect(201);
      expect(await audit(`objectType=user&objectId=${other.body.id}`)).toHaveLength(1);
      expect(await audit(`objectType=user&objectId=${other.body.id}`, 'approver-14')).toEqual([]);
      const byAdmin = await audit('user=demo-admin&action=user', 'approver-14');
      expect(byAdmin.map((entry) => entry.objectId)).toEqual([String(userId)]);
      expect(byAdmin.every((entry) => entry.provinces?.includes('14'))).toBe(true);
    });

    it('exports the search as CSV', async () => {
      const csv = await api.http().get('/audit?format=csv&action=province').set(as('demo-admin')).expect(200);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('province.update');
    });
  });
});
