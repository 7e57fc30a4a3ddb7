import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type BenchContext, type BenchFigure, type Benchmark, meetsBudget } from '@loa/bench';
import { loadEnvironment } from '@loa/config';
import { type EmbeddedDatabase, runMigrations, startEmbeddedDatabase } from '@loa/database';
import { ALL_BENCHMARKS } from './benchmarks';
import { Client } from 'pg';

interface BenchRecord extends BenchFigure {
  benchmark: string;
  passed?: boolean;
}

/** `loa bench`: runs the benchmarks (all, or those whose name contains a filter), prints a table, writes JSON. */
export async function runBench(options: { only?: string; out: string }): Promise<void> {
  const selected = ALL_BENCHMARKS.filter((benchmark) => !options.only || benchmark.name.includes(options.only));
  const context = new BenchDatabases();
  const records: BenchRecord[] = [];
  try {
    for (const benchmark of selected) records.push(...(await runOne(benchmark, context)));
  } finally {
    await context.close();
  }
  const machine = { cores: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const report = { date: new Date().toISOString(), machine, figures: records };
  mkdirSync(join(options.out, '..'), { recursive: true });
  writeFileSync(options.out, JSON.stringify(report, null, 2) + '\n');
  printTable(records);
  process.stdout.write(`\nmachine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB; figures written to ${options.out}\n`);
  if (records.some((record) => record.passed === false)) process.exitCode = 1;
}

async function runOne(benchmark: Benchmark, context: BenchContext): Promise<BenchRecord[]> {
  process.stdout.write(`running ${benchmark.name}: ${benchmark.description}\n`);
  try {
    const figures = await benchmark.run(context);
    return figures.map((figure) => ({ benchmark: benchmark.name, ...figure, passed: meetsBudget(figure) }));
  } catch (error) {
    // One broken benchmark must not cost the figures of the others; it is reported and fails the run.
    const message = (error as Error)?.message ?? String(error);
    process.stderr.write(`${benchmark.name} failed: ${message}\n`);
    return [{ benchmark: benchmark.name, name: `${benchmark.name} (failed)`, value: Number.NaN, unit: '', note: message, passed: false }];
  }
}

function printTable(records: BenchRecord[]): void {
  const rows = records.map((record) => [
    record.name,
    formatNumber(record.value),
    record.unit,
    record.budget === undefined ? '' : `${record.better === 'lower' ? '≤' : '≥'} ${formatNumber(record.budget)}`,
    record.passed === undefined ? '' : record.passed ? 'ok' : 'OVER BUDGET',
  ]);
  const header = ['figure', 'value', 'unit', 'budget', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
  process.stdout.write('\n' + line(header) + '\n' + widths.map((width) => '-'.repeat(width)).join('  ') + '\n');
  for (const row of rows) process.stdout.write(line(row) + '\n');
}

function formatNumber(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);
}

/** Fresh migrated databases for benchmarks: on DATABASE_URL's server, or one embedded PostgreSQL. */
class BenchDatabases implements BenchContext {
  private embedded: EmbeddedDatabase | null = null;
  private created = 0;

  async freshDatabase(): Promise<string> {
    const adminUrl = loadEnvironment().databaseUrl ?? (await this.startEmbedded()).adminUrl;
    const name = `loa_bench_${process.pid}_${++this.created}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = '/' + name;
    await runMigrations(url.toString());
    return url.toString();
  }

  private async startEmbedded(): Promise<EmbeddedDatabase> {
    this.embedded ??= await startEmbeddedDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'loa-bench-')), persistent: false, database: 'postgres' });
    return this.embedded;
  }

  async close(): Promise<void> {
    await this.embedded?.stop();
  }
}
