// Receivers bucket by their own clock; loopback and event-loop delays of up to this much cannot push a
// PDU sent at the end of one second into the next receiver second, which would then hold tps + 1.
const GUARD_MS = 30;
/** The second is split in tenths: at most a tenth of the TPS (rounded up) goes out in any 100 ms. */
const SLICE_MS = 100;
const SLICES_PER_SECOND = 10;

/** The most PDUs per second a link with this TPS sends over time: `tps` in every second plus the guard. */
export function sustainedTps(tps: number): number {
  return (tps * 1000) / (1000 + GUARD_MS);
}

/**
 * Never more than `tps` PDUs in any window of one second (plus the guard), counted per PDU, and spread
 * over the second: at most ceil(tps / 10) in any 100 ms. Without the spread the whole second's PDUs left
 * in one burst of a few milliseconds, which strict SMSCs throttle, and which a dispatcher killed then
 * had not yet recorded (a burst sent twice after a crash instead of the window).
 */
export class TpsLimiter {
  private readonly perSecond: SlidingLog;
  private readonly perSlice: SlidingLog | null;

  constructor(tps: number, windowMs = 1000 + GUARD_MS) {
    if (!Number.isInteger(tps) || tps < 1) throw new Error(`tps must be a positive integer, got ${tps}`);
    this.perSecond = new SlidingLog(tps, windowMs);
    const perSlice = Math.ceil(tps / SLICES_PER_SECOND);
    this.perSlice = perSlice < tps ? new SlidingLog(perSlice, SLICE_MS) : null;
  }

  /** Milliseconds until the next PDU may go; 0 when it may go now. */
  waitMs(now: number): number {
    return Math.max(this.perSecond.waitMs(now), this.perSlice?.waitMs(now) ?? 0);
  }

  /** Records one PDU sent at `now`; call only when waitMs(now) is 0. */
  take(now: number): void {
    this.perSecond.take(now);
    this.perSlice?.take(now);
  }
}

/**
 * The last `capacity` send times: never more than `capacity` in any `windowMs`. A log rather than a
 * classic token bucket: a bucket with any burst capacity can put capacity + rate into one window.
 */
class SlidingLog {
  private readonly stamps: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    private readonly capacity: number,
    private readonly windowMs: number,
  ) {
    this.stamps = new Float64Array(capacity);
  }

  waitMs(now: number): number {
    if (this.count < this.capacity) return 0;
    return Math.max(0, this.stamps[this.head] + this.windowMs - now);
  }

  take(now: number): void {
    if (this.count < this.capacity) {
      this.stamps[(this.head + this.count++) % this.capacity] = now;
      return;
    }
    this.stamps[this.head] = now;
    this.head = (this.head + 1) % this.capacity;
  }
}
