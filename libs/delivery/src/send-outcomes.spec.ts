import { type SubmitOutcome } from '@loa/smpp';
import { type ClaimedMessage } from './delivery.types';
import { partsToSend, type RetryPolicy, stateAfterSend } from './send-outcomes';

/** The policy of config/defaults.json (dispatcher.retry) at the time of writing; the cases below vary it. */
const POLICY: RetryPolicy = {
  maxRefusedAttempts: 5,
  refusedBackoffSeconds: { first: 5, max: 300 },
  maxAmbiguousAttempts: 3,
  ambiguousResendSeconds: 30,
  notSentRetrySeconds: 1,
};

const message = (overrides: Partial<ClaimedMessage> = {}): ClaimedMessage => ({
  id: 7,
  campaignId: 3,
  validityHours: 24,
  onAmbiguous: 'resend',
  msisdn: '84912345678',
  provinceCode: '14',
  textId: 1,
  attempts: 1,
  unconfirmedSends: 0,
  partsAccepted: 0,
  parts: null,
  reference: null,
  ...overrides,
});
const sent = (part: number) => ({ part, smscMessageId: `id-${part}` });
const outcome = (kind: SubmitOutcome['kind'], extra: Record<string, unknown> = {}): SubmitOutcome =>
  ({ kind, totalParts: 3, reference: 42, accepted: [], status: 0x08, error: 'ESME_RSYSERR', part: 1, ...extra }) as SubmitOutcome;

describe('stateAfterSend (the retry policy)', () => {
  it('submits a message whose parts were all accepted, with a submission per part and the PDUs billed', () => {
    const { change, submissions } = stateAfterSend(message(), {}, outcome('accepted', { accepted: [sent(1), sent(2), sent(3)] }), POLICY);
    expect(change).toMatchObject({ state: 'submitted', sent: { acceptedMask: 0b111, parts: 3, reference: 42, newReference: true, billed: 3 }, resend: false });
    expect(submissions.map((s) => [s.part, s.parts, s.smscMessageId])).toEqual([
      [1, 3, 'id-1'],
      [2, 3, 'id-2'],
      [3, 3, 'id-3'],
    ]);
  });

  it('backs off a temporary refusal, doubling per attempt, and fails the message at the last attempt with the status', () => {
    const policy = { ...POLICY, maxRefusedAttempts: 4, refusedBackoffSeconds: { first: 5, max: 15 } };
    const delays = [1, 2, 3].map((attempts) => stateAfterSend(message({ attempts }), {}, outcome('refused'), policy).change);
    expect(delays.map((change) => [change.state, change.retryAfterSeconds, change.refundAttempt])).toEqual([
      ['queued', 5, undefined],
      ['queued', 10, undefined],
      ['queued', 15, undefined],
    ]);
    const last = stateAfterSend(message({ attempts: 4 }), {}, outcome('refused'), policy).change;
    expect(last).toMatchObject({ state: 'failed', error: 'ESME_RSYSERR (4 attempts)' });
  });

  it('gives back the attempt of a message the link never sent, and keeps the parts it did send', () => {
    const { change } = stateAfterSend(
      message({ attempts: 9 }),
      {},
      outcome('not-sent', { accepted: [sent(1)], status: null, error: 'link viettel is stopping' }),
      POLICY,
    );
    expect(change).toMatchObject({ state: 'queued', refundAttempt: true, retryAfterSeconds: 1, sent: { acceptedMask: 0b001, billed: 1 } });
  });

  it('rejects a message the carrier refused for good', () => {
    expect(stateAfterSend(message(), {}, outcome('permanent', { status: 0x0b, error: 'ESME_RINVDSTADR' }), POLICY).change).toMatchObject({
      state: 'rejected',
      error: 'ESME_RINVDSTADR',
    });
  });

  describe('a part without an answer', () => {
    it('sends the message again as an unconfirmed send (policy resend), then ends it unknown after the last attempt', () => {
      expect(stateAfterSend(message({ attempts: 2 }), {}, outcome('ambiguous', { part: 2, accepted: [sent(1)] }), POLICY).change).toMatchObject({
        state: 'queued',
        unconfirmedSend: true,
        retryAfterSeconds: 30,
        sent: { acceptedMask: 0b001 },
      });
      expect(stateAfterSend(message({ attempts: 3 }), {}, outcome('ambiguous'), POLICY).change).toMatchObject({ state: 'unknown' });
    });

    it('waits for receipts matched by number when it was the last part (policy await-receipt)', () => {
      const waiting = stateAfterSend(message({ onAmbiguous: 'await-receipt' }), {}, outcome('ambiguous', { part: 3, accepted: [sent(1), sent(2)] }), POLICY);
      expect(waiting.change).toMatchObject({ state: 'submitted', awaitingReceiptParts: 3 });
      expect(waiting.submissions).toHaveLength(2);
    });

    it('sends the rest again when parts after it were never sent, whatever the policy: the handset must get them', () => {
      const change = stateAfterSend(message({ onAmbiguous: 'await-receipt' }), {}, outcome('ambiguous', { part: 1 }), POLICY).change;
      expect(change).toMatchObject({ state: 'queued', unconfirmedSend: true });
    });
  });

  it('marks a send of a message the carrier may already have as a resend (it can make a duplicate)', () => {
    expect(stateAfterSend(message({ unconfirmedSends: 1 }), {}, outcome('accepted', { accepted: [sent(1)] }), POLICY).change.resend).toBe(true);
    expect(
      stateAfterSend(
        message({ partsAccepted: 1, parts: 3, reference: 42 }),
        { onlyParts: [2, 3] },
        outcome('accepted', { accepted: [sent(2), sent(3)] }),
        POLICY,
      ).change,
    ).toMatchObject({ resend: true, sent: { acceptedMask: 0b110, newReference: false } });
  });

  it('records nothing about parts when the link built none (it was not running)', () => {
    expect(stateAfterSend(message(), {}, outcome('not-sent', { totalParts: 0, reference: null }), POLICY).change.sent).toBeUndefined();
  });
});

describe('partsToSend', () => {
  it('sends every part of a message the carrier has none of, under a reference of its own id (a crash before anything was recorded resends the same)', () => {
    expect(partsToSend(message(), 'missing')).toEqual({ reference: 7 });
    expect(partsToSend(message({ attempts: 2, unconfirmedSends: 1 }), 'missing')).toEqual({ reference: 7 });
  });

  it('sends only the missing parts under the same reference, where the carrier joins them', () => {
    expect(partsToSend(message({ partsAccepted: 0b101, parts: 4, reference: 42 }), 'missing')).toEqual({ onlyParts: [2, 4], reference: 42 });
  });

  it('sends the whole message under a new reference each attempt, where the carrier does not join parts sent apart', () => {
    const first = partsToSend(message({ attempts: 1 }), 'whole');
    const second = partsToSend(message({ attempts: 2, partsAccepted: 0b101, parts: 4, reference: 42 }), 'whole');
    expect(first.onlyParts).toBeUndefined();
    expect(second.onlyParts).toBeUndefined();
    expect(second.reference).not.toBe(first.reference);
  });
});
