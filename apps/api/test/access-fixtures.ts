import { type AuthUser, AuthService, type Role, ROLES } from '@loa/auth';
import { queryRows } from '@loa/database';
import { rowVersions, SNAPSHOT } from './database-digest';
import { TEST_PASSWORD, type TestApi } from './test-app';

/** Where an object lies against the callers' scope, province 14 (Điện Biên): 14; 14 and 66; 66. */
export type Scope = 'in' | 'partly' | 'out';
export const SCOPES: Scope[] = ['in', 'partly', 'out'];
export const CALLER_SCOPE = ['14'];
const OBJECT_PROVINCES: Record<Scope, string[]> = { in: ['14'], partly: ['14', '66'], out: ['66'] };

export interface AccessFixtures {
  /** The caller of a role: a user of that role scoped to province 14. */
  actor(role: Role): AuthUser;
  credentials(role: Role): { username: string; password: string };
  provinces(scope: Scope): string[];
  /** A single province for objects that have one: 14 in scope, 66 otherwise. */
  singleProvince(scope: Scope): string;
  freshName(): string;
  template(scope: Scope, status: 'draft' | 'pending' | 'approved', author?: AuthUser): Promise<number>;
  nationalTemplate(): Promise<number>;
  campaign(scope: Scope, state: string, creator?: AuthUser): Promise<number>;
  programme(scope: Scope): Promise<number>;
  /** Numbers of subscribers in the scope's provinces, as a drafter types them. */
  subscribers(scope: Scope): Promise<string[]>;
  /** A number on the exclusion list: in scope (14), of no known subscriber (partly: national), or of 66. */
  exclusion(scope: Scope): Promise<string>;
  importCsv(scope: Scope): string;
  /** A number nobody uses yet, as typed. */
  freshNumber(): Promise<string>;
  /** A number written down as a test number, as typed. */
  /** A registered test number of a user in the caller's scope. */
  testNumber(): Promise<string>;
  importJob(scope: Scope, creator: AuthUser): Promise<number>;
  user(scope: Scope): Promise<number>;
  send(call: import('./access-matrix.e2e-spec').Call, role: Role): Promise<{ status: number; body: unknown }>;
  /** A digest of every table's rows (but those left out): equal before and after means nothing changed. */
  digest(leaveOut?: string[]): Promise<string>;
}

