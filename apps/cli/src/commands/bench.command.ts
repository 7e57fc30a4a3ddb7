import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@loa/config';

// dist/apps/cli/src/commands -> dist-bench/apps/cli/bench/main.js: the benchmarks are built apart from the product.
const BENCH_ENTRY = join(__dirname, '../../../../../dist-bench/apps/cli/bench/main.js');

/** `loa bench`: runs the benchmarks' own build (`npm run bench` makes it), with the same options. */
export function runBench(options: { only?: string; out: string }): void {
  if (!existsSync(BENCH_ENTRY)) throw new ConfigError('the benchmarks are not built: run `npm run bench` (it builds and runs them)');
  const args = [BENCH_ENTRY, '--out', options.out, ...(options.only ? ['--only', options.only] : [])];
  const run = spawnSync(process.execPath, [...process.execArgv, ...args], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
