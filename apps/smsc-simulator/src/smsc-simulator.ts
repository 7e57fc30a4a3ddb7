import { type AddressInfo, Server } from 'node:net';
import { encodeSubmitSmResp, newPdu, PduReader, SMPP_STATUS, type SmppPdu, smppPackage, type SmppSession } from '@loa/smpp';
import { auditHandsets, type HandsetAudit } from './handset-audit';
import { reassemble, type ReassembledMessage, type ReceivedSubmit, decodeSubmit } from './received-submits';
import {
  behavioursFor,
  DROP_CONNECTION,
  isTaken,
  LOST_ANSWER,
  NO_ANSWER,
  RESET_AFTER_RESPONSE,
  seededRandom,
  type SmscBehaviour,
  type SubmitContext,
} from './smsc-behaviours';
import { resolveProfile, type SmscProfile } from './smsc-profile';
import { formatMessageId, type PendingReceipt, pickOutcome, RECEIPT_ERROR_CODES, receiptMessageId, receiptPdu, type SentReceipt } from './smsc-receipts';
import { TimeBuckets } from './time-buckets';

export interface SmscAccount {
  systemId: string;
  password: string;
}

export interface SmscSimulatorOptions {
  port?: number;
  host?: string;
  /** A profile name from config/smsc-profiles.json, or an inline profile (over the named one when `name` matches). */
  profile: string | Partial<SmscProfile>;
  /** Accounts allowed to bind; without any, every system_id / password binds. */
  accounts?: SmscAccount[];
  /** Keep every submit and receipt for inspection (default true); benchmarks turn it off. */
  record?: boolean;
  /** Keep only the latest this many submits and receipts (default: all); long-running simulators bound memory. */
  recordLimit?: number;
}

interface Connection {
  id: number;
  session: SmppSession;
  systemId: string;
  mode: 'transceiver' | 'transmitter' | 'receiver' | null;
  submits: number;
  /** Receipts sent on this connection and not yet answered, by deliver_sm sequence number. */
  unanswered: Map<number, PendingReceipt>;
  /** Whether this tick's writes are held back to leave together (see write()). */
  corked: boolean;
}

const BIND_MODES: Record<string, Connection['mode']> = { bind_transceiver: 'transceiver', bind_transmitter: 'transmitter', bind_receiver: 'receiver' };
// An unknown command_id (SMPP 3.4 reserves 0x00000010-0x00000014 and others): a correct ESME answers generic_nack.
const UNKNOWN_COMMAND = Buffer.from([0, 0, 0, 16, 0, 0, 0, 0x10, 0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff]);
// A command_length far beyond any PDU: the ESME cannot frame the stream any more and must reconnect.
const GARBAGE = Buffer.from([0x7f, 0xff, 0xff, 0xf0, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8]);
// Store and forward: a receipt the ESME refused (any non-zero deliver_sm_resp) goes again after this long,
// and one whose connection closed unanswered as soon as a receiver is bound. Real SMSCs retry for hours.
const RECEIPT_RETRY_MS = 1000;

/** A carrier SMSC on loopback: the base protocol plus the profile's behaviours. */
export class SmscSimulator {
  readonly profile: SmscProfile;
  readonly received: ReceivedSubmit[] = [];
  readonly receiptsSent: SentReceipt[] = [];
  readonly binds: { systemId: string; command: string; interfaceVersion: number; status: number }[] = [];
  readonly statuses = new Map<number, number>();
  readonly counts = {
    submits: 0,
    accepted: 0,
    dropped: 0,
    resets: 0,
    receiptsSent: 0,
    receiptsAcked: 0,
    receiptsRetried: 0,
    /** Positive deliver_sm_resp taken as never received (lostReceiptAckEvery), and those receipts sent again. */
    receiptAcksLost: 0,
    receiptsReplayed: 0,
    genericNacks: 0,
    malformedSent: 0,
    enquireLinks: 0,
    unbinds: 0,
  };
  port = 0;
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  private readonly behaviours: SmscBehaviour[];
  private readonly random: () => number;
  private readonly receipts: TimeBuckets<PendingReceipt>;
  private readonly deferredAnswers = new TimeBuckets<() => void>((answers) => answers.forEach((answer) => answer()));
  private readonly record: boolean;
  private receiptAcks = 0;
  private nextConnection = 1;
  private nextId: number;
  private stopping = false;

  private constructor(private readonly options: SmscSimulatorOptions) {
    this.profile = resolveProfile(options.profile);
    this.record = options.record ?? true;
    this.random = seededRandom(this.profile.seed ?? Date.now());
    this.nextId = 0x10000000 + Math.floor(this.random() * 0x1000000);
    this.behaviours = behavioursFor(this.profile);
    this.receipts = new TimeBuckets((due) => this.sendReceipts(due));
    this.server = smppPackage.createServer({}, (session) => this.onConnection(session));
  }

