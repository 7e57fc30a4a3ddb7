import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { createTestDatabase, pollUntil, type TestDatabase, withDatabase } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { assertBuilt } from './loa-process';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from '../../dispatcher/test/campaign-harness';

// 104 characters of Vietnamese: UCS-2, two parts, so a crash can fall between the parts of a message.
const BODY = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, mật khẩu cho bất kỳ ai, kể cả người xưng là công an.';
const SUBSCRIBERS = 10_000;
const TPS = 2500;
const WINDOW = 20;
const LEASE_SECONDS = 3;
const UNMATCHED_RECEIPT_SECONDS = 5;
const KILLS = 3;
// What each killed dispatcher can leave sent but unrecorded (README): the messages it has given the link
// and not yet recorded, at most a tenth of a second of its TPS or its window, whichever is larger.
const MAX_DUPLICATES = KILLS * Math.max(Math.ceil(TPS / 10), WINDOW);

const LOA = 'dist/apps/cli/src/main.js';

// The `loa` command as operators run it: from the build npm test makes before the tests, in processes of its own.
beforeAll(assertBuilt);

/** Runs `loa …` to its end; what it printed and its exit code. */
async function loa(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [LOA, ...args], { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.end(input ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

/** A TCP port held open by this test, as another program would hold it. */
async function portInUse(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('loa, given what a person must fix: one line saying what and how, exit code 2', () => {
  let dir: string;
  let db: TestDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'loa-start-'));
    db = await createTestDatabase();
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

  it('a carriers file with bad fields names the file, the entries and the fields, without the password', async () => {
    const { simulatorProfile: _profile, ...account } = simulatedAccount('viettel', 2775, { password: 'pw-123', tps: -5 });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ carriers: [{ ...account, bindMode: 'sideways' }] }));

    const { code, stderr } = await loa(['dispatcher'], { DATABASE_URL: db.url, CARRIERS_FILE: join(dir, 'bad.json') });

    expect(code).toBe(2);
    oneLine(stderr);
    expect(stderr).toMatch(/^loa: .*bad\.json: invalid carriers config: carriers\[0\] \(viettel\)\.bindMode: .*; carriers\[0\] \(viettel\)\.tps: /);
    expect(stderr).not.toContain('pw-123');
  });

  it("the API's port in use names the port and PORT", async () => {
    const held = await portInUse();
    try {
      const { code, stderr } = await loa(['api'], { DATABASE_URL: db.url, JWT_SECRET: 'x'.repeat(40), PORT: String(held.port) });

      expect(code).toBe(2);
      oneLine(stderr);
      expect(stderr.trim()).toBe(`loa: port ${held.port} (the API) is in use by another process: stop it, or set PORT to a free port`);
    } finally {
      await held.close();
    }
  });

  it("a simulated SMSC's port in use names the port, the carrier and the carriers file", async () => {
    const held = await portInUse();
    try {
      const { simulatorProfile: _profile, ...account } = simulatedAccount('vnpt', held.port);
      writeFileSync(join(dir, 'taken.json'), JSON.stringify({ carriers: [{ ...account, simulated: true }] }));

      const { code, stderr } = await loa(['simulate'], { CARRIERS_FILE: join(dir, 'taken.json') });

      expect(code).toBe(2);
      oneLine(stderr);
      expect(stderr).toContain(
        `loa: port ${held.port} (the simulated vnpt SMSC) is in use, perhaps by another Loa: stop it, or change that carrier's "port" in `,
      );
    } finally {
      await held.close();
    }
  });

  it('loa dispatcher refuses to run without DATABASE_URL (loa api alike), without making an embedded database', async () => {
    const { code, stderr } = await loa(['dispatcher'], { DATABASE_URL: '', LOA_DATA_DIR: join(dir, 'never') });

    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^loa: loa dispatcher needs DATABASE_URL \(postgres:\/\/.*`npm start` runs everything on an embedded database$/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('loa user add says which database it wrote to, without the password', async () => {
    const { code, stdout } = await loa(['user', 'add', 'nguyen.van.a', '--role', 'viewer'], { DATABASE_URL: db.url }, 'mat-khau-dai-du\n');

    const { username, hostname, port, pathname } = new URL(db.url);
    expect(code).toBe(0);
    expect(stdout).toContain(`database: PostgreSQL ${decodeURIComponent(username)}@${hostname}:${port}${pathname}\n`);
    expect(stdout).not.toContain(new URL(db.url).password);
  });
});

describe('loa, given a database it cannot use', () => {
  it.each([
    [
      'nothing listening',
      'postgres://loa:s3cret-pw@127.0.0.1:1/loa',
      /^loa: cannot reach the database \(connect ECONNREFUSED 127\.0\.0\.1:1\); check DATABASE_URL/,
    ],
    [
      'no such database',
      () => withDatabase(process.env.LOA_TEST_ADMIN_URL!, 'loa_no_such_database'),
      /^loa: the database refused the connection \(database "loa_no_such_database" does not exist\); check DATABASE_URL/,
    ],
  ] as [string, string | (() => string), RegExp][])('%s: one line saying what to check, no stack, no password, exit 2', async (_name, url, message) => {
    const { code, stderr } = await loa(['migrate'], { DATABASE_URL: typeof url === 'string' ? url : url() });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/s3cret-pw|\n\s+at /);
  });
});

describe('loa dispatcher, given an unmatched-receipt wait no longer than its lease', () => {
  it('refuses to start, naming both options (the copies of a lost dispatcher would go uncounted)', async () => {
    const { code, stderr } = await loa(['dispatcher', '--lease-seconds', '60', '--unmatched-receipt-seconds', '30'], {
      DATABASE_URL: 'postgres://loa@127.0.0.1:1/loa',
    });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('loa: --unmatched-receipt-seconds (30) must be longer than --lease-seconds (60)');
  });
});

/**
 * `loa dispatcher` killed with SIGKILL three times in the middle of a send of 10,000 two-part messages (8 s of
 * parts at its TPS), and started again each time. The SMSC is the simulator in this process, over loopback.
 */
describe('a dispatcher process killed with SIGKILL mid-campaign, three times', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let configDir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [20, 200], outcomes: { DELIVRD: 1 } });
    configDir = mkdtempSync(join(tmpdir(), 'loa-crash-'));
    const { simulatorProfile: _profile, ...account } = simulatedAccount('mobifone', simulator.port, { tps: TPS, window: WINDOW });
    writeFileSync(join(configDir, 'carriers.json'), JSON.stringify({ carriers: [{ ...account, simulated: false }] }));
    api = await createTestApi();
    await seedSubscribers(api, 'mobifone', '66', 84_900_400_000, SUBSCRIBERS);
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await api?.close();
    await simulator?.stop();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  const leaseArgs = ['--lease-seconds', String(LEASE_SECONDS), '--unmatched-receipt-seconds', String(UNMATCHED_RECEIPT_SECONDS)];

  function startDispatcher(args = leaseArgs, carriersFile = 'carriers.json'): ChildProcess {
    const child = spawn(process.execPath, [LOA, 'dispatcher', ...args], {
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: api.db.url, CARRIERS_FILE: join(configDir, carriersFile) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    children.push(child);
    return child;
  }

  it('ends every message once, leaves no orphan part, and counts exactly the copies that went twice', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['66'] });
    for (let kill = 1; kill <= KILLS; kill++) {
      const dispatcher = startDispatcher();
      const target = (2 * SUBSCRIBERS * kill) / (KILLS + 1);
      await pollUntil(
        async () => simulator.received.length,
        (pdus) => pdus >= target,
        { timeoutMs: 60_000, intervalMs: 20, what: `${kill}/${KILLS + 1} of the parts sent` },
      );
      dispatcher.kill('SIGKILL');
      await once(dispatcher, 'exit');
    }
    expect(simulator.received.length).toBeLessThan(2 * SUBSCRIBERS);

    const last = startDispatcher();
    await waitForCompletion(api, campaignId, 120_000);
    last.kill('SIGTERM');
    expect((await once(last, 'exit'))[0]).toBe(0);

    const states: { state: string; count: number }[] = await api.dataSource.query(
      `SELECT state, count(*)::int AS count FROM messages WHERE campaign_id = $1 GROUP BY 1`,
      [campaignId],
    );
    expect(states).toEqual([{ state: 'delivered', count: SUBSCRIBERS }]);
    const audit = simulator.handsetAudit();
    expect(audit.subscribersReached).toBe(SUBSCRIBERS);
    expect(audit.orphanParts).toEqual([]);
    expect(audit.duplicatedSubscribers).toBeLessThanOrEqual(MAX_DUPLICATES);
    const totals = await reportTotals(api, campaignId);
    expect(totals).toMatchObject({
      targeted: SUBSCRIBERS,
      delivered: SUBSCRIBERS,
      duplicated: audit.duplicatedSubscribers,
      partsBilled: audit.partsAccepted,
      pending: 0,
    });
    expect(await loa(['stats', 'check'], { DATABASE_URL: api.db.url })).toMatchObject({ code: 0 });
  }, 240_000);

  it('takes no more binds of an account than --max-binds, and stops cleanly on SIGTERM', async () => {
    const { simulatorProfile: _profile, ...account } = simulatedAccount('mobifone', simulator.port, { binds: 3 });
    writeFileSync(join(configDir, 'three-binds.json'), JSON.stringify({ carriers: [{ ...account, simulated: false }] }));
    simulator.reset();
    const dispatcher = startDispatcher(['--max-binds', '2'], 'three-binds.json');
    await pollUntil(
      async () => simulator.connectionCount,
      (count) => count === 2,
      { timeoutMs: 15_000, what: 'two binds' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(simulator.connectionCount).toBe(2);
    dispatcher.kill('SIGTERM');
    const [code] = await once(dispatcher, 'exit');
    expect(code).toBe(0);
    expect(simulator.counts.unbinds).toBe(2);
  });
});

