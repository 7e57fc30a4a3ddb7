import { backoffDelay } from './backoff';
import { ManualClock } from './clock';

describe('backoffDelay', () => {
  it('doubles from the first delay up to the maximum', () => {
    const backoff = { first: 100, max: 1000 };
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(backoff, attempt))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('spreads a jittered delay over half to all of its ceiling', () => {
    const backoff = { first: 100, max: 1000, jitter: true };
    expect(backoffDelay(backoff, 2, () => 0)).toBe(200);
    expect(backoffDelay(backoff, 2, () => 0.999999)).toBeCloseTo(400, 3);
  });
});

describe('ManualClock timers', () => {
  it('runs the timers an advance passes, in time order, each at its own time', () => {
    const clock = new ManualClock(1000);
    const ran: [string, number][] = [];
    clock.setTimeout(() => ran.push(['b', clock.now()]), 300);
    clock.setTimeout(() => ran.push(['a', clock.now()]), 100);
    const cancelled = clock.setTimeout(() => ran.push(['never', clock.now()]), 200);
    clock.clearTimeout(cancelled);
    clock.advance(250);
    expect(ran).toEqual([['a', 1100]]);
    expect(clock.now()).toBe(1250);
    clock.advance(100);
    expect(ran).toEqual([
      ['a', 1100],
      ['b', 1300],
    ]);
    expect(clock.pending).toBe(0);
  });

  it('runs a timer set by a timer within the same advance when it falls inside it', () => {
    const clock = new ManualClock(0);
    const ran: number[] = [];
    clock.setTimeout(() => {
      ran.push(clock.now());
      clock.setTimeout(() => ran.push(clock.now()), 50);
    }, 50);
    clock.advance(120);
    expect(ran).toEqual([50, 100]);
  });
});
