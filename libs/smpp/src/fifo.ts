/** First in, first out, O(1) push and shift: an array read from a moving head, compacted now and then. */
export class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.size > 0 ? this.items[this.head] : undefined;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head];
    // The slot lets go at once: a message sent long ago must not stay reachable (with its PDUs, its promise
    // and what awaits it) until the next compaction, thousands of messages later. They outlived the young
    // generation and were promoted: most of the dispatcher's garbage collection time and its peak memory.
    this.items[this.head++] = undefined;
    this.compact();
    return item;
  }

  /** Takes out the items `take` picks, keeping the others in order; returns those taken, oldest first. */
  takeWhere(take: (item: T) => boolean): T[] {
    const taken: T[] = [];
    const kept: T[] = [];
    for (const item of this.items.slice(this.head) as T[]) (take(item) ? taken : kept).push(item);
    if (taken.length > 0) {
      this.items = kept;
      this.head = 0;
    }
    return taken;
  }

  /** Empties the queue; returns what it held, oldest first. */
  takeAll(): T[] {
    const all = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return all;
  }

  private compact(): void {
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
