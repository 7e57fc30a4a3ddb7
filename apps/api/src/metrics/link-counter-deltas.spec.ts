import { type LinkCounters, noLinkCounters, type StoredLinkStatus } from '@loa/delivery';
import { LinkCounterDeltas } from './link-counter-deltas';

const counters = (accepted: number, receipts = 0): LinkCounters => ({ ...noLinkCounters(), submitted: accepted, accepted, receipts });
const status = (dispatcherId: string, carrier: string, c: LinkCounters): StoredLinkStatus => ({
  dispatcherId,
  carrier,
  state: 'bound',
  boundSessions: 1,
  inFlight: 0,
  queued: 0,
  counters: c,
  updatedAt: new Date(),
  fresh: true,
});

describe(LinkCounterDeltas.name, () => {
  it('counts what each dispatcher added since the last scrape, summed per carrier', () => {
    const sut = new LinkCounterDeltas();
    expect(sut.increments([status('a', 'viettel', counters(10, 4)), status('b', 'viettel', counters(5))]).get('viettel')).toMatchObject({
      accepted: 15,
      receipts: 4,
    });
    expect(sut.increments([status('a', 'viettel', counters(12, 9)), status('b', 'viettel', counters(5))]).get('viettel')).toMatchObject({
      accepted: 2,
      receipts: 5,
    });
  });

  it('never goes down: a restarted dispatcher (a new id) counts from zero, one that died adds nothing', () => {
    const sut = new LinkCounterDeltas();
    sut.increments([status('a', 'vnpt', counters(100)), status('b', 'vnpt', counters(50))]);
    const afterRestart = sut.increments([status('a2', 'vnpt', counters(3)), status('b', 'vnpt', counters(51))]);
    expect(afterRestart.get('vnpt')).toMatchObject({ accepted: 4 });
    const quiet = sut.increments([status('a2', 'vnpt', counters(3)), status('b', 'vnpt', counters(51))]);
    expect(quiet.get('vnpt')).toMatchObject({ accepted: 0 });
  });

  it('adds nothing for a stale report, and only what is new when that dispatcher reports again', () => {
    const sut = new LinkCounterDeltas();
    sut.increments([status('a', 'viettel', counters(40))]);
    expect(sut.increments([{ ...status('a', 'viettel', counters(40)), fresh: false }]).get('viettel')).toMatchObject({ accepted: 0 });
    expect(sut.increments([status('a', 'viettel', counters(41))]).get('viettel')).toMatchObject({ accepted: 1 });
    expect(sut.increments([{ ...status('dead', 'vnpt', counters(9)), fresh: false }]).get('vnpt')).toMatchObject({ accepted: 0 });
  });

  it('keeps carriers apart, and reports a carrier with nothing new as zeros', () => {
    const sut = new LinkCounterDeltas();
    const increments = sut.increments([status('a', 'viettel', counters(0)), status('a', 'mobifone', counters(7))]);
    expect(increments.get('viettel')).toMatchObject({ accepted: 0, receipts: 0 });
    expect(increments.get('mobifone')).toMatchObject({ accepted: 7 });
  });
});
