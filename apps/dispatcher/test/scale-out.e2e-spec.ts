import { type INestApplicationContext, Module } from '@nestjs/common';
import { Client } from 'pg';
import { NestFactory } from '@nestjs/core';
import { AuthModule } from '@loa/auth';
import { CampaignsModule } from '@loa/campaigns';
import { type CarrierAccount } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { DispatcherModule, type DispatcherSettings } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { TemplatesModule } from '@loa/templates';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

const BODY = 'Cong an {{province.name}} canh bao: khong cung cap ma OTP cho bat ky ai.';
const SUBSCRIBERS = 240;
// The contract: 2 binds and 80 submits a second for the whole account; the SMSC throttles anything above.
const BINDS = 2;
const TPS = 80;
const FLEET_OPTIONS = { idleMs: 50, batchSize: 20, statusIntervalMs: 200, maxBindsPerCarrier: 1 };

/** Another dispatcher process, as on another machine: its own application on the same database. */
async function startDispatcher(
  databaseUrl: string,
  carriers: CarrierAccount[],
  dispatcher: DispatcherSettings = FLEET_OPTIONS,
): Promise<INestApplicationContext> {
  @Module({
    imports: [
      DatabaseModule.forRoot({ url: databaseUrl, poolSize: 4 }),
      AuthModule.forRoot({ jwtSecret: 'scale-out-secret-scale-out-secret-0123' }),
      TemplatesModule,
      CampaignsModule,
      DispatcherModule.forRoot({ carriers, dispatcher }),
    ],
  })
  class OtherDispatcherModule {}
  return NestFactory.createApplicationContext(OtherDispatcherModule, { logger: ['error'] });
}

describe('several dispatchers share one carrier account', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let carriers: CarrierAccount[];
  const others: INestApplicationContext[] = [];

  beforeAll(async () => {
    simulator = await simulatedCarrier('viettel', { tps: TPS, throttle: true, receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } });
    carriers = [simulatedAccount('viettel', simulator.port, { binds: BINDS, tps: TPS, window: 10, dlrIdFormat: 'hex-to-dec' })];
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: FLEET_OPTIONS })] });
    await seedSubscribers(api, 'viettel', '14', 84_960_000_000, SUBSCRIBERS);
    others.push(await startDispatcher(api.db.url, carriers), await startDispatcher(api.db.url, carriers));
  });

  afterAll(async () => {
    for (const other of others) await other.close();
    await api?.close();
    await simulator?.stop();
  });

  it('binds no more sessions than the contract allows, however many dispatchers run', async () => {
    await pollUntil(
      async () => simulator.connectionCount,
      (count) => count === BINDS,
      { what: `${BINDS} binds` },
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(simulator.connectionCount).toBe(BINDS);
    const [{ holders }] = await api.dataSource.query(`SELECT count(DISTINCT dispatcher_id)::int AS holders FROM carrier_link_status WHERE bound_sessions > 0`);
    expect(holders).toBe(BINDS);
  });

  it('sends a campaign once per subscriber across the fleet, never above the account TPS', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'], carriers: ['viettel'] });
    await waitForCompletion(api, campaignId);

    const destinations = simulator.received.map((submit) => submit.destination);
    expect(new Set(destinations).size).toBe(SUBSCRIBERS);
    expect(destinations).toHaveLength(SUBSCRIBERS);
    expect(simulator.statuses.get(0x58) ?? 0).toBe(0);
    expect(Math.max(...simulator.submitsPerSecond())).toBeLessThanOrEqual(TPS);
    expect(new Set(simulator.received.map((submit) => submit.connection)).size).toBe(BINDS);
    expect(await reportTotals(api, campaignId)).toMatchObject({ delivered: SUBSCRIBERS, pending: 0 });
  });

  it('hands the binds of a dispatcher that stops to one standing by', async () => {
    // Started in turn, the API's dispatcher took slot 0, the first other slot 1; the second stands by.
    const holders = async (): Promise<string[]> =>
      (await api.dataSource.query(`SELECT dispatcher_id FROM carrier_link_status WHERE bound_sessions > 0 ORDER BY dispatcher_id`)).map(
        (row: { dispatcher_id: string }) => row.dispatcher_id,
      );
    const before = await holders();
    expect(before).toHaveLength(BINDS);

    await others.shift()!.close();

    const after = await pollUntil(holders, (ids) => ids.length === BINDS && ids.some((id) => !before.includes(id)), {
      timeoutMs: 10_000,
      what: 'the freed bind taken over by the dispatcher standing by',
    });
    expect(after.filter((id) => before.includes(id))).toHaveLength(1);
    expect(simulator.connectionCount).toBe(BINDS);
  });
});

