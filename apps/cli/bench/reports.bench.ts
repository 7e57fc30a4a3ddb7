import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuthModule, type AuthUser } from '@loa/auth';
import { type BenchFigure, type Benchmark } from '@loa/bench';
import { DatabaseModule } from '@loa/database';
import { syncProvinces } from '@loa/provinces';
import { campaignXlsx, ReportingModule, ReportingService } from '@loa/reporting';

const RUNS = 20;
const NATIONAL: AuthUser = { id: 1, username: 'bench', role: 'viewer', provinceScope: null };

/**
 * The counters of a finished national campaign (34 provinces × 3 carriers) of `messages` messages, as the
 * dispatcher leaves them: running totals, and one bucket per minute per (province, carrier) over `minutes` of
 * sending (a 10 M campaign at ~1,000 messages/s over three hours: 18,360 bucket rows). Reports read no message,
 * so none are written.
 */
async function finishedCampaign(db: DataSource, id: number, messages: number, minutes: number): Promise<void> {
  await db.query(
    `INSERT INTO campaigns (id, name, template_id, provinces, carriers, state, start_at, report_deadline, created_by)
     SELECT $1::bigint, 'Cảnh báo lừa đảo toàn quốc ' || $1::text, 1, array_agg(code ORDER BY code), '{viettel,vnpt,mobifone}', 'completed', now() - interval '1 day', now() - interval '2 hours', 1
     FROM provinces`,
    [id],
  );
  const cells = `(SELECT p.code, c.carrier FROM provinces p CROSS JOIN unnest('{viettel,vnpt,mobifone}'::text[]) c(carrier)) cell`;
  await db.query(
    `INSERT INTO campaign_stats (campaign_id, province_code, carrier, targeted, submitted, delivered, undeliverable, expired, parts_billed,
       first_sent_at, last_sent_at, first_receipt_at, last_receipt_at)
     SELECT $1, code, carrier, $2, $2, $2 * 9 / 10, $2 / 20, $2 - $2 * 9 / 10 - $2 / 20, $2 * 2,
       now() - interval '1 day', now() - interval '21 hours', now() - interval '1 day', now() - interval '20 hours'
     FROM ${cells}`,
    [id, Math.floor(messages / 102)],
  );
  await db.query(
    `INSERT INTO campaign_stats_buckets (campaign_id, province_code, carrier, bucket_end, submitted, delivered, undeliverable, expired, parts_billed,
       first_sent_at, last_sent_at, first_receipt_at, last_receipt_at)
     SELECT $1, code, carrier, b.bucket_end, $2, $2 * 9 / 10, $2 / 20, $2 / 20, $2 * 2,
       b.bucket_end - interval '59 seconds', b.bucket_end - interval '1 second', b.bucket_end - interval '58 seconds', b.bucket_end - interval '1 second'
     FROM ${cells} CROSS JOIN generate_series(1, $3) m
     CROSS JOIN LATERAL (SELECT date_trunc('minute', now() - interval '1 day') + make_interval(mins => m) AS bucket_end) b`,
    [id, Math.max(1, Math.floor(messages / 102 / minutes)), minutes],
  );
  await db.query(
    `INSERT INTO campaign_errors (campaign_id, province_code, carrier, state, reason, messages)
     SELECT $1, code, carrier, e.state, e.reason, 100 FROM ${cells}
     CROSS JOIN (VALUES ('undeliverable', 'stat:UNDELIV err:001'), ('expired', 'stat:EXPIRED err:002'), ('rejected', 'ESME_RINVDSTADR (0x0000000B)')) e(state, reason)`,
    [id],
  );
}

async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const reportBenchmark: Benchmark = {
  name: 'reports.campaign',
  description: `campaign report (JSON with timeline, errors, frozen figures), asOf and XLSX of national campaigns of 1 M and 10 M messages (median of ${RUNS})`,
  async run(context): Promise<BenchFigure[]> {
    @Module({
      imports: [
        DatabaseModule.forRoot({ url: await context.freshDatabase(), poolSize: 4 }),
        AuthModule.forRoot({ jwtSecret: 'bench-secret-bench-secret-bench-secret' }),
        ReportingModule,
      ],
    })
    class BenchModule {}
    const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
    try {
      const db = app.get(DataSource);
      await syncProvinces(db);
      await db.query(`INSERT INTO users (id, username, password_hash, role) VALUES (1, 'bench', 'x', 'admin')`);
      await db.query(`INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id)
        VALUES (1, 1, 1, 'Cảnh báo', 'Cảnh báo lừa đảo', 'auto', 3, 'approved', 1)`);
      await finishedCampaign(db, 1, 1_000_000, 60);
      await finishedCampaign(db, 2, 10_000_000, 180);
      await db.query('ANALYZE');
      const reporting = app.get(ReportingService);
      const asOf = new Date(Date.now() - 22 * 3_600_000);
      const report = await reporting.campaignReport(2, NATIONAL);
      return [
        {
          name: 'report of a 1 M-message campaign (median)',
          value: await medianMs(RUNS, () => reporting.campaignReport(1, NATIONAL)),
          unit: 'ms',
          budget: 50,
          better: 'lower',
        },
        {
          name: 'report of a 10 M-message campaign (median)',
          value: await medianMs(RUNS, () => reporting.campaignReport(2, NATIONAL)),
          unit: 'ms',
          budget: 50,
          better: 'lower',
        },
        {
          name: 'report asOf, 10 M-message campaign (median)',
          value: await medianMs(RUNS, () => reporting.campaignReport(2, NATIONAL, { asOf })),
          unit: 'ms',
          budget: 200,
          better: 'lower',
        },
        {
          name: 'XLSX of a 34-province × 3-carrier campaign (median)',
          value: await medianMs(5, () => campaignXlsx(report)),
          unit: 'ms',
          budget: 1000,
          better: 'lower',
          note: `${report.rows.length} rows, ${report.timeline.points.length} timeline points`,
        },
      ];
    } finally {
      await app.close();
    }
  },
};

export const reportBenchmarks: Benchmark[] = [reportBenchmark];
