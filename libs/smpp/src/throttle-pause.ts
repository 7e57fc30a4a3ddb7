import { type Backoff, backoffDelay } from '@loa/common';

/**
 * The pause after throttled / queue-full answers: it doubles per repeat up to the cap, and ends its
 * escalation once a PDU sent after the pause is accepted.
 */
export class ThrottlePause {
  private pausedUntil = 0;
  private startedAt = 0;
  private level = 0;

  constructor(private readonly backoff: Backoff) {}

  /** Until when nothing goes (epoch ms; in the past when not paused). */
  get until(): number {
    return this.pausedUntil;
  }

  /** A PDU sent at `sentAt` was accepted: sent after the pause, it shows the carrier keeps up again. */
  accepted(sentAt: number): void {
    if (sentAt >= this.pausedUntil) this.level = 0;
  }

  /**
   * A PDU sent at `sentAt` was throttled, answered at `now`: pauses and returns for how long (ms), or 0 when
   * it was sent before the current pause began (the same burst: one answer escalates, not the whole window).
   */
  throttled(sentAt: number, now: number): number {
    if (sentAt < this.startedAt) return 0;
    const delay = backoffDelay(this.backoff, this.level++);
    this.startedAt = now;
    this.pausedUntil = now + delay;
    return delay;
  }
}
