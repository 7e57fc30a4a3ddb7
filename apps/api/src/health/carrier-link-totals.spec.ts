import { type LinkCounters, noLinkCounters, type StoredLinkStatus } from '@loa/delivery';
import { totalsByCarrier } from './carrier-link-totals';

const ZERO: LinkCounters = noLinkCounters();
const NO_DETAILS = { tps: 0, window: 0, pdusSent: 0, throttlePauses: 0, answers: {}, receiptStates: {}, lastError: null };

function status(dispatcherId: string, carrier: string, state: string, boundSessions: number, counters: Partial<LinkCounters> = {}): StoredLinkStatus {
  return {
    dispatcherId,
    carrier,
    state,
    boundSessions,
    inFlight: boundSessions * 10,
    queued: 1,
    counters: { ...ZERO, ...counters },
    updatedAt: new Date(),
    fresh: true,
  };
}

describe(totalsByCarrier.name, () => {
  it('sums each carrier over its dispatchers and counts their links by state', () => {
    const sut = totalsByCarrier([
      status('b:2:x', 'viettel', 'connecting', 0, { accepted: 5, reconnects: 3 }),
      status('a:1:x', 'vnpt', 'bound', 1),
      status('a:1:x', 'viettel', 'bound', 2, { accepted: 7, receipts: 4 }),
      status('c:3:x', 'viettel', 'bound', 1),
    ]);

    expect(sut.map((total) => total.carrier)).toEqual(['viettel', 'vnpt']);
    expect(sut[0]).toEqual({
      carrier: 'viettel',
      boundSessions: 3,
      inFlight: 30,
      queued: 3,
      links: { bound: 2, connecting: 1 },
      counters: { ...ZERO, accepted: 12, receipts: 4, reconnects: 3 },
      details: NO_DETAILS,
    });
    expect(sut[1]).toMatchObject({ carrier: 'vnpt', boundSessions: 1, links: { bound: 1 } });
  });

  it('reads a counter an older dispatcher did not report as zero', () => {
    const counters: Partial<LinkCounters> = { ...ZERO, accepted: 2 };
    delete counters.receipts;
    const old = { ...status('a:1:x', 'viettel', 'bound', 1), counters: counters as LinkCounters };

    const [sut] = totalsByCarrier([old]);

    expect(sut.counters).toEqual({ ...ZERO, accepted: 2 });
  });

  it('counts a dispatcher that stopped reporting as a gone link, with nothing bound', () => {
    const sut = totalsByCarrier([
      { ...status('dead:1:x', 'viettel', 'bound', 4, { accepted: 9 }), fresh: false },
      { ...status('dead:1:x', 'vnpt', 'bound', 1), fresh: false },
      status('live:2:x', 'vnpt', 'bound', 2),
    ]);

    expect(sut[0]).toEqual({ carrier: 'viettel', boundSessions: 0, inFlight: 0, queued: 0, links: { gone: 1 }, counters: ZERO, details: NO_DETAILS });
    expect(sut[1]).toMatchObject({ carrier: 'vnpt', boundSessions: 2, links: { gone: 1, bound: 1 } });
  });

  it("sums the links' details, answers and receipts by status, and keeps the latest error of any dispatcher", () => {
    const details = (at: number, answers: Record<string, number>) => ({
      tps: 50,
      window: 10,
      pdusSent: 7,
      throttlePauses: 1,
      answers,
      receiptStates: { DELIVRD: 2 },
      lastError: { message: `error at ${at}`, at },
    });
    const sut = totalsByCarrier([
      { ...status('a:1:x', 'viettel', 'bound', 1), details: details(100, { '0': 5, '88': 1 }) },
      { ...status('b:2:x', 'viettel', 'bound', 1), details: details(300, { '0': 2 }) },
      { ...status('c:3:x', 'viettel', 'bound', 1), details: details(200, { '20': 1 }) },
      { ...status('dead:4:x', 'viettel', 'bound', 1), fresh: false, details: details(50, { '0': 99 }) },
    ]);

    expect(sut[0].details).toEqual({
      tps: 150,
      window: 30,
      pdusSent: 21,
      throttlePauses: 3,
      answers: { '0': 7, '88': 1, '20': 1 },
      receiptStates: { DELIVRD: 6 },
      lastError: { message: 'error at 300', at: 300 },
    });
  });

  it('has nothing to say without reports', () => {
    expect(totalsByCarrier([])).toEqual([]);
  });
});
