import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { DomainError, invalid } from '@loa/common';
import { DatabaseModule } from '@loa/database';
import { syncProvinces } from '@loa/provinces';
import { type ImportSummary, SubscriberImportService, SubscriberImportsRepository, SubscribersModule } from '@loa/subscribers';
import { checkCsvFile } from './csv-file';

export interface ImportFileOptions {
  databaseUrl: string;
  file: string;
  progress: boolean;
  out?: NodeJS.WritableStream;
}

/** How many refused lines the summary shows; the rest are in GET /subscribers/imports/:id/rejections.csv. */
const SHOWN_REJECTIONS = 10;

/** `loa import <file>`: streams the CSV through the same import as the API, as the system user (national). */
export async function importSubscribersFile(options: ImportFileOptions): Promise<ImportSummary> {
  const out = options.out ?? process.stdout;
  const size = checkCsvFile(options.file);
  const app = await NestFactory.createApplicationContext(importContext(options.databaseUrl), { logger: false });
  const bar = options.progress ? progressBar(size) : null;
  try {
    await syncProvinces(app.get(DataSource));
    const started = Date.now();
    const job = await app.get(SubscriberImportService).importCsv(createReadStream(options.file), {
      source: basename(options.file),
      user: null,
      onProgress: (p) => bar?.update(p.bytesRead, { rows: p.rowsRead, rate: Math.round(p.rowsRead / Math.max(0.001, (Date.now() - started) / 1000)) }),
    });
    bar?.stop();
    const summary = { ...job, firstRejections: await app.get(SubscriberImportsRepository).firstRejections(job.id, SHOWN_REJECTIONS) };
    out.write(formatSummary(summary, (Date.now() - started) / 1000));
    return summary;
  } catch (error) {
    bar?.stop();
    // A DomainError is printed as its message alone: the file, then what is wrong with it (line and field).
    if (error instanceof DomainError) throw invalid(`${options.file}: ${error.message}`, error.details);
    throw error;
  } finally {
    await app.close();
  }
}

function importContext(url: string) {
  @Module({ imports: [DatabaseModule.forRoot({ url, poolSize: 2 }), SubscribersModule] })
  class ImportContextModule {}
  return ImportContextModule;
}

function progressBar(size: number): SingleBar {
  const bar = new SingleBar({
    format: 'importing [{bar}] {percentage}% | {rows} rows | {rate} rows/s',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(size, 0, { rows: 0, rate: 0 });
  return bar;
}

export function formatSummary(summary: ImportSummary, seconds: number): string {
  const lines = [
    `import ${summary.id} (${summary.source}) done in ${seconds.toFixed(1)} s`,
    `  separator ${JSON.stringify(summary.separator)}, read ${summary.read}, inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}, legacy provinces mapped ${summary.mapped}`,
  ];
  if (summary.firstRejections.length > 0) {
    lines.push(`  first rejected lines (all of them: GET /subscribers/imports/${summary.id}/rejections.csv):`);
    for (const r of summary.firstRejections) lines.push(`    line ${r.line}: ${r.reason}`);
  }
  return lines.join('\n') + '\n';
}
