import { ManualClock } from '@loa/common';
import { type SubmitOutcome } from './carrier-link.types';
import { LinkStatusTracker } from './link-status-tracker';

const outcome = (kind: SubmitOutcome['kind']) => ({ kind, totalParts: 1, reference: null, accepted: [] }) as unknown as SubmitOutcome;

describe(LinkStatusTracker.name, () => {
  it('counts outcomes by kind: refused and not sent as retried, permanent as failed', () => {
    const sut = new LinkStatusTracker('vnpt', new ManualClock(0));
    for (const kind of ['accepted', 'accepted', 'refused', 'not-sent', 'permanent', 'ambiguous'] as const) expect(sut.outcome(outcome(kind)).kind).toBe(kind);
    expect(sut.snapshot('bound', 1, 0, 0).counters).toMatchObject({ accepted: 2, retried: 2, failed: 1, ambiguous: 1 });
  });

  it('keeps answers by status, receipts by stat, and the last error with the time on its clock', () => {
    const clock = new ManualClock(1_000);
    const sut = new LinkStatusTracker('vnpt', clock);
    sut.answer(0);
    sut.answer(0x58);
    sut.answer(0);
    sut.receipt('DELIVRD');
    sut.error('first');
    clock.advance(500);
    sut.error('submit_sm answered ESME_RTHROTTLED');
    expect(sut.snapshot('paused', 2, 3, 4)).toMatchObject({
      carrier: 'vnpt',
      state: 'paused',
      boundSessions: 2,
      inFlight: 3,
      queued: 4,
      answers: { 0: 2, 0x58: 1 },
      receiptStates: { DELIVRD: 1 },
      counters: { receipts: 1 },
      lastError: { message: 'submit_sm answered ESME_RTHROTTLED', at: 1_500 },
    });
  });

  it('hands out a copy: a status kept by the caller does not move with the link', () => {
    const sut = new LinkStatusTracker('vnpt', new ManualClock(0));
    const before = sut.snapshot('bound', 1, 0, 0);
    sut.outcome(outcome('accepted'));
    sut.answer(0);
    sut.pdus.sent++;
    expect(before).toMatchObject({ counters: { accepted: 0 }, answers: {}, pdus: { sent: 0 }, lastError: null });
  });
});
