import { CarrierLink } from '@loa/smpp';
import { acceptedIds, destinations, type Harness, startHarness, submitAll, waitFor } from './link-harness';

describe(`${CarrierLink.name} against the simulator: receipts`, () => {
  let sut: Harness;

  afterEach(async () => {
    await sut?.stop();
  });

  it('matches 100% of receipts when the SMSC answers hex ids and sends decimal receipts', async () => {
    sut = await startHarness({ messageIdFormat: 'hex', receiptIdFormat: 'decimal' }, { dlrIdFormat: 'hex-to-dec' });
    const outcomes = await submitAll(
      sut.link,
      destinations(300).map((destination) => ({ destination, text: 'Canh bao lua dao' })),
    );
    const ids = acceptedIds(outcomes.flat());
    expect(ids).toHaveLength(300);
    await waitFor('300 receipts', () => sut.receipts.length === 300);
    expect(new Set(sut.receipts.map((receipt) => receipt.smscMessageId))).toEqual(new Set(ids));
    expect(sut.simulator.received[0].messageId).toMatch(/^[0-9A-F]{10}$/);
    expect(sut.simulator.receiptsSent[0].messageId).toMatch(/^\d+$/);
  });

  it('matches decimal submit ids with hex receipts (dec-to-hex)', async () => {
    sut = await startHarness({ messageIdFormat: 'decimal', receiptIdFormat: 'hex', receiptForm: 'text' }, { dlrIdFormat: 'dec-to-hex' });
    const ids = acceptedIds(
      (
        await submitAll(
          sut.link,
          destinations(50).map((destination) => ({ destination, text: 'x' })),
        )
      ).flat(),
    );
    await waitFor('50 receipts', () => sut.receipts.length === 50);
    expect(new Set(sut.receipts.map((receipt) => receipt.smscMessageId))).toEqual(new Set(ids));
    expect(sut.receipts.every((receipt) => receipt.state !== null && receipt.doneAt instanceof Date)).toBe(true);
  });

  it('matches 100% of receipts that arrive before their submit_sm_resp', async () => {
    sut = await startHarness({ receiptsBeforeResponse: true, messageIdFormat: 'hex', receiptIdFormat: 'decimal' }, { dlrIdFormat: 'hex-to-dec' });
    const outcomes = await submitAll(
      sut.link,
      destinations(200).map((destination) => ({ destination, text: 'truoc' })),
    );
    const ids = acceptedIds(outcomes.flat());
    expect(ids).toHaveLength(200);
    await waitFor('200 receipts', () => sut.receipts.length === 200);
    expect(new Set(sut.receipts.map((receipt) => receipt.smscMessageId))).toEqual(new Set(ids));
    // The link answers each deliver_sm once its receipt is handled: the last answers may still be on the wire.
    await waitFor('200 receipts answered', () => sut.simulator.counts.receiptsAcked >= 200);
    expect(sut.simulator.counts.receiptsAcked).toBe(200);
  });

  it('submits on transmitters and takes receipts on receivers in transmitter+receiver mode', async () => {
    sut = await startHarness({}, { bindMode: 'transmitter+receiver', binds: 2 });
    const ids = acceptedIds(
      (
        await submitAll(
          sut.link,
          destinations(40).map((destination) => ({ destination, text: 'tx rx' })),
        )
      ).flat(),
    );
    await waitFor('40 receipts', () => sut.receipts.length === 40);
    expect(new Set(sut.receipts.map((receipt) => receipt.smscMessageId))).toEqual(new Set(ids));
    expect(sut.simulator.binds.map((bind) => bind.command).sort()).toEqual(['bind_receiver', 'bind_transmitter']);
  });

  it('keeps the link alive with enquire_link and unbinds every session on stop after the window drains', async () => {
    sut = await startHarness({ receiptDelayMs: [300, 400] }, { binds: 2, enquireLinkSeconds: 1 });
    const pending = Promise.all(['84911111111', '84922222222'].map((destination) => sut.link.submit({ destination, text: 'x', encoding: 'gsm7' })));
    await waitFor('two enquire_links', () => sut.simulator.counts.enquireLinks >= 2, 5000);
    expect((await pending).map((outcome) => outcome.kind)).toEqual(['accepted', 'accepted']);
    await sut.link.stop();
    expect(sut.simulator.counts.unbinds).toBe(2);
    expect(sut.link.status()).toMatchObject({ state: 'stopped', boundSessions: 0, inFlight: 0 });
    expect(await sut.link.submit({ destination: '84911111111', text: 'x', encoding: 'gsm7' })).toMatchObject({ kind: 'not-sent', accepted: [] });
  });

  it('gets again, a second later, a receipt it could not store (answered ESME_RX_T_APPN), and every one in the end', async () => {
    sut = await startHarness({});
    let refusing = true;
    sut.link.onReceipt(async (receipt) => {
      if (refusing) throw new Error('database unavailable');
      sut.receipts.push(receipt);
    });
    const ids = acceptedIds(
      (
        await submitAll(
          sut.link,
          destinations(30).map((destination) => ({ destination, text: 'x' })),
        )
      ).flat(),
    );
    await waitFor('30 receipts refused', () => sut.simulator.counts.receiptsRetried >= 30);
    expect(sut.receipts).toHaveLength(0);
    expect(sut.simulator.counts.receiptsAcked).toBe(0);
    refusing = false;
    await waitFor('30 receipts stored', () => sut.receipts.length >= 30, 5000);
    expect(new Set(sut.receipts.map((receipt) => receipt.smscMessageId))).toEqual(new Set(ids));
    // Logged, but not once per receipt: an outage at contract speed would flood the log.
    const logged = sut.logs.filter((line) => /not stored.*ESME_RX_T_APPN: database unavailable/.test(line));
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged.length).toBeLessThanOrEqual(2);
  });

  it('gets again the receipts whose connection dropped before they were answered', async () => {
    sut = await startHarness({ receiptDelayMs: [1, 5] }, { binds: 1 });
    let held = 0;
    sut.link.onReceipt(async (receipt) => {
      if (held++ < 20) return new Promise<void>(() => undefined); // never answered on this connection
      sut.receipts.push(receipt);
    });
    const ids = acceptedIds(
      (
        await submitAll(
          sut.link,
          destinations(20).map((destination) => ({ destination, text: 'x' })),
        )
      ).flat(),
    );
    await waitFor('20 receipts held', () => held >= 20);
    sut.simulator.dropConnections();
    await waitFor('20 receipts stored after the reconnect', () => sut.receipts.length >= 20, 5000);
    expect(new Set(sut.receipts.map((receipt) => receipt.smscMessageId))).toEqual(new Set(ids));
  });

  it('reports the outcome mix the SMSC sends, from TLVs and text', async () => {
    sut = await startHarness({ outcomes: { DELIVRD: 1, UNDELIV: 1, EXPIRED: 1, REJECTD: 1 }, seed: 7 });
    await submitAll(
      sut.link,
      destinations(80).map((destination) => ({ destination, text: 'mix' })),
    );
    await waitFor('80 receipts', () => sut.receipts.length === 80);
    const sent = new Map(sut.simulator.receiptsSent.map((receipt) => [receipt.messageId, receipt.state]));
    for (const receipt of sut.receipts) expect(receipt.state).toBe(sent.get(receipt.smscMessageId!));
    expect(new Set(sut.receipts.map((receipt) => receipt.state)).size).toBe(4);
  });
});
