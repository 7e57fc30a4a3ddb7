import { TpsLimiter } from './tps-limiter';

describe(TpsLimiter.name, () => {
  it('never lets more than tps PDUs into any one-second window', () => {
    const sut = new TpsLimiter(50);
    const sent: number[] = [];
    for (let now = 0; now < 5000; now += 3) {
      while (sut.waitMs(now) === 0) {
        sut.take(now);
        sent.push(now);
      }
    }
    for (let index = 50; index < sent.length; index++) expect(sent[index] - sent[index - 50]).toBeGreaterThanOrEqual(1000);
    expect(sent.length).toBeGreaterThan(200);
  });

  it('says how long to wait for the next slot', () => {
    const sut = new TpsLimiter(2, 1000);
    sut.take(0);
    sut.take(100);
    expect(sut.waitMs(400)).toBe(600);
    expect(sut.waitMs(1000)).toBe(0);
  });
});