/** Objects for the authorisation matrix, written straight into the database (fast, and any state can be had). */
export async function accessFixtures(api: TestApi): Promise<AccessFixtures> {
  const auth = api.app.get(AuthService);
  const db = api.dataSource;
  const actors = new Map<Role, AuthUser>();
  const tokens = new Map<Role, string>();
  for (const role of ROLES) {
    actors.set(role, await auth.addUser(`matrix-${role}`, TEST_PASSWORD, role, CALLER_SCOPE));
    const login = await api
      .http()
      .post('/auth/login')
      .send({ username: `matrix-${role}`, password: TEST_PASSWORD })
      .expect(200);
    tokens.set(role, login.body.accessToken);
  }
  const national = async (username: string) => Number((await queryRows<{ id: string }>(db, 'SELECT id FROM users WHERE username = $1', [username]))[0].id);
  const nationalDrafter = await national('demo-drafter');
  const nationalApprover = await national('demo-approver');
  let counter = 0;
  const next = () => ++counter;
  const body = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Liên hệ {{province.hotline}}.';

  const insertTemplate = async (provinces: string[] | null, status: string, authorId: number): Promise<number> => {
    const rows = await queryRows<{ id: string }>(
      db,
      `INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id, provinces, decided_by)
       SELECT n.id, n.id, 1, $1, $2, 'auto', 3, $3, $4, $5, CASE WHEN $3 = 'approved' THEN $6::bigint END
       FROM (SELECT nextval('templates_id_seq') AS id) n RETURNING id`,
      [`Mẫu ${next()}`, body, status, authorId, provinces, nationalApprover],
    );
    return Number(rows[0].id);
  };
  const nationalTemplateId = await insertTemplate(null, 'approved', nationalDrafter);
  // Audiences for the campaigns (an empty one cannot be approved).
  await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code) VALUES (84915000014, 'vnpt', '14'), (84915000066, 'vnpt', '66')`);
  const tableNames = (
    await queryRows<{ name: string }>(
      db,
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
    )
  ).map((row) => row.name);
  // Row counts and newest writers per table (database-digest.ts), one statement for the whole database; taken again
  // only when the snapshot moved since the last one (a refusal mostly writes nothing anywhere).
  const digestSql = (leaveOut: string[]) =>
    `SELECT ${SNAPSHOT} AS snapshot, concat_ws(',', ${tableNames
      .filter((name) => !leaveOut.includes(name))
      .map(rowVersions)
      .join(', ')}) AS digest`;
  const lastDigests = new Map<string, { snapshot: string; digest: string }>();
  const digest = async (leaveOut: string[]): Promise<string> => {
    const last = lastDigests.get(leaveOut.join());
    if (last) {
      const [now] = await queryRows<{ snapshot: string }>(db, `SELECT ${SNAPSHOT} AS snapshot`);
      if (now.snapshot === last.snapshot) return last.digest;
    }
    const [row] = await queryRows<{ snapshot: string; digest: string }>(db, digestSql(leaveOut));
    lastDigests.set(leaveOut.join(), { snapshot: row.snapshot, digest: row.digest });
    return row.digest;
  };

  const msisdn = (province: string) => {
    const n = next();
    return {
      typed: `09${province === '14' ? '12' : '13'}${String(n).padStart(6, '0')}`,
      stored: `849${province === '14' ? '12' : '13'}${String(n).padStart(6, '0')}`,
    };
  };
  const insertSubscriber = async (province: string): Promise<{ typed: string; stored: string }> => {
    const number = msisdn(province);
    await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code) VALUES ($1, 'vnpt', $2)`, [number.stored, province]);
    return number;
  };

  return {
    actor: (role) => actors.get(role)!,
    credentials: (role) => ({ username: `matrix-${role}`, password: TEST_PASSWORD }),
    provinces: (scope) => OBJECT_PROVINCES[scope],
    singleProvince: (scope) => (scope === 'in' ? '14' : '66'),
    freshName: () => `matrix-new-${next()}`,
    template: (scope, status, author) => insertTemplate(OBJECT_PROVINCES[scope], status, author?.id ?? nationalDrafter),
    nationalTemplate: async () => nationalTemplateId,
    campaign: async (scope, state, creator) => {
      const rows = await queryRows<{ id: string }>(
        db,
        `INSERT INTO campaigns (name, template_id, provinces, carriers, state, start_at, validity_hours, on_ambiguous, priority, created_by)
         VALUES ($1, $2, $3, ARRAY['viettel','vnpt','mobifone'], $4, now() + interval '1 day', 24, 'resend', 0, $5) RETURNING id`,
        [`Chiến dịch ${next()}`, nationalTemplateId, OBJECT_PROVINCES[scope], state, creator?.id ?? nationalDrafter],
      );
      await db.query(
        `INSERT INTO campaign_texts (campaign_id, province_code, body, encoding, segments) SELECT $1, p, 'Cảnh báo lừa đảo', 'ucs2', 1 FROM unnest($2::text[]) p`,
        [rows[0].id, OBJECT_PROVINCES[scope]],
      );
      return Number(rows[0].id);
    },
    programme: async (scope) => {
      const rows = await queryRows<{ id: string }>(
        db,
        `INSERT INTO programmes (name, issuing_unit, provinces, created_by) VALUES ($1, 'CÔNG AN TỈNH SƠN LA', $2, $3) RETURNING id`,
        [`Kế hoạch ${next()}`, OBJECT_PROVINCES[scope], nationalDrafter],
      );
      return Number(rows[0].id);
    },
    subscribers: async (scope) => Promise.all(OBJECT_PROVINCES[scope].map(async (province) => (await insertSubscriber(province)).typed)),
    exclusion: async (scope) => {
      const number = scope === 'partly' ? msisdn('14') : await insertSubscriber(scope === 'in' ? '14' : '66');
      const province = scope === 'partly' ? null : scope === 'in' ? '14' : '66';
      await db.query(`INSERT INTO subscriber_exclusions (msisdn, reason, province_code) VALUES ($1, 'matrix', $2)`, [number.stored, province]);
      return number.typed;
    },
    importCsv: (scope) =>
      ['msisdn,carrier,province', ...OBJECT_PROVINCES[scope].map((province) => `${msisdn(province).typed},vnpt,${province}`)].join('\n') + '\n',
    freshNumber: async () => msisdn('14').typed,
    testNumber: async () => {
      // A number of a user in the caller's scope (the matrix drafter): callers send only to their own users' numbers.
      const number = msisdn('14');
      await db.query(`INSERT INTO test_numbers (msisdn, user_id, carrier, created_by) VALUES ($1, $2, 'vnpt', $2)`, [number.stored, actors.get('drafter')!.id]);
      return number.typed;
    },
    importJob: async (scope, creator) => {
      const rows = await queryRows<{ id: string }>(
        db,
        `INSERT INTO subscriber_imports (state, source, created_by, provinces, finished_at) VALUES ('completed', 'matrix', $1, $2, now()) RETURNING id`,
        [creator.id, OBJECT_PROVINCES[scope]],
      );
      return Number(rows[0].id);
    },
    user: async (scope) => {
      const rows = await queryRows<{ id: string }>(
        db,
        `INSERT INTO users (username, password_hash, role, province_scope) VALUES ($1, 'scrypt$unusable', 'viewer', $2) RETURNING id`,
        [`matrix-user-${next()}`, OBJECT_PROVINCES[scope]],
      );
      return Number(rows[0].id);
    },
    send: async (call, role) => {
      let request = api
        .http()
        [call.method](call.path)
        .set('Authorization', `Bearer ${tokens.get(role)}`);
      if (call.contentType) request = request.set('Content-Type', call.contentType);
      const response = call.body === undefined ? await request : await request.send(call.body);
      return { status: response.status, body: response.body };
    },
    digest: (leaveOut = []) => digest(leaveOut),
  };
}
