import { CarrierLink, type SubmitOutcome } from '@loa/smpp';
import { isTaken, RESET_AFTER_RESPONSE, type ReceivedSubmit } from '@loa/smsc-simulator';
import { acceptedIds, destinations, type Harness, startHarness, submitAll, waitFor } from './link-harness';

// 83 UCS-2 characters: two parts.
const TWO_PARTS = 'Công an tỉnh cảnh báo: không cung cấp mã OTP cho bất kỳ ai, không chuyển tiền cho người lạ.';

function taken(received: ReceivedSubmit[]): ReceivedSubmit[] {
  return received.filter((submit) => isTaken(submit.status));
}

/** As a dispatcher with the resend policy: a message without a clear answer goes again, whole. */
async function sendUntilAnswered(link: CarrierLink, texts: { destination: string; text: string; encoding: 'gsm7' | 'ucs2' }[]): Promise<SubmitOutcome[][]> {
  const seen = texts.map((): SubmitOutcome[] => []);
  let pending = texts.map((_, index) => index);
  while (pending.length > 0) {
    const outcomes = await submitAll(
      link,
      pending.map((index) => texts[index]),
    );
    outcomes.forEach((outcomes, at) => seen[pending[at]].push(...outcomes));
    pending = pending.filter((_, at) => outcomes[at][outcomes[at].length - 1].kind === 'ambiguous');
  }
  return seen;
}

describe(`${CarrierLink.name} against an SMSC that resets the connection`, () => {
  let sut: Harness;

  afterEach(async () => {
    await sut?.stop();
  });

  it('resets right after every Nth answer; the carrier keeps that message and receipts it, and takes nothing more on that connection', async () => {
    sut = await startHarness({ resetAfterResponseEvery: 25 }, { binds: 1, window: 10 });
    const outcomes = (
      await submitAll(
        sut.link,
        destinations(200).map((destination) => ({ destination, text: 'reset' })),
      )
    ).flat();

    const resets = sut.simulator.received.filter((submit) => submit.status === RESET_AFTER_RESPONSE);
    expect(resets.length).toBeGreaterThanOrEqual(4);
    expect(resets.every((submit) => submit.messageId !== null)).toBe(true);
    expect(sut.simulator.counts.resets).toBe(resets.length);
    for (const reset of resets) {
      const onItsConnection = sut.simulator.received.filter((submit) => submit.connection === reset.connection);
      expect(onItsConnection[onItsConnection.length - 1]).toBe(reset);
    }
    expect(outcomes.every((outcome) => outcome.kind === 'accepted' || outcome.kind === 'ambiguous')).toBe(true);
    const takenIds = new Set(taken(sut.simulator.received).map((submit) => submit.messageId));
    expect(acceptedIds(outcomes).every((id) => takenIds.has(id))).toBe(true);
    // Receipts in flight at a reset come again after the next bind: wait for every id, not for a count.
    const receipted = () => new Set(sut.receipts.map((receipt) => receipt.smscMessageId));
    await waitFor('a receipt per message taken', () => receipted().size >= takenIds.size);
    expect(receipted()).toEqual(takenIds);
    expect(sut.link.status().counters.reconnects).toBeGreaterThanOrEqual(resets.length - 1);
  });

  it('audits what a resending ESME leaves on the handsets: everyone reached, duplicates only where an answer went missing', async () => {
    // Odd, so a reset falls after part 1 of a message as often as after part 2.
    sut = await startHarness({ resetAfterResponseEvery: 41 }, { binds: 1, window: 10 });
    const texts = destinations(120).map((destination) => ({ destination, text: TWO_PARTS, encoding: 'ucs2' as const }));
    const outcomes = await sendUntilAnswered(sut.link, texts);

    const audit = sut.simulator.handsetAudit();
    expect(audit.subscribersReached).toBe(120);
    expect(audit.partsAccepted).toBe(taken(sut.simulator.received).length);
    expect(audit.partsAccepted).toBe(sut.simulator.counts.accepted);
    // A message the ESME saw accepted at the first try was never sent again, so it cannot be duplicated.
    const sentAgain = new Set(texts.filter((_, index) => outcomes[index].length > 1).map((text) => text.destination));
    expect(audit.duplicatedSubscribers).toBeGreaterThan(0);
    expect(audit.duplicatedDestinations.every((destination) => sentAgain.has(destination))).toBe(true);
    // Sent again whole under a new reference: a first copy cut after its first part stays an orphan.
    expect(audit.orphanParts.length).toBeGreaterThan(0);
    expect(audit.orphanParts.every((destination) => sentAgain.has(destination))).toBe(true);
  });

  it('sends again, after the next bind, a receipt whose acknowledgement it took as lost: the ESME gets it twice', async () => {
    // Receipts come once every submit has its answer: the resets then only break receipts.
    sut = await startHarness({ lostReceiptAckEvery: 7, receiptDelayMs: [300, 400] }, { binds: 1 });
    const ids = acceptedIds(
      (
        await submitAll(
          sut.link,
          destinations(40).map((destination) => ({ destination, text: 'lap lai' })),
        )
      ).flat(),
    );
    expect(ids).toHaveLength(40);

    await waitFor(
      'every receipt acknowledged once',
      () => sut.simulator.counts.receiptsAcked === 40 && sut.simulator.counts.receiptsReplayed === sut.simulator.counts.receiptAcksLost,
    );
    const { receiptAcksLost, resets } = sut.simulator.counts;
    expect(receiptAcksLost).toBeGreaterThanOrEqual(5);
    expect(resets).toBe(receiptAcksLost);
    expect(new Set(sut.receipts.map((receipt) => receipt.smscMessageId))).toEqual(new Set(ids));
    expect(sut.receipts.length - ids.length).toBeGreaterThanOrEqual(receiptAcksLost);
    const states = new Map(sut.simulator.receiptsSent.map((receipt) => [receipt.messageId, receipt.state]));
    expect(sut.receipts.every((receipt) => receipt.state === states.get(receipt.smscMessageId!))).toBe(true);
  });
});