describe('loa start, stopped with Ctrl-C', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'loa-ctrl-c-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops everything in order, the embedded PostgreSQL last, without a warning', async () => {
    const { port, close } = await portInUse();
    await close();
    // A process group of its own, signalled as a whole: what a terminal does on Ctrl-C.
    const child = spawn(process.execPath, [LOA, 'start'], {
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', PORT: String(port), LOA_DATA_DIR: dir, LOA_DEMO_SUBSCRIBERS: '50', LOA_LOG_FORMAT: 'json' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit');
    await pollUntil(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status,
      (status) => status === 200,
      { timeoutMs: 90_000, what: 'loa start to answer /health/ready' },
    );
    const stoppingAt = Date.now();
    process.kill(-child.pid!, 'SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(Date.now() - stoppingAt).toBeLessThan(30_000);
    const logLines = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(logLines.some((line) => /database/.test(line.msg))).toBe(true);
    const warnings = logLines.filter((line) => line.level >= 40);
    expect(warnings.map((line) => line.msg)).toEqual([]);
    expect(output).not.toMatch(/ECONNREFUSED|terminating connection|Error:/);
    const { stdout: processes } = await promisify(execFile)('ps', ['-eo', 'args']);
    expect(processes.split('\n').filter((line) => line.includes(dir))).toEqual([]);
  }, 150_000);
});
