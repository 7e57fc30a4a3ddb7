import { splitSegments } from '@loa/sms';
import { CarrierLink, canonicalSubmitId, type ConcatMode, type LateAccept, type OutboundSms, smppStatusName } from '@loa/smpp';
import { type Harness, startHarness, waitFor } from './link-harness';

const LONG_TEXT = 'Canh bao lua dao: khong cung cap ma OTP cho bat ky ai. '.repeat(7);
const LONG: OutboundSms = { destination: '84912345678', text: LONG_TEXT, encoding: 'gsm7' };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe(`${CarrierLink.name} against the simulator: the parts of a long message`, () => {
  let sut: Harness;

  /** Part numbers of the submits the simulator received, in the order they came. */
  const partsReceived = () => sut.simulator.received.map((submit) => submit.concat?.sequence);

  afterEach(async () => {
    await sut?.stop();
  });

  it('sends a 3-part text in 3 parts (the premise of the tests below)', () => {
    expect(splitSegments(LONG_TEXT, 'gsm7', 'udh8')).toHaveLength(3);
  });

  it.each([
    ['gets no response', { noResponseEvery: 1 }, 'submit_sm part 1/3: no response in time'],
    ['is lost with its connection', { disconnectAfterSubmits: 1 }, 'submit_sm part 1/3: connection dropped'],
  ])('never writes parts 2-3 of a message whose part 1 %s, and calls it ambiguous at part 1', async (_, profile, error) => {
    sut = await startHarness(profile, { binds: 1, requestTimeoutSeconds: 0.3 });
    const outcome = await sut.link.submit(LONG);
    expect(outcome).toMatchObject({ kind: 'ambiguous', part: 1, totalParts: 3, accepted: [], error: expect.stringContaining(error) });
    await waitFor('bound again', () => sut.link.status().boundSessions === 1);
    await sleep(100);
    expect(partsReceived()).toEqual([1]);
    expect(sut.link.status().counters).toMatchObject({ ambiguous: 1, accepted: 0 });
  });

  it.each([
    { status: 0x08, name: 'ESME_RSYSERR', kind: 'refused' },
    { status: 0x0b, name: 'ESME_RINVDSTADR', kind: 'permanent' },
  ])('ends a message whose part 2 is answered $name as $kind, with part 1 accepted and part 3 never written', async ({ status, kind }) => {
    sut = await startHarness({ refuseEvery: { submits: 2, status } }, { binds: 1 });
    const outcome = await sut.link.submit(LONG);
    const [first] = sut.simulator.received;
    expect(outcome).toEqual({
      kind,
      status,
      error: smppStatusName(status),
      totalParts: 3,
      reference: first.concat!.reference,
      accepted: [{ part: 1, smscMessageId: first.messageId }],
    });
    await sleep(100);
    expect(partsReceived()).toEqual([1, 2]);
  });

  it.each<ConcatMode>(['udh8', 'udh16', 'sar'])('sends only onlyParts [2, 3] under the reference given, with %s', async (concat) => {
    sut = await startHarness({}, { concat, binds: 1 });
    const outcome = await sut.link.submit({ ...LONG, onlyParts: [2, 3], reference: 201 });
    const received = sut.simulator.received;
    expect(received.map((submit) => submit.concat)).toEqual([
      { mode: concat, reference: 201, total: 3, sequence: 2 },
      { mode: concat, reference: 201, total: 3, sequence: 3 },
    ]);
    expect(received.map((submit) => submit.text).join('')).toBe(splitSegments(LONG_TEXT, 'gsm7', concat).slice(1).join(''));
    expect(outcome).toEqual({
      kind: 'accepted',
      totalParts: 3,
      reference: 201,
      accepted: [
        { part: 2, smscMessageId: received[0].messageId },
        { part: 3, smscMessageId: received[1].messageId },
      ],
    });
  });

  it.each([
    { status: 0x58, name: 'ESME_RTHROTTLED' },
    { status: 0x14, name: 'ESME_RMSGQFUL' },
  ])('sends a part answered $name again after the pause, same reference, and the message ends accepted', async ({ status }) => {
    // Submits 2 and 4 of the connection are refused: part 2, then part 3, each taken the second time.
    sut = await startHarness({ refuseEvery: { submits: 2, status } }, { binds: 1 });
    const outcome = await sut.link.submit(LONG);
    const received = sut.simulator.received;
    expect(received.map((submit) => [submit.concat?.sequence, submit.status])).toEqual([
      [1, 0],
      [2, status],
      [2, 0],
      [3, status],
      [3, 0],
    ]);
    expect(new Set(received.map((submit) => submit.concat?.reference))).toEqual(new Set([outcome.reference]));
    expect(outcome).toMatchObject({ kind: 'accepted', totalParts: 3, accepted: [1, 2, 3].map((part) => ({ part })) });
    expect(sut.simulator.messages()).toMatchObject([{ text: LONG_TEXT, complete: true }]);
    expect(sut.link.status().pdus!.pauses).toBe(2);
    expect(sut.link.status().counters).toMatchObject({ accepted: 1, retried: 0 });
  });

  it('reports an answer that comes after its request expired through onLateAccept, with the id the receipt carries', async () => {
    sut = await startHarness(
      { slowAnswerEvery: { submits: 2, delayMs: 800 }, messageIdFormat: 'hex', receiptIdFormat: 'decimal' },
      { binds: 1, requestTimeoutSeconds: 0.3, dlrIdFormat: 'hex-to-dec' },
    );
    const late: LateAccept[] = [];
    sut.link.onLateAccept((accepted) => late.push(accepted));
    const message: OutboundSms = { ...LONG };
    const outcome = await sut.link.submit(message);
    expect(outcome).toMatchObject({ kind: 'ambiguous', part: 2, accepted: [{ part: 1 }] });
    expect(late).toEqual([]);

    await waitFor('the late answer', () => late.length === 1, 5000);
    const [, second] = sut.simulator.received;
    expect(late[0]).toEqual({ message: expect.anything(), part: 2, totalParts: 3, smscMessageId: canonicalSubmitId(second.messageId!, 'hex-to-dec') });
    expect(late[0].message).toBe(message);
    await waitFor('both receipts', () => sut.receipts.length === 2);
    expect(sut.receipts.map((receipt) => receipt.smscMessageId)).toContain(late[0].smscMessageId);
    expect(partsReceived()).toEqual([1, 2]);
    expect(sut.link.status().counters).toMatchObject({ ambiguous: 1, lateResponses: 1 });
  });

  it('keeps the window full of one-part messages while each long message has one part in flight at a time', async () => {
    const answerMs = 100;
    sut = await startHarness({ slowAnswerEvery: { submits: 1, delayMs: answerMs } }, { binds: 1, window: 10 });
    const short = Array.from({ length: 60 }, (_, index) =>
      sut.link.submit({ destination: `849100000${String(index).padStart(2, '0')}`, text: 'ngan', encoding: 'gsm7' }),
    );
    const long = Array.from({ length: 4 }, (_, index) => sut.link.submit({ ...LONG, destination: `849200000${index}` }));
    await waitFor('a full window', () => sut.link.status().inFlight === 10, 5000);
    const outcomes = await Promise.all([...short, ...long]);
    expect(outcomes.every((outcome) => outcome.kind === 'accepted')).toBe(true);
    for (let index = 0; index < 4; index++) {
      const parts = sut.simulator.received.filter((submit) => submit.destination === `849200000${index}`);
      expect(parts.map((submit) => submit.concat?.sequence)).toEqual([1, 2, 3]);
      // Each part left only once the one before was answered.
      for (let part = 1; part < 3; part++) expect(parts[part].at - parts[part - 1].at).toBeGreaterThanOrEqual(answerMs);
    }
  });

  it('on stop, finishes the messages the SMSC has begun and gives back those it has not', async () => {
    sut = await startHarness({ slowAnswerEvery: { submits: 1, delayMs: 150 } }, { binds: 1, window: 1 });
    const begun = sut.link.submit(LONG);
    const waiting = sut.link.submit({ destination: '84987654321', text: 'cho', encoding: 'gsm7' });
    await waitFor('part 1 written', () => sut.simulator.received.length === 1);
    await sut.link.stop();
    expect(await begun).toMatchObject({ kind: 'accepted', accepted: [1, 2, 3].map((part) => ({ part })) });
    expect(await waiting).toMatchObject({ kind: 'not-sent', status: null, accepted: [], error: 'link viettel is stopping' });
    expect(partsReceived()).toEqual([1, 2, 3]);
    expect(sut.simulator.counts.unbinds).toBe(1);
  });
});
