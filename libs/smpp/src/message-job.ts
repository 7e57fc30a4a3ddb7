import { type AcceptedPart, type SubmitOutcome } from './carrier-link.types';

/** Collects the outcome of every part of one message and resolves once all are known. */
export class MessageJob {
  /** Set once the message can no longer succeed: its unsent parts are not sent. */
  stopSending = false;
  private unsettled: number;
  private readonly accepted: AcceptedPart[] = [];
  private permanent?: { status: number; error: string };
  private ambiguous?: string;
  private retry?: { status: number | null; error: string };

  constructor(
    readonly total: number,
    private readonly resolve: (outcome: SubmitOutcome) => void,
  ) {
    this.unsettled = total;
  }

  accept(part: number, smscMessageId: string): void {
    this.accepted.push({ part, smscMessageId });
    this.settle();
  }

  fail(status: number, error: string): void {
    this.permanent ??= { status, error };
    this.stopSending = true;
    this.settle();
  }

  lose(error: string): void {
    this.ambiguous ??= error;
    this.settle();
  }

  /** The part was refused or never sent, so the carrier does not have it. */
  notSent(status: number | null, error: string): void {
    this.retry ??= { status, error };
    this.stopSending = true;
    this.settle();
  }

  /** A part skipped because the message already failed. */
  skip(): void {
    this.settle();
  }

  private settle(): void {
    if (--this.unsettled > 0) return;
    const acceptedParts = this.accepted.sort((a, b) => a.part - b.part);
    if (this.permanent) return this.resolve({ kind: 'permanent', ...this.permanent, acceptedParts });
    if (this.ambiguous) return this.resolve({ kind: 'ambiguous', error: this.ambiguous, acceptedParts, totalParts: this.total });
    if (this.retry && acceptedParts.length === 0) return this.resolve({ kind: 'retry', ...this.retry });
    if (this.retry) {
      const error = `${this.retry.error} after ${acceptedParts.length} of ${this.total} parts were accepted`;
      return this.resolve({ kind: 'ambiguous', error, acceptedParts, totalParts: this.total });
    }
    this.resolve({ kind: 'accepted', parts: acceptedParts });
  }
}
