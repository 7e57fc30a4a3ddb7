import { once } from 'node:events';
import { newPdu, smppPackage, type SmppPdu, type SmppSession } from '@loa/smpp';
import { SmscSimulator, startStatusServer } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';

const ACCOUNT = { systemId: 'loa_vt', password: 'secret' };
const MESSAGES = 20;
const RECEIPT_DELAY_MS: [number, number] = [20, 60];
// Every receipt says delivered; its id is written as submit_sm_resp wrote it, to compare them as they are.
const PROFILE = {
  name: 'viettel',
  receiptDelayMs: RECEIPT_DELAY_MS,
  outcomes: { DELIVRD: 1 },
  messageIdFormat: 'decimal' as const,
  receiptIdFormat: 'decimal' as const,
};

/** A bare SMPP client (not Loa's link): what it binds as and the receipts it is given, answered or not. */
class Esme {
  readonly receipts: SmppPdu[] = [];
  private constructor(readonly session: SmppSession) {}

  static async bind(port: number, command: 'bind_transmitter' | 'bind_receiver' | 'bind_transceiver', answerReceipts: boolean): Promise<Esme> {
    const session = smppPackage.connect({ host: '127.0.0.1', port });
    await once(session, 'connect');
    const esme = new Esme(session);
    session.on('pdu', (pdu: SmppPdu) => {
      if (pdu.command !== 'deliver_sm') return;
      esme.receipts.push(pdu);
      if (answerReceipts) session.send(pdu.response());
    });
    session.send(newPdu(command, { system_id: ACCOUNT.systemId, password: ACCOUNT.password, interface_version: 0x34 }));
    const [resp] = (await once(session, `${command}_resp`)) as [SmppPdu];
    if (resp.command_status !== 0) throw new Error(`${command} refused: ${resp.command_status}`);
    return esme;
  }

  /** Submits one single-part message to each destination; the SMSC's message ids, in order. */
  async submit(destinations: string[]): Promise<string[]> {
    const ids = new Map<number, string>();
    const answered = new Promise<void>((resolve) =>
      this.session.on('submit_sm_resp', (pdu: SmppPdu) => {
        ids.set(pdu.sequence_number, String(pdu.message_id));
        if (ids.size === destinations.length) resolve();
      }),
    );
    const sequences = destinations.map((destination) => {
      const pdu = newPdu('submit_sm', {
        source_addr: 'CONGAN',
        destination_addr: destination,
        registered_delivery: 1,
        data_coding: 0,
        short_message: 'canh bao',
      });
      this.session.send(pdu);
      return pdu.sequence_number;
    });
    await answered;
    return sequences.map((sequence) => ids.get(sequence)!);
  }

  /** Gone without an unbind, as a process killed with SIGKILL. */
  async vanish(): Promise<void> {
    const closed = once(this.session.socket, 'close');
    this.session.socket.destroy();
    await closed;
  }
}

const destinations = Array.from({ length: MESSAGES }, (_, index) => String(84_912_600_000 + index));
const receiptIds = (receipts: SmppPdu[]) => receipts.map((pdu) => String(pdu.receipted_message_id)).sort();

/**
 * SMPP 3.4 store and forward, as a carrier's SMSC does it when the ESME is away (a Loa killed mid-campaign): receipts
 * owed to an account wait for its next receiver, however long nobody is bound, and a receipt sent but never answered
 * goes again.
 */
describe('the SMSC simulator keeps receipts while nobody is bound to take them', () => {
  let simulator: SmscSimulator;

  beforeEach(async () => {
    simulator = await SmscSimulator.start({ port: 0, profile: PROFILE, accounts: [ACCOUNT] });
  });
  afterEach(() => simulator.stop());

  it('delivers, on the next bind, every receipt that came due while no receiver was bound', async () => {
    const transmitter = await Esme.bind(simulator.port, 'bind_transmitter', true);
    const ids = await transmitter.submit(destinations);
    const submittedAt = Date.now();
    await transmitter.vanish();
    // Every receipt is due by now, with nobody to take it.
    await pollUntil(
      async () => Date.now() - submittedAt,
      (elapsed) => elapsed > RECEIPT_DELAY_MS[1] + 200,
      { what: 'the receipts to come due' },
    );
    expect(simulator.counts.receiptsSent).toBe(0);

    const receiver = await Esme.bind(simulator.port, 'bind_receiver', true);

    await pollUntil(
      async () => receiver.receipts.length,
      (count) => count >= MESSAGES,
      { what: 'the stored receipts on the next bind' },
    );
    expect(receiptIds(receiver.receipts)).toEqual([...ids].sort());
    expect(transmitter.receipts).toEqual([]);
    await pollUntil(
      async () => simulator.counts.receiptsAcked,
      (acked) => acked === MESSAGES,
      { what: 'every receipt acknowledged' },
    );
  });

  it('sends again, to the next receiver, the receipts a vanished ESME had been sent and never answered', async () => {
    const killed = await Esme.bind(simulator.port, 'bind_transceiver', false);
    const ids = await killed.submit(destinations);
    await pollUntil(
      async () => killed.receipts.length,
      (count) => count === MESSAGES,
      { what: 'every receipt sent to the first ESME' },
    );
    await killed.vanish();

    const next = await Esme.bind(simulator.port, 'bind_transceiver', true);

    await pollUntil(
      async () => next.receipts.length,
      (count) => count >= MESSAGES,
      { what: 'the unanswered receipts again on the next bind' },
    );
    expect(receiptIds(next.receipts)).toEqual([...ids].sort());
    expect(simulator.counts).toMatchObject({ receiptsSent: 2 * MESSAGES, receiptsAcked: MESSAGES });
  });

  it('shows every message, receipt and what the handsets got at GET /messages of the status endpoint', async () => {
    const status = await startStatusServer([simulator]);
    try {
      const esme = await Esme.bind(simulator.port, 'bind_transceiver', true);
      await esme.submit(destinations);
      await pollUntil(
        async () => simulator.counts.receiptsAcked,
        (acked) => acked === MESSAGES,
        { what: 'every receipt acknowledged' },
      );

      const body = (await (await fetch(`http://127.0.0.1:${status.port}/messages`)).json()) as {
        simulators: {
          profile: string;
          messages: { destination: string; text: string; complete: boolean }[];
          receipts: { state: string }[];
          handsets: object;
        }[];
      };

      const [shown] = body.simulators;
      expect(shown.profile).toBe('viettel');
      expect(shown.messages.map(({ destination, text, complete }) => ({ destination, text, complete }))).toEqual(
        destinations.map((destination) => ({ destination, text: 'canh bao', complete: true })),
      );
      expect(shown.receipts.map((receipt) => receipt.state)).toEqual(destinations.map(() => 'DELIVRD'));
      expect(shown.handsets).toEqual({
        subscribersReached: MESSAGES,
        duplicatedSubscribers: 0,
        duplicatedDestinations: [],
        orphanParts: [],
        partsAccepted: MESSAGES,
      });
      await esme.vanish();
    } finally {
      await status.close();
    }
  });
});
