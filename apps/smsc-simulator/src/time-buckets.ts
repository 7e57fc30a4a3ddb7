/**
 * Items due at a time, flushed in batches every `tickMs`. One interval for everything instead of a
 * setTimeout per receipt: at 10,000+ receipts per second per-item timers cost more than the SMPP work.
 */
export class TimeBuckets<T> {
  private readonly buckets = new Map<number, T[]>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly flush: (items: T[]) => void,
    private readonly tickMs = 10,
  ) {}

  get size(): number {
    let size = 0;
    for (const items of this.buckets.values()) size += items.length;
    return size;
  }

  add(item: T, dueAt: number): void {
    const key = Math.ceil(dueAt / this.tickMs);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(item);
    else this.buckets.set(key, [item]);
    this.timer ??= setInterval(() => this.tick(), this.tickMs);
  }

  clear(): void {
    this.buckets.clear();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = Math.floor(Date.now() / this.tickMs);
    const due: T[] = [];
    for (const [key, items] of this.buckets) {
      if (key > now) continue;
      this.buckets.delete(key);
      for (const item of items) due.push(item);
    }
    if (this.buckets.size === 0) this.clear();
    if (due.length > 0) this.flush(due);
  }
}
