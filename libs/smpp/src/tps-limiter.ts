// Receivers bucket by their own clock; loopback and event-loop delays of up to this much cannot push a
// PDU sent at the end of one second into the next receiver second, which would then hold tps + 1.
const GUARD_MS = 30;

/**
 * Never more than `tps` PDUs in any window of one second (plus the guard), counted per PDU.
 * A sliding log of the last `tps` send times rather than a classic token bucket: a bucket with any
 * burst capacity can put capacity + tps PDUs into one second, which a carrier counts as a violation.
 */
export class TpsLimiter {
  private readonly stamps: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    private readonly tps: number,
    private readonly windowMs = 1000 + GUARD_MS,
  ) {
    if (!Number.isInteger(tps) || tps < 1) throw new Error(`tps must be a positive integer, got ${tps}`);
    this.stamps = new Float64Array(tps);
  }

  /** Milliseconds until the next PDU may go; 0 when it may go now. */
  waitMs(now: number): number {
    if (this.count < this.tps) return 0;
    return Math.max(0, this.stamps[this.head] + this.windowMs - now);
  }

  /** Records one PDU sent at `now`; call only when waitMs(now) is 0. */
  take(now: number): void {
    if (this.count < this.tps) {
      this.stamps[(this.head + this.count++) % this.tps] = now;
      return;
    }
    this.stamps[this.head] = now;
    this.head = (this.head + 1) % this.tps;
  }
}
