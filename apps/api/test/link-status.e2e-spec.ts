import { Client } from 'pg';
import { type CarrierAccount } from '@loa/config';
import { type LinkStatusReport, LinkStatusRepository, noLinkCounters } from '@loa/delivery';
import { DispatcherModule } from '@loa/dispatcher';
import { SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from './test-app';

const SYSTEM_ID = 'loa_status_probe';
const SMSC_PASSWORD = 'link-status-secret';
const POLL = { timeoutMs: 10_000, intervalMs: 100 };

function viettelAccount(port: number): CarrierAccount {
  return {
    id: 'viettel',
    host: '127.0.0.1',
    port,
    systemId: SYSTEM_ID,
    password: SMSC_PASSWORD,
    systemType: '',
    bindMode: 'transceiver',
    binds: 1,
    tps: 100,
    window: 10,
    sourceAddr: 'CONGAN',
    sourceTon: 5,
    sourceNpi: 0,
    destTon: 1,
    destNpi: 1,
    concat: 'udh8',
    resendParts: 'missing',
    gsmCoding: 'gsm0338',
    dlrIdFormat: 'hex-to-dec',
    enquireLinkSeconds: 30,
    validityHours: 24,
    bindTimeoutSeconds: 5,
    requestTimeoutSeconds: 10,
    simulated: true,
    simulatorProfile: 'viettel',
  };
}

function report(carrier: string, state: string, boundSessions: number): LinkStatusReport {
  return {
    carrier,
    state,
    boundSessions,
    inFlight: 0,
    queued: 0,
    counters: { ...noLinkCounters(), accepted: boundSessions * 10 },
  };
}

/** The parts of a response worth printing when a poll times out (a supertest response is circular). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON body, as untyped as supertest's own
async function get(api: TestApi, path: string): Promise<{ status: number; body: any; text: string; contentType: string }> {
  const response = await api.http().get(path);
  return { status: response.status, body: response.body, text: response.text, contentType: response.headers['content-type'] ?? '' };
}

/** One template and a campaign per state, with campaign_stats rows only the running and paused ones count by. */
async function seedCampaignStats(api: TestApi): Promise<void> {
  await api.dataSource.query(`
    WITH t AS (
      INSERT INTO templates (family_id, version, name, body, encoding_policy, max_segments, status, author_id)
      SELECT 990001, 1, 'metrics', 'Cảnh báo', 'auto', 1, 'approved', min(id) FROM users
      RETURNING id, author_id
    ), c AS (
      INSERT INTO campaigns (name, template_id, provinces, carriers, state, start_at, created_by)
      SELECT 'metrics ' || v.state, t.id, '{01}', '{viettel}', v.state, now() + interval '1 day', t.author_id
      FROM t CROSS JOIN (VALUES ('running'), ('paused'), ('completed'), ('cancelled')) v(state)
      RETURNING id, state
    )
    INSERT INTO campaign_stats (campaign_id, province_code, carrier, targeted, submitted, delivered, undeliverable, expired, rejected, failed, unknown)
    SELECT c.id, '01', 'viettel', s.targeted, s.submitted, s.delivered, s.undeliverable, s.expired, s.rejected, s.failed, s.unknown
    FROM c JOIN (VALUES
      ('running',   10, 8, 3, 1, 0, 0, 2, 0),
      ('paused',     7, 5, 4, 0, 1, 1, 0, 1),
      ('completed', 100, 100, 100, 0, 0, 0, 0, 0),
      ('cancelled',  50, 1, 1, 0, 0, 0, 0, 0)
    ) s(state, targeted, submitted, delivered, undeliverable, expired, rejected, failed, unknown) USING (state)`);
}

describe('carrier link status in /health/ready and /metrics', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let appClosed = false;

  beforeAll(async () => {
    simulator = await SmscSimulator.start({ port: 0, accounts: [{ systemId: SYSTEM_ID, password: SMSC_PASSWORD }], profile: 'viettel' });
    const carriers = [viettelAccount(simulator.port)];
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50, statusIntervalMs: 200 } })] });
  });

  afterAll(async () => {
    if (!appClosed) await api?.app.close();
    await api?.db.drop();
    await simulator?.stop();
  });

  it('reports the bound carrier up in /health/carriers, without credentials, and keeps carriers out of /health/ready', async () => {
    const carriers = await pollUntil(
      () => get(api, '/health/carriers'),
      (r) => r.status === 200 && r.body.details?.carriers?.viettel !== undefined,
      { ...POLL, what: 'viettel in /health/carriers' },
    );
    const ready = await get(api, '/health/ready');

    expect(carriers.body.details.carriers).toEqual({ status: 'up', viettel: { status: 'up', boundSessions: 1, links: { bound: 1 } } });
    expect(carriers.text).not.toContain(SMSC_PASSWORD);
    expect(carriers.text).not.toContain(SYSTEM_ID);
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.details)).toEqual(['database']);
  });

  it('keeps one row per link under an id naming the host and process', async () => {
    const rows: { dispatcher_id: string; carrier: string; state: string; bound_sessions: number; counters: object }[] = await api.dataSource.query(
      'SELECT dispatcher_id, carrier, state, bound_sessions, counters FROM carrier_link_status',
    );

    expect(rows).toHaveLength(1);
    expect(rows[0].dispatcher_id).toMatch(new RegExp(`^[^:]+:${process.pid}:[0-9a-f]{6}$`));
    expect(rows[0]).toMatchObject({ carrier: 'viettel', state: 'bound', bound_sessions: 1 });
    expect(Object.keys(rows[0].counters).sort()).toEqual([
      'accepted',
      'ambiguous',
      'failed',
      'inbound',
      'lateResponses',
      'receipts',
      'reconnects',
      'retried',
      'submitted',
    ]);
  });

  it('serves Prometheus text without a token, per carrier and without credentials', async () => {
    const metrics = await get(api, '/metrics');

    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text).toMatch(/^loa_carrier_bound_sessions\{carrier="viettel"\} 1$/m);
    expect(metrics.text).toMatch(/^loa_carrier_in_flight\{carrier="viettel"\} 0$/m);
    expect(metrics.text).toMatch(/^loa_carrier_queued\{carrier="viettel"\} 0$/m);
    expect(metrics.text).toMatch(/^loa_carrier_submits_total\{carrier="viettel",outcome="accepted"\} 0$/m);
    expect(metrics.text).toMatch(/^loa_carrier_reconnects_total\{carrier="viettel"\} 0$/m);
    expect(metrics.text).toMatch(/^# TYPE loa_carrier_submits_total counter$/m);
    expect(metrics.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(metrics.text).not.toContain(SMSC_PASSWORD);
    expect(metrics.text).not.toContain(SYSTEM_ID);
  });

  it('leaves /metrics out of the OpenAPI document', async () => {
    const docs = await get(api, '/docs/openapi.json');

    expect(Object.keys(docs.body.paths)).toContain('/health/ready');
    expect(Object.keys(docs.body.paths)).not.toContain('/metrics');
  });

  it('counts the receipts retired unmatched, per carrier', async () => {
    await api.dataSource.query(`
      INSERT INTO delivery_receipts (carrier, smsc_message_id, raw, applied_at, unmatched)
      VALUES ('vnpt', '1', 'id:1', now(), true), ('vnpt', NULL, '###', now(), true), ('viettel', '2', 'id:2', now(), false)`);

    const metrics = await get(api, '/metrics');

    expect(metrics.text).toMatch(/^loa_receipts_unmatched\{carrier="vnpt"\} 2$/m);
    expect(metrics.text).not.toMatch(/^loa_receipts_unmatched\{carrier="viettel"\}/m);
    await api.dataSource.query('DELETE FROM delivery_receipts');
  });

  it('counts the messages of running and paused campaigns only', async () => {
    await seedCampaignStats(api);

    const metrics = await get(api, '/metrics');

    const expected = { targeted: 17, submitted: 13, delivered: 7, undeliverable: 1, expired: 1, rejected: 1, failed: 2, unknown: 1 };
    for (const [state, count] of Object.entries(expected)) {
      expect(metrics.text).toMatch(new RegExp(`^loa_messages\\{state="${state}"\\} ${count}$`, 'm'));
    }
  });

  it('sums the fresh reports of every dispatcher and shows a dispatcher that stopped reporting as gone', async () => {
    const repository = api.app.get(LinkStatusRepository);
    await repository.write('other-host:1:aaaaaa', [report('viettel', 'bound', 2), report('vnpt', 'bound', 1)]);
    await repository.write('dead-host:1:bbbbbb', [report('viettel', 'bound', 5), report('mobifone', 'connecting', 0)]);
    await api.dataSource.query(`UPDATE carrier_link_status SET updated_at = now() - interval '20 seconds' WHERE dispatcher_id = 'dead-host:1:bbbbbb'`);
    try {
      const carriers = await get(api, '/health/carriers');
      const metrics = await get(api, '/metrics');

      expect(carriers.status).toBe(503);
      expect(carriers.body.details.carriers).toEqual({
        status: 'down',
        message: 'no bound session: mobifone',
        mobifone: { status: 'down', boundSessions: 0, links: { gone: 1 } },
        viettel: { status: 'up', boundSessions: 3, links: { bound: 2, gone: 1 } },
        vnpt: { status: 'up', boundSessions: 1, links: { bound: 1 } },
      });
      expect(metrics.text).toMatch(/^loa_carrier_bound_sessions\{carrier="viettel"\} 3$/m);
      expect(metrics.text).toMatch(/^loa_carrier_submits_total\{carrier="viettel",outcome="accepted"\} 20$/m);
      expect(metrics.text).toMatch(/^loa_carrier_bound_sessions\{carrier="vnpt"\} 1$/m);
      expect(metrics.text).toMatch(/^loa_carrier_bound_sessions\{carrier="mobifone"\} 0$/m);
    } finally {
      await repository.remove('other-host:1:aaaaaa');
      await repository.remove('dead-host:1:bbbbbb');
    }
    const left: { dispatcher_id: string }[] = await api.dataSource.query('SELECT dispatcher_id FROM carrier_link_status');
    expect(left).toEqual([{ dispatcher_id: expect.stringContaining(`:${process.pid}:`) }]);
  });

  it('shows the carrier down with a 503 once its SMSC is gone, stays ready so that operators can act, and comes back up with the SMSC', async () => {
    const port = simulator.port;
    await simulator.stop();

    const down = await pollUntil(
      () => get(api, '/health/carriers'),
      (r) => r.body.details?.carriers?.viettel?.status === 'down',
      { ...POLL, what: 'viettel down in /health/carriers' },
    );

    expect(down.status).toBe(503);
    expect(down.body.details.carriers).toEqual({
      status: 'down',
      message: 'no bound session: viettel',
      viettel: { status: 'down', boundSessions: 0, links: { connecting: 1 } },
    });
    expect((await get(api, '/health/ready')).status).toBe(200);
    expect((await get(api, '/metrics')).text).toMatch(/^loa_carrier_bound_sessions\{carrier="viettel"\} 0$/m);

    simulator = await SmscSimulator.start({ port, accounts: [{ systemId: SYSTEM_ID, password: SMSC_PASSWORD }], profile: 'viettel' });
    const up = await pollUntil(
      () => get(api, '/health/carriers'),
      (r) => r.status === 200,
      { timeoutMs: 20_000, intervalMs: 200, what: 'viettel up again in /health/carriers' },
    );
    expect(up.body.details.carriers.viettel).toEqual({ status: 'up', boundSessions: 1, links: { bound: 1 } });
  });

  it('deletes its rows on a clean shutdown', async () => {
    await api.app.close();
    appClosed = true;

    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS count FROM carrier_link_status');
      expect(rows[0].count).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe('/health/ready of an API without dispatchers', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('has nothing down with no report and no carriers file, and forgets a dispatcher gone for over an hour', async () => {
    expect((await get(api, '/health/carriers')).body.details.carriers).toEqual({ status: 'up' });
    await api.app.get(LinkStatusRepository).write('dead-host:1:cccccc', [report('viettel', 'bound', 1)]);
    await api.dataSource.query(`UPDATE carrier_link_status SET updated_at = now() - interval '61 minutes'`);

    const carriers = await get(api, '/health/carriers');

    expect(carriers.status).toBe(200);
    expect(carriers.body.details.carriers).toEqual({ status: 'up' });
  });

  it('stays ready, decided by the database alone, while a carrier has no bound session', async () => {
    await api.app.get(LinkStatusRepository).write('lonely-host:1:dddddd', [report('vnpt', 'connecting', 0)]);

    const ready = await get(api, '/health/ready');
    const carriers = await get(api, '/health/carriers');

    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.details)).toEqual(['database']);
    expect(carriers.status).toBe(503);
    expect(carriers.body.details.carriers.vnpt).toEqual({ status: 'down', boundSessions: 0, links: { connecting: 1 } });
  });
});

describe('/health/carriers of an API with a carriers file', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi({ carriers: ['viettel', 'mobifone'] });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('shows a carrier of the file that no dispatcher reports as down', async () => {
    await api.app.get(LinkStatusRepository).write('only-host:1:eeeeee', [report('viettel', 'bound', 1)]);

    const carriers = await get(api, '/health/carriers');

    expect(carriers.status).toBe(503);
    expect(carriers.body.details.carriers).toEqual({
      status: 'down',
      message: 'no bound session: mobifone',
      mobifone: { status: 'down', boundSessions: 0, links: {} },
      viettel: { status: 'up', boundSessions: 1, links: { bound: 1 } },
    });
  });
});
