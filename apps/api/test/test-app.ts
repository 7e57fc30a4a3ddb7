import { type DynamicModule, type INestApplication } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiModule, type ApiSettings, configureApi } from '@loa/api';
import { AuthService } from '@loa/auth';
import { seedDemo, seedDemoSubscribers } from '@loa/demo';
import { syncProvinces } from '@loa/provinces';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '@loa/testing';

export { TEST_PASSWORD };
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface TestApi {
  app: INestApplication;
  db: TestDatabase;
  dataSource: DataSource;
  http(): ReturnType<typeof request>;
  /** A bearer token for one of the demo users (demo-admin, demo-drafter, demo-approver, demo-operator, demo-viewer). */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real API over a fresh database with the provinces and demo users (cloned seeded; no subscribers unless asked);
 * `imports` adds modules to the same application (the dispatcher, for end-to-end campaigns); `db` replaces
 * the fresh database with one the caller made (which close() drops); `carriers` those with an account,
 * `carrierTps` their TPS (deadline plans).
 */
const NO_LOGIN_THROTTLE = { perUserAndAddress: 1_000_000, perAddress: 1_000_000, maxDelayMs: 0 };

export async function createTestApi(
  options: {
    subscribers?: number;
    imports?: DynamicModule[];
    db?: TestDatabase;
    carriers?: string[];
    carrierTps?: Record<string, number>;
    /** Each account's brandname and certificate (default: config/carriers.json's). */
    carrierCertificates?: ApiSettings['carrierCertificates'];
    /** Limits to change (import concurrency; the login throttle, which is otherwise off: suites log in many times from one address). */
    limits?: Pick<ApiSettings, 'loginThrottle' | 'importLimits'>;
    /** Providers to replace before the application is built (a clock, a wait). */
    override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  } = {},
): Promise<TestApi> {
  const db = options.db ?? (await createTestDatabase({ seeded: true }));
  const builder = Test.createTestingModule({
    imports: [
      ApiModule.forRoot({
        databaseUrl: db.url,
        jwtSecret: TEST_JWT_SECRET,
        carriers: options.carriers,
        carrierTps: options.carrierTps,
        carrierCertificates: options.carrierCertificates,
        loginThrottle: NO_LOGIN_THROTTLE,
        ...options.limits,
      }),
      ...(options.imports ?? []),
    ],
  });
  const moduleRef = await (options.override?.(builder) ?? builder).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureApi(app);
  await app.init();
  const dataSource = app.get(DataSource);
  if (options.db) {
    await syncProvinces(dataSource);
    await seedDemo(dataSource, app.get(AuthService), { password: TEST_PASSWORD, subscribers: options.subscribers ?? 0 });
  } else {
    await seedDemoSubscribers(dataSource, options.subscribers ?? 0);
  }
  const http = () => request(app.getHttpServer());
  return {
    app,
    db,
    dataSource,
    http,
    login: async (username) => {
      const response = await http().post('/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
      return response.body.accessToken;
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
