import { type SmppPdu } from './smpp-package';

/** A response, or null with the reason there will be none (expired, connection gone). */
export type ResponseCallback = (response: SmppPdu | null, reason: string) => void;
/** The response to a submit that had already been given up as expired. */
export type LateResponseCallback = (response: SmppPdu) => void;

interface Pending {
  expiresAt: number;
  submit: boolean;
  done: ResponseCallback;
  late?: LateResponseCallback;
}

interface Expired {
  expiredAt: number;
  late: LateResponseCallback;
}

/**
 * The requests of one session awaiting a response, each with its own expiry (node-smpp's callbacks never
 * expire and stay pending for ever when the connection drops), and the submits that expired unanswered,
 * kept a while so that a late answer still finds its message.
 */
export class PendingRequests {
  submitsInFlight = 0;
  private readonly pending = new Map<number, Pending>();
  /** Submits of the current connection that expired unanswered, oldest first: only it can still answer them. */
  private expired = new Map<number, Expired>();

  constructor(
    /** Expired submits are kept this long, and at most this many per connection. */
    private readonly keepMs: number,
    private readonly keepMax: number,
  ) {}

  add(sequence: number, timeoutMs: number, submit: boolean, done: ResponseCallback, late?: LateResponseCallback): void {
    this.pending.set(sequence, { expiresAt: Date.now() + timeoutMs, submit, done, late });
    if (submit) this.submitsInFlight++;
  }

  /** A new connection: the expired submits of the last one can no longer be answered. */
  newConnection(): void {
    this.expired = new Map();
  }

  /** Hands a response to its request, or to the late-answer callback of a submit that expired. */
  answer(pdu: SmppPdu): void {
    const pending = this.pending.get(pdu.sequence_number);
    if (pending) {
      this.settle(pdu.sequence_number, pending);
      return pending.done(pdu, '');
    }
    const expired = this.expired.get(pdu.sequence_number);
    if (!expired) return;
    this.expired.delete(pdu.sequence_number);
    expired.late(pdu);
  }

  /** Gives up the requests whose time is over (their callbacks get null), and forgets expired submits past keeping. */
  expire(now: number): void {
    this.forgetExpiredBefore(now - this.keepMs);
    for (const [sequence, pending] of this.pending) {
      if (pending.expiresAt > now) continue;
      this.settle(sequence, pending);
      if (pending.late) this.rememberExpired(sequence, { expiredAt: now, late: pending.late });
      pending.done(null, 'no response in time');
    }
  }

  /** No response will come to anything (the connection is gone): every callback gets null with `reason`. */
  failAll(reason: string): void {
    const entries = [...this.pending];
    this.pending.clear();
    this.expired.clear();
    this.submitsInFlight = 0;
    for (const [, pending] of entries) pending.done(null, reason);
  }

  private settle(sequence: number, pending: Pending): void {
    this.pending.delete(sequence);
    if (pending.submit) this.submitsInFlight--;
  }

  private rememberExpired(sequence: number, expired: Expired): void {
    if (this.expired.size >= this.keepMax) this.expired.delete(this.expired.keys().next().value!);
    this.expired.set(sequence, expired);
  }

  private forgetExpiredBefore(time: number): void {
    for (const [sequence, expired] of this.expired) {
      if (expired.expiredAt >= time) return;
      this.expired.delete(sequence);
    }
  }
}
