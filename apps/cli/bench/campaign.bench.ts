import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuthModule, AuthService, type AuthUser } from '@loa/auth';
import { type BenchContext, type BenchFigure, type Benchmark } from '@loa/bench';
import { CampaignMaterialiser, CampaignsModule, CampaignsService } from '@loa/campaigns';
import { DatabaseModule } from '@loa/database';
import { seedDemo } from '@loa/demo';
import { syncProvinces } from '@loa/provinces';
import { TemplatesModule, TemplatesService } from '@loa/templates';
import { Client } from 'pg';
import { childCpuSeconds, childPeakRssMb, postgresCpuSeconds } from './cpu-meter';
import { benchLinkConfig, rawThroughput, SIMULATOR_ENTRY, startChild, stopChild } from './smpp.bench';

// Compiled layout (npm run bench builds into dist-bench/): apps/cli/bench/ holds the benchmarks and the
// preload, apps/cli/src/ the CLI they start as a dispatcher.
const CLI_ENTRY = join(__dirname, '../src/main.js');
const STATEMENT_COUNTER = join(__dirname, 'statement-counter.preload.js');

// Issue 8's configuration: one dispatcher (`loa dispatcher`, a process of its own), one carrier account with
// ONE bind and a window of 500, the SMSC (in a process of its own, receipts at once) never throttling,
// one-part messages.
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
        const smscCpuBefore = childCpuSeconds(smsc.child.pid);
        const run = await sendToCompletion(databaseUrl, smsc.port, campaignId);
        const smscCpuAfter = childCpuSeconds(smsc.child.pid);
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
          ...(smscCpuBefore === null || smscCpuAfter === null
            ? []
            : [
                {
                  name: `campaign ${label}: simulator CPU per message`,
                  value: ((smscCpuAfter - smscCpuBefore) / messages) * 1e6,
                  unit: 'µs',
                  better: 'lower' as const,
                  note: 'the SMSC sink, in its own process on the same 2 cores',
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
            note: 'the `loa dispatcher` process, from its start (VmHWM)',
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

/**
 * Runs `loa dispatcher` in a process of its own, as production runs it, against the simulator; resumes the
 * campaign once the dispatcher has bound and times it to completion. CPU and peak RSS are the dispatcher
 * process's own (the benchmark's process holds the preparation and the other benchmarks too).
 */
async function sendToCompletion(
  databaseUrl: string,
  smscPort: number,
  campaignId: number,
): Promise<{ seconds: number; peakRssMb: number; dispatcherCpuSeconds: number; postgresCpuSeconds: number | null; statements: number }> {
  const meter = new Client({ connectionString: databaseUrl });
  await meter.connect();
  const carriersFile = writeBenchCarriers(smscPort);
  let dispatcher: ChildProcess | undefined;
  try {
    // Paused until the dispatcher is up: its start-up (loading, binding) is not the rate measured.
    await meter.query(`UPDATE campaigns SET state = 'paused' WHERE id = $1`, [campaignId]);
    dispatcher = await startDispatcher(databaseUrl, carriersFile);
    const postgresBefore = await postgresCpuSeconds({ query: async (sql) => (await meter.query(sql)).rows });
    const cpuBefore = childCpuSeconds(dispatcher.pid)!;
    const statementsBefore = await statementsOf(dispatcher);
    const started = process.hrtime.bigint();
    await meter.query(`UPDATE campaigns SET state = 'running' WHERE id = $1`, [campaignId]);
    await waitForCompletion(meter, campaignId);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const dispatcherCpuSeconds = childCpuSeconds(dispatcher.pid)! - cpuBefore;
    const peakRssMb = childPeakRssMb(dispatcher.pid)!;
    const statements = (await statementsOf(dispatcher)) - statementsBefore;
    await stopChild(dispatcher, 'SIGTERM');
    // Once the dispatcher's connections have ended and the postmaster has counted their CPU: a backend read while it exits is lost.
    await backendsGone(meter);
    const postgresAfter = await postgresCpuSeconds({ query: async (sql) => (await meter.query(sql)).rows });
    return {
      seconds,
      peakRssMb,
      dispatcherCpuSeconds,
      postgresCpuSeconds: postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore,
      statements,
    };
  } finally {
    if (dispatcher?.exitCode === null) dispatcher.kill('SIGKILL');
    await meter.end();
    rmSync(dirname(carriersFile), { recursive: true, force: true });
  }
}

/** `loa dispatcher` with statement counting, resolved once it says it is dispatching (its links bound). */
export async function startDispatcher(databaseUrl: string, carriersFile: string): Promise<ChildProcess> {
  const dispatcher = fork(CLI_ENTRY, ['dispatcher'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CARRIERS_FILE: carriersFile, LOA_LOG_FORMAT: 'json', LOA_LOG_LEVEL: 'info' },
    execArgv: ['--require', STATEMENT_COUNTER],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    dispatcher.once('exit', (code) => reject(new Error(`loa dispatcher exited with ${code} before dispatching: ${output.slice(-500)}`)));
    dispatcher.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('dispatching for')) resolve();
    });
  });
  dispatcher.stdout!.resume();
  return dispatcher;
}

function statementsOf(dispatcher: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const answer = (message: { statements?: number }) => {
      if (message.statements === undefined) return;
      dispatcher.off('message', answer);
      resolve(message.statements);
    };
    dispatcher.on('message', answer);
    dispatcher.send({ statements: true });
  });
}

/** A carriers file of one account: one bind to the simulator, window 500, no TPS limit in the way. */
function writeBenchCarriers(port: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'loa-bench-carriers-')), 'carriers.json');
  writeFileSync(file, JSON.stringify({ carriers: [{ ...benchLinkConfig(port, { binds: 1, tps: 100_000, window: WINDOW }), simulated: false }] }));
  return file;
}

export async function withApp<T>(module: new () => unknown, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(module, { logger: ['error'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** The demo drafter and approver (seeded by withPreparation or seedDemo), nationally scoped. */
export async function benchUsers(db: DataSource): Promise<{ drafter: AuthUser; approver: AuthUser }> {
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
const ANY_TIME_ANY_AUDIENCE = { windowLifted: true, dailyCapLifted: true, overrideReason: 'benchmark of throughput at any hour' };

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

/** Polls until the campaign is completed, every 10 ms: at 10 k messages/s a 50 ms poll was up to 1 % of the figure. */
async function waitForCompletion(db: Client, campaignId: number): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const [row] = (await db.query('SELECT state FROM campaigns WHERE id = $1', [campaignId])).rows;
    if (row.state === 'completed') return;
    if (Date.now() > deadline) throw new Error(`campaign ${campaignId} did not complete within 15 minutes (state ${row.state})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
