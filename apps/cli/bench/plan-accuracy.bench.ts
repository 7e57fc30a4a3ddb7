import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthModule, AuthService } from '@loa/auth';
import type { BenchFigure, Benchmark } from '@loa/bench';
import { CampaignsModule, CampaignsService, type DeadlinePlan, SendingCarriersModule } from '@loa/campaigns';
import { type Carrier } from '@loa/common';
import { DatabaseModule } from '@loa/database';
import { seedDemo } from '@loa/demo';
import { syncProvinces } from '@loa/provinces';
import { TemplatesModule, TemplatesService } from '@loa/templates';
import { benchUsers, startDispatcher, withApp } from './campaign.bench';
import { benchLinkConfig, SIMULATOR_ENTRY, startChild, stopChild } from './smpp.bench';

/**
 * Issue 9's check of the deadline plan against a real send, moved out of the test suite (issue 19): a
 * campaign on three carriers, each at its own TPS, sent by `loa dispatcher` to three simulators; the plan
 * asked before the start and again two thirds of the way (from the rate the dispatcher's samples measure)
 * against each carrier's measured finish. The TPS are scaled up so the run takes about 100 s, and kept well
 * under what one dispatcher sends on this 2-core host (~7,800 messages/s), so that the TPS sets the pace.
 */
const MESSAGES = 120_000;
const CARRIERS: { id: Carrier; share: number; tps: number }[] = [
  { id: 'viettel', share: 0.5, tps: 750 },
  { id: 'vnpt', share: 0.3, tps: 375 },
  { id: 'mobifone', share: 0.2, tps: 300 },
];
// One UCS-2 part per message: every message is one PDU against its carrier's TPS.
const BODY = 'Công an {{province.name}} cảnh báo: lừa đảo OTP.';
/** VNPT's time at its TPS (the links keep 1000/1030 of it): the longest carrier's. */
const LONGEST_SECONDS = ((MESSAGES * 0.3) / 375) * 1.03;
const TPS = Object.fromEntries(CARRIERS.map((carrier) => [carrier.id, carrier.tps]));

const planAccuracyBenchmark: Benchmark = {
  name: 'plan.accuracy',
  description: `deadline plan vs the measured finish of ${MESSAGES.toLocaleString('en')} messages on three simulated carriers at 750/375/300 TPS`,
  async run(context): Promise<BenchFigure[]> {
    const databaseUrl = await context.freshDatabase();
    const smscs = await Promise.all(CARRIERS.map(() => startChild(SIMULATOR_ENTRY)));
    const carriersFile = writeCarriers(smscs.map((smsc) => smsc.port));
    let dispatcher: ChildProcess | undefined;
    try {
      return await withPlanner(databaseUrl, async (app) => {
        const campaignId = await prepare(app);
        const plan = await planOf(app, campaignId);
        // The dispatcher's scheduler materialises the due campaign, as in production; the plan counts from the first submit.
        dispatcher = await startDispatcher(databaseUrl, carriersFile);
        const db = app.get(DataSource);
        const startedAt = Date.now();
        const midRun = await replanTwoThirdsIn(app, campaignId, startedAt);
        await allSubmitted(db, campaignId);
        return figures(plan, midRun, await measuredFinishes(db, campaignId));
      });
    } finally {
      if (dispatcher) await stopChild(dispatcher, 'SIGTERM');
      await Promise.all(smscs.map((smsc) => stopChild(smsc.child)));
      rmSync(dirname(carriersFile), { recursive: true, force: true });
    }
  },
};

export const planAccuracyBenchmarks: Benchmark[] = [planAccuracyBenchmark];

