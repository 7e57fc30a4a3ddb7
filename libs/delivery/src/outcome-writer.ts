import { type StateChange, type StoredReceipt, type SubmittedPart } from './delivery.types';
import { RECEIPT_FINAL_STATES } from './message-states';

/** Writes one batch; resolves false when the writing was given up (the lease brings the messages back). */
export type OutcomeWrite = (changes: StateChange[], submissions: SubmittedPart[], receipts: StoredReceipt[]) => Promise<boolean>;

/** What became of a receipt offered to the writer: it rides in its message's outcome, waits for that write, or is not the writer's. */
export type ReceiptRoute = { kind: 'merged'; stored: Promise<boolean> } | { kind: 'after-write'; written: Promise<boolean> } | null;

interface PendingOutcome {
  change: StateChange;
  submissions: SubmittedPart[];
  receipts: StoredReceipt[];
  writing: boolean;
  committed: Promise<boolean>;
  settle: (written: boolean) => void;
}

/**
 * Records submit outcomes as they come, a batch every `maxWaitMs` (or `maxBatch` outcomes), one write at
 * a time. Before, a whole claimed batch was recorded once its last answer came: at 100 submits/s a batch
 * of 500 was unrecorded for 5 s, and a crash then sent all of its accepted messages again. Now a crash
 * can lose the answers of the SMPP window and of the last 100 ms TPS slice (see TpsLimiter), which are
 * written 20 ms after they come, well before the next slice goes.
 *
 * A carrier that receipts at once often has the receipt of a one-part message back before its outcome is
 * written: the receipt then rides in that write, and the message goes from sending straight to its final
 * state, one row write instead of three (measured: half the PostgreSQL time per message).
 */
export class OutcomeWriter {
  private pending: PendingOutcome[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** One-part messages accepted and not yet written, by the SMSC id their receipt carries. */
  private readonly awaitingWrite = new Map<string, PendingOutcome>();

  constructor(
    private readonly write: OutcomeWrite,
    private readonly maxWaitMs = 20,
    private readonly maxBatch = 1000,
  ) {}

  /** Resolves once the outcome is written (true), or its writing was given up (false). */
  add(change: StateChange, submissions: SubmittedPart[]): Promise<boolean> {
    let settle!: (written: boolean) => void;
    const committed = new Promise<boolean>((resolve) => (settle = resolve));
    const entry: PendingOutcome = { change, submissions, receipts: [], writing: false, committed, settle };
    if (mayTakeReceipt(entry)) this.awaitingWrite.set(submissions[0].smscMessageId, entry);
    this.pending.push(entry);
    if (this.pending.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.maxWaitMs);
    return committed;
  }

  /** Takes a receipt into the unwritten outcome of its message, if there is one. */
  route(receipt: StoredReceipt): ReceiptRoute {
    const entry = receipt.smscMessageId === null ? undefined : this.awaitingWrite.get(receipt.smscMessageId);
    if (!entry) return null;
    if (entry.writing) return { kind: 'after-write', written: entry.committed };
    entry.receipts.push(receipt);
    const final = receipt.state === null ? undefined : RECEIPT_FINAL_STATES[receipt.state];
    // In place (the writer holds the only reference): once per receipt, a copy showed in the profile.
    if (final && entry.change.state === 'submitted') {
      entry.change.state = final;
      entry.change.receipted = true;
    }
    return { kind: 'merged', stored: entry.committed };
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
    const changes: StateChange[] = [];
    const submissions: SubmittedPart[] = [];
    const receipts: StoredReceipt[] = [];
    for (const entry of batch) {
      entry.writing = true;
      changes.push(entry.change);
      for (const part of entry.submissions) submissions.push(part);
      for (const receipt of entry.receipts) receipts.push(receipt);
    }
    const written = await this.write(changes, submissions, receipts);
    for (const entry of batch) {
      if (mayTakeReceipt(entry)) this.awaitingWrite.delete(entry.submissions[0].smscMessageId);
      entry.settle(written);
    }
  }
}

/** A first send of a one-part message, accepted: its receipt alone ends it. */
function mayTakeReceipt({ change, submissions }: Pick<PendingOutcome, 'change' | 'submissions'>): boolean {
  return (change.state === 'submitted' || change.receipted === true) && !change.resend && submissions.length === 1 && submissions[0].parts === 1;
}
