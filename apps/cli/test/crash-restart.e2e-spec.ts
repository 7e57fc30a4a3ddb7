import { type ChildProcess, execFile } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { isProcessAlive, readDataFolderOwner, readPostmasterLock } from '@loa/database';
import { pollUntil } from '@loa/testing';
import { assertBuilt, freePort, loa, startLoa, waitUntilReady } from './loa-process';

const SUBSCRIBERS = 2000;
const FIRST_NUMBER = 84_912_500_000;
// 100 a second for the one carrier the campaign uses: about 20 s of sending, time enough to crash in the middle.
const TPS = 100;
const BODY = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai.';
const FINAL_STATES = ['delivered', 'undeliverable', 'expired', 'rejected', 'failed', 'unknown'];

/**
 * `loa start` on one data folder, as the OOM killer and a person meet it: a second start, the CLI beside it,
 * kill -9 of its whole process group mid-campaign, and a crash that takes the watchdog too.
 */
describe('loa start killed with SIGKILL, process group and all', () => {
  let dir: string;
  let env: Record<string, string>;
  let apiPort: number;
  let running: { child: ChildProcess; output: () => string } | null = null;
  let campaignId: number;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'loa-crash-restart-'));
    apiPort = await freePort();
    const carriers = JSON.parse(readFileSync('config/carriers.json', 'utf8')) as { carriers: Record<string, unknown>[] };
    for (const carrier of carriers.carriers) Object.assign(carrier, { port: await freePort(), tps: TPS });
    writeFileSync(join(dir, 'carriers.json'), JSON.stringify(carriers));
    env = { LOA_DATA_DIR: join(dir, 'data'), PORT: String(apiPort), CARRIERS_FILE: join(dir, 'carriers.json'), LOA_DEMO_SUBSCRIBERS: '20' };
  });

  afterAll(async () => {
    if (running?.child.exitCode === null) process.kill(-running.child.pid!, 'SIGKILL');
    const lock = readPostmasterLock(clusterDir());
    if (lock && isProcessAlive(lock.pid)) process.kill(lock.pid, 'SIGINT');
    if (lock)
      await pollUntil(
        async () => isProcessAlive(lock.pid),
        (alive) => !alive,
        { timeoutMs: 30_000, what: 'the PostgreSQL of the test to stop' },
      );
    rmSync(dir, { recursive: true, force: true });
  });

  const clusterDir = () => join(dir, 'data', 'postgres', 'pg');
  const owner = () => readDataFolderOwner(join(dir, 'data', 'postgres'));

  async function start(): Promise<void> {
    running = startLoa(env);
    await waitUntilReady(apiPort, 60_000);
  }

  /** What the command line of the whole group dies of: SIGKILL to every process in it, at once. */
  async function killGroup(): Promise<void> {
    const exited = once(running!.child, 'exit');
    process.kill(-running!.child.pid!, 'SIGKILL');
    await exited;
  }

  async function query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }

  function databaseUrl(): string {
    const password = readFileSync(join(dir, 'data', 'postgres', 'pg-password'), 'utf8').trim();
    return `postgres://loa:${encodeURIComponent(password)}@127.0.0.1:${owner()!.port}/loa`;
  }

  it('comes up; a second loa start on the same data folder says in one line that it runs, exit 2', async () => {
    await start();
    const postmaster = readPostmasterLock(clusterDir())!.pid;

    const second = await loa(['start'], { ...env, PORT: String(await freePort()) });

    expect(second.stderr.trim()).toBe(
      `loa: another Loa (pid ${running!.child.pid}, \`loa start\`) is already running on ${env.LOA_DATA_DIR}: stop it first, or set LOA_DATA_DIR to another folder`,
    );
    expect(second.code).toBe(2);
    expect(readPostmasterLock(clusterDir())!.pid).toBe(postmaster);
    expect(owner()).toMatchObject({ pid: running!.child.pid, command: 'loa start' });
  }, 120_000);

  it('loa import and loa stats check, without DATABASE_URL, work on the running Loa’s database', async () => {
    const lines = Array.from({ length: SUBSCRIBERS }, (_, n) => `${FIRST_NUMBER + n},viettel,14`);
    writeFileSync(join(dir, 'subscribers.csv'), ['msisdn,carrier,province', ...lines].join('\n') + '\n');

    const imported = await loa(['import', join(dir, 'subscribers.csv')], env);

    expect(imported.stdout).toContain(`database: embedded PostgreSQL in ${join(dir, 'data', 'postgres')} (of the Loa running as pid ${running!.child.pid}`);
    expect(imported.code).toBe(0);
    const [{ count }] = await query<{ count: number }>('SELECT count(*)::int AS count FROM subscribers WHERE msisdn BETWEEN $1 AND $2', [
      FIRST_NUMBER,
      FIRST_NUMBER + SUBSCRIBERS - 1,
    ]);
    expect(count).toBe(SUBSCRIBERS);
    expect(await loa(['stats', 'check'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('campaign counters agree') });
    expect(owner()?.pid).toBe(running!.child.pid);
  }, 120_000);

  it('mid-campaign: its PostgreSQL stops within seconds, the next start comes up within 60 s, sends on, and loses nothing', async () => {
    campaignId = await sendCampaign(apiPort);
    const audience = await pollUntil(
      () => query<{ total: number; final: number }>(finalCountSql, [campaignId, FINAL_STATES]).then((rows) => rows[0]),
      ({ total, final }) => total > 0 && final >= total / 5,
      { timeoutMs: 60_000, intervalMs: 200, what: 'a fifth of the campaign to be sent' },
    );
    const { pid: postmaster } = readPostmasterLock(clusterDir())!;

    await killGroup();

    await pollUntil(
      async () => isProcessAlive(postmaster),
      (alive) => !alive,
      { timeoutMs: 15_000, what: 'the watchdog to stop PostgreSQL' },
    );
    const before = (await restartAndCount()).final;
    expect(before).toBeLessThan(audience.total);
    // Sending carries on after the restart (what the dead process had claimed comes back when its leases end).
    const after = await pollUntil(
      () => query<{ total: number; final: number }>(finalCountSql, [campaignId, FINAL_STATES]).then((rows) => rows[0]),
      ({ final }) => final >= before + 200,
      { timeoutMs: 60_000, intervalMs: 500, what: 'the campaign to send on after the restart' },
    );
    // Nothing lost: one message per subscriber of the audience, none twice, and the counters recount exactly.
    const [{ subscribers }] = await query<{ subscribers: number }>(
      "SELECT count(*)::int AS subscribers FROM subscribers WHERE province_code = '14' AND carrier = 'viettel' AND status = 'active'",
    );
    const [{ distinct }] = await query<{ distinct: number }>('SELECT count(DISTINCT msisdn)::int AS distinct FROM messages WHERE campaign_id = $1', [
      campaignId,
    ]);
    expect(after.total).toBe(subscribers);
    expect(distinct).toBe(subscribers);
    expect(await loa(['stats', 'check'], env)).toMatchObject({ code: 0 });
  }, 240_000);

  it('a PostgreSQL left running by a crash that took its watchdog too is stopped by the next start', async () => {
    const { watchdogPid, postmasterPid } = owner()!;
    process.kill(watchdogPid!, 'SIGKILL');
    await killGroup();
    expect(isProcessAlive(postmasterPid!)).toBe(true);

    await start();

    expect(isProcessAlive(postmasterPid!)).toBe(false);
    expect(readPostmasterLock(clusterDir())!.pid).not.toBe(postmasterPid);
    expect(owner()!.pid).toBe(running!.child.pid);
    expect(running!.output()).toMatch(new RegExp(`stopping the PostgreSQL \\(pid ${postmasterPid}\\) left running in`));
    const exited = once(running!.child, 'exit');
    process.kill(-running!.child.pid!, 'SIGINT');
    expect((await exited)[0]).toBe(0);
    const { stdout } = await promisify(execFile)('ps', ['-eo', 'args']);
    expect(stdout.split('\n').filter((line) => line.includes(dir))).toEqual([]);
    expect(owner()).toBeNull();
  }, 180_000);

  it('a PostgreSQL that exits while starting is named with what it said, in one line, exit 2', async () => {
    appendFileSync(join(clusterDir(), 'postgresql.auto.conf'), "\nshared_buffers = 'plenty'\n");

    const { code, stdout, stderr } = await loa(['migrate'], env);

    expect(stderr.trim()).toMatch(
      /^loa: the embedded PostgreSQL in .*\/pg exited while starting \(LOG: invalid value for parameter "shared_buffers": "plenty"; FATAL: configuration file .* contains errors\): fix what it says, or set LOA_DATA_DIR/,
    );
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(code).toBe(2);
    expect(`${stdout}${stderr}`).not.toMatch(/undefined/);
    expect(owner()).toBeNull();
  }, 60_000);

  async function restartAndCount(): Promise<{ total: number; final: number }> {
    await start();
    return (await query<{ total: number; final: number }>(finalCountSql, [campaignId, FINAL_STATES]))[0];
  }
});