/** Subscribers in province 14 shared among the carriers, and an approved campaign to them, due now. */
async function prepare(app: INestApplicationContext): Promise<number> {
  const db = app.get(DataSource);
  await syncProvinces(db);
  await seedDemo(db, app.get(AuthService), { password: 'bench-password', subscribers: 0 });
  let first = 84_900_000_000;
  for (const carrier of CARRIERS) {
    const count = Math.round(MESSAGES * carrier.share);
    await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code) SELECT $1::bigint + n, $2, '14' FROM generate_series(0, $3 - 1) n`, [
      first,
      carrier.id,
      count,
    ]);
    first += 10_000_000;
  }
  await db.query('ANALYZE subscribers');
  const users = await benchUsers(db);
  const templates = app.get(TemplatesService);
  const template = await templates.create({ name: 'plan accuracy', body: BODY, encodingPolicy: 'auto', maxSegments: 1 }, users.drafter);
  await templates.submit(template.id, users.drafter);
  await templates.approve(template.id, users.approver);
  const campaigns = app.get(CampaignsService);
  const campaign = await campaigns.create(
    {
      name: 'plan accuracy',
      templateId: template.id,
      provinces: ['14'],
      carriers: CARRIERS.map((carrier) => carrier.id),
      startAt: new Date(),
      windowLifted: true,
      dailyCapLifted: true,
      overrideReason: 'benchmark of the deadline plan at any hour',
    },
    users.drafter,
  );
  await campaigns.submit(campaign.id, users.drafter);
  await campaigns.approve(campaign.id, users.approver);
  return campaign.id;
}

async function planOf(app: INestApplicationContext, campaignId: number): Promise<DeadlinePlan> {
  const users = await benchUsers(app.get(DataSource));
  return app.get(CampaignsService).plan(campaignId, users.drafter);
}

/** The plan of the running campaign two thirds of the longest carrier's time after the start: from its measured rates. */
async function replanTwoThirdsIn(app: INestApplicationContext, campaignId: number, startedAt: number): Promise<DeadlinePlan> {
  const waitMs = startedAt + (2 / 3) * LONGEST_SECONDS * 1000 - Date.now();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitMs)));
  return planOf(app, campaignId);
}

async function allSubmitted(db: DataSource, campaignId: number): Promise<void> {
  const deadline = Date.now() + 3 * LONGEST_SECONDS * 1000;
  for (;;) {
    const [{ sent }] = await db.query('SELECT coalesce(sum(submitted), 0)::int AS sent FROM campaign_stats WHERE campaign_id = $1', [campaignId]);
    if (sent === MESSAGES) return;
    if (Date.now() > deadline) throw new Error(`only ${sent} of ${MESSAGES} messages submitted after ${Math.round(3 * LONGEST_SECONDS)} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Each carrier's last submit, and its time from the campaign's first submit (the plan starts when sending does). */
async function measuredFinishes(db: DataSource, campaignId: number): Promise<{ carrier: string; seconds: number; lastAt: Date }[]> {
  return db.query(
    `SELECT carrier, max(submitted_at) AS "lastAt",
       extract(epoch FROM max(submitted_at) - (SELECT min(submitted_at) FROM messages WHERE campaign_id = $1))::float8 AS seconds
     FROM messages WHERE campaign_id = $1 GROUP BY carrier`,
    [campaignId],
  );
}

function figures(plan: DeadlinePlan, midRun: DeadlinePlan, measured: { carrier: string; seconds: number; lastAt: Date }[]): BenchFigure[] {
  const perCarrier = CARRIERS.map((carrier): BenchFigure => {
    const planned = plan.carriers.find((c) => c.carrier === carrier.id)!;
    const plannedSeconds = (planned.finishesAt!.getTime() - planned.startsAt!.getTime()) / 1000;
    const actual = measured.find((row) => row.carrier === carrier.id)!.seconds;
    return {
      name: `plan vs finish: ${carrier.id} at ${carrier.tps} TPS`,
      value: round((Math.abs(actual - plannedSeconds) / plannedSeconds) * 100),
      unit: '% off',
      budget: 10,
      better: 'lower',
      note: `planned ${plannedSeconds.toFixed(1)} s, measured ${actual.toFixed(1)} s`,
    };
  });
  const vnpt = midRun.carriers.find((c) => c.carrier === 'vnpt')!;
  const vnptMeasured = measured.find((row) => row.carrier === 'vnpt')!;
  const replanOff = Math.abs(vnpt.finishesAt!.getTime() - vnptMeasured.lastAt.getTime()) / 1000;
  return [
    ...perCarrier,
    {
      name: 're-plan two thirds in: vnpt finish',
      value: round((replanOff / vnptMeasured.seconds) * 100),
      unit: '% of its time',
      budget: 20,
      better: 'lower',
      note: `rate from ${vnpt.rateSource}; ${replanOff.toFixed(1)} s from the measured finish of a ${vnptMeasured.seconds.toFixed(1)} s send`,
    },
  ];
}

/** A carriers file of one account per carrier, each on its own simulator, at its TPS. */
function writeCarriers(ports: number[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'loa-bench-carriers-')), 'carriers.json');
  const carriers = CARRIERS.map((carrier, index) => ({
    ...benchLinkConfig(ports[index], { binds: 1, tps: carrier.tps, window: 200 }),
    id: carrier.id,
    simulated: false,
  }));
  writeFileSync(file, JSON.stringify({ carriers }));
  return file;
}

/** An application context with the planner's modules, at the benchmark's TPS. */
function withPlanner<T>(url: string, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  @Module({
    imports: [
      DatabaseModule.forRoot({ url, poolSize: 4 }),
      AuthModule.forRoot({ jwtSecret: 'bench-secret-bench-secret-bench-secret' }),
      SendingCarriersModule.forRoot(
        CARRIERS.map((carrier) => carrier.id),
        TPS,
      ),
      TemplatesModule,
      CampaignsModule,
    ],
  })
  class PlanAccuracyModule {}
  return withApp(PlanAccuracyModule, work);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
