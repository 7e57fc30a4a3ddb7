import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuthModule, AuthService, type AuthUser } from '@loa/auth';
import { type BenchContext, type BenchFigure, type Benchmark } from '@loa/bench';
import { CampaignMaterialiser, CampaignsModule, CampaignsService } from '@loa/campaigns';
import { type CarrierAccount } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { seedDemo } from '@loa/demo';
import { DispatcherModule } from '@loa/dispatcher';
import { syncProvinces } from '@loa/provinces';
import { TemplatesModule, TemplatesService } from '@loa/templates';
import { Client } from 'pg';
import { countStatements, postgresCpuSeconds, processCpuSeconds } from './cpu-meter';
import { benchLinkConfig, rawThroughput, SIMULATOR_ENTRY, startChild, stopChild } from './smpp.bench';

// Issue 8's configuration: one dispatcher in this process, one carrier account with ONE bind and a window
// of 500, the SMSC (in a process of its own, receipts at once) never throttling, one-part messages.
const WINDOW = 500;
const TEXT = 'Canh bao lua dao: khong cung cap ma OTP cho bat ky ai, ke ca nguoi xung la cong an.';

/** One campaign of `messages` one-part messages: materialised, sent over SMPP, every receipt applied. */
function campaignBenchmark(messages: number, budgets: { rate: number; materialiseSeconds?: number }): Benchmark {
  const label = messages >= 1_000_000 ? `${messages / 1_000_000} M` : `${messages / 1000} k`;
  return {
    name: `campaign.end-to-end-${label.replace(' ', '').toLowerCase()}`,
    description: `one campaign of ${messages.toLocaleString('en')} one-part messages: materialise, submit over one bind (window ${WINDOW}) to the simulator in another process, apply receipts`,
    run: async (context: BenchContext): Promise<BenchFigure[]> => {
      const databaseUrl = await context.freshDatabase();
      const smsc = await startChild(SIMULATOR_ENTRY);
      try {
        const campaignId = await prepareCampaign(databaseUrl, messages);
        const materialiseSeconds = await materialise(databaseUrl);
        const run = await sendToCompletion(databaseUrl, benchAccount(smsc.port), campaignId);
        const raw = await rawThroughput();
        const rate = messages / run.seconds;
        const figures: BenchFigure[] = [
          {
            name: `campaign ${label}: end to end`,
            value: rate,
            unit: 'messages/s',
            budget: budgets.rate,
            better: 'higher',
            note: `${messages} sent and receipted in ${run.seconds.toFixed(1)} s after materialising`,
          },
          {
            name: `campaign ${label}: dispatcher CPU per message`,
            value: (run.dispatcherCpuSeconds / messages) * 1e6,
            unit: 'µs',
            better: 'lower',
            note: `${run.dispatcherCpuSeconds.toFixed(1)} CPU-s user+sys, the rate depends on the machine's other load, this does not`,
          },
          ...(run.postgresCpuSeconds === null
            ? []
            : [
                {
                  name: `campaign ${label}: PostgreSQL CPU per message`,
                  value: (run.postgresCpuSeconds / messages) * 1e6,
                  unit: 'µs',
                  better: 'lower' as const,
                  note: `${run.postgresCpuSeconds.toFixed(1)} CPU-s user+sys of the server and its backends`,
                },
              ]),
          {
            name: `campaign ${label}: statements per 1000 messages`,
            value: (run.statements / messages) * 1000,
            unit: 'statements',
            better: 'lower',
            note: `${run.statements} sent by the dispatcher, BEGIN and COMMIT included`,
          },
          {
            name: `campaign ${label}: dispatcher peak RSS`,
            value: run.peakRssMb,
            unit: 'MB',
            budget: 300,
            better: 'lower',
            note: `peak JS heap ${run.peakHeapMb} MB`,
          },
          {
            name: `campaign ${label}: / bare smpp client, same run`,
            value: Number((rate / raw.rate).toFixed(2)),
            unit: 'ratio',
            note: `bare client ${Math.round(raw.rate)} messages/s`,
          },
        ];
        if (budgets.materialiseSeconds !== undefined) {
          figures.push({ name: `campaign ${label}: materialise`, value: materialiseSeconds, unit: 's', budget: budgets.materialiseSeconds, better: 'lower' });
        }
        return figures;
      } finally {
        await stopChild(smsc.child);
      }
    },
  };
}

export const campaignBenchmarks: Benchmark[] = [
  campaignBenchmark(50_000, { rate: 10_000 }),
  campaignBenchmark(1_000_000, { rate: 9_000, materialiseSeconds: 10 }),
];

/** Subscribers, an approved template and an approved campaign starting now (not yet materialised). */
async function prepareCampaign(databaseUrl: string, messages: number): Promise<number> {
  return withPreparation(databaseUrl, messages, (app) => approvedCampaign(app, ANY_TIME_ANY_AUDIENCE));
}

/**
 * An application context with what preparing a campaign needs, on a database seeded with the demo users and
 * `subscribers` active subscribers (viettel, province 14), for `work`.
 */
