/** An exponential backoff: `first` doubled at each attempt, never above `max` (in any unit: the delay comes in the same). */
export interface Backoff {
  first: number;
  max: number;
  /** Spread each delay over [½, 1] of its ceiling, so that many waiting at once do not come back at once. */
  jitter?: boolean;
}

/** The delay before attempt `attempt` (0: the first retry); `random` in [0, 1) for the jitter. */
export function backoffDelay(backoff: Backoff, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.max, backoff.first * 2 ** Math.max(0, attempt));
  return backoff.jitter ? ceiling * (0.5 + 0.5 * random()) : ceiling;
}
