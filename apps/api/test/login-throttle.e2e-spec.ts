import { request as httpRequest } from 'node:http';
import { type AddressInfo } from 'node:net';
import { ManualClock } from '@loa/common';
import { DEFAULT_LOGIN_THROTTLE, LOGIN_THROTTLE_CLOCK, LOGIN_THROTTLE_WAIT } from '../src/auth/login-throttle';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

/**
 * Login throttling seen from several machines: the API listens on 127.0.0.1 and each request leaves from its
 * own loopback address (127.0.0.2, 127.0.0.3…), which is what the API counts (`trust proxy` is off). The
 * windows run on a manual clock and the delays are recorded instead of slept.
 */
describe('login throttling from several addresses', () => {
  let api: TestApi;
  let port: number;
  const clock = new ManualClock(Date.UTC(2026, 11, 7));
  const delays: number[] = [];

  beforeAll(async () => {
    api = await createTestApi({
      limits: { loginThrottle: DEFAULT_LOGIN_THROTTLE },
      override: (builder) =>
        builder
          .overrideProvider(LOGIN_THROTTLE_CLOCK)
          .useValue(clock)
          .overrideProvider(LOGIN_THROTTLE_WAIT)
          .useValue(async (ms: number) => void delays.push(ms)),
    });
    await new Promise<void>((resolve) => api.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => api?.close());
  beforeEach(() => {
    clock.advance(3_600_000); // every window of the test before ends
    delays.length = 0;
  });

  /** POST /auth/login from `address`. */
  function login(address: string, username: string, password: string): Promise<{ status: number; retryAfter?: string; body: string }> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({ username, password });
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          localAddress: address,
          method: 'POST',
          path: '/auth/login',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, retryAfter: response.headers['retry-after'] as string | undefined, body: text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  async function statuses(count: number, address: string, username: string, password: string): Promise<number[]> {
    const answers: number[] = [];
    for (let attempt = 0; attempt < count; attempt++) answers.push((await login(address, username, password)).status);
    return answers;
  }

  it("never refuses a user's correct password from a new address because of failures elsewhere", async () => {
    expect(await statuses(10, '127.0.0.2', 'demo-operator', 'doan-bua-mat-khau')).toEqual(Array(10).fill(401));
    const refused = await login('127.0.0.2', 'demo-operator', 'doan-bua-mat-khau');
    expect(refused).toMatchObject({ status: 429, retryAfter: '60' });
    expect(JSON.parse(refused.body).message).toMatch(/^too many failed logins from this address; .*\(đăng nhập sai quá nhiều lần/);
    // The same pair is held for the rest of the minute, the right password included; another address is not.
    expect((await login('127.0.0.2', 'demo-operator', TEST_PASSWORD)).status).toBe(429);
    expect((await login('127.0.0.3', 'demo-operator', TEST_PASSWORD)).status).toBe(200);
    // Other users from the first address still get in (its 10 failures are under the address's 30).
    expect((await login('127.0.0.2', 'demo-viewer', TEST_PASSWORD)).status).toBe(200);
    clock.advance(60_000);
    expect((await login('127.0.0.2', 'demo-operator', TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses one address trying many usernames after 30 failures, and no other address', async () => {
    const failures: number[] = [];
    for (let user = 0; user < 30; user++) failures.push((await login('127.0.0.4', `khong-co-${user}`, 'doan-bua-mat-khau')).status);
    expect(failures).toEqual(Array(30).fill(401));
    const refused = await login('127.0.0.4', 'demo-approver', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await login('127.0.0.5', 'demo-approver', TEST_PASSWORD)).status).toBe(200);
  });

  it('slows every login of a user with recent failures down, whatever the address, up to 5 s, and never locks it out', async () => {
    // Failures spread over many addresses, so that no address or pair limit is reached: only the delay grows.
    for (let attempt = 0; attempt < 9; attempt++) {
      expect((await login(`127.0.1.${attempt + 1}`, 'demo-approver', 'doan-bua-mat-khau')).status).toBe(401);
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000]); // none for the first three failures
    delays.length = 0;
    expect((await login('127.0.0.6', 'demo-approver', TEST_PASSWORD)).status).toBe(200);
    expect(delays).toEqual([5000]);
    // A success is not held against the user; the failures fade after 15 minutes.
    delays.length = 0;
    clock.advance(900_000);
    expect((await login('127.0.0.6', 'demo-approver', TEST_PASSWORD)).status).toBe(200);
    expect(delays).toEqual([]);
  });

  it('does not hold successful logins against a user or an address (an office behind one address)', async () => {
    expect(await statuses(35, '127.0.0.7', 'demo-viewer', TEST_PASSWORD)).toEqual(Array(35).fill(200));
    expect(delays).toEqual([]);
  });
});
