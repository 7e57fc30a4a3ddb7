import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

  it('takes out the items picked and keeps the rest in order', () => {
    const sut = new Fifo<number>();
    for (let index = 0; index < 10; index++) sut.push(index);
    sut.shift();
    expect(sut.takeWhere((item) => item % 3 === 0)).toEqual([3, 6, 9]);
    expect(sut.takeWhere(() => false)).toEqual([]);
    expect(sut.takeAll()).toEqual([1, 2, 4, 5, 7, 8]);
  });

  it('lets go of what it gave back while it still holds the rest', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const sut = new Fifo<{ payload: Buffer }>();
    const shifted: WeakRef<object>[] = [];
    const queued: WeakRef<object>[] = [];
    for (let index = 0; index < 10; index++) {
      const item = { payload: Buffer.alloc(1024) };
      (index < 5 ? shifted : queued).push(new WeakRef(item));
      sut.push(item);
    }
    for (let index = 0; index < 5; index++) sut.shift();
    await new Promise((resolve) => setImmediate(resolve)); // WeakRefs hold their targets until the job ends
    collectGarbage();
    expect(shifted.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    expect(queued.filter((ref) => ref.deref() !== undefined)).toHaveLength(5);
    expect(sut.size).toBe(5);
  });
});
