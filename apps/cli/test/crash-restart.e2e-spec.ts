import { type ChildProcess, execFile } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { isProcessAlive, readDataFolderOwner, readPostmasterLock } from '@loa/database';
import { FINAL_STATES, RECEIPT_STATS } from '@loa/delivery';
import { type HandsetAudit, type ReassembledMessage, type SentReceipt } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { assertBuilt, freePort, loa, startLoa, waitUntilReady } from './loa-process';

const SUBSCRIBERS = 2000;
const FIRST_NUMBER = 84_912_500_000;
// For the one carrier the campaign uses: its 4,000 PDUs take about 10 s, time enough to crash in the middle.
const TPS = 400;
// The default carriers file's Viettel account: its in-flight window bounds what a crash can send twice.
const BINDS = 2;
const WINDOW = 20;
// Two UCS-2 parts (71–134 characters), so that a crash can fall between the parts of a message.
const BODY = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, mật khẩu hay số thẻ cho bất kỳ ai gọi điện tự xưng là công an.';
// Short, so that the campaign completes soon after the restart: the dead process's leases end 5 s after its claims
// (cli-process.e2e-spec holds a lease of 3 s under the same load), and a campaign waits twice 6 s after its last
// message sent again for the receipts of copies it never recorded.
const DISPATCHER_OPTIONS = ['--lease-seconds', '5', '--unmatched-receipt-seconds', '6'];

/** What GET /messages of `loa simulate`'s status endpoint says of one SMSC. */
interface SmscView {
  profile: string;
  messages: ReassembledMessage[];
  receipts: SentReceipt[];
  handsets: HandsetAudit;
}

/**
 * `loa start` on one data folder, as the OOM killer and a person meet it: a second start, the CLI beside it,
 * kill -9 of its whole process group mid-campaign, and a crash that takes the watchdog too. The carriers' SMSCs
 * (`loa simulate`) run in a process group of their own: real ones outlive Loa's crash and keep the receipts
 * they owe it until it binds again.
 */
