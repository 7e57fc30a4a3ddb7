import 'reflect-metadata';
import { Command } from 'commander';
import { runBench } from './run-bench';

// The benchmarks' own entry, built by `npm run bench` into dist-bench/ beside a copy of the product: the
// product's dist/ carries no benchmark, harness or fixture.
const program = new Command('loa bench')
  .description('run the benchmarks; prints a table and writes the figures as JSON')
  .option('--only <name>', 'only benchmarks whose name contains this')
  .option('--out <file>', 'where to write the JSON figures', 'bench-results/latest.json')
  .action((options: { only?: string; out: string }) => runBench(options));

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`loa bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
