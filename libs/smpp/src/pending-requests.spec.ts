import { newPdu, type SmppPdu } from './smpp-package';
import { PendingRequests } from './pending-requests';

const response = (sequence: number) => newPdu('submit_sm_resp', { sequence_number: sequence, message_id: `m${sequence}` });

describe(PendingRequests.name, () => {
  let answers: string[];
  const done = (sequence: number) => (pdu: SmppPdu | null, reason: string) =>
    answers.push(pdu ? `${sequence}: ${String(pdu.message_id)}` : `${sequence}: none (${reason})`);
  const late = (sequence: number) => (pdu: SmppPdu) => answers.push(`${sequence}: late ${String(pdu.message_id)}`);

  beforeEach(() => (answers = []));

  it('hands each response to its request and counts only submits in flight', () => {
    const sut = new PendingRequests(60_000, 10);
    sut.add(1, 10_000, true, done(1));
    sut.add(2, 10_000, false, done(2)); // an enquire_link
    expect(sut.submitsInFlight).toBe(1);
    sut.answer(response(2));
    sut.answer(response(1));
    sut.answer(response(1)); // a duplicate finds nothing
    expect(answers).toEqual(['2: m2', '1: m1']);
    expect(sut.submitsInFlight).toBe(0);
  });

  it('gives up a request past its expiry, and still hands its late answer on', () => {
    const sut = new PendingRequests(60_000, 10);
    sut.add(7, 1000, true, done(7), late(7));
    sut.add(8, 60_000, true, done(8), late(8));
    sut.expire(Date.now() + 1001);
    expect(answers).toEqual(['7: none (no response in time)']);
    expect(sut.submitsInFlight).toBe(1);
    sut.answer(response(7));
    sut.answer(response(7));
    expect(answers).toEqual(['7: none (no response in time)', '7: late m7']);
  });

  it('keeps expired submits only so long, so many, and on their own connection', () => {
    const sut = new PendingRequests(60_000, 2);
    const now = Date.now() + 2000;
    for (const sequence of [1, 2, 3]) sut.add(sequence, 1000, true, done(sequence), late(sequence));
    sut.expire(now);
    sut.answer(response(1)); // the oldest made room for the third
    sut.add(4, 1000, true, done(4), late(4));
    sut.expire(now + 60_001); // 2 and 3 expired longer ago than the keep: forgotten
    sut.answer(response(2));
    sut.newConnection();
    sut.answer(response(4)); // a new connection cannot answer the old one's submits
    expect(answers.filter((answer) => answer.includes('late'))).toEqual([]);
  });

  it('fails everything at once when the connection goes', () => {
    const sut = new PendingRequests(60_000, 10);
    sut.add(1, 10_000, true, done(1), late(1));
    sut.add(2, 10_000, true, done(2), late(2));
    sut.failAll('connection dropped (unbound by the SMSC)');
    sut.answer(response(1));
    expect(answers).toEqual(['1: none (connection dropped (unbound by the SMSC))', '2: none (connection dropped (unbound by the SMSC))']);
    expect(sut.submitsInFlight).toBe(0);
  });
});
