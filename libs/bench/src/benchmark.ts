/** One measured figure. `budget` is the target, `better` says which side of it passes. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  better?: 'higher' | 'lower';
  note?: string;
}

/** What the harness lends a benchmark. */
export interface BenchContext {
  /** Connection string of a fresh, migrated database (embedded PostgreSQL unless DATABASE_URL is set). */
  freshDatabase(): Promise<string>;
}

/** A named benchmark; `run` measures and returns its figures. Keep each under a minute on 2 cores. */
export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchContext): Promise<BenchFigure[]>;
}

export function meetsBudget(figure: BenchFigure): boolean | undefined {
  if (figure.budget === undefined) return undefined;
  return figure.better === 'lower' ? figure.value <= figure.budget : figure.value >= figure.budget;
}

/** Runs `fn` until `minMs` have passed and returns operations per second. */
export function measureRate(fn: () => number, minMs = 1000): number {
  let operations = 0;
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < minMs) {
    operations += fn();
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  return (operations * 1000) / elapsedMs;
}
