import { type INestApplicationContext, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AuthUser, AuthModule, AuthService } from '@loa/auth';
import type { Benchmark, BenchFigure } from '@loa/bench';
import { CampaignsModule, CampaignsService, type NewCampaign, SendingCarriersModule } from '@loa/campaigns';
import { DatabaseModule } from '@loa/database';
import { seedDemo } from '@loa/demo';
import { syncProvinces } from '@loa/provinces';
import { TemplatesModule, TemplatesService } from '@loa/templates';
import { benchUsers, withApp } from './campaign.bench';

const SUBSCRIBERS = 10_000_000;
const RUNS = 20;
const CARRIERS = ['viettel', 'vnpt', 'mobifone'] as const;
const TPS = { viettel: 500, vnpt: 300, mobifone: 200 };
const TEXT = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, mật khẩu hay số thẻ cho bất kỳ ai gọi điện tự xưng là công an.';

/** Generated in one INSERT … SELECT (~210 k rows/s, ~50 s for 10 M: outside the timing), every province, three carriers. */
const GENERATE_SUBSCRIBERS = `
  INSERT INTO subscribers (msisdn, carrier, province_code)
  SELECT 84900000000 + n, ($3::text[])[1 + n % 3], ($2::text[])[1 + n % cardinality($2::text[])]
  FROM generate_series(0, $1 - 1) AS n`;

/**
 * A national warning to 10 M subscribers, planned the way the API does: as a draft (POST /campaigns/plan)
 * and saved, behind a national campaign of higher priority (GET /campaigns/:id/plan). Both read the
 * audience counters, the exclusions and the texts, never the subscribers or messages one by one.
 */
const planBenchmark: Benchmark = {
  name: 'plan.deadline',
  description: `deadline plan of a national campaign to ${SUBSCRIBERS.toLocaleString('en')} subscribers (10 k excluded), one campaign ahead`,
  async run(context): Promise<BenchFigure[]> {
    return withPlanner(await context.freshDatabase(), async (app) => {
      const db = app.get(DataSource);
      await syncProvinces(db);
      await seedDemo(db, app.get(AuthService), { password: 'bench-password', subscribers: 0 });
      const codes: string[] = (await db.query('SELECT code FROM provinces ORDER BY code')).map((row: { code: string }) => row.code);
      await db.query(GENERATE_SUBSCRIBERS, [SUBSCRIBERS, codes, CARRIERS]);
      await db.query(`INSERT INTO subscriber_exclusions (msisdn) SELECT 84900000000 + n * 997 FROM generate_series(0, 9999) AS n`);
      await db.query('VACUUM ANALYZE subscribers');
      const users = await benchUsers(db);
      const campaigns = app.get(CampaignsService);
      const national = {
        name: 'Cảnh báo toàn quốc',
        templateId: await approvedTemplate(app.get(TemplatesService), users),
        provinces: codes,
        startAt: new Date(),
      };
      await scheduled(campaigns, { ...national, priority: 5 }, users);
      const saved = await campaigns.create(national, users.drafter);

      const draft = await timed(() => campaigns.planDraft(national, users.drafter));
      const savedPlan = await timed(() => campaigns.plan(saved.id, users.drafter));
      const note = (plan: { messages: number; parts: number }, ms: number[]) =>
        `${plan.messages.toLocaleString('en')} messages, ${plan.parts.toLocaleString('en')} parts; median of ${RUNS}, max ${round(Math.max(...ms))} ms`;
      return [
        { name: 'plan a 10 M-message draft', value: median(draft.ms), unit: 'ms', budget: 200, better: 'lower', note: note(draft.result, draft.ms) },
        {
          name: 'plan a saved 10 M-message campaign',
          value: median(savedPlan.ms),
          unit: 'ms',
          budget: 200,
          better: 'lower',
          note: note(savedPlan.result, savedPlan.ms),
        },
      ];
    });
  },
};

export const planBenchmarks: Benchmark[] = [planBenchmark];

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number[] }> {
  let result = await work(); // warm: the first call compiles and caches plans
  const ms: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    result = await work();
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { result, ms };
}

/** An application context with the planner's modules on `url`. */
function withPlanner<T>(url: string, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  @Module({
    imports: [
      DatabaseModule.forRoot({ url, poolSize: 4 }),
      AuthModule.forRoot({ jwtSecret: 'bench-secret-bench-secret-bench-secret' }),
      SendingCarriersModule.forRoot(CARRIERS, TPS),
      TemplatesModule,
      CampaignsModule,
    ],
  })
  class PlanBenchModule {}
  return withApp(PlanBenchModule, work);
}

async function approvedTemplate(templates: TemplatesService, users: { drafter: AuthUser; approver: AuthUser }): Promise<number> {
  const template = await templates.create({ name: 'bench', body: TEXT, encodingPolicy: 'auto', maxSegments: 3 }, users.drafter);
  await templates.submit(template.id, users.drafter);
  await templates.approve(template.id, users.approver);
  return template.id;
}

async function scheduled(campaigns: CampaignsService, input: NewCampaign, users: { drafter: AuthUser; approver: AuthUser }): Promise<void> {
  const campaign = await campaigns.create(input, users.drafter);
  await campaigns.submit(campaign.id, users.drafter);
  await campaigns.approve(campaign.id, users.approver);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)]);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