describe('loa start killed with SIGKILL, process group and all', () => {
  let dir: string;
  let env: Record<string, string>;
  let apiPort: number;
  let statusPort: number;
  let smscs: ChildProcess | null = null;
  let running: { child: ChildProcess; output: () => string } | null = null;
  let campaignId: number;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'loa-crash-restart-'));
    apiPort = await freePort();
    statusPort = await freePort();
    const carriers = JSON.parse(readFileSync('config/carriers.json', 'utf8')) as { carriers: Record<string, unknown>[] };
    for (const carrier of carriers.carriers) Object.assign(carrier, { port: await freePort(), tps: TPS });
    expect(carriers.carriers[0]).toMatchObject({ id: 'viettel', binds: BINDS, window: WINDOW });
    writeFileSync(join(dir, 'smscs.json'), JSON.stringify(carriers));
    // The same accounts for Loa, which simulates none of them: it binds to the SMSCs of `loa simulate`.
    for (const carrier of carriers.carriers) carrier.simulated = false;
    writeFileSync(join(dir, 'carriers.json'), JSON.stringify(carriers));
    env = { LOA_DATA_DIR: join(dir, 'data'), PORT: String(apiPort), CARRIERS_FILE: join(dir, 'carriers.json'), LOA_DEMO_SUBSCRIBERS: '20' };
    smscs = startLoa({ CARRIERS_FILE: join(dir, 'smscs.json') }, ['simulate', '--status-port', String(statusPort)]).child;
    await pollUntil(
      async () => (await fetch(`http://127.0.0.1:${statusPort}/status`).catch(() => null))?.status,
      (status) => status === 200,
      { timeoutMs: 30_000, intervalMs: 250, what: 'loa simulate to answer on its status port' },
    );
  });

  afterAll(async () => {
    if (running?.child.exitCode === null) process.kill(-running.child.pid!, 'SIGKILL');
    if (smscs?.exitCode === null) {
      const exited = once(smscs, 'exit');
      process.kill(-smscs.pid!, 'SIGINT');
      await exited;
    }
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
    running = startLoa(env, ['start', ...DISPATCHER_OPTIONS]);
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

  it('mid-campaign: its PostgreSQL stops within seconds, the next start comes up within 60 s and completes the campaign, nothing lost', async () => {
    campaignId = await sendCampaign(apiPort);
    const audience = await pollUntil(
      () => finalCount(),
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
    await start();
    expect((await finalCount()).final).toBeLessThan(audience.total);
    // What the dead process had claimed comes back when its leases end; receipts the SMSC kept come on the new binds.
    await pollUntil(
      async () => (await query<{ state: string }>('SELECT state FROM campaigns WHERE id = $1', [campaignId]))[0].state,
      (state) => state === 'completed',
      { timeoutMs: 90_000, intervalMs: 500, what: 'the campaign to complete after the restart' },
    );
  }, 240_000);

  it('after the crash: every subscriber of the audience has one message, final as its receipts say', async () => {
    const [{ subscribers }] = await query<{ subscribers: number }>(
      "SELECT count(*)::int AS subscribers FROM subscribers WHERE province_code = '14' AND carrier = 'viettel' AND status = 'active'",
    );
    const messages = await query<{ msisdn: string; state: string }>('SELECT msisdn::text, state FROM messages WHERE campaign_id = $1', [campaignId]);
    expect(messages).toHaveLength(subscribers);
    expect(new Set(messages.map((message) => message.msisdn)).size).toBe(subscribers);
    const smsc = await viettelSmsc();
    const duplicated = new Set(smsc.handsets.duplicatedDestinations);
    const wrong = messages.filter(({ msisdn, state }) => {
      const possible = statesFromReceipts(smsc, msisdn);
      // A subscriber sent two copies: Loa knows the receipts of the copy it recorded, and not of the other.
      return duplicated.has(msisdn) ? !possible.any.includes(state) : state !== possible.exact;
    });
    expect(wrong).toEqual([]);
    expect(messages.every(({ state }) => (FINAL_STATES as readonly string[]).includes(state))).toBe(true);
  });

  it('after the crash: the SMSC got every subscriber’s text whole, copies only of what was in flight, each counted', async () => {
    const smsc = await viettelSmsc();
    const [{ body }] = await query<{ body: string }>('SELECT body FROM campaign_texts WHERE campaign_id = $1', [campaignId]);
    const reached = new Set(smsc.messages.filter((message) => message.complete && message.text === body).map((message) => message.destination));
    const numbers = Array.from({ length: SUBSCRIBERS }, (_, n) => String(FIRST_NUMBER + n));
    expect(numbers.filter((number) => !reached.has(number))).toEqual([]);
    expect(smsc.handsets.subscribersReached).toBe(SUBSCRIBERS);
    expect(smsc.handsets.orphanParts).toEqual([]);
    // DESIGN.md: duplicates after a crash are bounded by the in-flight window, and counted.
    expect(smsc.handsets.duplicatedSubscribers).toBeLessThanOrEqual(BINDS * WINDOW);
    const counted = await query<{ msisdn: string; unconfirmed: number }>(
      'SELECT msisdn::text, unconfirmed_sends AS unconfirmed FROM messages WHERE campaign_id = $1 AND duplicated ORDER BY msisdn',
      [campaignId],
    );
    expect(counted.map((message) => message.msisdn)).toEqual(smsc.handsets.duplicatedDestinations);
    // Each of them went again after the crash because its send was not recorded.
    expect(counted.filter((message) => message.unconfirmed === 0)).toEqual([]);
    const [{ duplicated }] = await query<{ duplicated: number }>('SELECT sum(duplicated)::int AS duplicated FROM campaign_stats WHERE campaign_id = $1', [
      campaignId,
    ]);
    expect(duplicated).toBe(smsc.handsets.duplicatedSubscribers);
    expect(await loa(['stats', 'check'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('campaign counters agree') });
  });

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

  async function finalCount(): Promise<{ total: number; final: number }> {
    return (await query<{ total: number; final: number }>(finalCountSql, [campaignId, FINAL_STATES]))[0];
  }

  async function viettelSmsc(): Promise<SmscView> {
    const { simulators } = (await (await fetch(`http://127.0.0.1:${statusPort}/messages`)).json()) as { simulators: SmscView[] };
    return simulators.find((simulator) => simulator.profile === 'viettel')!;
  }
});

const finalCountSql = `SELECT count(*)::int AS total, (count(*) FILTER (WHERE state = ANY($2)))::int AS final FROM messages WHERE campaign_id = $1`;

/**
 * The state a message must end in by the receipts the SMSC sent for its parts (DESIGN.md, FINAL_STATES_OF): delivered
 * when every part was (any copy of it), else the worst failure among the parts not delivered; and every state one
 * of its receipts names.
 */
function statesFromReceipts(smsc: SmscView, msisdn: string): { exact: string | null; any: string[] } {
  const partOf = new Map<string, number>();
  const parts = new Set<number>();
  for (const message of smsc.messages.filter((message) => message.destination === msisdn)) {
    message.messageIds.forEach((id, index) => partOf.set(id, message.sequences[index]));
    message.sequences.forEach((part) => parts.add(part));
  }
  const statsOfPart = new Map<number, string[]>();
  for (const receipt of smsc.receipts.filter((receipt) => receipt.destination === msisdn)) {
    const part = partOf.get(receipt.submitMessageId)!;
    statsOfPart.set(part, [...(statsOfPart.get(part) ?? []), receipt.state]);
  }
  const stateOf = (stat: string) => RECEIPT_STATS.find((entry) => entry.stat === stat)!;
  const undelivered = [...parts].filter((part) => !(statsOfPart.get(part) ?? []).includes('DELIVRD'));
  const worst = undelivered
    .flatMap((part) => statsOfPart.get(part) ?? [])
    .map(stateOf)
    .sort((a, b) => (a.failureRank ?? Infinity) - (b.failureRank ?? Infinity))[0];
  const exact = undelivered.length === 0 ? 'delivered' : (worst?.state ?? null);
  return { exact, any: [...new Set([...statsOfPart.values()].flat().map((stat) => stateOf(stat).state))] };
}

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
