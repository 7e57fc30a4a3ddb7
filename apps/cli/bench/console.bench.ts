import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuthModule, type AuthUser } from '@loa/auth';
import { type Benchmark, type BenchFigure } from '@loa/bench';
import { findProjectRoot } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { syncProvinces } from '@loa/provinces';
import { TemplatePreviewService, TemplatesModule } from '@loa/templates';

/** The console's first-load budget (issue 22): the JS and CSS its index page loads, gzip-compressed. */
const BUDGET_KB = 300;
/** The editor asks for its preview this long after the last keystroke (apps/console/src/components/template-preview.tsx). */
const PREVIEW_DEBOUNCE_MS = 100;
/** Issue 22: the live preview answers within 300 ms of the last keystroke on a 34-province campaign. */
const PREVIEW_BUDGET_MS = 300;
const SUBSCRIBERS_PER_PROVINCE = 10_000;
const RUNS = 15;
const NATIONAL: AuthUser = { id: 1, username: 'bench', role: 'drafter', provinceScope: null };
// Three UCS-2 parts with the province's name and hotline: what a drafter types for a national warning.
const BODY =
  'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, không chuyển tiền cho người lạ tự xưng là công an, viện kiểm sát, tòa án. Mọi thắc mắc gọi {{province.hotline}}.';

/**
 * The scripts and stylesheets index.html loads (Vite writes them as /assets/… links), with the chunks its
 * entry imports (modulepreload links: code shared with the lazily loaded screens lands in one).
 */
export function firstLoadFiles(indexHtml: string): string[] {
  const links = [...indexHtml.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*\shref)="\/([^"]+)"/g)].map((match) => match[1]);
  return links.filter((path) => path.endsWith('.js') || path.endsWith('.css'));
}

export const consoleBenchmarks: Benchmark[] = [
  {
    name: 'console.first-load',
    description: "gzip size of the JS and CSS the console's index page loads (dist/console, from npm run build)",
    async run() {
      const dir = join(findProjectRoot(), 'dist', 'console');
      const index = join(dir, 'index.html');
      if (!existsSync(index)) throw new Error(`no console build at ${dir}: run npm run build first`);
      const files = firstLoadFiles(readFileSync(index, 'utf8'));
      const sizes = files.map((file) => ({ raw: readFileSync(join(dir, file)).length, gzip: gzipSync(readFileSync(join(dir, file))).length }));
      const gzip = sizes.reduce((sum, size) => sum + size.gzip, 0);
      const raw = sizes.reduce((sum, size) => sum + size.raw, 0);
      return [
        {
          name: 'console.first-load',
          value: Math.round(gzip / 102.4) / 10,
          unit: 'kB gzip',
          budget: BUDGET_KB,
          better: 'lower',
          note: `${files.length} files, ${Math.round(raw / 1024)} kB before compression`,
        },
      ];
    },
  },
  {
    name: 'console.preview',
    description: `the editor's live preview after the last keystroke: its ${PREVIEW_DEBOUNCE_MS} ms debounce + the preview of 34 provinces, 3 policies, ${SUBSCRIBERS_PER_PROVINCE} subscribers each (median of ${RUNS})`,
    run: async (context): Promise<BenchFigure[]> => {
      @Module({
        imports: [
          DatabaseModule.forRoot({ url: await context.freshDatabase(), poolSize: 4 }),
          AuthModule.forRoot({ jwtSecret: 'bench-secret-bench-secret-bench-secret' }),
          TemplatesModule,
        ],
      })
      class BenchModule {}
      const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
      try {
        const db = app.get(DataSource);
        await syncProvinces(db);
        await db.query(
          `INSERT INTO subscribers (msisdn, carrier, province_code)
           SELECT 84900000000 + row_number() OVER (), (ARRAY['viettel','vnpt','mobifone'])[1 + n % 3], p.code
           FROM provinces p, generate_series(1, $1) n`,
          [SUBSCRIBERS_PER_PROVINCE],
        );
        await db.query('ANALYZE subscribers');
        const previews = app.get(TemplatePreviewService);
        const provinces = (await db.query('SELECT code FROM provinces ORDER BY code')).map((row: { code: string }) => row.code);
        const request = { body: BODY, maxSegments: 3, provinces, carriers: [] };
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const started = process.hrtime.bigint();
          await previews.preview(request, NATIONAL);
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)];
        return [
          {
            name: 'console.preview (34 provinces, after the last keystroke)',
            value: Math.round(PREVIEW_DEBOUNCE_MS + median),
            unit: 'ms',
            budget: PREVIEW_BUDGET_MS,
            better: 'lower',
            note: `${PREVIEW_DEBOUNCE_MS} ms debounce + ${median.toFixed(1)} ms preview (slowest ${times[times.length - 1].toFixed(1)} ms)`,
          },
        ];
      } finally {
        await app.close();
      }
    },
  },
];
