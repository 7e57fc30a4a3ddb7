import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthModule, AuthService } from '@loa/auth';
import { type BenchContext, type BenchFigure, type Benchmark } from '@loa/bench';
import { CampaignMaterialiser, CampaignsModule, CampaignsService } from '@loa/campaigns';
import { DatabaseModule } from '@loa/database';
import { seedDemo } from '@loa/demo';
import { syncProvinces } from '@loa/provinces';
import { TemplatesModule, TemplatesService } from '@loa/templates';
import { benchUsers, withApp } from './campaign.bench';

const MESSAGES = 1_000_000;
const TEXT = 'Canh bao lua dao: khong cung cap ma OTP cho bat ky ai.';

/**
 * What the daily cap adds to materialising a campaign of 1,000,000 messages: three campaigns over the same
 * subscribers on one day, cap on. The first has nothing to count against (the plain materialisation); the
 * second counts the first's million messages and holds nobody; the third finds every subscriber at the cap
 * (2) and materialises every message held.
 */
export const dailyCapBenchmarks: Benchmark[] = [
  {
    name: 'campaign.daily-cap-1m',
    description: 'materialise three campaigns of 1,000,000 messages over the same subscribers on one day, daily cap 2: the cost of the cap',
    run: async (context: BenchContext): Promise<BenchFigure[]> => {
      const databaseUrl = await context.freshDatabase();
      @Module({
        imports: [
          DatabaseModule.forRoot({ url: databaseUrl }),
          AuthModule.forRoot({ jwtSecret: 'bench-secret-bench-secret-bench-secret' }),
          TemplatesModule,
          CampaignsModule,
        ],
      })
      class DailyCapBenchModule {}
      return withApp(DailyCapBenchModule, async (app) => {
        const db = app.get(DataSource);
        await prepareSubscribers(db, app.get(AuthService));
        const now = Date.now();
        const seconds: number[] = [];
        for (let campaign = 0; campaign < 3; campaign++) {
          await approvedCampaign(app.get(TemplatesService), app.get(CampaignsService), db, now);
          seconds.push(await timed(() => app.get(CampaignMaterialiser).materialiseNextDue(now)));
        }
        const [held] = await db.query(`SELECT count(*)::int AS count FROM messages WHERE state = 'held'`);
        if (held.count !== MESSAGES) throw new Error(`expected the third campaign wholly held, found ${held.count} held`);
        const [plain, counted, allHeld] = seconds;
        return [
          { name: 'daily cap 1 M: materialise, nothing to count', value: plain, unit: 's', note: 'the plain materialisation the cap is measured against' },
          ratio('daily cap 1 M: cost, 1 M counted, none held', counted, plain),
          ratio('daily cap 1 M: cost, 2 M counted, all held', allHeld, plain),
        ];
      });
    },
  },
];

function ratio(name: string, seconds: number, plain: number): BenchFigure {
  return {
    name,
    value: Number(((seconds - plain) / plain).toFixed(2)),
    unit: 'ratio',
    budget: 0.2,
    better: 'lower',
    note: `${seconds.toFixed(2)} s against ${plain.toFixed(2)} s`,
  };
}

async function prepareSubscribers(db: DataSource, auth: AuthService): Promise<void> {
  await syncProvinces(db);
  await seedDemo(db, auth, { password: 'bench-password', subscribers: 0 });
  await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code) SELECT 84960000000 + n, 'viettel', '14' FROM generate_series(1, $1) n`, [MESSAGES]);
  await db.query('ANALYZE subscribers');
}

async function approvedCampaign(templates: TemplatesService, campaigns: CampaignsService, db: DataSource, now: number): Promise<void> {
  const users = await benchUsers(db);
  const template = await templates.create({ name: 'bench', body: TEXT, encodingPolicy: 'auto', maxSegments: 1 }, users.drafter);
  await templates.submit(template.id, users.drafter);
  await templates.approve(template.id, users.approver);
  const campaign = await campaigns.create(
    { name: 'bench', templateId: template.id, provinces: ['14'], carriers: ['viettel'], startAt: new Date(now) },
    users.drafter,
  );
  await campaigns.submit(campaign.id, users.drafter);
  await campaigns.approve(campaign.id, users.approver);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  if (!(await work())) throw new Error('no campaign was due');
  return Number(process.hrtime.bigint() - started) / 1e9;
}
