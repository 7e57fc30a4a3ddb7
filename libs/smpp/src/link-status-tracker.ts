import { type Clock } from '@loa/common';
import { type CarrierId, type LinkState, type LinkStatus, type SubmitOutcome } from './carrier-link.types';

const COUNTER_OF_OUTCOME = {
  accepted: 'accepted',
  permanent: 'failed',
  refused: 'retried',
  'not-sent': 'retried',
  ambiguous: 'ambiguous',
} as const satisfies Record<SubmitOutcome['kind'], keyof LinkStatus['counters']>;

/** What the link reports about itself: counters, answers, receipt states and the last error (the dispatcher, metrics and dashboard read them). */
export class LinkStatusTracker {
  readonly counters: LinkStatus['counters'] = {
    submitted: 0,
    accepted: 0,
    retried: 0,
    failed: 0,
    ambiguous: 0,
    receipts: 0,
    inbound: 0,
    reconnects: 0,
    lateResponses: 0,
  };
  readonly pdus = { sent: 0, pauses: 0 };
  // Keyed by status / stat: a key is added once, then only incremented (nothing allocated per PDU).
  private readonly answers: Record<number, number> = {};
  private readonly receiptStates: Record<string, number> = {};
  private lastErrorMessage: string | null = null;
  private lastErrorAt = 0;

  constructor(
    private readonly carrier: CarrierId,
    private readonly clock: Clock,
  ) {}

  /** Counts an outcome by its kind and hands it back. */
  outcome(outcome: SubmitOutcome): SubmitOutcome {
    this.counters[COUNTER_OF_OUTCOME[outcome.kind]]++;
    return outcome;
  }

  answer(status: number): void {
    this.answers[status] = (this.answers[status] ?? 0) + 1;
  }

  receipt(stat: string): void {
    this.counters.receipts++;
    this.receiptStates[stat] = (this.receiptStates[stat] ?? 0) + 1;
  }

  error(message: string): void {
    this.lastErrorMessage = message;
    this.lastErrorAt = this.clock.now();
  }

  /** A copy: what the caller keeps does not move with the link. */
  snapshot(state: LinkState, boundSessions: number, inFlight: number, queued: number): LinkStatus {
    return {
      carrier: this.carrier,
      state,
      boundSessions,
      inFlight,
      counters: { ...this.counters },
      queued,
      pdus: { ...this.pdus },
      answers: { ...this.answers },
      receiptStates: { ...this.receiptStates },
      lastError: this.lastErrorMessage === null ? null : { message: this.lastErrorMessage, at: this.lastErrorAt },
    };
  }
}
