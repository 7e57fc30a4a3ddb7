import { ManualClock } from '@loa/common';
import { loadDefaults } from '@loa/config';
import { CarrierLink, type SubmitOutcome } from '@loa/smpp';
import { SmscSimulator } from '@loa/smsc-simulator';
import { account, destinations, type Harness, PASSWORD, startHarness, submitAll, waitFor } from './link-harness';

function finalKinds(outcomes: SubmitOutcome[][]): string[] {
  return outcomes.map((seen) => seen[seen.length - 1].kind);
}

/** Accepted by the first submit: nothing came back to the caller on the way. */
function acceptedAtOnce(seen: SubmitOutcome[]): boolean {
  return seen.length === 1 && seen[0].kind === 'accepted';
}

describe(`${CarrierLink.name} against the simulator: flow control and failures`, () => {
  let sut: Harness;

  afterEach(async () => {
    await sut?.stop();
  });

  it('never sends above tps in any one-second bucket, even while throttled, and loses nothing', async () => {
    // The SMSC allows 120/s, the contract says 150/s: the link is throttled, pauses and recovers.
    sut = await startHarness({ tps: 120, throttle: true }, { tps: 150, binds: 2, window: 20 });
    const outcomes = await submitAll(
      sut.link,
      destinations(450).map((destination) => ({ destination, text: 'nhieu' })),
    );
    expect(outcomes.every(acceptedAtOnce)).toBe(true);
    const throttled = sut.simulator.statuses.get(0x58) ?? 0;
    expect(throttled).toBeGreaterThan(0);
    expect(sut.simulator.received).toHaveLength(450 + throttled);
    expect(Math.max(...sut.simulator.submitsPerSecond())).toBeLessThanOrEqual(150);
    expect(sut.simulator.messages()).toHaveLength(450);
    expect(sut.link.status().pdus!.pauses).toBeGreaterThan(0);
  });

  it('pauses on queue-full and sends the refused submit again after the pause, with no outcome of its own', async () => {
    sut = await startHarness({ queueFullFraction: 0.2, seed: 3 });
    const outcomes = await submitAll(
      sut.link,
      destinations(100).map((destination) => ({ destination, text: 'day' })),
    );
    expect(outcomes.every(acceptedAtOnce)).toBe(true);
    const queueFull = sut.simulator.statuses.get(0x14) ?? 0;
    expect(queueFull).toBeGreaterThan(0);
    expect(sut.simulator.received).toHaveLength(100 + queueFull);
    expect(sut.simulator.messages()).toHaveLength(100);
    expect(sut.link.status().pdus!.pauses).toBeGreaterThan(0);
    expect(sut.logs.some((line) => line.includes('answered ESME_RMSGQFUL'))).toBe(true);
  });

  it('fails invalid numbers for good with the SMPP error name', async () => {
    sut = await startHarness({ invalidRanges: ['8490000'] });
    const [[outcome]] = await submitAll(sut.link, [{ destination: '84900001234', text: 'sai so' }]);
    expect(outcome).toEqual({ kind: 'permanent', status: 0x0b, error: 'ESME_RINVDSTADR (0x0000000B)', totalParts: 1, reference: null, accepted: [] });
  });

  it('reconnects after a drop mid-window; every message ends with exactly one outcome, ambiguous for those in flight', async () => {
    sut = await startHarness({ disconnectAfterSubmits: 60 }, { binds: 2, window: 20 });
    const outcomes = await submitAll(
      sut.link,
      destinations(400).map((destination) => ({ destination, text: 'rot' })),
    );
    expect(outcomes).toHaveLength(400);
    const kinds = finalKinds(outcomes);
    expect(kinds.filter((kind) => kind === 'ambiguous').length).toBeGreaterThan(0);
    expect(kinds.every((kind) => kind === 'accepted' || kind === 'ambiguous')).toBe(true);
    // Each message reached the SMSC exactly once: the link never resends.
    const perDestination = new Map<string, number>();
    for (const submit of sut.simulator.received) perDestination.set(submit.destination, (perDestination.get(submit.destination) ?? 0) + 1);
    expect([...perDestination.values()].every((count) => count === 1)).toBe(true);
    expect(sut.simulator.counts.dropped).toBeGreaterThan(0);
    expect(kinds.filter((kind) => kind === 'ambiguous').length).toBeGreaterThanOrEqual(sut.simulator.counts.dropped);
    expect(sut.link.status().counters.reconnects).toBeGreaterThan(0);
    await waitFor('link bound again', () => sut.link.status().boundSessions === 2);
  });

  it('expires submits the SMSC never answers as ambiguous, without resending them', async () => {
    sut = await startHarness({ noResponseEvery: 10 }, { binds: 1, requestTimeoutSeconds: 0.3 });
    const outcomes = await submitAll(
      sut.link,
      destinations(30).map((destination) => ({ destination, text: 'im lang' })),
    );
    const ambiguous = outcomes.flat().filter((outcome) => outcome.kind === 'ambiguous');
    expect(ambiguous).toHaveLength(3);
    expect(ambiguous[0]).toMatchObject({ part: 1, error: 'submit_sm part 1/1: no response in time', accepted: [] });
    expect(sut.simulator.received).toHaveLength(30);
  });

  it('answers unknown commands with generic_nack and keeps working', async () => {
    sut = await startHarness({ malformedEvery: 10, malformedKind: 'unknown-command' });
    const outcomes = await submitAll(
      sut.link,
      destinations(100).map((destination) => ({ destination, text: 'la' })),
    );
    expect(finalKinds(outcomes).every((kind) => kind === 'accepted')).toBe(true);
    await waitFor('10 generic_nacks', () => sut.simulator.counts.genericNacks === 10);
  });

  it('survives garbage that breaks framing by reconnecting; nothing is lost', async () => {
    sut = await startHarness({ malformedEvery: 40, malformedKind: 'garbage' }, { binds: 1 });
    const outcomes = await submitAll(
      sut.link,
      destinations(200).map((destination) => ({ destination, text: 'rac' })),
    );
    expect(outcomes).toHaveLength(200);
    expect(finalKinds(outcomes).every((kind) => kind === 'accepted' || kind === 'ambiguous')).toBe(true);
    expect(sut.simulator.received).toHaveLength(200);
    expect(sut.link.status().counters.reconnects).toBeGreaterThan(0);
  });

  it('gives a clear, logged bind error for wrong credentials, never showing the password', async () => {
    const simulator = await SmscSimulator.start({ port: 0, profile: {}, accounts: [{ systemId: 'loa_test', password: 'the-right-one' }] });
    const logs: string[] = [];
    const logger = { log: (line: string) => logs.push(line), warn: (line: string) => logs.push(line), error: (line: string) => logs.push(line) };
    const link = new CarrierLink(account(simulator.port, { binds: 2 }), { ...loadDefaults().link, logger, reconnectInitialMs: 10_000 });
    try {
      const error: Error = await link.start().then(
        () => new Error('bound'),
        (failure: Error) => failure,
      );
      expect(error.message).toBe(`bind_transceiver to viettel at 127.0.0.1:${simulator.port} as system_id "loa_test" failed: ESME_RINVPASWD (0x0000000E)`);
      expect(logs.some((line) => line.includes('ESME_RINVPASWD'))).toBe(true);
      const [outcome] = await Promise.all([link.submit({ destination: '84912345678', text: 'x', encoding: 'gsm7' })]);
      expect(outcome).toMatchObject({ kind: 'not-sent', status: null, accepted: [] });
      const everything = [...logs, error.message, error.stack ?? '', JSON.stringify(link.status()), JSON.stringify(outcome)];
      expect(everything.filter((text) => text.includes(PASSWORD))).toEqual([]);
      expect(simulator.binds.every((bind) => bind.interfaceVersion === 0x34)).toBe(true);
    } finally {
      await link.stop();
      await simulator.stop();
    }
  });

  it("retries a refused bind once per backoff step, on the link's clock, each session on one connection at a time", async () => {
    const simulator = await SmscSimulator.start({ port: 0, profile: {}, accounts: [{ systemId: 'loa_test', password: 'the-right-one' }] });
    const logs: string[] = [];
    const logger = { log: (line: string) => logs.push(line), warn: (line: string) => logs.push(line), error: (line: string) => logs.push(line) };
    // Backoff 100, 200, 400, 400 ms (the cap; jitter at its top): each retry exactly when the clock reaches it.
    const clock = new ManualClock(0);
    const link = new CarrierLink(account(simulator.port, { binds: 1 }), {
      ...loadDefaults().link,
      logger,
      reconnectInitialMs: 100,
      reconnectMaxMs: 400,
      random: () => 1,
      clock,
    });
    /** Moves the clock to just before the next retry (nothing binds), then onto it (one more bind, and the retry after it scheduled). */
    const nextRetryAfter = async (ms: number, binds: number) => {
      clock.advance(ms - 1);
      expect(simulator.binds).toHaveLength(binds - 1);
      clock.advance(1);
      await waitFor(`bind ${binds}`, () => simulator.binds.length === binds && clock.pending === 1);
    };
    try {
      await expect(link.start()).rejects.toThrow(/ESME_RINVPASWD/);
      await waitFor('the first retry scheduled', () => clock.pending === 1);
      expect(simulator.binds).toHaveLength(1);
      await nextRetryAfter(100, 2);
      await nextRetryAfter(200, 3);
      await nextRetryAfter(400, 4);
      await nextRetryAfter(400, 5);
      // A session that never bound is not "lost": its failure is the bind error, logged once per attempt.
      expect(logs.filter((line) => / lost: /.test(line))).toEqual([]);
      expect(logs.filter((line) => /ESME_RINVPASWD/.test(line))).toHaveLength(5);
    } finally {
      await link.stop();
      await simulator.stop();
    }
  });
});
