/** An instant range [start, end) in epoch milliseconds. */
export interface TimeRange {
  start: number;
  end: number;
}

/** The open intervals of a campaign's send window between two instants, in order (a send-window function). */
export type WindowIntervals = (from: number, until: number) => TimeRange[];

/** How far ahead a plan looks: a campaign that needs longer is reported as not finishing in the horizon. */
export const PLAN_HORIZON_MS = 60 * 86_400_000;
// Window intervals are asked for a week at a time, so a long plan never builds 60 days of intervals at once.
const CHUNK_MS = 7 * 86_400_000;

/** Where one campaign's sending lands on a carrier's timeline. */
export interface Placement {
  /** The sending itself: the pieces of time the carrier spends on this campaign, in order. */
  pieces: TimeRange[];
  /** When its last part goes; null when it does not finish within the horizon. */
  finishesAt: number | null;
  /** Seconds of its own window from its start to its finish (or the horizon), busy or not. */
  windowSeconds: number;
}

/**
 * One carrier account's sending time, handed out the way the dispatcher does: strictly by campaign
 * priority (then id), each campaign taking the full TPS whenever its window is open and nobody ahead is
 * sending. Campaigns are placed in that order, so each one only sees the time those ahead left free.
 */
export class CarrierTimeline {
  private readonly busy: TimeRange[] = [];

  constructor(readonly horizonEnd: number) {}

  /** Places `seconds` of sending from `from` on, inside `window`, in the time still free. */
  place(seconds: number, from: number, window: WindowIntervals): Placement {
    const pieces: TimeRange[] = [];
    let left = seconds * 1000;
    let windowMs = 0;
    for (let chunk = from; chunk < this.horizonEnd && left > 0; chunk += CHUNK_MS) {
      for (const open of window(chunk, Math.min(chunk + CHUNK_MS, this.horizonEnd))) {
        for (const free of this.freeWithin(open)) {
          if (left <= 0) break;
          const used = Math.min(left, free.end - free.start);
          pieces.push({ start: free.start, end: free.start + used });
          left -= used;
        }
        windowMs += left > 0 ? open.end - open.start : Math.max(0, lastEnd(pieces) - open.start);
        if (left <= 0) break;
      }
    }
    for (const piece of pieces) this.markBusy(piece);
    const finishesAt = left > 0 ? null : seconds === 0 ? from : lastEnd(pieces);
    return { pieces, finishesAt, windowSeconds: windowMs / 1000 };
  }

  /** The parts of `range` nobody ahead is using. */
  private freeWithin(range: TimeRange): TimeRange[] {
    const free: TimeRange[] = [];
    let cursor = range.start;
    for (const taken of this.busy) {
      if (taken.end <= cursor) continue;
      if (taken.start >= range.end) break;
      if (taken.start > cursor) free.push({ start: cursor, end: taken.start });
      cursor = Math.max(cursor, taken.end);
    }
    if (cursor < range.end) free.push({ start: cursor, end: range.end });
    return free;
  }

  private markBusy(piece: TimeRange): void {
    const at = this.busy.findIndex((taken) => taken.start > piece.start);
    this.busy.splice(at === -1 ? this.busy.length : at, 0, piece);
  }
}

/** Seconds of `pieces` before `instant`. */
export function secondsBefore(pieces: TimeRange[], instant: number): number {
  return pieces.reduce((sum, piece) => sum + Math.max(0, Math.min(piece.end, instant) - piece.start), 0) / 1000;
}

function lastEnd(pieces: TimeRange[]): number {
  return pieces[pieces.length - 1].end;
}
