import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil, withDatabase } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from '../../dispatcher/test/campaign-harness';

// 104 characters of Vietnamese: UCS-2, two parts, so a crash can fall between the parts of a message.
const BODY = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, mật khẩu cho bất kỳ ai, kể cả người xưng là công an.';
const SUBSCRIBERS = 20_000;
const TPS = 2500;
const WINDOW = 20;
const LEASE_SECONDS = 3;
const UNMATCHED_RECEIPT_SECONDS = 5;
const KILLS = 3;
// What each killed dispatcher can leave sent but unrecorded (README): the messages it has given the link
// and not yet recorded, at most a tenth of a second of its TPS or its window, whichever is larger.
const MAX_DUPLICATES = KILLS * Math.max(Math.ceil(TPS / 10), WINDOW);

const LOA = 'dist/apps/cli/src/main.js';

// The `loa` command as operators run it: from the build, in processes of its own.
beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'build'], { cwd: process.cwd(), env: { ...process.env, NODE_OPTIONS: '' } });
}, 120_000);

/** Runs `loa …` to its end; what it printed and its exit code. */
async function loa(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [LOA, ...args], { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(child, 'exit');
  return { code, stderr };
}

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
  ] as [string, string | (() => string), RegExp][])('%s: one line saying what to check, no stack, no password, exit 1', async (_name, url, message) => {
    const { code, stderr } = await loa(['migrate'], { DATABASE_URL: typeof url === 'string' ? url : url() });
    expect(code).toBe(1);
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
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('loa: --unmatched-receipt-seconds (30) must be longer than --lease-seconds (60)');
  });
});

/**
 * `loa dispatcher` killed with SIGKILL three times in the middle of a national-size send of two-part
 * messages, and started again each time. The SMSC is the simulator in this process, over loopback.
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
