import { Fifo } from './fifo';

describe(Fifo.name, () => {
  it('gives items back in the order they came, across compactions', () => {
    const sut = new Fifo<number>();
    const out: number[] = [];
    for (let index = 0; index < 20_000; index++) {
      sut.push(index);
      if (index % 3 !== 0) out.push(sut.shift()!);
    }
    expect(sut.peek()).toBe(out.length);
    out.push(...sut.takeAll());
    expect(out).toEqual(Array.from({ length: 20_000 }, (_, index) => index));
    expect([sut.size, sut.shift(), sut.peek()]).toEqual([0, undefined, undefined]);
  });
});
