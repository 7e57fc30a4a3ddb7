/** Where the time comes from: the system's, or a test's own that it moves by hand instead of sleeping. */
export interface Clock {
  now(): number;
}

/** A clock that also keeps timers: what waits (backoffs, pauses) waits on it, so a test moves time instead of sleeping. */
export interface TimerClock extends Clock {
  setTimeout(run: () => void, ms: number): ClockTimer;
  clearTimeout(timer: ClockTimer): void;
}

/** A pending timer of a TimerClock; only its clock reads it. */
export interface ClockTimer {
  readonly at: number;
}

export const systemClock: TimerClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    return { at: Date.now() + ms, handle } as ClockTimer;
  },
  clearTimeout: (timer) => clearTimeout((timer as ClockTimer & { handle: ReturnType<typeof setTimeout> }).handle),
};

interface ManualTimer extends ClockTimer {
  run: () => void;
}

/** A clock a test sets and advances; its timers run, in time order, when an advance passes them. */
export class ManualClock implements TimerClock {
  private timers: ManualTimer[] = [];

  constructor(private time = 0) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (let next = this.nextDue(until); next; next = this.nextDue(until)) {
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = Math.max(this.time, next.at);
      next.run();
    }
    this.time = until;
  }

  setTimeout(run: () => void, ms: number): ClockTimer {
    const timer: ManualTimer = { at: this.time + Math.max(0, ms), run };
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(timer: ClockTimer): void {
    this.timers = this.timers.filter((pending) => pending !== timer);
  }

  /** Timers not yet run. */
  get pending(): number {
    return this.timers.length;
  }

  private nextDue(until: number): ManualTimer | undefined {
    return this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
  }
}