const finalCountSql = `SELECT count(*)::int AS total, (count(*) FILTER (WHERE state = ANY($2)))::int AS final FROM messages WHERE campaign_id = $1`;

/** A template and a campaign to the imported subscribers (Sơn La, Viettel), written, approved and started over the API. */
async function sendCampaign(port: number): Promise<number> {
  const call = async (path: string, token: string | null, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body ?? {}),
    });
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const login = async (username: string) => (await call('/auth/login', null, { username, password: 'loa-demo' })).accessToken as string;
  const [drafter, approver, admin] = [await login('demo-drafter'), await login('demo-approver'), await login('demo-admin')];
  const template = await call('/templates', drafter, { name: 'Cảnh báo', body: BODY });
  await call(`/templates/${template.id}/submit`, drafter);
  await call(`/templates/${template.id}/approve`, approver);
  // The default carriers file's accounts take only registered templates.
  await call(`/templates/${template.id}/registrations/viettel`, admin, { state: 'registered', reference: 'VT-0001' });
  const campaign = await call('/campaigns', drafter, {
    name: 'Cảnh báo lừa đảo',
    templateId: template.id,
    startAt: new Date().toISOString(),
    provinces: ['14'],
    carriers: ['viettel'],
    windowLifted: true,
    dailyCapLifted: true,
    overrideReason: 'test: a crash in the middle of sending',
  });
  await call(`/campaigns/${campaign.id}/submit`, drafter);
  await call(`/campaigns/${campaign.id}/approve`, approver);
  return campaign.id as number;
}