describe('a dispatcher that joins one holding every bind', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let joiner: INestApplicationContext | undefined;
  const options = { ...FLEET_OPTIONS, maxBindsPerCarrier: Number.POSITIVE_INFINITY };

  beforeAll(async () => {
    simulator = await simulatedCarrier('viettel', { receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('viettel', simulator.port, { binds: BINDS, tps: TPS, window: 10, dlrIdFormat: 'hex-to-dec' })];
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: options })] });
    await seedSubscribers(api, 'viettel', '14', 84_962_000_000, 100);
    await pollUntil(boundPerDispatcher, (bound) => bound.join() === String(BINDS), { what: 'the first dispatcher holding both binds' });
    joiner = await startDispatcher(api.db.url, carriers, options);
  });

  afterAll(async () => {
    await joiner?.close();
    await api?.close();
    await simulator?.stop();
  });

  async function boundPerDispatcher(): Promise<number[]> {
    const rows: { bound_sessions: number }[] = await api.dataSource.query(
      `SELECT bound_sessions FROM carrier_link_status WHERE bound_sessions > 0 AND updated_at > now() - interval '2 seconds' ORDER BY dispatcher_id`,
    );
    return rows.map((row) => row.bound_sessions);
  }

  it('gets its share: the first gives one bind back, and the campaign goes out on both, once per subscriber', async () => {
    await pollUntil(boundPerDispatcher, (bound) => bound.join() === '1,1', { timeoutMs: 10_000, what: 'one bind each' });
    expect(simulator.connectionCount).toBe(BINDS);

    const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'], carriers: ['viettel'] });
    await waitForCompletion(api, campaignId);
    const destinations = simulator.received.map((submit) => submit.destination);
    expect(new Set(destinations).size).toBe(100);
    expect(destinations).toHaveLength(100);
    expect(Math.max(...simulator.submitsPerSecond())).toBeLessThanOrEqual(TPS);
    expect(await reportTotals(api, campaignId)).toMatchObject({ delivered: 100, pending: 0 });
  });
});

describe('a dispatcher whose lock connection breaks', () => {
  let api: TestApi;
  let simulator: SmscSimulator;

  beforeAll(async () => {
    simulator = await simulatedCarrier('viettel', { receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('viettel', simulator.port, { binds: 1, dlrIdFormat: 'hex-to-dec' })];
    // The periodic check comes once a minute here: only the broken connection itself can say it broke.
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: { ...FLEET_OPTIONS, statusIntervalMs: 60_000 } })] });
    await pollUntil(
      async () => simulator.connectionCount,
      (count) => count === 1,
      { what: 'the bind' },
    );
  });

  afterAll(async () => {
    await api?.close();
    await simulator?.stop();
  });

  it('stops its link at once (another may hold the slot now), then takes the slot again and binds anew', async () => {
    const [{ terminated }] = await api.dataSource.query(`
      SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_locks
      WHERE locktype = 'advisory' AND objid = 4294967295 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(terminated).toBe(1);
    await pollUntil(
      async () => simulator.binds.length,
      (binds) => binds === 2,
      { timeoutMs: 10_000, what: 'a new bind after the lock connection broke' },
    );
    expect(simulator.counts.unbinds).toBe(1);
    expect(simulator.connectionCount).toBe(1);
  });
});

describe('a dispatcher that dies holding binds and claimed messages', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let survivor: INestApplicationContext | undefined;

  beforeAll(async () => {
    simulator = await simulatedCarrier('viettel', { receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } });
    api = await createTestApi();
    await seedSubscribers(api, 'viettel', '14', 84_961_000_000, 60);
  });

  afterAll(async () => {
    await survivor?.close();
    await api?.close();
    await simulator?.stop();
  });

  it('loses nothing: its binds go to another dispatcher, its claimed messages come back when their lease ends', async () => {
    // The doomed dispatcher, reduced to what matters here: the connection holding both bind slots.
    const doomed = new Client({ connectionString: api.db.url });
    await doomed.connect();
    for (let slot = 0; slot < BINDS; slot++) await doomed.query(`SELECT pg_advisory_lock(hashtext('loa:bind:viettel'), $1)`, [slot]);
    const carriers = [simulatedAccount('viettel', simulator.port, { binds: BINDS, dlrIdFormat: 'hex-to-dec' })];
    // Unmatched receipts retire after 3 s (not 300): the campaign completes once no copy's receipt can still come.
    survivor = await startDispatcher(api.db.url, carriers, { ...FLEET_OPTIONS, unmatchedReceiptSeconds: 3 });
    expect(simulator.connectionCount).toBe(0);

    const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'], carriers: ['viettel'] });
    await pollUntil(
      () => countMessages(api, campaignId),
      (count) => count === 60,
      { what: 'the campaign materialised' },
    );
    const { rows: claimed } = await doomed.query<{ id: string }>(
      `
      UPDATE messages SET state = 'sending', attempts = attempts + 1, lease_until = now() + interval '1 second'
      WHERE campaign_id = $1 AND id IN (SELECT id FROM messages WHERE campaign_id = $1 ORDER BY id LIMIT 10) RETURNING id`,
      [campaignId],
    );
    expect(simulator.received).toHaveLength(0);

    await doomed.end(); // as kill -9 would: the connection, and the locks with it, are gone
    await waitForCompletion(api, campaignId);

    expect(new Set(simulator.received.map((submit) => submit.destination)).size).toBe(60);
    expect(simulator.received).toHaveLength(60);
    const reclaimed: { attempts: number; state: string; last_error: string; unconfirmed_sends: number }[] = await api.dataSource.query(
      `SELECT attempts, state, last_error, unconfirmed_sends FROM messages WHERE campaign_id = $1 AND id = ANY($2)`,
      [campaignId, claimed.map((row) => row.id)],
    );
    expect(reclaimed).toHaveLength(10);
    expect(reclaimed.every((row) => row.attempts === 2 && row.state === 'delivered' && row.last_error === 'lease expired (dispatcher lost)')).toBe(true);
    // Marked as possibly sent twice: a receipt for an unrecorded first copy would count it (none came here).
    expect(reclaimed.every((row) => row.unconfirmed_sends === 1)).toBe(true);
    expect(await reportTotals(api, campaignId)).toMatchObject({ delivered: 60, duplicated: 0 });
  });
});

async function countMessages(api: TestApi, campaignId: number): Promise<number> {
  return (await api.dataSource.query(`SELECT count(*)::int AS count FROM messages WHERE campaign_id = $1`, [campaignId]))[0].count;
}
