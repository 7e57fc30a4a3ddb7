import { DataSource } from 'typeorm';
import { type BenchContext, type BenchFigure, type Benchmark } from '@loa/bench';
import { CampaignMaterialiser } from '@loa/campaigns';
import { approvedCampaign, withPreparation } from './campaign.bench';

const MESSAGES = 1_000_000;

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
      return withPreparation(await context.freshDatabase(), MESSAGES, async (app) => {
        const db = app.get(DataSource);
        const seconds: number[] = [];
        for (let campaign = 0; campaign < 3; campaign++) {
          await approvedCampaign(app);
          await quietDatabase(db);
          seconds.push(await timed(() => app.get(CampaignMaterialiser).materialiseNextDue()));
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

/**
 * Each materialisation starts from the same state: the WAL of the ones before checkpointed and their partitions
 * vacuumed, so that neither a checkpoint nor autovacuum of the earlier campaigns' million rows lands in the
 * timing of the next and is counted as the cap's cost.
 */
async function quietDatabase(db: DataSource): Promise<void> {
  await db.query('VACUUM (ANALYZE) messages');
  await db.query('CHECKPOINT');
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  if (!(await work())) throw new Error('no campaign was due');
  return Number(process.hrtime.bigint() - started) / 1e9;
}
