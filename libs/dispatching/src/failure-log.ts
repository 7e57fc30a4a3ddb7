import { type Logger } from '@nestjs/common';
import { type Clock, systemClock } from '@loa/common';

/**
 * Logs a job's failure at once, then one line per interval while it keeps failing, and its recovery.
 * While the database restarts every tick fails the same way; one line a second per job says nothing more.
 */
export class FailureLog {
  private readonly failing = new Map<string, { since: number; loggedAt: number; times: number }>();

  constructor(
    private readonly logger: Logger,
    /** config/defaults.json dispatcher.failureLogIntervalMs. */
    private readonly intervalMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  failed(job: string, error: Error): void {
    const now = this.clock.now();
    const failure = this.failing.get(job);
    if (!failure) {
      this.failing.set(job, { since: now, loggedAt: now, times: 1 });
      return this.logger.error(`${job}: ${error.message}`);
    }
    failure.times++;
    if (now - failure.loggedAt < this.intervalMs) return;
    failure.loggedAt = now;
    this.logger.error(`${job}: still failing after ${seconds(now - failure.since)} s (${failure.times} times): ${error.message}`);
  }

  succeeded(job: string): void {
    const failure = this.failing.get(job);
    if (!failure) return;
    this.failing.delete(job);
    this.logger.log(`${job}: working again after ${seconds(this.clock.now() - failure.since)} s (${failure.times} failed runs)`);
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}
