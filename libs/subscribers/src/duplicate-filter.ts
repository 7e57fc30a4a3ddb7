/** Numbers per block: one block per 2-digit national prefix ("91" holds 091 0000000 … 091 9999999). */
const BLOCK = 10_000_000;

/**
 * Remembers which numbers a file has already given, one bit per number, so duplicates are found while
 * streaming instead of by a window sort over the staged rows (1.8 s of a 1 M-row import). Blocks are
 * allocated on first use: 1.25 MB each, ~37 mobile blocks at most (46 MB for a national list).
 */
export class DuplicateFilter {
  private readonly blocks = new Map<number, Uint8Array>();

  /** True when the number (84 + 9 digits) was seen before; records it otherwise. */
  seen(msisdn: string): boolean {
    const nsn = Number(msisdn.slice(2));
    const key = Math.floor(nsn / BLOCK);
    let block = this.blocks.get(key);
    if (!block) {
      block = new Uint8Array(BLOCK / 8);
      this.blocks.set(key, block);
    }
    const offset = nsn % BLOCK;
    const mask = 1 << (offset & 7);
    const index = offset >> 3;
    if (block[index] & mask) return true;
    block[index] |= mask;
    return false;
  }
}
