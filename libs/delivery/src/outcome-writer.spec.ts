import { type StateChange, type StoredReceipt, type SubmittedPart } from './delivery.types';
import { OutcomeWriter } from './outcome-writer';

const change = (id: number, extra: Partial<StateChange> = {}): StateChange => ({ campaignId: 1, id, state: 'submitted', ...extra });
const part = (id: number, smscMessageId: string, parts = 1): SubmittedPart => ({ campaignId: 1, messageId: id, smscMessageId, part: 1, parts });
const receipt = (smscMessageId: string, state = 'DELIVRD'): StoredReceipt => ({
  carrier: 'viettel',
  smscMessageId,
  msisdn: '84961234567',
  state,
  errorCode: '000',
  doneAt: null,
  raw: '',
});

/** A write the test lets finish when it wants: no sleeps. */
function controlledWrite() {
  const writes: { ids: number[]; states: string[]; receipts: string[]; finish: (written: boolean) => void }[] = [];
  const write = (changes: StateChange[], _submissions: SubmittedPart[], receipts: StoredReceipt[]) =>
    new Promise<boolean>((finish) =>
      writes.push({ ids: changes.map((c) => c.id), states: changes.map((c) => c.state), receipts: receipts.map((r) => r.smscMessageId!), finish }),
    );
  return { writes, write };
}

describe(OutcomeWriter.name, () => {
  it('writes outcomes as they come, in batches, and resolves each once it is written', async () => {
    const { writes, write } = controlledWrite();
    const sut = new OutcomeWriter(write, 60_000, 1000);
    const first = sut.add(change(1), []);
    const second = sut.add(change(2), [part(2, 'A1')]);
    expect(writes).toEqual([]);
    void sut.flush();
    await Promise.resolve();
    expect(writes.map((w) => w.ids)).toEqual([[1, 2]]);
    writes[0].finish(true);
    await Promise.all([first, second]);
  });

  it('writes at once when a batch is full, one write at a time and in order', async () => {
    const { writes, write } = controlledWrite();
    const sut = new OutcomeWriter(write, 60_000, 2);
    const all = [1, 2, 3, 4].map((id) => sut.add(change(id), []));
    await new Promise(setImmediate);
    expect(writes.map((w) => w.ids)).toEqual([[1, 2]]);
    writes[0].finish(true);
    await new Promise(setImmediate);
    expect(writes.map((w) => w.ids)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    writes[1].finish(true);
    await Promise.all(all);
  });

  it('writes what is pending on flush() without waiting for the interval', async () => {
    const { writes, write } = controlledWrite();
    const sut = new OutcomeWriter(write, 60_000, 1000);
    const pending = sut.add(change(7), []);
    const flushed = sut.flush();
    await Promise.resolve();
    writes[0].finish(true);
    await Promise.all([flushed, pending]);
    expect(writes.map((w) => w.ids)).toEqual([[7]]);
  });

  describe('a receipt that comes before its one-part message is written', () => {
    it('rides in that write: the message ends in the receipt state, and the receipt is stored once it is written', async () => {
      const { writes, write } = controlledWrite();
      const sut = new OutcomeWriter(write, 60_000, 1000);
      void sut.add(change(1), [part(1, 'M1')]);
      const route = sut.route(receipt('M1', 'UNDELIV'));
      expect(route?.kind).toBe('merged');
      void sut.flush();
      await Promise.resolve();
      expect(writes[0]).toMatchObject({ ids: [1], states: ['undeliverable'], receipts: ['M1'] });
      writes[0].finish(true);
      expect(await (route as { stored: Promise<boolean> }).stored).toBe(true);
    });

    it('waits for the write already under way, and is refused when that write is given up', async () => {
      const { writes, write } = controlledWrite();
      const sut = new OutcomeWriter(write, 60_000, 1000);
      void sut.add(change(1), [part(1, 'M1')]);
      void sut.flush();
      await Promise.resolve();
      const route = sut.route(receipt('M1'));
      expect(route?.kind).toBe('after-write');
      writes[0].finish(false);
      expect(await (route as { written: Promise<boolean> }).written).toBe(false);
      expect(sut.route(receipt('M1'))).toBeNull();
    });

    it('is not taken for a long message, a resend, or an outcome other than accepted: those go the usual way', () => {
      const sut = new OutcomeWriter(controlledWrite().write, 60_000, 1000);
      void sut.add(change(1), [part(1, 'LONG', 2)]);
      void sut.add(change(2, { resend: true }), [part(2, 'AGAIN')]);
      void sut.add(change(3, { state: 'queued' }), [part(3, 'PARTIAL')]);
      expect(['LONG', 'AGAIN', 'PARTIAL', 'NOBODY'].map((id) => sut.route(receipt(id)))).toEqual([null, null, null, null]);
      void sut.flush(); // no timer left behind
    });
  });
});
