import { TpsLimiter } from './tps-limiter';

/** Sends whenever the limiter allows, polling every `stepMs`; returns the send times. */
function drive(sut: TpsLimiter, untilMs: number, stepMs: number): number[] {
  const sent: number[] = [];
  for (let now = 0; now < untilMs; now += stepMs) {
    while (sut.waitMs(now) === 0) {
      sut.take(now);
      sent.push(now);
    }
  }
  return sent;
}

describe(TpsLimiter.name, () => {
  it('never lets more than tps PDUs into any one-second window', () => {
    const sent = drive(new TpsLimiter(50), 5000, 3);
    for (let index = 50; index < sent.length; index++) expect(sent[index] - sent[index - 50]).toBeGreaterThanOrEqual(1000);
    expect(sent.length).toBeGreaterThan(200);
  });

  it('spreads them over the second: at most a tenth of tps (rounded up) in any 100 ms', () => {
    const sent = drive(new TpsLimiter(200), 3000, 1);
    for (let index = 20; index < sent.length; index++) expect(sent[index] - sent[index - 20]).toBeGreaterThanOrEqual(100);
    // Still the full rate: 3 s at 200/s, less the one-second window's 30 ms guard.
    expect(sent.length).toBeGreaterThanOrEqual(580);
  });

  it('rounds the tenth up, so a tps below 10 still sends one at a time', () => {
    const sent = drive(new TpsLimiter(5), 2100, 1);
    for (let index = 1; index < sent.length; index++) expect(sent[index] - sent[index - 1]).toBeGreaterThanOrEqual(100);
    expect(sent.slice(0, 6)).toEqual([0, 100, 200, 300, 400, 1030]);
  });

  it('says how long to wait for the next slot', () => {
    const sut = new TpsLimiter(2, 1000);
    sut.take(0);
    sut.take(100);
    expect(sut.waitMs(400)).toBe(600);
    expect(sut.waitMs(1000)).toBe(0);
  });
});
