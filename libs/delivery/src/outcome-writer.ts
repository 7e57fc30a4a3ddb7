import { type StateChange, type SubmittedPart } from './delivery.types';

interface PendingOutcome {
  change: StateChange;
  submissions: SubmittedPart[];
  written: () => void;
}

/**
 * Records submit outcomes as they come, a batch every `maxWaitMs` (or `maxBatch` outcomes), one write at
 * a time. Before, a whole claimed batch was recorded once its last answer came: at 100 submits/s a batch
 * of 500 was unrecorded for 5 s, and a crash then sent all of its accepted messages again. Now a crash
 * can lose the answers of the SMPP window and of the last 100 ms TPS slice (see TpsLimiter), which are
 * written 20 ms after they come, well before the next slice goes.
 */
export class OutcomeWriter {
  private pending: PendingOutcome[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    /** Never rejects: a write the database refuses is retried (or given up) by the caller's policy. */
    private readonly write: (changes: StateChange[], submissions: SubmittedPart[]) => Promise<void>,
    private readonly maxWaitMs = 20,
    private readonly maxBatch = 1000,
  ) {}

  /** Resolves once the outcome is written (or its writing was given up). */
  add(change: StateChange, submissions: SubmittedPart[]): Promise<void> {
    return new Promise((written) => {
      this.pending.push({ change, submissions, written });
      if (this.pending.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  /** Writes what is pending now; resolves when everything handed over so far is written. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.writing = this.writing.then(() => this.writeBatch(batch));
    return this.writing;
  }

  private async writeBatch(batch: PendingOutcome[]): Promise<void> {
    await this.write(batch.map((entry) => entry.change), batch.flatMap((entry) => entry.submissions));
    for (const entry of batch) entry.written();
  }
}
