import { auditHandsets } from './handset-audit';
import { reassemble, type ReceivedSubmit } from './received-submits';
import { DROP_CONNECTION, isTaken, LOST_ANSWER, NO_ANSWER, RESET_AFTER_RESPONSE } from './smsc-behaviours';

let nextId = 1;

/** A submit as recorded; `part` is [reference, sequence, total] for a concatenated one. */
function submit(destination: string, part?: [number, number, number], status = 0): ReceivedSubmit {
  const [reference, sequence, total] = part ?? [];
  return {
    at: 0,
    systemId: 'loa',
    connection: 1,
    sequenceNumber: nextId,
    source: 'CONGAN',
    sourceTon: 5,
    sourceNpi: 0,
    destination,
    destTon: 1,
    destNpi: 1,
    dataCoding: 8,
    esmClass: part ? 0x40 : 0,
    registeredDelivery: 1,
    validityPeriod: '',
    concat: part ? { mode: 'udh8', reference: reference!, total: total!, sequence: sequence! } : null,
    shortMessage: Buffer.alloc(0),
    messagePayload: null,
    text: part ? `p${sequence}` : 'whole',
    status,
    messageId: isTaken(status) ? String(nextId++) : null,
  };
}

describe(auditHandsets.name, () => {
  it('counts one complete message per subscriber, nothing duplicated, every PDU billed', () => {
    const sut = auditHandsets([submit('84911'), submit('84922', [7, 1, 2]), submit('84922', [7, 2, 2])]);
    expect(sut).toEqual({ subscribersReached: 2, duplicatedSubscribers: 0, duplicatedDestinations: [], orphanParts: [], partsAccepted: 3 });
  });

  it('counts what the carrier took without a clean answer, and nothing it refused or never took', () => {
    const sut = auditHandsets([
      submit('84911', undefined, LOST_ANSWER),
      submit('84922', undefined, RESET_AFTER_RESPONSE),
      submit('84933', undefined, 0x58),
      submit('84944', undefined, DROP_CONNECTION),
      submit('84955', undefined, NO_ANSWER),
    ]);
    expect(sut).toMatchObject({ subscribersReached: 2, duplicatedSubscribers: 0, partsAccepted: 2 });
  });

  it('marks a subscriber given a single-part message twice as duplicated', () => {
    const sut = auditHandsets([submit('84911'), submit('84922'), submit('84911', undefined, RESET_AFTER_RESPONSE)]);
    expect(sut).toMatchObject({ subscribersReached: 2, duplicatedSubscribers: 1, duplicatedDestinations: ['84911'], partsAccepted: 3 });
  });

  it('completes a group with only its missing part sent again under the same reference: no orphan, no duplicate', () => {
    const sut = auditHandsets([submit('84911', [7, 1, 2]), submit('84911', [7, 2, 2], 0x58), submit('84911', [7, 2, 2])]);
    expect(sut).toMatchObject({ subscribersReached: 1, duplicatedSubscribers: 0, orphanParts: [], partsAccepted: 2 });
  });

  it('counts a part sent again under the same reference as a duplicate part of that message, not a new one', () => {
    const parts = [submit('84911', [7, 1, 2]), submit('84911', [7, 1, 2]), submit('84911', [7, 2, 2])];
    expect(auditHandsets(parts)).toMatchObject({ subscribersReached: 1, duplicatedSubscribers: 1, orphanParts: [], partsAccepted: 3 });
    expect(reassemble(parts)).toEqual([expect.objectContaining({ text: 'p1p2', parts: 2, complete: true, sequences: [1, 1, 2] })]);
  });

  it('leaves orphan parts when the whole message goes again under a new reference after a part of it was taken', () => {
    const sut = auditHandsets([submit('84911', [7, 1, 2]), submit('84911', [8, 1, 2]), submit('84911', [8, 2, 2])]);
    expect(sut).toMatchObject({ subscribersReached: 1, duplicatedSubscribers: 1, orphanParts: ['84911'], partsAccepted: 3 });
  });

  it('counts a subscriber holding only some parts as an orphan, not reached', () => {
    const sut = auditHandsets([submit('84922', [3, 2, 3]), submit('84911', [9, 1, 2]), submit('84911', [9, 2, 2], 0x58)]);
    expect(sut).toEqual({ subscribersReached: 0, duplicatedSubscribers: 0, duplicatedDestinations: [], orphanParts: ['84911', '84922'], partsAccepted: 2 });
  });

  it('counts a whole message sent twice under two references once as reached and once as duplicated', () => {
    const sut = auditHandsets([submit('84911', [1, 1, 2]), submit('84911', [1, 2, 2]), submit('84911', [2, 1, 2]), submit('84911', [2, 2, 2])]);
    expect(sut).toMatchObject({ subscribersReached: 1, duplicatedSubscribers: 1, orphanParts: [], partsAccepted: 4 });
  });
});
