import { type StateChange } from './delivery.types';
import { OutcomeWriter } from './outcome-writer';

const change = (id: number): StateChange => ({ campaignId: 1, id, state: 'submitted' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(OutcomeWriter.name, () => {
  it('writes outcomes as they come, in batches, and resolves each once it is written', async () => {
    const writes: number[][] = [];
    const sut = new OutcomeWriter(async (changes) => void writes.push(changes.map((c) => c.id)), 20, 1000);
    const first = sut.add(change(1), []);
    const second = sut.add(change(2), [{ campaignId: 1, messageId: 2, smscMessageId: 'A1', part: 1, parts: 1 }]);
    expect(writes).toEqual([]);
    await Promise.all([first, second]);
    expect(writes).toEqual([[1, 2]]);
    await sut.add(change(3), []);
    expect(writes).toEqual([[1, 2], [3]]);
  });

  it('writes at once when a batch is full, one write at a time and in order', async () => {
    const log: string[] = [];
    const sut = new OutcomeWriter(async (changes) => {
      log.push(`start ${changes.map((c) => c.id).join(',')}`);
      await sleep(30);
      log.push('end');
    }, 10_000, 2);
    const all = [1, 2, 3, 4].map((id) => sut.add(change(id), []));
    await Promise.all(all);
    expect(log).toEqual(['start 1,2', 'end', 'start 3,4', 'end']);
  });

  it('flush() writes what is pending without waiting for the interval', async () => {
    const writes: number[][] = [];
    const sut = new OutcomeWriter(async (changes) => void writes.push(changes.map((c) => c.id)), 60_000, 1000);
    const pending = sut.add(change(7), []);
    await sut.flush();
    await pending;
    expect(writes).toEqual([[7]]);
  });
});