  static async start(options: SmscSimulatorOptions): Promise<SmscSimulator> {
    const simulator = new SmscSimulator(options);
    await new Promise<void>((resolve, reject) => {
      simulator.server.once('error', reject);
      simulator.server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    simulator.port = (simulator.server.address() as AddressInfo).port;
    return simulator;
  }

  /** Accepted submits reassembled into whole messages (UDH, SAR and message_payload). */
  messages(): ReassembledMessage[] {
    return reassemble(this.received);
  }

  /** What the handsets got from the submits recorded so far (needs `record`, and every submit kept). */
  handsetAudit(): HandsetAudit {
    return auditHandsets(this.received);
  }

  /** Submits received in each wall-clock second that saw any. */
  submitsPerSecond(): number[] {
    const buckets = new Map<number, number>();
    for (const { at } of this.received) buckets.set(Math.floor(at / 1000), (buckets.get(Math.floor(at / 1000)) ?? 0) + 1);
    return [...buckets.values()];
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  reset(): void {
    this.received.length = 0;
    this.receiptAcks = 0;
    this.receiptsSent.length = 0;
    this.binds.length = 0;
    this.statuses.clear();
    for (const key of Object.keys(this.counts) as (keyof SmscSimulator['counts'])[]) this.counts[key] = 0;
  }

  /** A subscriber's SMS to the brandname (mobile originated), sent in UCS-2 to a receiver of `systemId`. */
  sendInbound(systemId: string, from: string, to: string, text: string): void {
    const [connection] = this.receiversOf(systemId);
    if (!connection) throw new Error(`no receiver bound as ${systemId}`);
    connection.session.send(
      newPdu('deliver_sm', {
        source_addr_ton: 1,
        source_addr_npi: 1,
        source_addr: from,
        dest_addr_ton: 5,
        dest_addr_npi: 0,
        destination_addr: to,
        esm_class: 0,
        data_coding: 8,
        short_message: Buffer.from(text, 'utf16le').swap16(),
      }),
    );
  }

  /** Drops every connection without an unbind, as a crashing SMSC would. */
  dropConnections(): void {
    for (const connection of this.connections) {
      this.flush(connection);
      connection.session.destroy();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.receipts.clear();
    this.deferredAnswers.clear();
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(session: SmppSession): void {
    const connection: Connection = { id: this.nextConnection++, session, systemId: '', mode: null, submits: 0, unanswered: new Map(), corked: false };
    this.connections.add(connection);
    // Loa's reader instead of the package's, as the ESME side does: submits and receipt answers decoded by
    // hand, every other PDU by the package (PduReader). The package still writes the rare PDUs.
    session.socket.removeAllListeners('readable');
    const reader = new PduReader();
    session.socket.on('readable', () => this.read(connection, reader));
    session.on('error', () => session.destroy());
    session.on('close', () => {
      this.connections.delete(connection);
      this.retryReceipts([...connection.unanswered.values()], Date.now());
    });
  }

  private read(connection: Connection, reader: PduReader): void {
    const socket = connection.session.socket;
    for (let chunk: Buffer | null = socket.read(); chunk !== null; chunk = socket.read()) {
      let pdus: SmppPdu[];
      try {
        pdus = reader.push(chunk);
      } catch {
        return void connection.session.destroy(); // a stream that cannot be framed any more
      }
      for (const pdu of pdus) this.onPdu(connection, pdu);
    }
  }

  /** Writes of one tick leave together: one segment for many answers and receipts instead of one each. */
  private write(connection: Connection, pdu: Buffer): boolean {
    const socket = connection.session.socket;
    if (!socket.writable) return false;
    if (!connection.corked) {
      connection.corked = true;
      socket.cork();
      process.nextTick(() => {
        connection.corked = false;
        socket.uncork();
      });
    }
    socket.write(pdu);
    return true;
  }

  /** What this tick has written leaves now (before a drop or a reset, which would discard it). */
  private flush(connection: Connection): void {
    if (!connection.corked) return;
    connection.corked = false;
    connection.session.socket.uncork();
  }

  /** The next request sequence number of the session, as the package numbers its own requests. */
  private nextSequence(session: SmppSession): number {
    if (session.sequence === 0x7fffffff) session.sequence = 0;
    return ++session.sequence;
  }

  private onPdu(connection: Connection, pdu: SmppPdu): void {
    // node-smpp goes on emitting the PDUs it had read before this side dropped or reset the connection.
    if (connection.session.socket.destroyed) return;
    switch (pdu.command) {
      case 'submit_sm':
        return this.onSubmit(connection, pdu);
      case 'deliver_sm_resp':
        return this.onReceiptAnswer(connection, pdu);
      case 'generic_nack':
        this.counts.genericNacks++;
        return;
      case 'enquire_link':
        this.counts.enquireLinks++;
        return void connection.session.send(pdu.response());
      case 'unbind':
        this.counts.unbinds++;
        connection.session.send(pdu.response());
        return connection.session.close();
      case 'bind_transceiver':
      case 'bind_transmitter':
      case 'bind_receiver':
        return this.onBind(connection, pdu);
      default:
        if (!pdu.isResponse())
          connection.session.send(newPdu('generic_nack', { sequence_number: pdu.sequence_number, command_status: SMPP_STATUS.INVALID_COMMAND_ID }));
    }
  }

  private onBind(connection: Connection, pdu: SmppPdu): void {
    const systemId = String(pdu.system_id ?? '');
    const accounts = this.options.accounts ?? [];
    const account = accounts.find((candidate) => candidate.systemId === systemId);
    const status = accounts.length === 0 ? 0 : !account ? SMPP_STATUS.INVALID_SYSTEM_ID : account.password !== pdu.password ? SMPP_STATUS.INVALID_PASSWORD : 0;
    this.binds.push({ systemId, command: pdu.command, interfaceVersion: Number(pdu.interface_version), status });
    if (status === 0) {
      connection.systemId = systemId;
      connection.mode = BIND_MODES[pdu.command];
    }
    connection.session.send(pdu.response({ system_id: 'LOASIM', command_status: status }));
  }

  private onSubmit(connection: Connection, pdu: SmppPdu): void {
    if (!connection.mode || connection.mode === 'receiver') {
      return void connection.session.send(pdu.response({ command_status: SMPP_STATUS.INVALID_BIND_STATUS }));
    }
    this.counts.submits++;
    connection.submits++;
    const now = Date.now();
    const destination = String(pdu.destination_addr ?? '');
    let decoded: ReturnType<typeof decodeSubmit> | undefined;
    const decode = () => (decoded ??= decodeSubmit(pdu, { at: now, systemId: connection.systemId, connection: connection.id }));
    const message = () => ({ text: decode().text, part: decode().concat?.sequence ?? 1, concatenated: decode().concat !== null });
    const context: SubmitContext = { systemId: connection.systemId, destination, connectionSubmits: connection.submits, now, random: this.random, message };
    const status = this.statusFor(context);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    const taken = isTaken(status);
    const idNumber = taken ? this.nextId++ : 0;
    const messageId = taken ? formatMessageId(idNumber, this.profile.messageIdFormat) : null;
    const submit = this.record ? { ...decode(), status, messageId } : undefined;
    if (submit) this.keep(this.received, submit);
    if (status === DROP_CONNECTION) {
      this.counts.dropped++;
      this.flush(connection);
      return connection.session.destroy();
    }
    if (status === NO_ANSWER) return;
    const answer = this.answerAfterDelay(context, () => this.answerSubmit(connection, pdu, status, messageId));
    if (taken) {
      this.counts.accepted++;
      const source = String(pdu.source_addr ?? '');
      const snippet = (submit?.text ?? '').slice(0, 20).replace(/[^\x20-\x7e]/g, '.');
      const receipt: PendingReceipt = {
        systemId: connection.systemId,
        idNumber,
        submitMessageId: messageId!,
        source,
        destination,
        submittedAt: now,
        state: pickOutcome(this.profile.outcomes, this.random),
        snippet,
      };
      if (this.profile.receiptsBeforeResponse) {
        this.sendReceipts([receipt]);
        this.deferredAnswers.add(answer, now);
      } else {
        answer();
        const [low, high] = this.profile.receiptDelayMs;
        this.receipts.add(receipt, now + low + this.random() * (high - low));
      }
    } else {
      answer();
    }
    if (!connection.session.socket.destroyed) this.sendMalformed(connection, context);
  }

  /** The first behaviour's refusal (or pseudo-status), 0 when every behaviour lets the submit through. */
  private statusFor(context: SubmitContext): number {
    for (const behaviour of this.behaviours) {
      const status = behaviour.refuse?.(context) ?? 0;
      if (status !== 0) return status;
    }
    return 0;
  }

  private answerSubmit(connection: Connection, pdu: SmppPdu, status: number, messageId: string | null): void {
    if (status === LOST_ANSWER) return;
    this.write(connection, encodeSubmitSmResp(pdu.sequence_number, isTaken(status) ? 0 : status, messageId ?? ''));
    if (status === RESET_AFTER_RESPONSE) this.resetConnection(connection);
  }

  private sendMalformed(connection: Connection, context: SubmitContext): void {
    for (const behaviour of this.behaviours) {
      const broken = behaviour.afterAnswer?.(context);
      if (!broken) continue;
      this.counts.malformedSent++;
      connection.session.socket.write(broken === 'garbage' ? GARBAGE : UNKNOWN_COMMAND);
    }
  }

  /** The answer as it is, or one that goes out only after the delay a behaviour asks for. */
  private answerAfterDelay(context: SubmitContext, answer: () => void): () => void {
    const delayMs = Math.max(0, ...this.behaviours.map((behaviour) => behaviour.answerDelayMs?.(context) ?? 0));
    return delayMs > 0 ? () => this.deferredAnswers.add(answer, context.now + delayMs) : answer;
  }

  /** TCP RST at once: whatever this side had not flushed yet (answers included) never reaches the ESME. */
  private resetConnection(connection: Connection): void {
    if (connection.session.socket.destroyed) return;
    this.counts.resets++;
    this.flush(connection); // the answers written so far reach the ESME before the reset, as on an uncorked socket
    connection.session.socket.resetAndDestroy();
  }

  private onReceiptAnswer(connection: Connection, pdu: SmppPdu): void {
    const receipt = connection.unanswered.get(pdu.sequence_number);
    if (!receipt) return; // an answer to an inbound message, or to nothing
    if (pdu.command_status === 0 && this.losesReceiptAck(connection)) return this.loseReceiptAck(connection, receipt);
    connection.unanswered.delete(pdu.sequence_number);
    if (pdu.command_status === 0) this.counts.receiptsAcked++;
    else this.retryReceipts([receipt], Date.now() + RECEIPT_RETRY_MS);
  }

  private losesReceiptAck(connection: Connection): boolean {
    const context = { systemId: connection.systemId, receiptAcks: ++this.receiptAcks };
    return this.behaviours.some((behaviour) => behaviour.loseReceiptAck?.(context));
  }

  /**
   * As if the ack were still on the wire when the connection broke: the receipt stays unanswered, so
   * closing the connection sends it again to the next receiver bound (store and forward, as for any
   * receipt left unanswered) although the ESME has it already.
   */
  private loseReceiptAck(connection: Connection, receipt: PendingReceipt): void {
    this.counts.receiptAcksLost++;
    receipt.ackLost = true;
    this.resetConnection(connection);
  }

  private retryReceipts(receipts: PendingReceipt[], dueAt: number): void {
    if (this.stopping) return;
    for (const receipt of receipts) {
      this.counts.receiptsRetried++;
      this.receipts.add(receipt, dueAt);
    }
  }

  private sendReceipts(due: PendingReceipt[]): void {
    const receivers = new Map<string, Connection[]>();
    const turn = new Map<string, number>();
    const now = Date.now();
    for (const receipt of due) {
      let candidates = receivers.get(receipt.systemId);
      if (!candidates) receivers.set(receipt.systemId, (candidates = this.receiversOf(receipt.systemId)));
      if (candidates.length === 0) {
        this.receipts.add(receipt, now + 200); // no receiver bound right now: try again shortly
        continue;
      }
      const index = turn.get(receipt.systemId) ?? 0;
      turn.set(receipt.systemId, index + 1);
      const connection = candidates[index % candidates.length];
      const messageId = receiptMessageId(receipt, this.profile);
      const sequence = this.nextSequence(connection.session);
      if (!this.write(connection, receiptPdu(receipt, messageId, this.profile.receiptForm, now, sequence))) {
        this.retryReceipts([receipt], now + 200);
        continue;
      }
      connection.unanswered.set(sequence, receipt);
      this.counts.receiptsSent++;
      if (receipt.ackLost) {
        this.counts.receiptsReplayed++;
        receipt.ackLost = false;
      }
      if (this.record) {
        const { systemId, submitMessageId, state, source, destination } = receipt;
        this.keep(this.receiptsSent, { systemId, messageId, submitMessageId, state, errorCode: RECEIPT_ERROR_CODES[state], source, destination, at: now });
      }
    }
  }

  private keep<T>(records: T[], record: T): void {
    records.push(record);
    const limit = this.options.recordLimit ?? Infinity;
    // Trim in chunks of a tenth so the array is not shifted on every submit.
    if (records.length > limit * 1.1) records.splice(0, records.length - limit);
  }

  private receiversOf(systemId: string): Connection[] {
    return [...this.connections].filter(
      (connection) => connection.systemId === systemId && connection.mode !== 'transmitter' && connection.mode !== null && connection.session.socket.writable,
    );
  }
}
