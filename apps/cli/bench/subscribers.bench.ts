import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import type { Benchmark, BenchFigure } from '@loa/bench';
import { DatabaseModule } from '@loa/database';
import { syncProvinces } from '@loa/provinces';
import { AudienceRepository, SubscriberImportService, SubscribersModule } from '@loa/subscribers';

const IMPORT_ROWS = 1_000_000;
const AUDIENCE_ROWS = 10_000_000;
const PROVINCES = ['01', '79', '92', '66', '38', '46', '48', '31'];
const CARRIER_NAMES = ['viettel', 'vinaphone', 'mobifone', ''];

async function withContext<T>(url: string, work: (app: { get<S>(type: new (...args: never[]) => S): S }) => Promise<T>): Promise<T> {
  @Module({ imports: [DatabaseModule.forRoot({ url, poolSize: 2 }), SubscribersModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  try {
    await syncProvinces(app.get(DataSource));
    return await work(app);
  } finally {
    await app.close();
  }
}

/** A carrier-style list: 1 M distinct Viettel/VNPT/MobiFone numbers, mixed forms, a few legacy names. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('msisdn,carrier,province\n');
  for (let i = 0; i < rows; i++) {
    const number = `09${String(i).padStart(8, '0')}`.replace(/^092|^095|^099/, '096');
    const province = i % 50 === 0 ? 'Hậu Giang' : PROVINCES[i % PROVINCES.length];
    if (!out.write(`${i % 2 ? number : '+84' + number.slice(1)},${CARRIER_NAMES[i % 4]},${province}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const importBenchmark: Benchmark = {
  name: 'subscribers.import',
  description: `stream a ${IMPORT_ROWS.toLocaleString('en')}-row CSV through COPY and the set-based upsert`,
  async run(context): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'loa-bench-'));
    const file = join(dir, 'subscribers.csv');
    try {
      await writeCsv(file, IMPORT_ROWS);
      return await withContext(await context.freshDatabase(), async (app) => {
        const rss = sampleRss();
        const started = process.hrtime.bigint();
        const job = await app.get(SubscriberImportService).importCsv(createReadStream(file), { source: 'bench', user: null });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const peak = rss.stop() / 1024 / 1024;
        const note = `${job.inserted} inserted, ${job.rejected} rejected, ${job.mapped} mapped, ${Math.round(job.read / seconds)} rows/s`;
        return [
          { name: 'import 1 M rows', value: round(seconds), unit: 's', budget: 15, better: 'lower', note },
          { name: 'import peak RSS', value: Math.round(peak), unit: 'MB', budget: 300, better: 'lower' },
        ];
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Generated in one INSERT … SELECT (~210 k rows/s, ~50 s for 10 M: outside the timing). */
const GENERATE_SUBSCRIBERS = `
  INSERT INTO subscribers (msisdn, carrier, province_code, status)
  SELECT 84900000000 + n, (ARRAY['viettel', 'vnpt', 'mobifone', 'others'])[1 + n % 4],
         ($2::text[])[1 + n % cardinality($2::text[])], CASE WHEN n % 100 = 7 THEN 'opted_out' ELSE 'active' END
  FROM generate_series(0, $1 - 1) AS n`;

const audienceBenchmark: Benchmark = {
  name: 'subscribers.audience-count',
  description: `count an audience (2 provinces × 2 carriers, 10 k exclusions) over ${AUDIENCE_ROWS.toLocaleString('en')} subscribers`,
  async run(context): Promise<BenchFigure[]> {
    return withContext(await context.freshDatabase(), async (app) => {
      const db = app.get(DataSource);
      const codes = (await db.query('SELECT code FROM provinces ORDER BY code')).map((r: { code: string }) => r.code);
      await db.query(GENERATE_SUBSCRIBERS, [AUDIENCE_ROWS, codes]);
      await db.query(`INSERT INTO subscriber_exclusions (msisdn) SELECT 84900000000 + n * 997 FROM generate_series(0, 9999) AS n`);
      await db.query('VACUUM ANALYZE subscribers');
      const audiences = app.get(AudienceRepository);
      await audiences.count({ provinces: ['01', '79'], carriers: ['viettel', 'vnpt'] });
      const started = process.hrtime.bigint();
      const count = await audiences.count({ provinces: ['01', '79'], carriers: ['viettel', 'vnpt'] });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      return [
        { name: 'audience count over 10 M', value: round(ms), unit: 'ms', budget: 1000, better: 'lower', note: `${count.total} subscribers in the audience` },
      ];
    });
  },
};

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export const subscriberBenchmarks: Benchmark[] = [importBenchmark, audienceBenchmark];
