import { ThrottlePause } from './throttle-pause';

describe(ThrottlePause.name, () => {
  it('pauses for the first delay, doubling per throttled answer up to the cap', () => {
    const sut = new ThrottlePause({ first: 250, max: 1000 });
    const delays = [0, 300, 900, 2000, 3500].map((now) => sut.throttled(now, now));
    expect(delays).toEqual([250, 500, 1000, 1000, 1000]);
    expect(sut.until).toBe(3500 + 1000);
  });

  it('does not escalate for a PDU sent before the pause began: the window it belongs to is one burst', () => {
    const sut = new ThrottlePause({ first: 250, max: 10_000 });
    expect(sut.throttled(0, 5)).toBe(250);
    expect(sut.throttled(1, 6)).toBe(0);
    expect(sut.throttled(4, 7)).toBe(0);
    expect(sut.until).toBe(255);
    expect(sut.throttled(300, 310)).toBe(500);
  });

  it('starts again from the first delay once a PDU sent after the pause is accepted, not one sent during it', () => {
    const sut = new ThrottlePause({ first: 250, max: 10_000 });
    sut.throttled(0, 0);
    sut.accepted(100); // sent while paused (until 250): proves nothing
    expect(sut.throttled(260, 260)).toBe(500);
    sut.accepted(760); // sent after the pause ended at 760
    expect(sut.throttled(800, 800)).toBe(250);
  });
});