export async function withPreparation<T>(databaseUrl: string, subscribers: number, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  @Module({
    imports: [
      DatabaseModule.forRoot({ url: databaseUrl }),
      AuthModule.forRoot({ jwtSecret: 'bench-secret-bench-secret-bench-secret' }),
      TemplatesModule,
      CampaignsModule,
    ],
  })
  class PrepareModule {}
  return withApp(PrepareModule, async (app) => {
    const db = app.get(DataSource);
    await syncProvinces(db);
    await seedDemo(db, app.get(AuthService), { password: 'bench-password', subscribers: 0 });
    await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code) SELECT 84960000000 + n, 'viettel', '14' FROM generate_series(1, $1) n`, [
      subscribers,
    ]);
    await db.query('ANALYZE subscribers');
    return work(app);
  });
}

/** What the dispatcher's scheduler does once a second, timed alone: the due campaign becomes queued messages; seconds. */
async function materialise(databaseUrl: string): Promise<number> {
  @Module({ imports: [DatabaseModule.forRoot({ url: databaseUrl }), CampaignsModule] })
  class MaterialiseModule {}
  return withApp(MaterialiseModule, async (app) => {
    const started = process.hrtime.bigint();
    if (!(await app.get(CampaignMaterialiser).materialiseNextDue())) throw new Error('no campaign was due');
    return Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(2));
  });
}

/** Starts the dispatcher and waits for the campaign to complete, sampling this process's memory. */
async function sendToCompletion(
  databaseUrl: string,
  account: CarrierAccount,
  campaignId: number,
): Promise<{ seconds: number; peakRssMb: number; peakHeapMb: number; dispatcherCpuSeconds: number; postgresCpuSeconds: number | null; statements: number }> {
  // The dispatcher as `loa start` and `loa dispatcher` run it: default options.
  @Module({
    imports: [DatabaseModule.forRoot({ url: databaseUrl, poolSize: 12 }), DispatcherModule.forRoot({ carriers: [account], dispatcher: {} })],
  })
  class DispatcherBenchModule {}
  let peakRss = process.memoryUsage().rss;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }, 100);
  const meter = new Client({ connectionString: databaseUrl });
  await meter.connect();
  try {
    const postgresBefore = await postgresCpuSeconds({ query: async (sql) => (await meter.query(sql)).rows });
    const cpuBefore = processCpuSeconds();
    const started = process.hrtime.bigint();
    const { result: polls, statements } = await countStatements(() =>
      withApp(DispatcherBenchModule, (app) => waitForCompletion(app.get(DataSource), campaignId)),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const dispatcherCpuSeconds = processCpuSeconds() - cpuBefore;
    // Once the app's connections have ended and the postmaster has counted their CPU: a backend read while it exits is lost.
    await backendsGone(meter);
    const postgresAfter = await postgresCpuSeconds({ query: async (sql) => (await meter.query(sql)).rows });
    return {
      seconds,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      peakHeapMb: Math.round(peakHeap / 2 ** 20),
      dispatcherCpuSeconds,
      postgresCpuSeconds: postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore,
      // The benchmark's own polling is not the dispatcher's work.
      statements: statements - polls,
    };
  } finally {
    clearInterval(sampler);
    await meter.end();
  }
}

export async function withApp<T>(module: new () => unknown, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(module, { logger: ['error'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

function benchAccount(port: number): CarrierAccount {
  return { ...benchLinkConfig(port, { binds: 1, tps: 100_000, window: WINDOW }), simulated: true, simulatorProfile: 'bench' };
}

async function benchUsers(db: DataSource): Promise<{ drafter: AuthUser; approver: AuthUser }> {
  const rows: { id: string; username: string; role: AuthUser['role'] }[] = await db.query(
    `SELECT id, username, role FROM users WHERE username IN ('demo-drafter', 'demo-approver')`,
  );
  const user = (name: string): AuthUser => {
    const row = rows.find((candidate) => candidate.username === name)!;
    return { id: Number(row.id), username: row.username, role: row.role, provinceScope: null };
  };
  return { drafter: user('demo-drafter'), approver: user('demo-approver') };
}

/** Throughput at any time of day: the window and the cap are not what is measured here. */
const ANY_TIME_ANY_AUDIENCE = { windowLifted: true, dailyCapLifted: true, overrideReason: 'benchmark' };

/** An approved campaign of one-part messages to every subscriber of withPreparation, starting now, with `limits`. */
export async function approvedCampaign(
  app: INestApplicationContext,
  limits: { windowLifted?: boolean; dailyCapLifted?: boolean; overrideReason?: string } = {},
): Promise<number> {
  const users = await benchUsers(app.get(DataSource));
  const templates = app.get(TemplatesService);
  const campaigns = app.get(CampaignsService);
  const template = await templates.create({ name: 'bench', body: TEXT, encodingPolicy: 'auto', maxSegments: 1 }, users.drafter);
  await templates.submit(template.id, users.drafter);
  await templates.approve(template.id, users.approver);
  const campaign = await campaigns.create(
    { name: 'bench', templateId: template.id, provinces: ['14'], carriers: ['viettel'], startAt: new Date(), ...limits },
    users.drafter,
  );
  await campaigns.submit(campaign.id, users.drafter);
  await campaigns.approve(campaign.id, users.approver);
  return campaign.id;
}

async function backendsGone(meter: Client): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const { rows } = await meter.query('SELECT count(*)::int AS others FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    if (rows[0].others === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Polls until the campaign is completed; returns how many polls that took. */
async function waitForCompletion(db: DataSource, campaignId: number): Promise<number> {
  const deadline = Date.now() + 15 * 60_000;
  for (let polls = 1; ; polls++) {
    const [row] = await db.query('SELECT state FROM campaigns WHERE id = $1', [campaignId]);
    if (row.state === 'completed') return polls;
    if (Date.now() > deadline) throw new Error(`campaign ${campaignId} did not complete within 15 minutes (state ${row.state})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
